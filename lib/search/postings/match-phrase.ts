import { Bitset } from "../bitset";
import type { LexemePostings } from "./load-postings";
import { BLOCK_BITS, readOffsets } from "./ord-sets";
import { PositionsReader } from "./positions-codec";

/** `lexemes[0] <distances[0]> lexemes[1] <distances[1]> ...`, as websearch_to_tsquery writes a quoted phrase. */
export type PhraseChain = { lexemes: string[]; distances: number[] };

/** One lexeme's postings in one block, read in step with the others: the entry at `at`. */
type Cursor = { offsets: Uint16Array; positions: PositionsReader; at: number };
type Holder = { array: Int32Array };

/**
 * The candidates (wires holding every lexeme of the chain) in which the lexemes stand at the chain's
 * distances, read from the postings' positions: what PostgreSQL's phrase operator checks, left to right,
 * each step keeping the positions of its right-hand lexeme. The lexemes' postings of a block are walked
 * side by side in ordinal order, decoding positions only where a candidate sits.
 */
export function matchPhrase(chain: PhraseChain, postings: Map<string, LexemePostings>, candidates: Bitset): Bitset {
  const out = new Bitset(candidates.capacity);
  const blocks = new Set<number>();
  candidates.forEach((ord) => blocks.add(ord >>> BLOCK_BITS));
  // Scratch position lists, reused: a lexeme keeps at most 256 positions in a tsvector.
  let current: Holder = { array: new Int32Array(256) };
  let next: Holder = { array: new Int32Array(256) };
  const right: Holder = { array: new Int32Array(256) };
  for (const block of blocks) {
    const cursors: Cursor[] = [];
    for (const lexeme of chain.lexemes) {
      const stored = postings.get(lexeme)?.positions?.get(block);
      if (!stored) break;
      cursors.push({ offsets: readOffsets(stored.ords), positions: new PositionsReader(stored.positions), at: 0 });
    }
    if (cursors.length < chain.lexemes.length) continue;
    const base = block << BLOCK_BITS;
    const first = cursors[0]!;
    for (; first.at < first.offsets.length; ) {
      const offset = first.offsets[first.at]!;
      if (!candidates.has(base + offset)) {
        skip(first);
        continue;
      }
      // The first lexeme's positions, then each step keeps the right-hand positions that follow them.
      let count = read(first, current);
      for (let step = 1; step < cursors.length && count > 0; step += 1) {
        const cursor = cursors[step]!;
        while (cursor.at < cursor.offsets.length && cursor.offsets[cursor.at]! < offset) skip(cursor);
        if (cursor.offsets[cursor.at] !== offset) {
          count = 0;
          break;
        }
        const rightCount = read(cursor, right);
        if (next.array.length < rightCount) next.array = new Int32Array(rightCount);
        count = follow(current.array, count, right.array, rightCount, chain.distances[step - 1]!, next.array);
        [current, next] = [next, current];
      }
      if (count > 0) out.set(base + offset);
    }
  }
  return out;
}

function skip(cursor: Cursor): void {
  cursor.positions.skip();
  cursor.at += 1;
}

function read(cursor: Cursor, into: Holder): number {
  cursor.at += 1;
  return cursor.positions.readInto(into);
}

/** Writes to `out` the positions of `right` that stand `distance` after one of `left` (both ascending); returns how many. */
function follow(left: Int32Array, leftCount: number, right: Int32Array, rightCount: number, distance: number, out: Int32Array): number {
  let n = 0;
  let i = 0;
  for (let j = 0; j < rightCount; j += 1) {
    const wanted = right[j]! - distance;
    while (i < leftCount && left[i]! < wanted) i += 1;
    if (i < leftCount && left[i] === wanted) out[n++] = right[j]!;
  }
  return n;
}

