import "server-only";
import { loadSearchIndex } from "@/lib/search/load-search-index";

export type SitemapPart = { part: number; lastmod: Date };

/**
 * The wire sitemap files that have something to list: part n holds the wires with ordinals
 * ((n-1)·size, n·size], so a wire stays in its file for good and new wires open new files. Each
 * part is dated by its latest change (an amended rationale updates the wire's time too). Merged
 * wires redirect to their survivor and are left out. The search index knows every wire's last
 * change and is brought up to date first: a few milliseconds at a million wires, where grouping the
 * wire table in SQL took a second.
 */
export async function listSitemapParts(size: number): Promise<SitemapPart[]> {
  const index = await loadSearchIndex();
  return index.lastChangeByPart(size).map(({ part, changedAt }) => ({ part, lastmod: new Date(changedAt) }));
}
