import { describe, expect, test } from "vitest";
import { Bitset } from "@/lib/search/bitset";
import { FacetIndex } from "@/lib/search/facet-index";
import type { TextMatch } from "@/lib/search/match-text";
import { pageByDate, pageByRank, type ResultPage } from "@/lib/search/result-pages";
import { indexRow as row } from "../helpers/index-rows";

/** 20 wires, several sharing a day; ordinal 13 merged. */
function sampleIndex(): FacetIndex {
  const index = new FacetIndex();
  const dates = ["2022-01-01", "2022-01-01", "2022-02-01", "2022-03-01", "2022-03-01", "2022-03-01", "2021-05-05", "2023-01-01", "2023-01-01", "2020-01-01"];
  for (let ord = 1; ord <= 20; ord += 1) {
    index.apply(row(ord, dates[ord % dates.length]!, { status: ord === 13 ? "MERGED" : "PUBLISHED", severity: 1 + (ord % 5) }));
  }
  return index;
}

/** The listed wires of `mask`, newest first: the order pages must follow. */
const dateOrder = (index: FacetIndex, mask: Bitset) => [...index.newestFirst()].filter((ord) => mask.has(ord));

type Pager = (cursor: string | undefined, dir: "older" | "newer" | undefined) => ResultPage;

/** Walks from the first page to the end, then back to the start; returns both walks' pages. */
function walkBoth(pager: Pager): { down: number[][]; up: number[][] } {
  const down: number[][] = [];
  let page = pager(undefined, undefined);
  expect(page.badCursor).toBe(false);
  expect(page.newer).toBeUndefined();
  down.push(page.ords);
  for (let guard = 0; page.older; guard += 1) {
    if (guard > 100) throw new Error("no end");
    page = pager(page.older, "older");
    expect(page.badCursor).toBe(false);
    expect(page.newer).toBeDefined();
    down.push(page.ords);
  }
  const up: number[][] = [];
  for (let guard = 0; page.newer; guard += 1) {
    if (guard > 100) throw new Error("no end");
    page = pager(page.newer, "newer");
    expect(page.badCursor).toBe(false);
    expect(page.older).toBeDefined();
    up.push(page.ords);
  }
  return { down, up };
}

function expectNoRepeatsNoGaps(pages: number[][], expected: number[], limit: number) {
  for (const page of pages) {
    expect(page.length).toBeGreaterThan(0);
    expect(page.length).toBeLessThanOrEqual(limit);
  }
  const flat = pages.flat();
  expect(new Set(flat).size).toBe(flat.length);
  expect(flat).toEqual(expected);
}

