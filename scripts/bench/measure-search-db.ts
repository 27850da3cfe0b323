// The in-process part of `npm run bench:search` at one archive size, run in a process of its own
// so that the search index is built from scratch and the process's peak memory is this size's.
// After the app's series, each query again as the plain-PostgreSQL baseline (search-queries.ts) on a
// connection of its own, its answer checked against the app's: the count, the first page, the facets.
import pg from "pg";
import type { ArchiveQuery } from "@/lib/search/archive-query";
import type { SearchResult } from "@/lib/search/search-archive";
import { benchQueries, FACETS, plainAnswerOf, plainSearchStatement, type BenchQuery, type PlainAnswer, type PlainPart, type PlainQuery } from "./search-queries";
import { int, ms, summarize, type Summary } from "./stats";

export type DbPhaseOptions = {
  url: string;
  size: number;
  coldRuns: number;
  warmRuns: number;
  plainRuns: number;
  plainTimeoutSeconds: number;
  /** Each series of runs (cold, warm, plain) of a query stops early once it has taken this long, after a minimum of runs. */
  budgetSeconds: number;
};

/** Every series (cold, warm, plain) runs at least this many times, whatever the budget. */
const MIN_RUNS = 5;

function withinBudget(run: number, min: number, startedAt: number, budgetSeconds: number): boolean {
  return run < min || performance.now() - startedAt < budgetSeconds * 1000;
}

export type Breakdown = {
  /** Text queries: matchText with every cache empty: PostgreSQL parses, the postings are read and evaluated (p50). */
  matchColdMs?: number;
  /** Text queries: matchText with the postings in memory, the match itself recomputed (p50). */
  matchWarmMs?: number;
  /** Text queries: ts_headline of the first page's 25 wires (p50). */
  highlightMs?: number;
  matches?: number;
  /** The in-memory index: mask, counts of every facet, the page (p50; an approximation of search-archive's work). */
  indexMs: number;
  /** The baseline's statement with only its page of cards, then with only its count (p50 of 5 runs each). */
  plainPageMs?: number;
  plainCountMs?: number;
};

export type QueryDbResult = {
  key: string;
  label: string;
  href: string;
  apiHref: string;
  total: number;
  ordering: string;
  /** The first wire of the page searchArchive returns: the HTTP phase checks the page shows it. */
  firstId?: string;
  cold: Summary;
  warm: Summary;
  /** The search done the plain-PostgreSQL way (search-queries.ts): its times, its count and how its answer differs from the app's (nothing, if right). */
  plain: Summary & { total: number; mismatches: string[] };
  breakdown: Breakdown;
};

export type DbPhaseResult = {
  size: number;
  indexBuildMs: number;
  indexSize: number;
  refreshMs: Summary;
  cardsMs: Summary;
  /** The same 25 cards in plain SQL, the source count as a correlated subquery per wire. */
  cardsSqlMs: Summary;
  queries: QueryDbResult[];
  benchPeakBytes: number;
  options: DbPhaseOptions;
};

const PAGE = 25;
/** Cold calls made, untimed, before a query's series. */
const WARM_UP_CALLS = 5;

