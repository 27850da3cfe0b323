import { describe, expect, test } from "vitest";
import { Bitset } from "@/lib/search/bitset";
import { BlockPostingsBuilder } from "@/lib/search/postings/build-block-postings";
import { addOrds, BLOCK_SIZE, encodeOrds, readOffsets } from "@/lib/search/postings/ord-sets";
import type { LexemePostings } from "@/lib/search/postings/load-postings";
import { matchPhrase } from "@/lib/search/postings/match-phrase";
import { PositionsReader } from "@/lib/search/postings/positions-codec";

describe("ordinal sets of a block", () => {
  test.each([
    ["a few (a list)", [0, 1, 77, 65_535]],
    ["many (a bitmap)", Array.from({ length: 5000 }, (_, i) => i * 13)],
  ])("%s round-trip, and land at the block's place in a bitset", (_name, offsets) => {
    const encoded = encodeOrds(offsets);
    expect([...readOffsets(encoded)]).toEqual(offsets);
    const bits = new Bitset(3 * BLOCK_SIZE);
    addOrds(encoded, 2, bits);
    const members: number[] = [];
    bits.forEach((ord) => members.push(ord));
    expect(members).toEqual(offsets.map((offset) => 2 * BLOCK_SIZE + offset));
  });

  test("the bitmap is the smaller form past 4,096 wires", () => {
    expect(encodeOrds(Array.from({ length: 4095 }, (_, i) => i)).length).toBe(1 + 4095 * 2);
    expect(encodeOrds(Array.from({ length: 4096 }, (_, i) => i)).length).toBe(1 + BLOCK_SIZE / 8);
  });
});

describe("BlockPostingsBuilder", () => {
  test("one row per lexeme: its wires, those with it in the headline or summary, its positions", () => {
    const builder = new BlockPostingsBuilder(1);
    builder.add(BLOCK_SIZE + 3, "'api':2A,9C 'dall-e':1A 'it''s':4B 'a\\\\b':300C,301C");
    builder.add(BLOCK_SIZE + 10, "'api':7 'price':1B,5C");
    const rows = new Map([...builder.rows()].map((row) => [row.lexeme, row]));
    expect([...rows.keys()].sort()).toEqual(["a\\b", "api", "dall-e", "it's", "price"]);
    const api = rows.get("api")!;
    expect([...readOffsets(api.ords)]).toEqual([3, 10]);
    expect([...readOffsets(api.headline!)]).toEqual([3]);
    expect(api.summary).toBeNull();
    const reader = new PositionsReader(api.positions);
    expect(reader.next()).toEqual([2, 9]);
    expect(reader.next()).toEqual([7]);
    const reader2 = new PositionsReader(rows.get("a\\b")!.positions);
    expect(reader2.next()).toEqual([300, 301]);
    expect([...readOffsets(rows.get("price")!.summary!)]).toEqual([10]);
    expect(builder.wires).toBe(2);
  });

  test("wires out of order or outside the block are refused", () => {
    const builder = new BlockPostingsBuilder(0);
    builder.add(5, "'a':1");
    expect(() => builder.add(4, "'a':1")).toThrow(/ascending/);
    expect(() => builder.add(BLOCK_SIZE, "'a':1")).toThrow(/block 0/);
    expect(() => builder.add(6, "a:1")).toThrow(/quoted lexeme/);
  });
});

describe("PositionsReader", () => {
  test("reads and skips wires whose positions take several bytes; a cut-off row ends the skip", () => {
    const builder = new BlockPostingsBuilder(0);
    builder.add(1, "'word':5,130,16383");
    builder.add(2, "'word':127,128");
    builder.add(3, "'word':2000");
    const positions = [...builder.rows()][0]!.positions;
    const reader = new PositionsReader(positions);
    reader.skip();
    expect(reader.next()).toEqual([127, 128]);
    expect(reader.next()).toEqual([2000]);
    const again = new PositionsReader(positions);
    expect(again.next()).toEqual([5, 130, 16383]);
    const cut = new PositionsReader(positions.subarray(0, 3));
    cut.skip();
    expect(cut.at).toBe(3);
  });
});

describe("matchPhrase", () => {
  // Three wires of block 1: "alpha beta", "alpha gamma beta", "beta alpha"; wire 4 has alpha twice and beta after the second.
  function phrasePostings() {
    const builder = new BlockPostingsBuilder(1);
    builder.add(BLOCK_SIZE + 1, "'alpha':1 'beta':2");
    builder.add(BLOCK_SIZE + 2, "'alpha':1 'beta':3 'gamma':2");
    builder.add(BLOCK_SIZE + 3, "'alpha':2 'beta':1");
    builder.add(BLOCK_SIZE + 4, "'alpha':1,7 'beta':8");
    const postings = new Map<string, LexemePostings>();
    for (const row of builder.rows()) {
      const all = new Bitset(2 * BLOCK_SIZE);
      addOrds(row.ords, 1, all);
      postings.set(row.lexeme, {
        lexeme: row.lexeme,
        all,
        headline: new Bitset(2 * BLOCK_SIZE),
        summary: new Bitset(2 * BLOCK_SIZE),
        positions: new Map([[1, { ords: row.ords, positions: row.positions }]]),
        key: "",
        bytes: 0,
      });
    }
    return postings;
  }
  const found = (bits: Bitset) => {
    const out: number[] = [];
    bits.forEach((ord) => out.push(ord - BLOCK_SIZE));
    return out;
  };

  test("the words at the chain's distances, among the candidates only", () => {
    const postings = phrasePostings();
    const candidates = postings.get("alpha")!.all.clone().and(postings.get("beta")!.all);
    expect(found(matchPhrase({ lexemes: ["alpha", "beta"], distances: [1] }, postings, candidates))).toEqual([1, 4]);
    expect(found(matchPhrase({ lexemes: ["alpha", "beta"], distances: [2] }, postings, candidates))).toEqual([2]);
    expect(found(matchPhrase({ lexemes: ["beta", "alpha"], distances: [1] }, postings, candidates))).toEqual([3]);
    expect(found(matchPhrase({ lexemes: ["alpha", "gamma", "beta"], distances: [1, 1] }, postings, candidates))).toEqual([2]);
    const withoutFirst = candidates.clone();
    withoutFirst.clear(BLOCK_SIZE + 1);
    expect(found(matchPhrase({ lexemes: ["alpha", "beta"], distances: [1] }, postings, withoutFirst))).toEqual([4]);
    expect(found(matchPhrase({ lexemes: ["alpha", "delta"], distances: [1] }, postings, candidates))).toEqual([]);
  });
});
