import { Bitset } from "../bitset";
import type { LexemePostings } from "./load-postings";
import { BLOCK_BITS, readOffsets } from "./ord-sets";
import { PositionsReader } from "./positions-codec";

/** `lexemes[0] <distances[0]> lexemes[1] <distances[1]> ...`, as websearch_to_tsquery writes a quoted phrase. */
export type PhraseChain = { lexemes: string[]; distances: number[] };

/**
 * The candidates (wires holding every lexeme of the chain) in which the lexemes stand at the chain's
 * distances, read from the postings' positions: what PostgreSQL's phrase operator checks, left to right,
 * each step keeping the positions of its right-hand lexeme.
 */
export function matchPhrase(chain: PhraseChain, postings: Map<string, LexemePostings>, candidates: Bitset): Bitset {
  const out = new Bitset(candidates.capacity);
  const blocks = new Set<number>();
  candidates.forEach((ord) => blocks.add(ord >>> BLOCK_BITS));
  for (const block of blocks) {
    const base = block << BLOCK_BITS;
    // Per lexeme of the chain: each candidate's positions, by offset in the block.
    const perLexeme: Map<number, number[]>[] = [];
    for (const lexeme of chain.lexemes) {
      const stored = postings.get(lexeme)?.positions?.get(block);
      if (!stored) break;
      const found = new Map<number, number[]>();
      const reader = new PositionsReader(stored.positions);
      for (const offset of readOffsets(stored.ords)) {
        if (candidates.has(base + offset)) found.set(offset, reader.next([]));
        else reader.skip();
      }
      perLexeme.push(found);
    }
    if (perLexeme.length < chain.lexemes.length) continue;
    for (const [offset, first] of perLexeme[0]!) {
      let current = first;
      for (let step = 1; step < perLexeme.length && current.length > 0; step += 1) {
        current = follow(current, perLexeme[step]!.get(offset) ?? [], chain.distances[step - 1]!);
      }
      if (current.length > 0) out.set(base + offset);
    }
  }
  return out;
}

/** The positions in `right` that stand `distance` after a position in `left` (both ascending). */
function follow(left: number[], right: number[], distance: number): number[] {
  const out: number[] = [];
  let i = 0;
  for (const position of right) {
    const wanted = position - distance;
    while (i < left.length && left[i]! < wanted) i += 1;
    if (i < left.length && left[i] === wanted) out.push(position);
  }
  return out;
}