export async function measureSearchDb(options: DbPhaseOptions): Promise<DbPhaseResult> {
  // lib/env reads the environment once, on first use: point it at the benchmark database first.
  process.env.DATABASE_URL = options.url;
  process.env.ARCHIVE_AUTO_IMPORT = "0";
  const { archiveHref, parseArchiveQuery, searchParamsOf } = await import("@/lib/search/archive-query");
  const { searchArchive } = await import("@/lib/search/search-archive");
  const { clearTextCache, matchText } = await import("@/lib/search/match-text");
  const { clearPostingsCache } = await import("@/lib/search/postings/load-postings");
  const { loadSearchIndex } = await import("@/lib/search/load-search-index");
  const { highlightWires } = await import("@/lib/search/highlight-wires");
  const { resolveFilters } = await import("@/lib/search/resolve-filters");
  const { pageByDate, pageByRank } = await import("@/lib/search/result-pages");
  const { indexFilterOf } = await import("@/lib/search/index-filter");
  const { getDb, getPrisma } = await import("@/lib/db/get-db");
  const { wireCardSelect } = await import("@/lib/wires/wire-card");
  const { WORD_POINTS } = await import("@/lib/search/match-text");
  const { parseTsQuery, rankedLexemes } = await import("@/lib/search/tsquery");
  const { normalizeSearchText } = await import("@/lib/search/normalize-search-text");
  const { DAY_BITS } = await import("@/lib/search/result-pages");
  const { isoOfDay } = await import("@/lib/search/facet-index");

  const toQuery = (href: string) => {
    const parsed = parseArchiveQuery(searchParamsOf(new URL(href, "http://bench").searchParams));
    if (!parsed.success) throw new Error(`${href}: ${parsed.error.message}`);
    return parsed.data;
  };
  const time = async <T>(run: () => Promise<T>): Promise<[number, T]> => {
    const t0 = performance.now();
    const value = await run();
    return [performance.now() - t0, value];
  };

  const db = await getDb();
  const prisma = await getPrisma();
  console.log(`  building the search index (first call)…`);
  const [indexBuildMs, index] = await time(() => loadSearchIndex());
  console.log(`  index build: ${(indexBuildMs / 1000).toFixed(2)} s for ${int(index.listed.count())} listed wires (ordinals up to ${int(index.size)})`);

  const refreshTimes: number[] = [];
  for (let i = 0; i < 30; i += 1) refreshTimes.push((await time(() => loadSearchIndex()))[0]);

  const plainClient = new pg.Client({ connectionString: options.url, application_name: "bench:search plain PostgreSQL" });
  await plainClient.connect();
  const fetchClient = new pg.Client({ connectionString: options.url, application_name: "bench:search breakdown" });
  await fetchClient.connect();
  try {
    // A search's statements are short and planned afresh: JIT compilation (on by default, for statements the planner
    // deems costly) would add its compile time to every run; the facet counts' hashes get room to stay in memory.
    await plainClient.query(`SET statement_timeout = ${Math.round(options.plainTimeoutSeconds * 1000)}; SET jit = off; SET work_mem = '64MB'`);
    const results: QueryDbResult[] = [];
    const timed: { bench: BenchQuery; href: string; query: ArchiveQuery; sample: SearchResult; cold: Summary; warm: Summary; breakdown: Breakdown }[] = [];
    let cardsMs: Summary | undefined;
    let cardsSqlMs: Summary | undefined;
    queries: for (const bench of benchQueries()) {
      let href = archiveHref(bench.state);
      let query = toQuery(href);
      if (bench.deepPages) {
        console.log(`  ${bench.key}: following ${bench.deepPages} "older" cursors from the first page…`);
        for (let page = 1; page <= bench.deepPages; page += 1) {
          const result = await searchArchive(query);
          if (!result.older) {
            console.log(`  ${bench.key}: skipped, no older page after page ${page}: the archive is too small for ${bench.deepPages} pages`);
            continue queries;
          }
          href = archiveHref({ ...query, cursor: result.older, dir: "older" });
          query = toQuery(href);
          if (page % 50 === 0) console.log(`    page ${page + 1} reached`);
        }
      }
      // Untimed: JIT (of the cold path too: what a cold search runs, the first call alone does not
      // compile), connection pools, PostgreSQL's buffers.
      let sample = await searchArchive(query);
      for (let i = 0; i < WARM_UP_CALLS; i += 1) {
        clearTextCache();
        clearPostingsCache();
        sample = await searchArchive(query);
      }
      for (let i = 0; i < 2; i += 1) sample = await searchArchive(query);
      if (sample.badCursor) throw new Error(`${bench.key}: the cursor was rejected`);

      const cold: number[] = [];
      const coldStart = performance.now();
      for (let i = 0; i < options.coldRuns && withinBudget(i, MIN_RUNS, coldStart, options.budgetSeconds); i += 1) {
        clearTextCache();
        clearPostingsCache();
        cold.push((await time(() => searchArchive(query)))[0]);
      }
      await searchArchive(query);
      const warm: number[] = [];
      const warmStart = performance.now();
      for (let i = 0; i < options.warmRuns && withinBudget(i, MIN_RUNS, warmStart, options.budgetSeconds); i += 1) {
        warm.push((await time(() => searchArchive(query)))[0]);
      }
      const coldSummary = summarize(cold);
      const warmSummary = summarize(warm);
      console.log(
        `  ${bench.key.padEnd(13)} ${int(sample.total).padStart(9)} results  cold p50 ${ms(coldSummary.p50)} p95 ${ms(coldSummary.p95)} ms (${cold.length} runs)  warm p50 ${ms(warmSummary.p50)} p95 ${ms(warmSummary.p95)} ms (${warm.length} runs)`,
      );

      // Where the time goes.
      const breakdown: Breakdown = { indexMs: 0 };
      const current = await loadSearchIndex();
      const text = query.q ? await matchText(query.q, current) : undefined;
      if (query.q && text) {
        const coldTimes: number[] = [];
        const warmTimes: number[] = [];
        for (let i = 0; i < 5; i += 1) {
          clearTextCache();
          clearPostingsCache();
          coldTimes.push((await time(() => matchText(query.q!, current)))[0]);
          clearTextCache();
          warmTimes.push((await time(() => matchText(query.q!, current)))[0]);
        }
        breakdown.matchColdMs = summarize(coldTimes).p50;
        breakdown.matchWarmMs = summarize(warmTimes).p50;
        breakdown.matches = text.bits.count();
        const ords: number[] = [];
        text.bits.forEach((ord) => void (ords.length < PAGE && ords.push(ord)));
        const highlightTimes: number[] = [];
        for (let i = 0; i < 5; i += 1) highlightTimes.push((await time(() => highlightWires(ords, query.q!)))[0]);
        breakdown.highlightMs = summarize(highlightTimes).p50;
      }
      const resolved = await resolveFilters(current, query.provider, query.code);
      const filter = indexFilterOf(query, resolved, text?.bits);
      const indexTimes: number[] = [];
      for (let i = 0; i < 10; i += 1) {
        const t0 = performance.now();
        const mask = current.mask(filter);
        current.count(mask, ["provider", "code", "severity", "standard", "status", "year"]);
        if (text) pageByRank(text.levels(mask), current, query.cursor, query.dir, PAGE);
        else pageByDate(current, mask, query.cursor, query.dir, PAGE);
        indexTimes.push(performance.now() - t0);
      }
      breakdown.indexMs = summarize(indexTimes).p50;

      if (!cardsMs) {
        const ords = (await prisma.wire.findMany({ select: { ord: true }, take: PAGE, orderBy: { ord: "desc" } })).map((row) => row.ord);
        const cardTimes: number[] = [];
        for (let i = 0; i < 20; i += 1) {
          cardTimes.push((await time(() => prisma.wire.findMany({ where: { ord: { in: ords } }, select: { ...wireCardSelect, ord: true } })))[0]);
        }
        cardsMs = summarize(cardTimes);
        const sqlTimes: number[] = [];
        for (let i = 0; i < 20; i += 1) {
          sqlTimes.push(
            (
              await time(() =>
                fetchClient.query(
                  `SELECT w.id, w.slug, w.headline, w.summary, w.occurred_on, w.published_at, w.severity, w.sourcing_standard, w.status, w.ord,
                     (SELECT count(*) FROM source s WHERE s.wire_id = w.id) AS sources,
                     (SELECT json_agg(json_build_object('slug', p.slug, 'name', p.name) ORDER BY wp.position) FROM wire_provider wp JOIN provider p ON p.id = wp.provider_id WHERE wp.wire_id = w.id) AS providers,
                     (SELECT json_agg(json_build_object('code', c.code, 'label', c.label) ORDER BY wc.position) FROM wire_code wc JOIN code c ON c.code = wc.code WHERE wc.wire_id = w.id) AS codes
                   FROM wire w WHERE w.ord = ANY($1::int[])`,
                  [ords],
                ),
              )
            )[0],
          );
        }
        cardsSqlMs = summarize(sqlTimes);
      }

      timed.push({ bench, href, query, sample, cold: coldSummary, warm: warmSummary, breakdown });
    }

    // The plain-PostgreSQL baseline: same queries, same run, after every timed series of the app, so that
    // its scans do not disturb the next query's timings. Providers resolve as the app's taxonomy does, once.
    for (const { bench, href, query, sample, cold: coldSummary, warm: warmSummary, breakdown } of timed) {
      const { rows: providerRows } = await plainClient.query<{ id: number }>(`SELECT id FROM provider WHERE slug = ANY($1::text[])`, [sample.applied.provider]);
      const base: PlainQuery = {
        providerIds: providerRows.map((row) => row.id),
        codes: sample.applied.code,
        severity: query.severity,
        standards: query.standard.map((s) => s.toUpperCase()),
        statuses: query.status.map((s) => s.toUpperCase()),
        from: query.from,
        to: query.to,
        after: keysetOf(query, DAY_BITS, isoOfDay),
      };
      const q = query.q ? normalizeSearchText(query.q) : undefined;
      /** One search: PostgreSQL reads the text (its lexemes rank the matches), then the one statement. */
      const plainSearch = async (part: PlainPart): Promise<PlainAnswer> => {
        let text: PlainQuery["text"];
        if (q) {
          const { rows } = await plainClient.query<{ query: string }>(`SELECT websearch_to_tsquery('english', $1)::text AS query`, [q]);
          const tree = parseTsQuery(rows[0]!.query);
          text = tree ? { q, lexemes: rankedLexemes(tree) } : undefined;
        }
        const statement = plainSearchStatement({ ...base, text }, { limit: PAGE, points: WORD_POINTS, part });
        const { rows } = await plainClient.query(statement.sql, statement.params);
        return plainAnswerOf(rows[0] as Record<string, unknown>);
      };
      // Untimed: plans, PostgreSQL's buffers.
      let answer = await plainSearch("all");
      await plainSearch("all");
      const plainTimes: number[] = [];
      const plainStart = performance.now();
      for (let run = 0; run < options.plainRuns && withinBudget(run, MIN_RUNS, plainStart, options.budgetSeconds); run += 1) {
        const [t, result] = await time(() => plainSearch("all"));
        plainTimes.push(t);
        answer = result;
      }
      const parts: Record<"page" | "count", number[]> = { page: [], count: [] };
      for (let i = 0; i < 5; i += 1) {
        for (const part of ["page", "count"] as const) parts[part].push((await time(() => plainSearch(part)))[0]);
      }
      breakdown.plainPageMs = summarize(parts.page).p50;
      breakdown.plainCountMs = summarize(parts.count).p50;
      const plainSummary = summarize(plainTimes);
      const mismatches = compareAnswers(sample, answer);
      console.log(
        `  plain PostgreSQL ${bench.key.padEnd(13)} ${int(answer.total).padStart(9)} results  p50 ${ms(plainSummary.p50)} p95 ${ms(plainSummary.p95)} ms (${plainTimes.length} runs)  ${mismatches.length === 0 ? "same answer as the app" : "DIFFERENT ANSWER"}`,
      );
      for (const mismatch of mismatches) console.error(`  MISMATCH ${bench.key}: ${mismatch}`);
      results.push({
        key: bench.key,
        label: bench.label,
        href,
        apiHref: archiveHref(query, "/api/v1/wires"),
        total: sample.total,
        ordering: sample.ordering,
        firstId: sample.items[0]?.id,
        cold: coldSummary,
        warm: warmSummary,
        plain: { ...plainSummary, total: answer.total, mismatches },
        breakdown,
      });
    }
    return {
      size: options.size,
      indexBuildMs,
      indexSize: index.listed.count(),
      refreshMs: summarize(refreshTimes),
      cardsMs: cardsMs!,
      cardsSqlMs: cardsSqlMs!,
      queries: results,
      benchPeakBytes: process.resourceUsage().maxRSS * 1024,
      options,
    };
  } finally {
    await plainClient.end().catch(() => undefined);
    await fetchClient.end().catch(() => undefined);
    await db.close().catch(() => undefined);
  }
}


