import "server-only";
import { getPrisma } from "@/lib/db/get-db";
import { Bitset } from "../bitset";
import type { FacetIndex } from "../facet-index";
import { BLOCK_BITS, BLOCK_SIZE } from "./ord-sets";

/** The built blocks: each one's horizon, and a token that changes whenever it is rebuilt. */
export type SearchBlocks = { horizons: Map<number, number>; tokens: Map<number, string>; key: string };

export async function readSearchBlocks(): Promise<SearchBlocks> {
  const prisma = await getPrisma();
  const rows = await prisma.$queryRaw<{ block: number; horizon: number; token: string }[]>`
    SELECT block, horizon::float8 AS horizon, token::text AS token FROM search_block ORDER BY block`;
  return {
    horizons: new Map(rows.map((row) => [row.block, row.horizon])),
    tokens: new Map(rows.map((row) => [row.block, row.token])),
    key: rows.map((row) => `${row.block}:${row.token}`).join(","),
  };
}

type Dirty = { key: string; bits: Bitset; ords: number[] };
let lastDirty: Dirty | undefined;

/**
 * Wires the postings do not hold as they read now: in a block never built, or changed after their
 * block's horizon. Those are searched live in PostgreSQL. Kept until the index or the blocks change.
 */
export function dirtyWires(index: FacetIndex, blocks: SearchBlocks): { bits: Bitset; ords: number[] } {
  const key = `${index.seq}|${index.size}|${blocks.key}`;
  if (lastDirty?.key === key) return lastDirty;
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
  lastDirty = { key, bits, ords };
  return lastDirty;
}
