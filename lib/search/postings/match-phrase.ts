import { Bitset } from "../bitset";
import type { LexemePostings } from "./load-postings";
import { BLOCK_BITS, readOffsets } from "./ord-sets";

/** `lexemes[0] <distances[0]> lexemes[1] <distances[1]> ...`, as websearch_to_tsquery writes a quoted phrase. */
export type PhraseChain = { lexemes: string[]; distances: number[] };

/** One lexeme's postings in one block, read in step with the others: the entry at `at`, its positions from `byte`. */
type Cursor = { offsets: Uint16Array; bytes: Uint8Array; at: number; byte: number };
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
      cursors.push({ offsets: readOffsets(stored.ords), bytes: stored.positions, at: 0, byte: 0 });
    }
    if (cursors.length < chain.lexemes.length) continue;
    const base = block << BLOCK_BITS;
    const first = cursors[0]!;
    for (; first.at < first.offsets.length; ) {
      const offset = first.offsets[first.at]!;
      if (!candidates.has(base + offset)) {
        skipEntry(first);
        continue;
      }
      // The first lexeme's positions, then each step keeps the right-hand positions that follow them.
      let count = readEntry(first, current);
      for (let step = 1; step < cursors.length && count > 0; step += 1) {
        const cursor = cursors[step]!;
        while (cursor.at < cursor.offsets.length && cursor.offsets[cursor.at]! < offset) skipEntry(cursor);
        if (cursor.offsets[cursor.at] !== offset) {
          count = 0;
          break;
        }
        const rightCount = readEntry(cursor, right);
        if (next.array.length < rightCount) next.array = new Int32Array(rightCount);
        count = follow(current.array, count, right.array, rightCount, chain.distances[step - 1]!, next.array);
        [current, next] = [next, current];
      }
      if (count > 0) out.set(base + offset);
    }
  }
  return out;
}

function varint(cursor: Cursor): number {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = cursor.bytes[cursor.byte++]!;
    value |= (byte & 0x7f) << shift;
    if (byte < 0x80) return value;
    shift += 7;
  }
}

/** Passes over the current entry's positions. */
function skipEntry(cursor: Cursor): void {
  let count = varint(cursor);
  while (count > 0) {
    if (cursor.bytes[cursor.byte++]! < 0x80) count -= 1;
  }
  cursor.at += 1;
}

/** Decodes the current entry's positions into `holder` (grown when short); returns how many. */
function readEntry(cursor: Cursor, holder: Holder): number {
  const count = varint(cursor);
  if (holder.array.length < count) holder.array = new Int32Array(count);
  const into = holder.array;
  let position = 0;
  for (let i = 0; i < count; i += 1) {
    position += varint(cursor);
    into[i] = position;
  }
  cursor.at += 1;
  return count;
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

