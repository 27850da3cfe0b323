import { BLOCK_BITS, BLOCK_SIZE, encodeOrds } from "./ord-sets";

/** One row of search_posting. */
export type PostingRow = {
  lexeme: string;
  block: number;
  ords: Uint8Array;
  headline: Uint8Array | null;
  summary: Uint8Array | null;
  positions: Uint8Array;
};

/** Text that is not a tsvector as PostgreSQL prints one. */
export class TsVectorSyntaxError extends Error {}

/** One lexeme's postings in the block, filled as wires arrive. */
class Postings {
  offsets = new Uint16Array(8);
  count = 0;
  headline = new Uint16Array(0);
  headlineCount = 0;
  summary = new Uint16Array(0);
  summaryCount = 0;
  /** Per wire: the number of positions, then each as its distance from the one before (LEB128). */
  positions = new Uint8Array(16);
  positionBytes = 0;

  constructor(readonly lexeme: string) {}
}

const QUOTE = 39; // '
const BACKSLASH = 92;
const COLON = 58;
const COMMA = 44;
const SPACE = 32;
const WEIGHT_A = 65;
const WEIGHT_B = 66;
const WEIGHT_D = 68;

/**
 * Turns the search vectors of one block's wires, as PostgreSQL prints them (`'lexeme':1A,4,9C`), into
 * the block's posting rows: per lexeme, the wires that hold it, those with it in the headline (weight
 * A) or the summary (B), and its positions in each. Add wires in ascending ordinal order.
 *
 * A block holds tens of millions of positions, so the parser works on character codes and finds each
 * lexeme in a hash table of its own without cutting strings out of the vector.
 */
export class BlockPostingsBuilder {
  private readonly postings: Postings[] = [];
  /** Open addressing: slot -> postings index + 1; keyed by the lexeme's characters as printed. */
  private table = new Int32Array(1 << 12);
  private readonly printed: string[] = [];
  private readonly hashes: number[] = [];
  /** One lexeme's positions in the wire being added. */
  private scratch = new Int32Array(256);
  private lastOrd = -1;
  wires = 0;

  constructor(readonly block: number) {}

  /** Adds one wire's vector (`search_vector::text`). */
  add(ord: number, vector: string): void {
    if (ord >>> BLOCK_BITS !== this.block) throw new RangeError(`wire ${ord} is not in block ${this.block}`);
    if (ord <= this.lastOrd) throw new RangeError(`wires must come in ascending order: ${ord} after ${this.lastOrd}`);
    this.lastOrd = ord;
    this.wires += 1;
    const offset = ord & (BLOCK_SIZE - 1);
    const n = vector.length;
    let i = 0;
    while (i < n) {
      if (vector.charCodeAt(i) === SPACE) {
        i += 1;
        continue;
      }
      if (vector.charCodeAt(i) !== QUOTE) throw new TsVectorSyntaxError(`wire ${ord}: expected a quoted lexeme at ${i}`);
      const start = i + 1;
      let hash = 0x811c9dc5;
      let escaped = false;
      for (i = start; ; i += 1) {
        if (i >= n) throw new TsVectorSyntaxError(`wire ${ord}: a quoted lexeme is not closed`);
        const c = vector.charCodeAt(i);
        if (c === QUOTE) {
          if (vector.charCodeAt(i + 1) !== QUOTE) break;
          escaped = true;
          hash = Math.imul(hash ^ c, 0x01000193);
          i += 1;
        } else if (c === BACKSLASH) {
          escaped = true;
          hash = Math.imul(hash ^ c, 0x01000193);
          i += 1;
        }
        hash = Math.imul(hash ^ vector.charCodeAt(i), 0x01000193);
      }
      const postings = this.find(vector, start, i, hash, escaped);
      i += 1;
      let count = 0;
      let headline = false;
      let summary = false;
      if (vector.charCodeAt(i) === COLON) {
        i += 1;
        for (;;) {
          let position = 0;
          const first = i;
          for (let c = vector.charCodeAt(i); c >= 48 && c <= 57; c = vector.charCodeAt(++i)) position = position * 10 + (c - 48);
          if (i === first) throw new TsVectorSyntaxError(`wire ${ord}: expected a position at ${i}`);
          if (count === this.scratch.length) this.scratch = growInt32(this.scratch);
          this.scratch[count++] = position;
          const weight = vector.charCodeAt(i);
          if (weight >= WEIGHT_A && weight <= WEIGHT_D) {
            if (weight === WEIGHT_A) headline = true;
            else if (weight === WEIGHT_B) summary = true;
            i += 1;
          }
          if (vector.charCodeAt(i) !== COMMA) break;
          i += 1;
        }
      }
      record(postings, offset, headline, summary, this.scratch, count);
    }
  }

