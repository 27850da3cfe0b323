import { Bitset } from "../bitset";
import type { LexemePostings } from "./load-postings";
import { BLOCK_BITS, readOffsets } from "./ord-sets";
import { PositionsReader } from "./positions-codec";

/** `lexemes[0] <distances[0]> lexemes[1] <distances[1]> ...`, as websearch_to_tsquery writes a quoted phrase. */
export type PhraseChain = { lexemes: string[]; distances: number[] };

/** One lexeme's postings in one block, read in step with the others: its entry `entry`, whose positions the reader is at. */
class Cursor {
  entry = 0;
  readonly positions: PositionsReader;
  constructor(
    readonly offsets: Uint16Array,
    positions: Uint8Array,
  ) {
    this.positions = new PositionsReader(positions);
  }
}
type Holder = { array: Int32Array };
const BLOCK_WORDS = 1 << (BLOCK_BITS - 5);

/**
 * The candidates (wires holding every lexeme of the chain) in which the lexemes stand at the chain's
 * distances, read from the postings' positions: what PostgreSQL's phrase operator checks, left to right,
 * each step keeping the positions of its right-hand lexeme. The lexemes' postings of a block are walked
 * side by side in ordinal order, decoding positions only where a candidate sits.
 */
export function matchPhrase(chain: PhraseChain, postings: Map<string, LexemePostings>, candidates: Bitset): Bitset {
  const out = new Bitset(candidates.capacity);
  const first = postings.get(chain.lexemes[0]!)?.positions;
  if (!first) return out;
  // Scratch position lists, reused: a lexeme keeps at most 256 positions in a tsvector.
  const lists: [Holder, Holder, Holder] = [{ array: new Int32Array(256) }, { array: new Int32Array(256) }, { array: new Int32Array(256) }];
  const { words } = candidates;
  for (const block of first.keys()) {
    if (!anyInBlock(words, block)) continue;
    const cursors: Cursor[] = [];
    for (const lexeme of chain.lexemes) {
      const stored = postings.get(lexeme)?.positions?.get(block);
      if (!stored) break;
      cursors.push(new Cursor(readOffsets(stored.ords), stored.positions));
    }
    if (cursors.length === chain.lexemes.length) matchBlock(block, cursors, chain.distances, words, out, lists);
  }
  return out;
}

function anyInBlock(words: Uint32Array, block: number): boolean {
  for (let w = block * BLOCK_WORDS, end = Math.min(words.length, w + BLOCK_WORDS); w < end; w += 1) if (words[w] !== 0) return true;
  return false;
}

function matchBlock(block: number, cursors: Cursor[], distances: number[], words: Uint32Array, out: Bitset, lists: [Holder, Holder, Holder]): void {
  const base = block << BLOCK_BITS;
  const lead = cursors[0]!;
  const { offsets } = lead;
  let [current, next, right] = lists;
  for (let entry = 0; entry < offsets.length; entry += 1) {
    const ord = base + offsets[entry]!;
    if (((words[ord >>> 5] ?? 0) & (1 << (ord & 31))) === 0) {
      lead.positions.skip();
      continue;
    }
    // The first lexeme's positions, then each step keeps the right-hand positions that follow them.
    let count = lead.positions.readInto(current);
    for (let step = 1; step < cursors.length && count > 0; step += 1) {
      const cursor = cursors[step]!;
      const theirs = cursor.offsets;
      while (cursor.entry < theirs.length && base + theirs[cursor.entry]! < ord) {
        cursor.positions.skip();
        cursor.entry += 1;
      }
      if (cursor.entry === theirs.length || base + theirs[cursor.entry]! !== ord) {
        count = 0;
        break;
      }
      cursor.entry += 1;
      const rightCount = cursor.positions.readInto(right);
      if (next.array.length < rightCount) next.array = new Int32Array(rightCount);
      count = follow(current.array, count, right.array, rightCount, distances[step - 1]!, next.array);
      const swap = current;
      current = next;
      next = swap;
    }
    if (count > 0) out.set(ord);
  }
  lists[0] = current;
  lists[1] = next;
  lists[2] = right;
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
