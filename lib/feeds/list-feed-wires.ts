import "server-only";
import { getPrisma } from "@/lib/db/get-db";
import type { ProviderRef } from "@/lib/providers/resolve-providers";
import type { QueryProblem } from "@/lib/search/archive-query";
import type { Bitset } from "@/lib/search/bitset";
import { indexFilterOf, selectionProblems } from "@/lib/search/index-filter";
import { loadSearchIndex } from "@/lib/search/load-search-index";
import { matchText } from "@/lib/search/match-text";
import { resolveFilters } from "@/lib/search/resolve-filters";
import { keysetQuery } from "@/lib/wires/keyset";
import type { FeedQuery } from "./feed-query";
import { loadFeedWires, type FeedWire } from "./load-feed-wires";

/** How many wires a feed carries. */
export const FEED_SIZE = 50;
// Up to this many matches, PostgreSQL orders them by filing time directly; above it, walking the
// filing-time index and keeping the matches finds the newest few sooner.
const SMALL_MATCH = 2_000;
const SCAN_CHUNK = 2_000;

export type FeedSelection =
  | { status: "ok"; wires: FeedWire[]; providers: ProviderRef[]; codes: string[] }
  | { status: "invalid"; problems: QueryProblem[] };

/**
 * The newest wires by filing time (published_at) that match an archive search: the same filters
 * and text matching as /archive, through the same search index, so a feed holds exactly the
 * archive's matches. Merged wires stay out (their survivor carries the story); withdrawn wires stay in.
 */
export async function listFeedWires(query: FeedQuery, limit = FEED_SIZE): Promise<FeedSelection> {
  const index = await loadSearchIndex();
  const resolved = await resolveFilters(index, query.provider, query.code);
  const text = query.q ? await matchText(query.q, index) : undefined;
  const problems = selectionProblems(resolved, text);
  if (problems.length > 0) return { status: "invalid", problems };
  const filter = indexFilterOf(query, resolved, text?.bits);
  const ids = await newestMatches(index.mask(filter), limit);
  return { status: "ok", wires: await loadFeedWires(ids), providers: resolved.providers, codes: resolved.codes };
}

async function newestMatches(mask: Bitset, limit: number): Promise<string[]> {
  const prisma = await getPrisma();
  const count = mask.count();
  if (count === 0) return [];
  const order = [{ publishedAt: "desc" as const }, { id: "desc" as const }];
  if (count <= SMALL_MATCH) {
    const ords: number[] = [];
    mask.forEach((ord) => ords.push(ord));
    const rows = await prisma.wire.findMany({ where: { ord: { in: ords } }, orderBy: order, take: limit, select: { id: true } });
    return rows.map((row) => row.id);
  }
  const ids: string[] = [];
  let after: { at: Date; id: string } | undefined;
  for (;;) {
    const rows = await prisma.wire.findMany({
      where: keysetQuery("publishedAt", after, "older").where,
      orderBy: order,
      take: SCAN_CHUNK,
      select: { id: true, ord: true, publishedAt: true },
    });
    for (const row of rows) {
      if (!mask.has(row.ord)) continue;
      ids.push(row.id);
      if (ids.length === limit) return ids;
    }
    const last = rows.at(-1);
    if (!last || rows.length < SCAN_CHUNK) return ids;
    after = { at: last.publishedAt, id: last.id };
  }
}
