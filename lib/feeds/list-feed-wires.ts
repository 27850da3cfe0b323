import "server-only";
import { getDb } from "@/lib/db/get-db";
import type { ProviderRef } from "@/lib/providers/resolve-providers";
import type { QueryProblem } from "@/lib/search/archive-query";
import { recycle } from "@/lib/search/bitset";
import type { FacetIndex } from "@/lib/search/facet-index";
import { indexFilterOf, selectionProblems } from "@/lib/search/index-filter";
import { loadSearchIndex } from "@/lib/search/load-search-index";
import { matchText } from "@/lib/search/match-text";
import { resolveFilters } from "@/lib/search/resolve-filters";
import type { FeedQuery } from "./feed-query";
import { loadFeedWires, type FeedWire } from "./load-feed-wires";

/** How many wires a feed carries. */
export const FEED_SIZE = 50;

export type FeedSelection =
  | { status: "ok"; wires: FeedWire[]; providers: ProviderRef[]; codes: string[] }
  | { status: "invalid"; problems: QueryProblem[] };

/**
 * The newest wires by filing time (published_at, then id, both descending) that match an archive
 * search: the same filters and text matching as /archive, through the same search index, so a feed
 * holds exactly the archive's matches. Merged wires stay out (their survivor carries the story);
 * withdrawn wires stay in.
 *
 * The index knows every wire's filing time, so it names the newest matches itself, in milliseconds at
 * a million wires: the first `limit`, and any more filed at the very time of the last of them. When
 * no two of those were filed at the same millisecond, that is PostgreSQL's order too; otherwise
 * PostgreSQL orders them, as it breaks such ties by id, which the index does not hold.
 */
export async function listFeedWires(query: FeedQuery, limit = FEED_SIZE): Promise<FeedSelection> {
  const index = await loadSearchIndex();
  const resolved = await resolveFilters(index, query.provider, query.code);
  const text = query.q ? await matchText(query.q, index) : undefined;
  const problems = selectionProblems(resolved, text);
  if (problems.length > 0) return { status: "invalid", problems };
  const filter = indexFilterOf(query, resolved, text?.bits);
  const mask = index.mask(filter);
  index.release(filter);
  const candidates = index.newestFiled(mask, limit);
  recycle(mask);
  const newest = tied(index, candidates) ? await newestBySql(candidates, limit) : candidates;
  return { status: "ok", wires: await loadFeedWires(newest), providers: resolved.providers, codes: resolved.codes };
}

/** Whether two of the wires, newest filed first, were filed at the same time. */
function tied(index: FacetIndex, ords: number[]): boolean {
  for (let i = 1; i < ords.length; i += 1) if (index.filedAt[ords[i]!] === index.filedAt[ords[i - 1]!]) return true;
  return false;
}

/** The newest `limit` of these wires as PostgreSQL orders them: by filing time, then id, both descending. */
async function newestBySql(ords: number[], limit: number): Promise<number[]> {
  const db = await getDb();
  const rows = await db.read<{ ord: number }>("SELECT ord FROM wire WHERE ord = ANY($1::int[]) ORDER BY published_at DESC, id DESC LIMIT $2", [ords, limit]);
  return rows.map((row) => row.ord);
}
