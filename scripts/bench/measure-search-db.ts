// The in-process part of `npm run bench:search` at one archive size, run in a process of its own
// so that the search index is built from scratch and the process's peak memory is this size's.
import pg from "pg";
import type { ArchiveQuery } from "@/lib/search/archive-query";
import type { SearchResult } from "@/lib/search/search-archive";
import { benchQueries, naiveStatements, type BenchQuery } from "./search-queries";
import { int, ms, summarize, type Summary } from "./stats";

export type DbPhaseOptions = {
  url: string;
  size: number;
  coldRuns: number;
  warmRuns: number;
  naiveRuns: number;
  naiveTimeoutSeconds: number;
  /** Each series of runs (cold, warm, naive) of a query stops early once it has taken this long, after a minimum of runs. */
  budgetSeconds: number;
};

/** Cold and warm series run at least this many times, naive ones at least twice, whatever the budget. */
const MIN_RUNS = 5;
const MIN_NAIVE_RUNS = 2;

function withinBudget(run: number, min: number, startedAt: number, budgetSeconds: number): boolean {
  return run < min || performance.now() - startedAt < budgetSeconds * 1000;
}

export type Breakdown = {
  /** Text queries: matchText with every cache empty: PostgreSQL parses, the postings are read and evaluated (p50). */
  matchColdMs?: number;
  /** Text queries: matchText with the postings in memory, the match itself recomputed (p50). */
  matchWarmMs?: number;
  /** Text queries: the same match as PostgreSQL answers it alone (search_vector @@ query, no index on it), one run. */
  pgMatchMs?: number;
  /** Text queries: ts_headline of the first page's 25 wires (p50). */
  highlightMs?: number;
  matches?: number;
  /** The in-memory index: mask, counts of every facet, the page (p50; an approximation of search-archive's work). */
  indexMs: number;
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
  naive: Summary & { count: number; statements: Record<string, number> };
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

  const naiveClient = new pg.Client({ connectionString: options.url, application_name: "bench:search naive" });
  await naiveClient.connect();
  const fetchClient = new pg.Client({ connectionString: options.url, application_name: "bench:search breakdown" });
  await fetchClient.connect();
  try {
    await naiveClient.query(`SET statement_timeout = ${Math.round(options.naiveTimeoutSeconds * 1000)}`);
    const results: QueryDbResult[] = [];
    const timed: { bench: BenchQuery; href: string; query: ArchiveQuery; sample: SearchResult; cold: Summary; warm: Summary; breakdown: Breakdown }[] = [];
    let cardsMs: Summary | undefined;
    let cardsSqlMs: Summary | undefined;
    for (const bench of benchQueries()) {
      let href = archiveHref(bench.state);
      let query = toQuery(href);
      if (bench.deepPages) {
        console.log(`  ${bench.key}: following ${bench.deepPages} "older" cursors from the first page…`);
        for (let page = 1; page <= bench.deepPages; page += 1) {
          const result = await searchArchive(query);
          if (!result.older) throw new Error(`${bench.key}: no older page after page ${page}; the archive is too small for ${bench.deepPages} pages`);
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

    // PostgreSQL alone, and the naive way: same queries, same run, after every timed series, so that
    // their scans of the whole archive (a second to a minute each) do not disturb the next query's timings.
    for (const { bench, href, query, sample, cold: coldSummary, warm: warmSummary, breakdown } of timed) {
      if (query.q) {
        const [t] = await time(() => fetchClient.query(`SELECT count(*) FROM wire WHERE search_vector @@ websearch_to_tsquery('english', $1)`, [query.q]));
        breakdown.pgMatchMs = t;
      }
      const statements = naiveStatements(query, bench.deepPages ? bench.deepPages * PAGE : 0, PAGE);
      const naiveTimes: number[] = [];
      const perStatement = new Map<string, number[]>();
      let naiveCount = 0;
      const naiveStart = performance.now();
      for (let run = 0; run < options.naiveRuns && withinBudget(run, MIN_NAIVE_RUNS, naiveStart, options.budgetSeconds); run += 1) {
        const t0 = performance.now();
        for (const statement of statements) {
          const s0 = performance.now();
          const result = await naiveClient.query(statement.sql, statement.params);
          const elapsed = performance.now() - s0;
          perStatement.set(statement.name, [...(perStatement.get(statement.name) ?? []), elapsed]);
          if (statement.name === "count") naiveCount = Number(result.rows[0]?.n ?? 0);
        }
        const total = performance.now() - t0;
        naiveTimes.push(total);
        console.log(`    naive ${bench.key} run ${run + 1}/${options.naiveRuns}: ${ms(total)} ms`);
      }
      const naiveSummary = summarize(naiveTimes);
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
        naive: {
          ...naiveSummary,
          count: naiveCount,
          statements: Object.fromEntries([...perStatement].map(([name, times]) => [name, summarize(times).p50])),
        },
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
    await naiveClient.end().catch(() => undefined);
    await fetchClient.end().catch(() => undefined);
    await db.close().catch(() => undefined);
  }
}