describe("pageByDate", () => {
  const index = sampleIndex();

  test("the first page: newest first, an older cursor when more follow, no newer cursor", () => {
    const order = dateOrder(index, index.listed);
    expect(order).toHaveLength(19);
    const page = pageByDate(index, index.listed, undefined, undefined, 5);
    expect(page.ords).toEqual(order.slice(0, 5));
    expect(page.older).toBe(`d${index.day[order[4]!]}_${order[4]}`);
    expect(page.newer).toBeUndefined();
    expect(page.badCursor).toBe(false);
  });

  test("everything on one page: no cursors at all", () => {
    const page = pageByDate(index, index.listed, undefined, undefined, 19);
    expect(page.ords).toHaveLength(19);
    expect(page.older).toBeUndefined();
    expect(page.newer).toBeUndefined();
  });

  test.each([1, 2, 3, 4, 5, 7, 18, 19, 25])("limit %i: older pages then newer pages cover every wire once, in order", (limit) => {
    const expected = dateOrder(index, index.listed);
    const { down, up } = walkBoth((cursor, dir) => pageByDate(index, index.listed, cursor, dir, limit));
    expectNoRepeatsNoGaps(down, expected, limit);
    // Going back up from the last page reaches every wire before it, newest page last.
    const lastPage = down.at(-1)!;
    expectNoRepeatsNoGaps([...up].reverse(), expected.slice(0, expected.length - lastPage.length), limit);
  });

  test("with a filter mask, pages hold only its wires", () => {
    const mask = index.mask({ severity: { min: 2, max: 3 } });
    const expected = dateOrder(index, mask);
    expect(expected.length).toBeGreaterThan(3);
    const { down, up } = walkBoth((cursor, dir) => pageByDate(index, mask, cursor, dir, 3));
    expectNoRepeatsNoGaps(down, expected, 3);
    expect(new Set([...up.flat(), ...down.at(-1)!]).size).toBe(expected.length);
  });

  test("an empty mask: an empty page without cursors", () => {
    const page = pageByDate(index, new Bitset(64), undefined, undefined, 5);
    expect(page).toEqual({ ords: [], older: undefined, newer: undefined, badCursor: false });
  });

  test("the newer page just before a cursor, and its newer cursor only when more are newer", () => {
    const order = dateOrder(index, index.listed);
    const at = (i: number) => `d${index.day[order[i]!]}_${order[i]}`;
    const page = pageByDate(index, index.listed, at(6), "newer", 3);
    expect(page.ords).toEqual(order.slice(3, 6));
    expect(page.newer).toBe(at(3));
    expect(page.older).toBe(at(5));
    const top = pageByDate(index, index.listed, at(3), "newer", 3);
    expect(top.ords).toEqual(order.slice(0, 3));
    expect(top.newer).toBeUndefined();
    const short = pageByDate(index, index.listed, at(2), "newer", 3);
    expect(short.ords).toEqual(order.slice(0, 2));
    expect(short.newer).toBeUndefined();
  });

  test("a cursor for a wire that is no longer in the mask still places the page", () => {
    const order = dateOrder(index, index.listed);
    const cursorOrd = order[4]!;
    const mask = index.listed.clone();
    mask.clear(cursorOrd);
    const page = pageByDate(index, mask, `d${index.day[cursorOrd]}_${cursorOrd}`, "older", 3);
    expect(page.ords).toEqual(order.slice(5, 8));
    const up = pageByDate(index, mask, `d${index.day[cursorOrd]}_${cursorOrd}`, "newer", 3);
    expect(up.ords).toEqual(order.slice(1, 4));
  });

  test("wires added after a cursor was made: newer ones stay above it, older ones are not skipped", () => {
    const grown = sampleIndex();
    const first = pageByDate(grown, grown.listed, undefined, undefined, 4);
    const last = first.ords.at(-1)!;
    // Same day as the cursor's wire (a higher ordinal sorts above it), a newest one, and an old one.
    grown.apply(row(21, "2022-03-01"));
    grown.apply(row(22, "2030-01-01"));
    grown.apply(row(23, "2019-01-01"));
    grown.apply(row(24, isoDay(grown.day[last]!)));
    const rest: number[] = [];
    let page = pageByDate(grown, grown.listed, first.older, "older", 4);
    rest.push(...page.ords);
    while (page.older) {
      page = pageByDate(grown, grown.listed, page.older, "older", 4);
      rest.push(...page.ords);
    }
    const seen = [...first.ords, ...rest];
    expect(new Set(seen).size).toBe(seen.length);
    const order = dateOrder(grown, grown.listed);
    expect(rest).toEqual(order.slice(order.indexOf(last) + 1));
    expect(rest).toContain(23);
    expect(rest).not.toContain(22);
    expect(rest).not.toContain(24);
  });

  test.each([
    "garbage",
    "d",
    "d_1",
    "dabc_1",
    "d12_",
    "d12_x",
    "d12_123456789",
    "d..._1",
    "d1e999_1",
    "r0.5_1",
    "x19000_5",
    "d19000_5 ",
    "d19000_5;DROP",
  ])("a cursor it did not make (%j) is flagged and the first page given", (cursor) => {
    const expected = pageByDate(index, index.listed, undefined, undefined, 5).ords;
    for (const dir of [undefined, "older", "newer"] as const) {
      const page = pageByDate(index, index.listed, cursor, dir, 5);
      expect(page.badCursor).toBe(true);
      expect(page.ords).toEqual(expected);
    }
  });

  test("out-of-range but well-formed cursors do not throw", () => {
    for (const cursor of ["d1e308_1", "d-1e308_1", "d0_0", "d-5_99999999", "d99999999_1"]) {
      for (const dir of ["older", "newer"] as const) {
        const page = pageByDate(index, index.listed, cursor, dir, 5);
        expect(page.badCursor).toBe(false);
        expect(page.ords.length).toBeLessThanOrEqual(5);
      }
    }
  });
});

