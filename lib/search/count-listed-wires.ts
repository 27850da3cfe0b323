import "server-only";
import { loadSearchIndex } from "./load-search-index";

export type ListedWireCounts = {
  /** Per provider id: the listed wires that name it. */
  provider: ReadonlyMap<number, number>;
  /** Per code: the listed wires that carry it. */
  code: ReadonlyMap<string, number>;
};

/**
 * How many listed wires (all but merged ones) name each provider and carry each code: the search
 * index's facet counts over the whole archive, the numbers the unfiltered archive shows. Counting
 * the join tables in SQL instead reads every row of them, which takes seconds at a million wires.
 */
export async function countListedWires(): Promise<ListedWireCounts> {
  const counts = (await loadSearchIndex()).allCounts();
  return { provider: counts.provider, code: counts.code };
}
