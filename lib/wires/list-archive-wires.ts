import "server-only";
import { LISTS_KEY, recordDependency } from "@/lib/http/render-dependencies";
import { recycle } from "@/lib/search/bitset";
import type { IndexFilter } from "@/lib/search/facet-index";
import { loadSearchIndex } from "@/lib/search/load-search-index";
import { loadWireCards } from "@/lib/search/load-wire-cards";
import { pageByDate } from "@/lib/search/result-pages";
import type { Direction, Page } from "./keyset";
import type { WireCard } from "./wire-card";

export const ARCHIVE_PAGE_SIZE = 50;

export type ArchiveFilter = {
  /** Provider ids: a wire matches when it names any of them. */
  providerIds: number[];
  /** Codes: a wire matches when it carries any of them. */
  codes: string[];
};

/**
 * Every wire but merged ones (they live on in the surviving wire), by event date, newest first, as the
 * archive's search orders them: the page is picked in the search index (lib/search/result-pages.ts),
 * whatever the page's depth, and only its cards are read. A cursor names the last wire seen (its
 * event day and ordinal), so pages never repeat or skip a wire.
 */
export async function listArchiveWires(filter: ArchiveFilter, options: { cursor?: string; direction?: Direction; limit?: number }): Promise<Page<WireCard> & { badCursor: boolean }> {
  recordDependency(LISTS_KEY);
  const index = await loadSearchIndex();
  const indexFilter: IndexFilter = { providerIds: filter.providerIds, codes: filter.codes };
  const mask = index.mask(indexFilter);
  try {
    const page = pageByDate(index, mask, options.cursor, options.direction, options.limit ?? ARCHIVE_PAGE_SIZE);
    const cards = await loadWireCards(page.ords);
    return { items: page.ords.flatMap((ord) => cards.get(ord) ?? []), older: page.older, newer: page.newer, badCursor: page.badCursor };
  } finally {
    recycle(mask);
    index.release(indexFilter);
  }
}
