import type { ArchiveState } from "@/lib/search/archive-query";
import type { FacetName } from "@/lib/search/facet-index";
import { SEARCH_TERMS } from "@/lib/synthetic/search-terms";

/** The representative queries of `npm run bench:search`, built from terms with known frequencies. */
export type BenchQuery = {
  key: string;
  /** What the query is, for the tables. */
  label: string;
  state: ArchiveState;
  /** Follow this many `older` cursors first, then time the page reached. */
  deepPages?: number;
};

export const DEEP_PAGES = 200;

export function benchQueries(): BenchQuery[] {
  const { common, rare, phrase, provider, code } = SEARCH_TERMS;
  return [
    { key: "provider", label: `provider only (${provider.slug}, ~${pct(provider.share)})`, state: { provider: [provider.slug] } },
    { key: "code", label: `code only (${code.code}, ~${pct(code.share)})`, state: { code: [code.code] } },
    { key: "provider+code", label: `provider + code (${provider.slug} + ${code.code})`, state: { provider: [provider.slug], code: [code.code] } },
    { key: "text", label: `text only (${phrase.query}, ~${pct(phrase.share)})`, state: { q: phrase.query } },
    {
      key: "text+filters",
      label: `text + provider + severity + dates (${common.query}, ${provider.slug}, 2-4, 2016-2022)`,
      state: { q: common.query, provider: [provider.slug], severity: { min: 2, max: 4 }, from: "2016", to: "2022" },
    },
    { key: "rare", label: `rare term (${rare.query}, 1 in ${rare.every.toLocaleString("en-US")})`, state: { q: rare.query } },
    { key: "common", label: `very common term (${common.query}, ~${pct(common.share)})`, state: { q: common.query } },
    {
      key: "deep",
      label: `deep pagination (${provider.slug}, page ${DEEP_PAGES + 1} of 25)`,
      state: { provider: [provider.slug] },
      deepPages: DEEP_PAGES,
    },
  ];
}

function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}


// ---------------------------------------------------------------------------------------------
// The baseline: the same search done the best plain-PostgreSQL way, with indexes of its own.

/** An index the baseline reads. None is in the app's schema: the benchmark creates them (or finds an equal one). */
export type BaselineIndex = { name: string; table: string; method: "gin" | "btree"; columns: string[]; definition: string; purpose: string };

export const BASELINE_INDEX_PREFIX = "bench_baseline_";

export const BASELINE_INDEXES: BaselineIndex[] = [
  { name: "bench_baseline_wire_search_vector", table: "wire", method: "gin", columns: ["search_vector"], definition: "USING gin (search_vector)", purpose: "the text match (@@)" },
  { name: "bench_baseline_wire_occurred_on_ord", table: "wire", method: "btree", columns: ["occurred_on", "ord"], definition: "(occurred_on DESC, ord DESC)", purpose: "newest-first keyset pages" },
  {
    name: "bench_baseline_wire_facets",
    table: "wire",
    method: "btree",
    columns: ["id", "ord", "occurred_on", "severity", "sourcing_standard", "status"],
    definition: "(id) INCLUDE (ord, occurred_on, severity, sourcing_standard, status)",
    purpose: "the filtered and counted columns of the wires a link table names, read from the index alone",
  },
  { name: "bench_baseline_wire_provider", table: "wire_provider", method: "btree", columns: ["provider_id", "wire_id"], definition: "(provider_id, wire_id)", purpose: "a provider's wires" },
  { name: "bench_baseline_wire_code", table: "wire_code", method: "btree", columns: ["code", "wire_id"], definition: "(code, wire_id)", purpose: "a code's wires" },
];

/** A search as the baseline takes it: providers and codes resolved, the text's ranked lexemes known (PostgreSQL's reading of it). */
export type PlainQuery = {
  text?: { q: string; lexemes: string[] };
  providerIds: number[];
  codes: string[];
  severity?: { min: number; max: number };
  /** SourcingStandard and WireStatus values. */
  standards: string[];
  statuses: string[];
  from?: string;
  to?: string;
  /** Keyset paging: the last row of the page before (its event day, ordinal and, ranked, its points). */
  after?: { day: string; ord: number; points?: number };
};

export type WordPoints = { headline: number; summary: number; body: number };
/** The whole search, or one part of it alone (for the breakdown of where the time goes). */
export type PlainPart = "all" | "page" | "count";
export type PlainStatement = { sql: string; params: unknown[] };
export type PlainCard = { id: string; ord: number };
export type PlainAnswer = { total: number; page: PlainCard[]; facets: Partial<Record<FacetName, Record<string, number>>> };

export const FACETS: readonly FacetName[] = ["provider", "code", "severity", "standard", "status", "year"];