const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** A text match over ordinals with the given ranks (as PostgreSQL returns them: unordered). */
function textMatch(entries: [ord: number, rank: number][], capacity = 64): TextMatch & { entries: [number, number][] } {
  const bits = new Bitset(capacity);
  for (const [ord] of entries) bits.set(ord);
  const ranks = new Map(entries);
  return { searchable: true, bits, rank: (ord) => ranks.get(ord)!, entries };
}

describe("pageByRank", () => {
  const index = sampleIndex();
  // Ranks with ties (0.5 three times, 0.1 twice) and values with many digits.
  const text = textMatch([
    [3, 0.1],
    [1, 0.6079271],
    [7, 0.5],
    [2, 0.5],
    [13, 0.9], // merged: never listed
    [11, 0.5],
    [5, 0.0991032],
    [20, 0.1],
    [9, 1e-20],
    [16, 0.30000001192092896],
    [4, 0.7],
    [18, 0.2],
  ]);
  const expected = [4, 1, 11, 7, 2, 16, 18, 20, 3, 5, 9];
  const mask = () => index.mask({ text: text.bits });

  test("best rank first; ties by the higher ordinal", () => {
    const page = pageByRank(text, mask(), undefined, undefined, 50);
    expect(page.ords).toEqual(expected);
    expect(page.older).toBeUndefined();
    expect(page.newer).toBeUndefined();
    expect(page.badCursor).toBe(false);
  });

  test("cursors carry the rank as written, so they round-trip", () => {
    const page = pageByRank(text, mask(), undefined, undefined, 2);
    expect(page.ords).toEqual([4, 1]);
    expect(page.older).toBe("r0.6079271_1");
    const next = pageByRank(text, mask(), page.older, "older", 2);
    expect(next.ords).toEqual([11, 7]);
  });

  test.each([1, 2, 3, 4, 10, 11, 12])("limit %i: older then newer pages cover every match once, in order", (limit) => {
    const { down, up } = walkBoth((cursor, dir) => pageByRank(text, mask(), cursor, dir, limit));
    expectNoRepeatsNoGaps(down, expected, limit);
    const lastPage = down.at(-1)!;
    expectNoRepeatsNoGaps([...up].reverse(), expected.slice(0, expected.length - lastPage.length), limit);
  });

  test("filters narrow the ranked list", () => {
    const narrowed = index.mask({ text: text.bits, severity: { min: 1, max: 2 } });
    const page = pageByRank(text, narrowed, undefined, undefined, 50);
    expect(page.ords).toEqual(expected.filter((ord) => index.severity[ord]! <= 2));
  });

  test("matches added after a cursor was made: higher ranks stay above it, lower ones are not skipped", () => {
    const first = pageByRank(text, mask(), undefined, undefined, 4); // 4, 1, 11, 7
    const grown = textMatch([...zip(text), [19, 0.5], [6, 0.95], [8, 0.15], [17, 0.5]]);
    const rest: number[] = [];
    let page = pageByRank(grown, index.mask({ text: grown.bits }), first.older, "older", 4);
    rest.push(...page.ords);
    while (page.older) {
      page = pageByRank(grown, index.mask({ text: grown.bits }), page.older, "older", 4);
      rest.push(...page.ords);
    }
    // 19 and 17 tie with the cursor's wire (rank 0.5, ord 7): 19 and 17 sort above it, 6 is best.
    expect(rest).toEqual([2, 16, 18, 8, 20, 3, 5, 9]);
    expect(new Set([...first.ords, ...rest]).size).toBe(first.ords.length + rest.length);
  });

  test.each(["garbage", "r", "r_1", "rx_1", "d0.5_1", "r0.5_", "rNaN_1", "rInfinity_1", "r1e999_1", "r0.5_123456789"])(
    "a cursor it did not make (%j) is flagged and the first page given",
    (cursor) => {
      for (const dir of [undefined, "older", "newer"] as const) {
        const page = pageByRank(text, mask(), cursor, dir, 3);
        expect(page.badCursor).toBe(true);
        expect(page.ords).toEqual(expected.slice(0, 3));
      }
    },
  );

  test("an empty match: an empty page", () => {
    expect(pageByRank(textMatch([]), new Bitset(64), undefined, undefined, 5)).toEqual({ ords: [], older: undefined, newer: undefined, badCursor: false });
  });
});

function zip(text: ReturnType<typeof textMatch>): [number, number][] {
  return text.entries;
}
