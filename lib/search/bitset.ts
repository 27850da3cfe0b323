/** A fixed-capacity set of small integers (wire ordinals), one bit each. */
export class Bitset {
  words: Uint32Array;

  constructor(capacity: number) {
    this.words = new Uint32Array(Math.ceil(capacity / 32));
  }

  get capacity(): number {
    return this.words.length * 32;
  }

  grow(capacity: number): void {
    if (capacity <= this.capacity) return;
    const words = new Uint32Array(Math.ceil(capacity / 32));
    words.set(this.words);
    this.words = words;
  }

  set(index: number): void {
    this.words[index >>> 5]! |= 1 << (index & 31);
  }

  clear(index: number): void {
    this.words[index >>> 5]! &= ~(1 << (index & 31));
  }

  has(index: number): boolean {
    return ((this.words[index >>> 5] ?? 0) & (1 << (index & 31))) !== 0;
  }

  // Indexed loops: for…of over a typed array is several times slower in the hot paths.
  count(): number {
    const { words } = this;
    let total = 0;
    for (let i = 0; i < words.length; i += 1) total += popcount(words[i]!);
    return total;
  }

  clone(): Bitset {
    const copy = new Bitset(0);
    copy.words = this.words.slice();
    return copy;
  }

  /** this &= other */
  and(other: Bitset): this {
    const { words } = this;
    const theirs = other.words;
    const n = Math.min(words.length, theirs.length);
    for (let i = 0; i < n; i += 1) words[i]! &= theirs[i]!;
    if (n < words.length) words.fill(0, n);
    return this;
  }

  /** this |= other */
  or(other: Bitset): this {
    const { words } = this;
    const theirs = other.words;
    const n = Math.min(words.length, theirs.length);
    for (let i = 0; i < n; i += 1) words[i]! |= theirs[i]!;
    return this;
  }

  /** this &= ~other */
  andNot(other: Bitset): this {
    const { words } = this;
    const theirs = other.words;
    const n = Math.min(words.length, theirs.length);
    for (let i = 0; i < n; i += 1) words[i]! &= ~theirs[i]!;
    return this;
  }

  /** Calls `visit` with every member in increasing order. */
  forEach(visit: (index: number) => void): void {
    const { words } = this;
    for (let i = 0; i < words.length; i += 1) {
      let word = words[i]!;
      while (word !== 0) {
        const low = word & -word;
        visit((i << 5) + 31 - Math.clz32(low));
        word ^= low;
      }
    }
  }

  static full(capacity: number, size: number): Bitset {
    const bits = new Bitset(capacity);
    bits.words.fill(0xffffffff, 0, size >>> 5);
    for (let i = size & ~31; i < size; i += 1) bits.set(i);
    return bits;
  }
}

export function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Word arrays of short-lived bitsets, for reuse. A search makes a dozen bitsets the archive's size
 * (128 KB at a million wires) and drops them, and V8 answers a fast churn of large ArrayBuffers with
 * frequent full collections, pauses of several milliseconds. A bitset given back with `recycle` must
 * not be used again by whoever gave it.
 */
const SPARE_PER_SIZE = 32;
const spare = new Map<number, Uint32Array[]>();

/** A bitset on a spare array of `length` words, as it was left; undefined when there is none. */
function spareBitset(length: number): Bitset | undefined {
  const words = spare.get(length)?.pop();
  if (!words) return undefined;
  const bits = new Bitset(0);
  bits.words = words;
  return bits;
}

/** An empty bitset of `capacity`, from the spare arrays when one fits. */
export function scratchBitset(capacity: number): Bitset {
  const bits = spareBitset(Math.ceil(capacity / 32));
  if (!bits) return new Bitset(capacity);
  bits.words.fill(0);
  return bits;
}

/** A copy of `of`, from the spare arrays when one fits. */
export function scratchCopy(of: Bitset): Bitset {
  const bits = spareBitset(of.words.length);
  if (!bits) return of.clone();
  bits.words.set(of.words);
  return bits;
}

/** Gives bitsets' arrays back for reuse: their owner is done with them. */
export function recycle(...sets: Bitset[]): void {
  for (const bits of sets) {
    const { words } = bits;
    if (words.length < 1024) continue;
    let list = spare.get(words.length);
    if (!list) spare.set(words.length, (list = []));
    if (list.length < SPARE_PER_SIZE && !list.includes(words)) list.push(words);
    bits.words = new Uint32Array(0);
  }
}
