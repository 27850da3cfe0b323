import { describe, expect, test } from "vitest";
import { Bitset } from "@/lib/search/bitset";
import { FacetIndex } from "@/lib/search/facet-index";
import { pageByDate, pageByRank, rankOf, takeByDate, type RankLevel, type ResultPage } from "@/lib/search/result-pages";
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

/** Rank levels over ordinals with the given points, as TextMatch.levels gives them: best level first. */
function levelsOf(entries: [ord: number, points: number][], mask: Bitset): RankLevel[] {
  const byPoints = new Map<number, Bitset>();
  for (const [ord, points] of entries) {
    if (!mask.has(ord)) continue;
    if (!byPoints.has(points)) byPoints.set(points, new Bitset(mask.capacity));
    byPoints.get(points)!.set(ord);
  }
  return [...byPoints].sort((a, b) => b[0] - a[0]).map(([points, bits]) => ({ points, bits }));
}

describe("pageByRank", () => {
  const index = sampleIndex();
  // Points with ties (10 three times, 4 twice, 2 twice), among wires of several days.
  const entries: [number, number][] = [
    [3, 2],
    [1, 12],
    [7, 10],
    [2, 10],
    [13, 20], // merged: never listed
    [11, 10],
    [5, 2],
    [20, 4],
    [9, 0],
    [16, 6],
    [4, 14],
    [18, 4],
  ];
  const textBits = (list = entries) => {
    const bits = new Bitset(64);
    for (const [ord] of list) bits.set(ord);
    return bits;
  };
  const mask = () => index.mask({ text: textBits() });
  /** The expected order, written out: more points first, then the later day, then the higher ordinal. */
  const expectedFor = (list: [number, number][], keep: (ord: number) => boolean = () => true) =>
    list
      .filter(([ord]) => index.listed.has(ord) && keep(ord))
      .sort((a, b) => b[1] - a[1] || index.day[b[0]]! - index.day[a[0]]! || b[0] - a[0])
      .map(([ord]) => ord);
  const expected = expectedFor(entries);
  const page = (cursor?: string, dir?: "older" | "newer", limit = 50, list = entries) => {
    const m = index.mask({ text: textBits(list) });
    return pageByRank(levelsOf(list, m), index, cursor, dir, limit);
  };

  test("most points first; ties by the later day, then the higher ordinal", () => {
    const first = page();
    expect(first.ords).toEqual(expected);
    expect(first.ords[0]).toBe(4);
    expect(first.older).toBeUndefined();
    expect(first.newer).toBeUndefined();
    expect(first.badCursor).toBe(false);
  });

  test("cursors carry the points and the day of the last wire shown", () => {
    const first = page(undefined, undefined, 2);
    expect(first.ords).toEqual(expected.slice(0, 2));
    const last = expected[1]!;
    expect(first.older).toBe(`r${rankOf(12, index.day[last]!)}_${last}`);
    expect(page(first.older, "older", 2).ords).toEqual(expected.slice(2, 4));
  });

  test.each([1, 2, 3, 4, 10, 11, 12])("limit %i: older then newer pages cover every match once, in order", (limit) => {
    const { down, up } = walkBoth((cursor, dir) => page(cursor, dir, limit));
    expectNoRepeatsNoGaps(down, expected, limit);
    const lastPage = down.at(-1)!;
    expectNoRepeatsNoGaps([...up].reverse(), expected.slice(0, expected.length - lastPage.length), limit);
  });

  test("filters narrow the ranked list", () => {
    const narrowed = index.mask({ text: textBits(), severity: { min: 1, max: 2 } });
    expect(pageByRank(levelsOf(entries, narrowed), index, undefined, undefined, 50).ords).toEqual(expectedFor(entries, (ord) => index.severityOf(ord) <= 2));
  });

  test("matches added after a cursor was made: better ones stay above it, worse ones are not skipped", () => {
    const first = page(undefined, undefined, 4);
    const grown: [number, number][] = [...entries, [19, 10], [6, 16], [8, 3], [17, 10]];
    const rest: number[] = [];
    let next = page(first.older, "older", 4, grown);
    rest.push(...next.ords);
    while (next.older) {
      next = page(next.older, "older", 4, grown);
      rest.push(...next.ords);
    }
    const all = expectedFor(grown);
    expect(rest).toEqual(all.slice(all.indexOf(first.ords.at(-1)!) + 1));
    expect(rest).toContain(8);
    expect(rest).not.toContain(6);
    expect(new Set([...first.ords, ...rest]).size).toBe(first.ords.length + rest.length);
  });

  test.each(["garbage", "r", "r_1", "rx_1", "d0.5_1", "r0.5_", "rNaN_1", "rInfinity_1", "r1e999_1", "r0.5_123456789"])(
    "a cursor it did not make (%j) is flagged and the first page given",
    (cursor) => {
      for (const dir of [undefined, "older", "newer"] as const) {
        const result = page(cursor, dir, 3);
        expect(result.badCursor).toBe(true);
        expect(result.ords).toEqual(expected.slice(0, 3));
      }
    },
  );

  test("no match: an empty page", () => {
    expect(pageByRank([], index, undefined, undefined, 5)).toEqual({ ords: [], older: undefined, newer: undefined, badCursor: false });
  });
});

describe("takeByDate: large sets are walked, small ones sorted, in the same order", () => {
  const big = new FacetIndex();
  for (let ord = 0; ord < 12_000; ord += 1) big.apply(row(ord, isoDay(18_000 + ((ord * 7919) % 900))));
  const order = [...big.newestFirst()];

  test.each([
    ["every wire (walked)", (ord: number) => ord >= 0],
    ["one in 50 (sorted)", (ord: number) => ord % 50 === 0],
    ["one in 2 (walked)", (ord: number) => ord % 2 === 0],
  ])("%s", (_name, member) => {
    const bits = new Bitset(big.listed.capacity);
    for (let ord = 0; ord < 12_000; ord += 1) if (member(ord)) bits.set(ord);
    const members = order.filter((ord) => bits.has(ord));
    expect(takeByDate(big, bits, undefined, "older", 30)).toEqual(members.slice(0, 30));
    const at = members[100]!;
    const place = { day: big.day[at]!, ord: at };
    expect(takeByDate(big, bits, place, "older", 30)).toEqual(members.slice(101, 131));
    expect(takeByDate(big, bits, place, "newer", 30)).toEqual(members.slice(70, 100).reverse());
    expect(takeByDate(big, bits, undefined, "newer", 5)).toEqual(members.slice(-5).reverse());
    // A window of days around the members (as a date filter gives) skips the walk outside it.
    const days = members.map((ord) => big.day[ord]!);
    const window = { from: Math.min(...days), to: Math.max(...days) };
    expect(takeByDate(big, bits, place, "older", 30, window)).toEqual(members.slice(101, 131));
    expect(takeByDate(big, bits, place, "newer", 30, window)).toEqual(members.slice(70, 100).reverse());
    const inside = members.filter((ord) => big.day[ord]! >= 18_200 && big.day[ord]! <= 18_800);
    const narrowed = new Bitset(big.listed.capacity);
    for (const ord of inside) narrowed.set(ord);
    expect(takeByDate(big, narrowed, undefined, "older", 20, { from: 18_200, to: 18_800 })).toEqual(inside.slice(0, 20));
    expect(takeByDate(big, narrowed, undefined, "newer", 20, { from: 18_200, to: 18_800 })).toEqual(inside.slice(-20).reverse());
  });
});
