import { describe, expect, test } from "vitest";
import { Bitset } from "@/lib/search/bitset";
import { BlockPostingsBuilder } from "@/lib/search/postings/build-block-postings";
import { addOrds, BLOCK_SIZE, encodeOrds, readOffsets } from "@/lib/search/postings/ord-sets";
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