const WIRE_COLUMNS = "w.id, w.ord, w.occurred_on, w.severity, w.sourcing_standard, w.status";
const HIGHLIGHT_OPTIONS = "StartSel=\u0001, StopSel=\u0002, HighlightAll=true";

/**
 * The search in one statement: the text matched once (GIN, websearch_to_tsquery) into a materialized
 * CTE and ranked by the app's rule; filters as semi-joins on the link tables' B-trees; the count and
 * one GROUP BY per facet over the matching set (a facet's own filter left out, as the app counts it);
 * the page by keyset, newest first along (occurred_on DESC, ord DESC) or best first by points, with
 * its cards and, for text, their highlighted headline and summary.
 */
export function plainSearchStatement(query: PlainQuery, options: { limit: number; points: WordPoints; part?: PlainPart }): PlainStatement {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const conditions = filterConditions(query, param);
  const active = FACETS.filter((name) => conditions.has(name));
  const ctes: string[] = [];
  let q: string | undefined;
  let order: string;
  if (query.text) {
    q = param(query.text.q);
    // The app's points: each query word earns the most its place in a wire gives (headline, summary, body).
    const points =
      query.text.lexemes
        .map((lexeme) => {
          const word = `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
          const { headline, summary, body } = options.points;
          return `(CASE WHEN w.search_vector @@ ${param(`${word}:A`)}::tsquery THEN ${headline} WHEN w.search_vector @@ ${param(`${word}:B`)}::tsquery THEN ${summary}
            WHEN w.search_vector @@ ${param(word)}::tsquery THEN ${body} ELSE 0 END)`;
        })
        .join(" + ") || "0";
    // Each filter as a flag, so that the text is matched once for the result and for every facet.
    const flags = active.map((name) => `, ${conditions.get(name)} AS f_${name}`).join("");
    const where = (names: FacetName[]) => (names.length > 0 ? ` WHERE ${names.map((name) => `f_${name}`).join(" AND ")}` : "");
    ctes.push(
      `t AS MATERIALIZED (SELECT ${WIRE_COLUMNS}, ${points} AS points${flags}
        FROM wire w WHERE w.status <> 'MERGED' AND w.search_vector @@ websearch_to_tsquery('english', ${q}))`,
      `m AS (SELECT * FROM t${where(active)})`,
      ...active.map((name) => `m_${name} AS (SELECT * FROM t${where(active.filter((other) => other !== name))})`),
    );
    const after = query.after ? ` WHERE (points, occurred_on, ord) < (${param(query.after.points ?? 0)}::int, ${param(query.after.day)}::date, ${param(query.after.ord)}::int)` : "";
    ctes.push(`page AS (SELECT ord, points, occurred_on FROM m${after} ORDER BY points DESC, occurred_on DESC, ord DESC LIMIT ${options.limit})`);
    order = "page.points DESC, page.occurred_on DESC, page.ord DESC";
  } else {
    const where = (names: FacetName[]) => ["w.status <> 'MERGED'", ...names.map((name) => conditions.get(name)!)].join(" AND ");
    ctes.push(`m AS MATERIALIZED (SELECT ${WIRE_COLUMNS} FROM wire w WHERE ${where(active)})`);
    for (const name of active) {
      const others = active.filter((other) => other !== name);
      if (others.length > 0) ctes.push(`m_${name} AS (SELECT ${WIRE_COLUMNS} FROM wire w WHERE ${where(others)})`);
    }
    const after = query.after ? ` AND (w.occurred_on, w.ord) < (${param(query.after.day)}::date, ${param(query.after.ord)}::int)` : "";
    ctes.push(`page AS (SELECT w.ord, w.occurred_on FROM wire w WHERE ${where(active)}${after} ORDER BY w.occurred_on DESC, w.ord DESC LIMIT ${options.limit})`);
    order = "page.occurred_on DESC, page.ord DESC";
  }
  // Counted over every listed wire (no text, no other filter) when the facet's filter is the only one.
  const setOf = (name: FacetName): string | undefined => (!conditions.has(name) ? "m" : query.text || active.length > 1 ? `m_${name}` : undefined);
  const select: string[] = [];
  if (options.part !== "page") select.push(`(SELECT count(*)::int FROM m) AS total`);
  if (options.part !== "count") select.push(`${cardsOf(order, q, q ? param(HIGHLIGHT_OPTIONS) : undefined)} AS page`);
  if (options.part === undefined || options.part === "all") select.push(...FACETS.map((name) => `${facetCounts(name, setOf(name))} AS ${name}`));
  return { sql: `WITH ${ctes.join(",\n")}\nSELECT ${select.join(",\n")}`, params };
}

/** The row plainSearchStatement returns, as the benchmark compares it with the app's answer. */
export function plainAnswerOf(row: Record<string, unknown>): PlainAnswer {
  const facets: PlainAnswer["facets"] = {};
  for (const name of FACETS) if (name in row) facets[name] = (row[name] as Record<string, number> | null) ?? {};
  return { total: Number(row.total ?? Number.NaN), page: (row.page as PlainCard[] | null) ?? [], facets };
}

/** Each active filter as a condition on `w` (a wire row); providers and codes as semi-joins on the link tables. */
function filterConditions(query: PlainQuery, param: (value: unknown) => string): Map<FacetName, string> {
  const out = new Map<FacetName, string>();
  if (query.providerIds.length > 0) {
    out.set("provider", `w.id IN (SELECT wp.wire_id FROM wire_provider wp WHERE wp.provider_id = ANY(${param(query.providerIds)}::int[]))`);
  }
  if (query.codes.length > 0) out.set("code", `w.id IN (SELECT wc.wire_id FROM wire_code wc WHERE wc.code = ANY(${param(query.codes)}::text[]))`);
  if (query.severity) out.set("severity", `w.severity BETWEEN ${param(query.severity.min)}::int AND ${param(query.severity.max)}::int`);
  if (query.standards.length > 0) out.set("standard", `w.sourcing_standard = ANY(${param(query.standards)}::"SourcingStandard"[])`);
  if (query.statuses.length > 0) out.set("status", `w.status = ANY(${param(query.statuses)}::"WireStatus"[])`);
  const dates = [query.from && `w.occurred_on >= ${param(query.from)}::date`, query.to && `w.occurred_on <= ${param(query.to)}::date`].filter(Boolean);
  if (dates.length > 0) out.set("year", dates.join(" AND "));
  return out;
}

/** One facet's counts as a JSON object (value to count) over the set `set` (a CTE), or over every listed wire. */
function facetCounts(name: FacetName, set: string | undefined): string {
  // A link table as `l`: a wire's providers or codes.
  const links: Partial<Record<FacetName, { table: string; join: string; value: string }>> = {
    provider: { table: "wire_provider l", join: " JOIN provider p ON p.id = l.provider_id", value: "p.slug" },
    code: { table: "wire_code l", join: "", value: "l.code" },
  };
  const columns: Partial<Record<FacetName, string>> = {
    severity: "s.severity::text",
    standard: "lower(s.sourcing_standard::text)",
    status: "lower(s.status::text)",
    year: "extract(year FROM s.occurred_on)::int::text",
  };
  const link = links[name];
  let from: string;
  if (link && set) from = `${set} s JOIN ${link.table} ON l.wire_id = s.id${link.join}`;
  // Every listed wire: the link table less the few merged wires, rather than a join with every wire.
  else if (link) from = `${link.table}${link.join} WHERE NOT EXISTS (SELECT 1 FROM wire x WHERE x.id = l.wire_id AND x.status = 'MERGED')`;
  else from = set ? `${set} s` : `wire s WHERE s.status <> 'MERGED'`;
  return `(SELECT json_object_agg(value, n) FROM (SELECT ${link?.value ?? columns[name]} AS value, count(*)::int AS n FROM ${from} GROUP BY 1) f)`;
}

/** The page's cards (what the app's card shows) in order, with highlighted headline and summary for text. */
function cardsOf(order: string, q: string | undefined, highlight: string | undefined): string {
  const marked =
    q && highlight
      ? `, 'marked', json_build_object(
          'headline', ts_headline('english', translate(w.headline, '·', '-'), websearch_to_tsquery('english', ${q}), ${highlight}),
          'summary', ts_headline('english', translate(w.summary, '·', '-'), websearch_to_tsquery('english', ${q}), ${highlight}))`
      : "";
  return `(SELECT json_agg(json_build_object(
      'id', w.id, 'ord', w.ord, 'slug', w.slug, 'headline', w.headline, 'summary', w.summary, 'occurredOn', w.occurred_on,
      'publishedAt', w.published_at, 'severity', w.severity, 'sourcingStandard', w.sourcing_standard, 'status', w.status,
      'sourceCount', (SELECT count(*) FROM source s WHERE s.wire_id = w.id),
      'providers', (SELECT json_agg(json_build_object('slug', p.slug, 'name', p.name) ORDER BY wp.position)
         FROM wire_provider wp JOIN provider p ON p.id = wp.provider_id WHERE wp.wire_id = w.id),
      'codes', (SELECT json_agg(json_build_object('code', c.code, 'label', c.label) ORDER BY wc.position)
         FROM wire_code wc JOIN code c ON c.code = wc.code WHERE wc.wire_id = w.id),
      'amended', CASE WHEN r.basis = 'EDITOR_AMENDMENT' THEN json_build_object('at', r.updated_at, 'version', r.version) END${marked}
    ) ORDER BY ${order})
    FROM page JOIN wire w ON w.ord = page.ord LEFT JOIN rationale r ON r.wire_id = w.id)`;
}
