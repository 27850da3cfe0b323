import { parseArchiveQuery, queryProblems, type ArchiveQuery, type QueryProblem, type SearchParams } from "@/lib/search/archive-query";

/** An archive search as a feed follows it: the archive's filters, without a page cursor. */
export type FeedQuery = Omit<ArchiveQuery, "cursor" | "dir">;

export type FeedQueryResult = { status: "ok"; query: FeedQuery } | { status: "invalid"; problems: QueryProblem[] };

/**
 * Parses a feed's parameters with the archive's own schema. A feed always starts at the newest
 * wires, so `cursor` and `dir` (which page through /archive) are refused by name rather than
 * ignored: a feed URL means one thing. Latest takes no parameters at all.
 */
export function parseFeedQuery(params: SearchParams, kind: "latest" | "archive"): FeedQueryResult {
  if (kind === "latest") {
    const names = Object.keys(params);
    if (names.length === 0) return { status: "ok", query: emptyQuery() };
    return { status: "invalid", problems: names.map((param) => ({ param, message: "the Latest feed takes no parameters; use /feeds/archive.rss with the archive's filters" })) };
  }
  const parsed = parseArchiveQuery(params);
  const paging: QueryProblem[] = (["cursor", "dir"] as const)
    .filter((param) => params[param] !== undefined)
    .map((param) => ({ param, message: "a feed always starts at the newest wires, so it takes no page cursor" }));
  if (!parsed.success) {
    const problems = queryProblems(parsed.error).filter((problem) => problem.param !== "cursor" && problem.param !== "dir");
    return { status: "invalid", problems: [...problems, ...paging] };
  }
  if (paging.length > 0) return { status: "invalid", problems: paging };
  const { cursor: _cursor, dir: _dir, ...query } = parsed.data;
  return { status: "ok", query };
}

function emptyQuery(): FeedQuery {
  return { q: undefined, provider: [], code: [], severity: undefined, standard: [], status: [], from: undefined, to: undefined };
}
