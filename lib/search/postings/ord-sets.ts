import type { Bitset } from "../bitset";

/**
 * Text postings are kept per block of 65,536 wire ordinals (ord >> 16): a block is rebuilt on its own,
 * and a term's wires in one block fit 16-bit offsets.
 */
export const BLOCK_BITS = 16;
export const BLOCK_SIZE = 1 << BLOCK_BITS;
const BITMAP_BYTES = BLOCK_SIZE / 8;
const LIST = 0;
const BITMAP = 1;

export const blockOf = (ord: number) => ord >>> BLOCK_BITS;

/**
 * Encodes a block's ordinal offsets (ascending, distinct, each below BLOCK_SIZE): a list of 16-bit
 * offsets, or a bitmap of the whole block when that is smaller (more than 4,096 wires).
 */
export function encodeOrds(offsets: ArrayLike<number>, count = offsets.length): Uint8Array {
  if (count * 2 >= BITMAP_BYTES) {
    const out = new Uint8Array(1 + BITMAP_BYTES);
    out[0] = BITMAP;
    for (let i = 0; i < count; i += 1) {
      const offset = offsets[i]!;
      out[1 + (offset >>> 3)]! |= 1 << (offset & 7);
    }
    return out;
  }
  const out = new Uint8Array(1 + count * 2);
  out[0] = LIST;
  for (let i = 0; i < count; i += 1) {
    const offset = offsets[i]!;
    out[1 + i * 2] = offset & 0xff;
    out[2 + i * 2] = offset >>> 8;
  }
  return out;
}

/** Adds the encoded offsets of block `block` to `bits` (whose capacity must reach the block's wires). */
export function addOrds(encoded: Uint8Array, block: number, bits: Bitset): void {
  const base = block << BLOCK_BITS;
  const { words } = bits;
  if (encoded[0] === BITMAP) {
    // 32 offsets per word: the block's bitmap lands on whole words of the set.
    const firstWord = base >>> 5;
    const last = Math.min(BLOCK_SIZE / 32, words.length - firstWord);
    for (let w = 0; w < last; w += 1) {
      const at = 1 + w * 4;
      words[firstWord + w]! |= (encoded[at]! | (encoded[at + 1]! << 8) | (encoded[at + 2]! << 16) | (encoded[at + 3]! << 24)) >>> 0;
    }
    return;
  }
  for (let at = 1; at + 1 < encoded.length; at += 2) {
    const ord = base + (encoded[at]! | (encoded[at + 1]! << 8));
    const word = ord >>> 5;
    if (word < words.length) words[word]! |= 1 << (ord & 31);
  }
}

/** The offsets in ascending order, whatever the encoding. */
export function readOffsets(encoded: Uint8Array): Uint16Array {
  if (encoded[0] === BITMAP) {
    const out: number[] = [];
    for (let byte = 0; byte < BITMAP_BYTES; byte += 1) {
      let value = encoded[1 + byte]!;
      while (value !== 0) {
        const low = value & -value;
        out.push(byte * 8 + 31 - Math.clz32(low));
        value ^= low;
      }
    }
    return Uint16Array.from(out);
  }
  const out = new Uint16Array((encoded.length - 1) / 2);
  for (let i = 0; i < out.length; i += 1) out[i] = encoded[1 + i * 2]! | (encoded[2 + i * 2]! << 8);
  return out;
}