  private find(vector: string, start: number, end: number, hash: number, escaped: boolean): Postings {
    const mask = this.table.length - 1;
    const length = end - start;
    let slot = hash & mask;
    for (;;) {
      const entry = this.table[slot]!;
      if (entry === 0) break;
      if (this.hashes[entry - 1] === hash && sameText(this.printed[entry - 1]!, vector, start, length)) return this.postings[entry - 1]!;
      slot = (slot + 1) & mask;
    }
    const printed = vector.slice(start, end);
    const lexeme = escaped ? printed.replace(/''|\\(.)/g, (match, char: string | undefined) => char ?? "'") : printed;
    const postings = new Postings(lexeme);
    this.postings.push(postings);
    this.printed.push(printed);
    this.hashes.push(hash);
    this.table[slot] = this.postings.length;
    if (this.postings.length * 2 > this.table.length) this.rehash();
    return postings;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    this.hashes.forEach((hash, index) => {
      let slot = hash & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = index + 1;
    });
    this.table = table;
  }

  /** The rows, one per lexeme. */
  *rows(): Generator<PostingRow> {
    for (const postings of this.postings) {
      yield {
        lexeme: postings.lexeme,
        block: this.block,
        ords: encodeOrds(postings.offsets, postings.count),
        headline: postings.headlineCount > 0 ? encodeOrds(postings.headline, postings.headlineCount) : null,
        summary: postings.summaryCount > 0 ? encodeOrds(postings.summary, postings.summaryCount) : null,
        positions: postings.positions.slice(0, postings.positionBytes),
      };
    }
  }

  get lexemes(): number {
    return this.postings.length;
  }
}

function record(postings: Postings, offset: number, headline: boolean, summary: boolean, positions: Int32Array, count: number): void {
  if (postings.count === postings.offsets.length) postings.offsets = grow16(postings.offsets);
  postings.offsets[postings.count++] = offset;
  if (headline) {
    if (postings.headlineCount === postings.headline.length) postings.headline = grow16(postings.headline);
    postings.headline[postings.headlineCount++] = offset;
  }
  if (summary) {
    if (postings.summaryCount === postings.summary.length) postings.summary = grow16(postings.summary);
    postings.summary[postings.summaryCount++] = offset;
  }
  // At most 5 bytes per varint: the count, then each position's distance from the one before.
  const needed = postings.positionBytes + 5 * (count + 1);
  if (needed > postings.positions.length) {
    const grown = new Uint8Array(Math.max(needed, postings.positions.length * 2));
    grown.set(postings.positions.subarray(0, postings.positionBytes));
    postings.positions = grown;
  }
  const bytes = postings.positions;
  let at = postings.positionBytes;
  let previous = 0;
  for (let i = -1; i < count; i += 1) {
    let value = i < 0 ? count : positions[i]! - previous;
    if (i >= 0) previous = positions[i]!;
    while (value >= 0x80) {
      bytes[at++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    bytes[at++] = value;
  }
  postings.positionBytes = at;
}

function sameText(key: string, text: string, start: number, length: number): boolean {
  if (key.length !== length) return false;
  for (let i = 0; i < length; i += 1) if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

function growInt32(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}

function grow16(array: Uint16Array<ArrayBuffer>): Uint16Array<ArrayBuffer> {
  const grown = new Uint16Array(Math.max(8, array.length * 2));
  grown.set(array);
  return grown;
}