/**
 * The keyset the baseline pages from: the app's own cursor, the last row of the page before, as (event day,
 * ordinal) or (points, event day, ordinal). The plain SQL would have the same key from its own page before,
 * so both start from the same place; the app's walk to it is not timed either.
 */
function keysetOf(query: ArchiveQuery, dayBits: number, isoOfDay: (day: number) => string): PlainQuery["after"] {
  if (!query.cursor) return undefined;
  if (query.dir === "newer") throw new Error(`the baseline pages older only, not from ${query.cursor} newer`);
  const match = /^([dr])(-?[0-9.e+-]+)_(\d{1,8})$/.exec(query.cursor);
  if (!match) throw new Error(`not a cursor: ${query.cursor}`);
  const key = Number(match[2]);
  const ord = Number(match[3]);
  if (match[1] === "d") return { day: isoOfDay(key), ord };
  return { points: Math.floor(key / dayBits), day: isoOfDay((key % dayBits) - dayBits / 2), ord };
}

/** How the baseline's answer differs from the app's: the count, the page's wires in order, every facet's non-zero counts. */
function compareAnswers(app: SearchResult, plain: PlainAnswer): string[] {
  const out: string[] = [];
  if (plain.total !== app.total) out.push(`${int(plain.total)} results in plain PostgreSQL, ${int(app.total)} in the app`);
  const appIds = app.items.map((item) => item.id);
  const plainIds = plain.page.map((card) => card.id);
  const at = appIds.findIndex((id, i) => plainIds[i] !== id);
  if (at >= 0 || plainIds.length !== appIds.length) {
    const i = at >= 0 ? at : Math.min(appIds.length, plainIds.length);
    out.push(`the page differs at card ${i + 1} of ${appIds.length}: ${plainIds[i] ?? "none"} in plain PostgreSQL, ${appIds[i] ?? "none"} in the app`);
  }
  for (const name of FACETS) {
    const appCounts = new Map(app.facets[name].filter((facet) => facet.count > 0).map((facet) => [facet.value, facet.count]));
    const plainCounts = new Map(Object.entries(plain.facets[name] ?? {}).filter(([, n]) => n > 0));
    const values = [...new Set([...appCounts.keys(), ...plainCounts.keys()])].filter((value) => appCounts.get(value) !== plainCounts.get(value));
    if (values.length === 0) continue;
    const shown = values.slice(0, 3).map((value) => `${value}: ${plainCounts.get(value) ?? 0} vs ${appCounts.get(value) ?? 0}`);
    out.push(`${name} facet counts differ (plain PostgreSQL vs app) for ${values.length} value(s): ${shown.join(", ")}${values.length > 3 ? ", …" : ""}`);
  }
  return out;
}
