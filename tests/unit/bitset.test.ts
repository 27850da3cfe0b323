import { describe, expect, test } from "vitest";
import { Bitset, popcount } from "@/lib/search/bitset";

const members = (bits: Bitset) => {
  const out: number[] = [];
  bits.forEach((index) => out.push(index));
  return out;
};

const of = (capacity: number, indexes: number[]) => {
  const bits = new Bitset(capacity);
  for (const index of indexes) bits.set(index);
  return bits;
};

describe("popcount", () => {
  test.each([
    [0, 0],
    [1, 1],
    [0x80000000, 1],
    [0x80000001, 2],
    [0xffffffff, 32],
    [0x7fffffff, 31],
    [0xfffffffe, 31],
    [0x55555555, 16],
    [0xaaaaaaaa, 16],
    [0x0f0f0f0f, 16],
    [0xff00ff00, 16],
    [0x00010000, 1],
  ])("popcount(%i) = %i", (word, expected) => {
    expect(popcount(word)).toBe(expected);
  });

  test("agrees with a bit-by-bit count on many words", () => {
    let seed = 12345;
    for (let i = 0; i < 2000; i += 1) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      let slow = 0;
      for (let b = 0; b < 32; b += 1) slow += (seed >>> b) & 1;
      expect(popcount(seed)).toBe(slow);
    }
  });
});

describe("Bitset", () => {
  test("capacity rounds up to whole 32-bit words", () => {
    expect(new Bitset(0).capacity).toBe(0);
    expect(new Bitset(1).capacity).toBe(32);
    expect(new Bitset(32).capacity).toBe(32);
    expect(new Bitset(33).capacity).toBe(64);
  });

  test("set, has, clear, count at the edges of words", () => {
    const bits = new Bitset(100);
    for (const index of [0, 31, 32, 63, 64, 99]) bits.set(index);
    expect(bits.count()).toBe(6);
    for (const index of [0, 31, 32, 63, 64, 99]) expect(bits.has(index)).toBe(true);
    for (const index of [1, 30, 33, 62, 65, 98]) expect(bits.has(index)).toBe(false);
    bits.set(31); // setting twice changes nothing
    expect(bits.count()).toBe(6);
    bits.clear(31);
    bits.clear(32);
    bits.clear(5); // clearing an absent bit changes nothing
    expect(bits.has(31)).toBe(false);
    expect(bits.has(32)).toBe(false);
    expect(bits.has(30)).toBe(false);
    expect(bits.count()).toBe(4);
    expect(members(bits)).toEqual([0, 63, 64, 99]);
  });

  test("has() beyond the capacity is false, not an error", () => {
    const bits = of(32, [31]);
    expect(bits.has(32)).toBe(false);
    expect(bits.has(1_000_000)).toBe(false);
  });

  test("the top bit of a word (bit 31) is counted, visited and cleared like any other", () => {
    const bits = of(64, [31, 63]);
    expect(bits.words[0]).toBe(0x80000000);
    expect(bits.words[1]).toBe(0x80000000);
    expect(bits.count()).toBe(2);
    expect(members(bits)).toEqual([31, 63]);
    bits.clear(31);
    expect(bits.words[0]).toBe(0);
    expect(members(bits)).toEqual([63]);
  });

  test("a full word counts 32 and visits every index in order", () => {
    const bits = new Bitset(96);
    for (let i = 32; i < 64; i += 1) bits.set(i);
    expect(bits.words[1]).toBe(0xffffffff);
    expect(bits.count()).toBe(32);
    expect(members(bits)).toEqual(Array.from({ length: 32 }, (_, i) => 32 + i));
  });

  test("forEach visits members in increasing order", () => {
    const indexes = [200, 3, 64, 31, 127, 0, 128, 95];
    expect(members(of(256, indexes))).toEqual([...indexes].sort((a, b) => a - b));
    expect(members(new Bitset(256))).toEqual([]);
  });

  test("and keeps the common members; a shorter other clears the rest", () => {
    const a = of(128, [1, 33, 64, 100, 127]);
    const b = of(128, [1, 64, 127, 5]);
    expect(members(a.and(b))).toEqual([1, 64, 127]);
    const c = of(128, [1, 33, 64, 100]);
    expect(members(c.and(of(40, [1, 33, 34])))).toEqual([1, 33]);
    expect(c.capacity).toBe(128);
  });

  test("or adds the other's members within this capacity", () => {
    const a = of(64, [0, 40]);
    expect(members(a.or(of(64, [1, 40, 63])))).toEqual([0, 1, 40, 63]);
    const short = of(32, [0]);
    expect(members(short.or(of(64, [1, 63])))).toEqual([0, 1]); // fixed capacity: 63 does not fit
    const long = of(96, [95]);
    expect(members(long.or(of(32, [2])))).toEqual([2, 95]);
  });

  test("and/or return this, for chaining, and leave the other untouched", () => {
    const a = of(64, [1, 2, 3]);
    const b = of(64, [2, 3, 4]);
    expect(a.and(b)).toBe(a);
    expect(members(b)).toEqual([2, 3, 4]);
    expect(a.or(b)).toBe(a);
    expect(members(b)).toEqual([2, 3, 4]);
  });

  test("clone is independent", () => {
    const a = of(64, [1, 50]);
    const copy = a.clone();
    copy.set(2);
    a.clear(50);
    expect(members(a)).toEqual([1]);
    expect(members(copy)).toEqual([1, 2, 50]);
    expect(copy.capacity).toBe(64);
  });

  test.each([0, 1, 31, 32, 33, 63, 64, 65, 100])("full(128, %i) holds exactly 0..size-1", (size) => {
    const bits = Bitset.full(128, size);
    expect(bits.count()).toBe(size);
    expect(members(bits)).toEqual(Array.from({ length: size }, (_, i) => i));
    expect(bits.has(size)).toBe(false);
  });

  test("grow keeps the members and makes room for more", () => {
    const bits = of(32, [0, 31]);
    bits.grow(16); // smaller: no change
    expect(bits.capacity).toBe(32);
    bits.grow(100);
    expect(bits.capacity).toBe(128);
    expect(members(bits)).toEqual([0, 31]);
    bits.set(127);
    expect(members(bits)).toEqual([0, 31, 127]);
    expect(bits.count()).toBe(3);
  });
});
