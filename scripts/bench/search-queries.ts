import type { ArchiveQuery, ArchiveState } from "@/lib/search/archive-query";
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

/**
 * The same query answered the obvious way in SQL: ILIKE on headline, summary and body for the text
 * (no tsvector), EXISTS for provider and code filters, ORDER BY event date with OFFSET for the page,
 * then count(*) and one GROUP BY per facet (providers, codes, severity) over the matching set.
 */
export type NaiveStatement = { name: string; sql: string; params: unknown[] };

export function naiveStatements(query: ArchiveQuery, offset: number, limit: number): NaiveStatement[] {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions = ["w.status <> 'MERGED'"];
  if (query.q) {
    const pattern = param(`%${likeEscape(query.q.replaceAll('"', "").trim())}%`);
    conditions.push(`(w.headline ILIKE ${pattern} OR w.summary ILIKE ${pattern} OR w.body ILIKE ${pattern})`);
  }
  if (query.provider.length > 0) {
    conditions.push(
      `EXISTS (SELECT 1 FROM wire_provider wp JOIN provider p ON p.id = wp.provider_id WHERE wp.wire_id = w.id AND p.slug = ANY(${param(query.provider)}::text[]))`,
    );
  }
  if (query.code.length > 0) {
    conditions.push(`EXISTS (SELECT 1 FROM wire_code wc WHERE wc.wire_id = w.id AND wc.code = ANY(${param(query.code)}::text[]))`);
  }
  if (query.severity) conditions.push(`w.severity BETWEEN ${param(query.severity.min)} AND ${param(query.severity.max)}`);
  if (query.from) conditions.push(`w.occurred_on >= ${param(query.from)}::date`);
  if (query.to) conditions.push(`w.occurred_on <= ${param(query.to)}::date`);
  const where = conditions.join(" AND ");
  // Every statement uses the same parameters, so they share the list (unused ones are typed by the casts).
  const shared = [...params];
  return [
    {
      name: "page",
      sql: `SELECT w.id, w.slug, w.headline, w.summary, w.occurred_on, w.published_at, w.severity, w.sourcing_standard, w.status,
          (SELECT count(*) FROM source s WHERE s.wire_id = w.id) AS sources,
          (SELECT array_agg(p.slug ORDER BY wp.position) FROM wire_provider wp JOIN provider p ON p.id = wp.provider_id WHERE wp.wire_id = w.id) AS providers,
          (SELECT array_agg(wc.code ORDER BY wc.position) FROM wire_code wc WHERE wc.wire_id = w.id) AS codes
        FROM wire w WHERE ${where}
        ORDER BY w.occurred_on DESC, w.id DESC LIMIT ${limit} OFFSET ${offset}`,
      params: shared,
    },
    { name: "count", sql: `SELECT count(*)::int AS n FROM wire w WHERE ${where}`, params: shared },
    {
      name: "providers",
      sql: `SELECT wp.provider_id, count(*)::int AS n FROM wire w JOIN wire_provider wp ON wp.wire_id = w.id WHERE ${where} GROUP BY wp.provider_id`,
      params: shared,
    },
    { name: "codes", sql: `SELECT wc.code, count(*)::int AS n FROM wire w JOIN wire_code wc ON wc.wire_id = w.id WHERE ${where} GROUP BY wc.code`, params: shared },
    { name: "severity", sql: `SELECT w.severity, count(*)::int AS n FROM wire w WHERE ${where} GROUP BY w.severity`, params: shared },
  ];
}

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
