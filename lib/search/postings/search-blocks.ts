import { Bitset } from "../bitset";
import type { FacetIndex } from "../facet-index";
import { BLOCK_BITS, BLOCK_SIZE } from "./ord-sets";

/** The built blocks: each one's horizon, and a token that changes whenever it is rebuilt. */
export type SearchBlocks = { horizons: Map<number, number>; tokens: Map<number, string>; key: string };

/** The blocks as the search index's refresh reads them: [block, horizon, token] each. */
export function searchBlocksOf(rows: [number, number, string][]): SearchBlocks {
  return {
    horizons: new Map(rows.map(([block, horizon]) => [block, Number(horizon)])),
    tokens: new Map(rows.map(([block, , token]) => [block, token])),
    key: rows.map(([block, , token]) => `${block}:${token}`).join(","),
  };
}

type Dirty = { key: string; bits: Bitset; ords: number[] };
const lastDirty = new WeakMap<FacetIndex, Dirty>();

/**
 * Wires the postings do not hold as they read now: in a block never built, or changed after their
 * block's horizon. Those are searched live in PostgreSQL. Kept until the index or the blocks change.
 */
export function dirtyWires(index: FacetIndex, blocks: SearchBlocks): { bits: Bitset; ords: number[] } {
  const key = `${index.seq}|${index.size}|${blocks.key}`;
  const last = lastDirty.get(index);
  if (last?.key === key) return last;
  const bits = new Bitset(index.listed.capacity);
  const ords: number[] = [];
  const { textSeq } = index;
  for (let start = 0; start < index.size; start += BLOCK_SIZE) {
    const horizon = blocks.horizons.get(start >>> BLOCK_BITS) ?? -1;
    const end = Math.min(index.size, start + BLOCK_SIZE);
    for (let ord = start; ord < end; ord += 1) {
      if (textSeq[ord]! <= horizon || !index.has(ord)) continue;
      bits.set(ord);
      ords.push(ord);
    }
  }
  const dirty = { key, bits, ords };
  lastDirty.set(index, dirty);
  return dirty;
}
