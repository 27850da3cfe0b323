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

  count(): number {
    let total = 0;
    for (const word of this.words) total += popcount(word);
    return total;
  }

  isEmpty(): boolean {
    for (const word of this.words) if (word !== 0) return false;
    return true;
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
    for (let i = 0; i < words.length; i += 1) words[i]! &= theirs[i] ?? 0;
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
