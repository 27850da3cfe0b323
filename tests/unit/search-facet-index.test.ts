import { describe, expect, test } from "vitest";
import { Bitset } from "@/lib/search/bitset";
import { FacetIndex, STANDARD_CODES, STATUS_CODES, dayOf, isoOfDay, type IndexFilter } from "@/lib/search/facet-index";
import { indexRow as row, members } from "../helpers/index-rows";

/**
 * Ordinal 1..8 (0 unused, as PostgreSQL's serial starts at 1). Providers: 1 OpenAI, 2 Google, 3 Adobe.
 *   ord date        sev standard     status     providers codes
 *   1   2022-04-06  4   STANDARD     PUBLISHED  1         M1 F1
 *   2   2022-07-20  3   PROVISIONAL  PUBLISHED  1         M2
 *   3   2023-01-10  2   CONFIRMED    CORRECTED  2         S1 M1
 *   4   2023-01-10  5   STANDARD     WITHDRAWN  2 1       C1
 *   5   2024-02-29  1   CONFIRMED    PUBLISHED  3         F7 S3
 *   6   2024-02-29  2   STANDARD     MERGED     3         M1
 *   7   2021-12-31  3   PROVISIONAL  PUBLISHED  1 3       M3 F7
 *   8   2023-01-10  3   STANDARD     PUBLISHED  (none)    (none)
 */
function sampleIndex(): FacetIndex {
  const index = new FacetIndex();
  index.apply(row(1, "2022-04-06", { severity: 4, providers: [1], codes: ["M1", "F1"] }));
  index.apply(row(2, "2022-07-20", { severity: 3, standard: "PROVISIONAL", providers: [1], codes: ["M2"] }));
  index.apply(row(3, "2023-01-10", { severity: 2, standard: "CONFIRMED", status: "CORRECTED", providers: [2], codes: ["S1", "M1"] }));
  index.apply(row(4, "2023-01-10", { severity: 5, status: "WITHDRAWN", providers: [2, 1], codes: ["C1"] }));
  index.apply(row(5, "2024-02-29", { severity: 1, standard: "CONFIRMED", providers: [3], codes: ["F7", "S3"] }));
  index.apply(row(6, "2024-02-29", { severity: 2, status: "MERGED", providers: [3], codes: ["M1"] }));
  index.apply(row(7, "2021-12-31", { severity: 3, standard: "PROVISIONAL", providers: [1, 3], codes: ["M3", "F7"] }));
  index.apply(row(8, "2023-01-10", { severity: 3, providers: [], codes: [] }));
  return index;
}

const listed = (index: FacetIndex, filter: IndexFilter) => members(index.mask(filter));

describe("dayOf / isoOfDay", () => {
  test("days since 1970-01-01, both ways", () => {
    expect(dayOf("1970-01-01")).toBe(0);
    expect(dayOf("1970-01-02")).toBe(1);
    expect(dayOf("1969-12-31")).toBe(-1);
    expect(dayOf("2024-02-29")).toBe(19782);
    for (const iso of ["1969-12-31", "1970-01-01", "2000-02-29", "2024-02-29", "2024-12-31"]) expect(isoOfDay(dayOf(iso))).toBe(iso);
  });
});

describe("FacetIndex.apply", () => {
  test("every loaded wire but the merged one is listed", () => {
    const index = sampleIndex();
    expect(index.size).toBe(9);
    expect(members(index.listed)).toEqual([1, 2, 3, 4, 5, 7, 8]);
    expect(index.day[5]).toBe(dayOf("2024-02-29"));
    expect(index.severityOf(4)).toBe(5);
    expect(index.standardOf(3)).toBe(STANDARD_CODES.CONFIRMED);
    expect(index.statusOf(6)).toBe(STATUS_CODES.MERGED);
  });

  test("updating a row moves its bits: old values no longer match, new ones do", () => {
    const index = sampleIndex();
    index.apply(row(1, "2020-01-01", { severity: 1, standard: "CONFIRMED", status: "WITHDRAWN", providers: [2], codes: ["S3"] }));
    expect(listed(index, { providerIds: [1] })).toEqual([2, 4, 7]);
    expect(listed(index, { providerIds: [2] })).toEqual([1, 3, 4]);
    expect(listed(index, { codes: ["M1"] })).toEqual([3]);
    expect(listed(index, { codes: ["F1"] })).toEqual([]);
    expect(listed(index, { codes: ["S3"] })).toEqual([1, 5]);
    expect(listed(index, { severity: { min: 4, max: 4 } })).toEqual([]);
    expect(listed(index, { severity: { min: 1, max: 1 } })).toEqual([1, 5]);
    expect(listed(index, { standards: [STANDARD_CODES.CONFIRMED] })).toEqual([1, 3, 5]);
    expect(listed(index, { statuses: [STATUS_CODES.WITHDRAWN] })).toEqual([1, 4]);
    expect(listed(index, { toDay: dayOf("2020-12-31") })).toEqual([1]);
    expect(index.size).toBe(9);
  });

  test("a wire merged later leaves the listing; unmerged, it returns", () => {
    const index = sampleIndex();
    index.apply(row(2, "2022-07-20", { status: "MERGED" }));
    expect(members(index.listed)).toEqual([1, 3, 4, 5, 7, 8]);
    expect(listed(index, { codes: ["M1"] })).toEqual([1, 3]);
    index.apply(row(6, "2024-02-29", { severity: 2, status: "PUBLISHED", providers: [3], codes: ["M1"] }));
    expect(listed(index, { codes: ["M1"] })).toEqual([1, 3, 6]);
  });

  test("more providers and codes than the per-wire slots are kept and removed too", () => {
    const index = new FacetIndex();
    const codes = ["M1", "M2", "M3", "M4", "S1", "S2", "S3", "F1"];
    index.apply(row(3, "2022-01-01", { providers: [1, 2, 3, 4, 5, 6], codes }));
    for (const provider of [1, 2, 3, 4, 5, 6]) expect(listed(index, { providerIds: [provider] })).toEqual([3]);
    for (const code of codes) expect(listed(index, { codes: [code] })).toEqual([3]);
    const counts = index.count(index.listed, ["provider", "code"]);
    expect([...counts.provider.entries()].sort()).toEqual([1, 2, 3, 4, 5, 6].map((id) => [id, 1]));
    expect(counts.code.size).toBe(8);
    index.apply(row(3, "2022-01-01", { providers: [7], codes: ["C1"] }));
    for (const provider of [1, 2, 3, 4, 5, 6]) expect(listed(index, { providerIds: [provider] })).toEqual([]);
    for (const code of codes) expect(listed(index, { codes: [code] })).toEqual([]);
    const after = index.count(index.listed, ["provider", "code"]);
    expect([...after.provider.entries()]).toEqual([[7, 1]]);
    expect([...after.code.entries()]).toEqual([["C1", 1]]);
  });

  test("grows past its first capacity without losing anything", () => {
    const index = new FacetIndex();
    for (let ord = 1; ord <= 5000; ord += 1) {
      index.apply(row(ord, ord % 2 ? "2022-01-01" : "2023-01-01", { providers: [ord % 3], codes: [ord % 2 ? "M1" : "S1"], severity: 1 + (ord % 5) }));
    }
    expect(index.size).toBe(5001);
    expect(index.listed.count()).toBe(5000);
    expect(index.mask({ codes: ["M1"] }).count()).toBe(2500);
    expect(index.mask({ providerIds: [0] }).count()).toBe(1666);
    expect(index.mask({ severity: { min: 1, max: 1 } }).count()).toBe(1000);
    expect(index.mask({ fromDay: dayOf("2023-01-01") }).count()).toBe(2500);
    expect(index.newestFirst()).toHaveLength(5000);
    expect(index.newestFirst()[0]).toBe(5000);
  });

  test("refuses an ordinal beyond the packed sort key's range", () => {
    expect(() => new FacetIndex().apply(row(1 << 24, "2022-01-01"))).toThrow(/beyond/);
  });
});

describe("FacetIndex.mask", () => {
  const index = sampleIndex();

  test("no filter: every listed wire", () => {
    expect(listed(index, {})).toEqual([1, 2, 3, 4, 5, 7, 8]);
  });

  test("providers: any of", () => {
    expect(listed(index, { providerIds: [1] })).toEqual([1, 2, 4, 7]);
    expect(listed(index, { providerIds: [3] })).toEqual([5, 7]); // 6 is merged
    expect(listed(index, { providerIds: [2, 3] })).toEqual([3, 4, 5, 7]);
    expect(listed(index, { providerIds: [99] })).toEqual([]);
  });

  test("codes: any of; an unknown code matches nothing", () => {
    expect(listed(index, { codes: ["M1"] })).toEqual([1, 3]);
    expect(listed(index, { codes: ["M1", "F7"] })).toEqual([1, 3, 5, 7]);
    expect(listed(index, { codes: ["Z9"] })).toEqual([]);
    expect(listed(index, { codes: ["Z9", "C1"] })).toEqual([4]);
  });

  test("severity: single value and inclusive range", () => {
    expect(listed(index, { severity: { min: 3, max: 3 } })).toEqual([2, 7, 8]);
    expect(listed(index, { severity: { min: 1, max: 2 } })).toEqual([3, 5]);
    expect(listed(index, { severity: { min: 4, max: 5 } })).toEqual([1, 4]);
    expect(listed(index, { severity: { min: 1, max: 5 } })).toEqual([1, 2, 3, 4, 5, 7, 8]);
  });

  test("standards and statuses: any of", () => {
    expect(listed(index, { standards: [STANDARD_CODES.PROVISIONAL] })).toEqual([2, 7]);
    expect(listed(index, { standards: [STANDARD_CODES.PROVISIONAL, STANDARD_CODES.CONFIRMED] })).toEqual([2, 3, 5, 7]);
    expect(listed(index, { statuses: [STATUS_CODES.CORRECTED, STATUS_CODES.WITHDRAWN] })).toEqual([3, 4]);
    expect(listed(index, { statuses: [STATUS_CODES.PUBLISHED] })).toEqual([1, 2, 5, 7, 8]);
    // Merged wires are never listed, even when asked for.
    expect(listed(index, { statuses: [STATUS_CODES.MERGED] })).toEqual([]);
  });

  test("date range: inclusive at both ends, either end optional", () => {
    expect(listed(index, { fromDay: dayOf("2023-01-10") })).toEqual([3, 4, 5, 8]);
    expect(listed(index, { toDay: dayOf("2022-04-06") })).toEqual([1, 7]);
    expect(listed(index, { fromDay: dayOf("2022-04-06"), toDay: dayOf("2023-01-10") })).toEqual([1, 2, 3, 4, 8]);
    expect(listed(index, { fromDay: dayOf("2023-01-11"), toDay: dayOf("2024-02-28") })).toEqual([]);
  });

  test("text bits intersect; a shorter text bitset is fine", () => {
    const text = new Bitset(9);
    for (const ord of [2, 3, 6, 8]) text.set(ord);
    expect(listed(index, { text })).toEqual([2, 3, 8]);
    expect(listed(index, { text: new Bitset(0) })).toEqual([]);
  });

  test("combinations: every filter must pass", () => {
    expect(listed(index, { providerIds: [1], severity: { min: 3, max: 5 } })).toEqual([1, 2, 4, 7]);
    expect(listed(index, { providerIds: [1], severity: { min: 3, max: 3 }, standards: [STANDARD_CODES.PROVISIONAL] })).toEqual([2, 7]);
    expect(listed(index, { providerIds: [1, 2], codes: ["M1", "C1"], statuses: [STATUS_CODES.PUBLISHED] })).toEqual([1]);
    expect(listed(index, { codes: ["F7"], fromDay: dayOf("2022-01-01") })).toEqual([5]);
    const text = new Bitset(9);
    for (const ord of [1, 2, 3, 4, 7]) text.set(ord);
    expect(listed(index, { providerIds: [1], text, toDay: dayOf("2022-05-01") })).toEqual([1, 7]);
  });

  test("except leaves out that one facet's own filter, never the text", () => {
    const text = new Bitset(9);
    for (const ord of [1, 2, 3, 4, 5, 7]) text.set(ord);
    const filter: IndexFilter = {
      providerIds: [1],
      codes: ["M1", "M2", "C1"],
      severity: { min: 3, max: 5 },
      standards: [STANDARD_CODES.STANDARD],
      statuses: [STATUS_CODES.PUBLISHED],
      fromDay: dayOf("2022-01-01"),
      text,
    };
    expect(members(index.mask(filter))).toEqual([1]);
    expect(members(index.mask(filter, "provider"))).toEqual([1]);
    expect(members(index.mask(filter, "code"))).toEqual([1]);
    expect(members(index.mask(filter, "severity"))).toEqual([1]);
    expect(members(index.mask(filter, "standard"))).toEqual([1, 2]);
    expect(members(index.mask(filter, "status"))).toEqual([1, 4]);
    expect(members(index.mask(filter, "year"))).toEqual([1]);
    expect(members(index.mask({ ...filter, standards: [], fromDay: undefined }, "year"))).toEqual([1, 2]);
  });

  test("mask returns a fresh set: changing it changes nothing in the index", () => {
    const mask = index.mask({});
    mask.words.fill(0);
    expect(listed(index, {})).toEqual([1, 2, 3, 4, 5, 7, 8]);
  });
});

describe("FacetIndex.count", () => {
  test("per value of each requested facet, over the given mask", () => {
    const index = sampleIndex();
    const counts = index.count(index.listed, ["provider", "code", "severity", "standard", "status", "year"]);
    expect(Object.fromEntries(counts.provider)).toEqual({ 1: 4, 2: 2, 3: 2 });
    expect(Object.fromEntries(counts.code)).toEqual({ M1: 2, F1: 1, M2: 1, S1: 1, C1: 1, F7: 2, S3: 1, M3: 1 });
    expect(counts.severity).toEqual([0, 1, 1, 3, 1, 1]);
    expect(counts.standard).toEqual([2, 3, 2]);
    expect(counts.status).toEqual([5, 1, 1, 0]);
    expect(Object.fromEntries(counts.year)).toEqual({ 2021: 1, 2022: 2, 2023: 3, 2024: 1 });
  });

  test("only the requested facets are counted", () => {
    const index = sampleIndex();
    const counts = index.count(index.listed, ["severity"]);
    expect(counts.severity).toEqual([0, 1, 1, 3, 1, 1]);
    expect(counts.provider.size).toBe(0);
    expect(counts.code.size).toBe(0);
    expect(counts.standard).toEqual([0, 0, 0]);
    expect(counts.year.size).toBe(0);
  });

  test("over a narrower mask", () => {
    const index = sampleIndex();
    const mask = index.mask({ providerIds: [2] });
    const counts = index.count(mask, ["code", "provider", "year"]);
    expect(Object.fromEntries(counts.code)).toEqual({ S1: 1, M1: 1, C1: 1 });
    expect(Object.fromEntries(counts.provider)).toEqual({ 2: 2, 1: 1 });
    expect(Object.fromEntries(counts.year)).toEqual({ 2023: 2 });
    expect(index.count(new Bitset(0), ["provider", "code"]).code.size).toBe(0);
  });

  test("years of wires before 1970 and on 31 December", () => {
    const index = new FacetIndex();
    index.apply(row(1, "1969-12-31"));
    index.apply(row(2, "1999-12-31"));
    index.apply(row(3, "2000-01-01"));
    expect(Object.fromEntries(index.count(index.listed, ["year"]).year)).toEqual({ 1969: 1, 1999: 1, 2000: 1 });
  });

  test("allCounts is cached until the next apply", () => {
    const index = sampleIndex();
    const first = index.allCounts();
    expect(index.allCounts()).toBe(first);
    expect(Object.fromEntries(first.provider)).toEqual({ 1: 4, 2: 2, 3: 2 });
    index.apply(row(9, "2025-05-05", { providers: [2], codes: ["M1"], severity: 1 }));
    const second = index.allCounts();
    expect(second).not.toBe(first);
    expect(Object.fromEntries(second.provider)).toEqual({ 1: 4, 2: 3, 3: 2 });
    expect(second.code.get("M1")).toBe(3);
    expect(second.severity[1]).toBe(2);
    expect(second.year.get(2025)).toBe(1);
    // An update (not only an insert) invalidates it too.
    index.apply(row(9, "2025-05-05", { providers: [3], codes: ["S1"], severity: 1, status: "MERGED" }));
    const third = index.allCounts();
    expect(Object.fromEntries(third.provider)).toEqual({ 1: 4, 2: 2, 3: 2 });
    expect(third.code.get("M1")).toBe(2);
    expect(third.year.get(2025)).toBeUndefined();
  });
});

describe("FacetIndex.count on a larger index", () => {
  // Wide masks are counted through each value's bitset, narrow ones wire by wire: both must agree with a tally of the rows.
  const STANDARDS = ["PROVISIONAL", "STANDARD", "CONFIRMED"] as const;
  const STATUSES = ["PUBLISHED", "CORRECTED", "WITHDRAWN", "MERGED"] as const;
  const CODES = ["M1", "M2", "M3", "F1", "F7", "F10", "S1", "S3", "C1"];
  // More codes than a wire's packed values have bits for: the rare ones past the 32nd are kept apart.
  const RARE_CODES = Array.from({ length: 30 }, (_, i) => `X${i + 1}`);

  function randomRows(count: number) {
    let state = 12345;
    const next = (n: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 8) % n;
    };
    const rows = [];
    for (let ord = 1; ord <= count; ord += 1) {
      // Every 97th wire has more providers and codes than the per-wire slots hold.
      const many = ord % 97 === 0;
      const providers = [...new Set(Array.from({ length: many ? 6 : 1 + next(3) }, () => 1 + next(40)))];
      const codes = [...new Set(Array.from({ length: many ? 8 : 1 + next(4) }, () => CODES[next(CODES.length)]!))];
      if (ord % 7 === 0) codes.push(RARE_CODES[next(RARE_CODES.length)]!);
      rows.push(row(ord, isoOfDay(dayOf("2009-06-01") + next(6000)), {
        severity: 1 + next(5),
        standard: STANDARDS[next(3)]!,
        status: STATUSES[next(20) === 0 ? 3 : next(3)]!,
        providers,
        codes,
      }));
    }
    return rows;
  }

  function tally(rows: ReturnType<typeof randomRows>, keep: (ord: number) => boolean) {
    const add = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);
    const out = { provider: new Map<number, number>(), code: new Map<string, number>(), severity: [0, 0, 0, 0, 0, 0], standard: [0, 0, 0], status: [0, 0, 0, 0], year: new Map<number, number>() };
    for (const r of rows) {
      if (!keep(r.ord)) continue;
      r.providers.forEach((id) => add(out.provider, id));
      r.codes.forEach((code) => add(out.code, code));
      out.severity[r.severity]! += 1;
      out.standard[STANDARD_CODES[r.standard]]! += 1;
      out.status[STATUS_CODES[r.status]]! += 1;
      add(out.year, Number(isoOfDay(r.day).slice(0, 4)));
    }
    return out;
  }

  const sorted = <K>(map: Map<K, number>) => [...map].sort((a, b) => String(a[0]).localeCompare(String(b[0])));

  test("every facet, over the whole listing, a wide mask and a narrow one, after updates", () => {
    const rows = randomRows(5000);
    const index = new FacetIndex();
    rows.forEach((r) => index.apply(r));
    // Updates move bits: a new day (and year), new providers and codes, a merge.
    for (const ord of [10, 500, 2500, 4999]) {
      const changed = { ...rows[ord - 1]!, day: dayOf("2024-02-29"), providers: [7, 8], codes: ["C1"], status: ord === 500 ? ("MERGED" as const) : ("PUBLISHED" as const) };
      rows[ord - 1] = changed;
      index.apply(changed);
    }
    const listed = (ord: number) => rows[ord - 1]!.status !== "MERGED";
    const wide = index.mask({ severity: { min: 2, max: 5 } });
    const narrow = index.mask({ providerIds: [3], codes: ["F7"] });
    const rare = index.mask({ codes: RARE_CODES.slice(0, 10) });
    expect(narrow.count()).toBeGreaterThan(0);
    expect(narrow.count()).toBeLessThan(100);
    expect(rare.count()).toBeGreaterThan(0);
    const cases: [Bitset, (ord: number) => boolean][] = [
      [index.listed, listed],
      [wide, (ord) => listed(ord) && rows[ord - 1]!.severity >= 2],
      [narrow, (ord) => listed(ord) && rows[ord - 1]!.providers.includes(3) && rows[ord - 1]!.codes.includes("F7")],
      [rare, (ord) => listed(ord) && rows[ord - 1]!.codes.some((code) => RARE_CODES.slice(0, 10).includes(code))],
    ];
    for (const [mask, keep] of cases) {
      const counts = index.count(mask, ["provider", "code", "severity", "standard", "status", "year"]);
      const expected = tally(rows, keep);
      expect(sorted(counts.provider)).toEqual(sorted(expected.provider));
      expect(sorted(counts.code)).toEqual(sorted(expected.code));
      expect(counts.severity).toEqual(expected.severity);
      expect(counts.standard).toEqual(expected.standard);
      expect(counts.status).toEqual(expected.status);
      expect(sorted(counts.year)).toEqual(sorted(expected.year));
      // One facet at a time gives the same numbers.
      expect(sorted(index.count(mask, ["code"]).code)).toEqual(sorted(expected.code));
      expect(index.count(mask, ["severity"]).severity).toEqual(expected.severity);
    }
  });
});

describe("FacetIndex.newestFirst / positionAfter", () => {
  test("newest event day first; the same day by ordinal, highest first; merged wires included", () => {
    const index = sampleIndex();
    expect([...index.newestFirst()]).toEqual([6, 5, 8, 4, 3, 2, 1, 7]);
  });

  test("follows inserts and changed days", () => {
    const index = sampleIndex();
    expect([...index.newestFirst()]).toEqual([6, 5, 8, 4, 3, 2, 1, 7]);
    index.apply(row(9, "2023-01-10"));
    expect([...index.newestFirst()]).toEqual([6, 5, 9, 8, 4, 3, 2, 1, 7]);
    index.apply(row(7, "2030-01-01", { providers: [1, 3], codes: ["M3", "F7"] }));
    expect([...index.newestFirst()]).toEqual([7, 6, 5, 9, 8, 4, 3, 2, 1]);
    index.apply(row(7, "1970-01-01"));
    expect([...index.newestFirst()]).toEqual([6, 5, 9, 8, 4, 3, 2, 1, 7]);
  });

  test("a new wire on 1 January 1970 (day 0) still gets its place", () => {
    const index = sampleIndex();
    index.apply(row(9, "1970-01-01"));
    expect([...index.newestFirst()].at(-1)).toBe(9);
  });

  test("wires before 1970 (negative days) sort last, by ordinal", () => {
    const index = new FacetIndex();
    index.apply(row(1, "1969-12-31"));
    index.apply(row(2, "2022-01-01"));
    index.apply(row(3, "1966-06-01"));
    index.apply(row(4, "1969-12-31"));
    expect([...index.newestFirst()]).toEqual([2, 4, 1, 3]);
  });

  test("positionAfter: the index of the first entry after (day, ord)", () => {
    const index = sampleIndex();
    const order = [...index.newestFirst()]; // [6, 5, 8, 4, 3, 2, 1, 7]
    order.forEach((ord, i) => expect(index.positionAfter(index.day[ord]!, ord)).toBe(i + 1));
    const jan10 = dayOf("2023-01-10");
    // A key between entries: same day as 8, 4, 3 with an ordinal none of them has.
    expect(index.positionAfter(jan10, 99)).toBe(2);
    expect(index.positionAfter(jan10, 7)).toBe(3); // after 8, before 4
    expect(index.positionAfter(jan10, 0)).toBe(5); // after 3
    expect(index.positionAfter(dayOf("2030-01-01"), 1)).toBe(0);
    expect(index.positionAfter(dayOf("2000-01-01"), 1)).toBe(8);
    expect(index.positionAfter(dayOf("2022-05-01"), 99)).toBe(6); // between 2 (July) and 1 (April)
    // The cursor's own wire, since moved to another day, is not shown again right after it.
    expect(index.positionAfter(dayOf("2022-05-01"), 1)).toBe(7);
  });
});

describe("FacetIndex.newestFiledFirst / newestFiled / lastChangeByPart", () => {
  /** A random archive with filing times drawn from few values, so that many wires tie. */
  function filedArchive(size: number, seed: number, distinctTimes: number) {
    let state = seed;
    const next = () => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state / 2 ** 31;
    };
    const index = new FacetIndex();
    const time = () => Date.UTC(2020, 0, 1) + Math.floor(next() * distinctTimes) * 1_000 - (next() < 0.05 ? 1e12 : 0); // some before 1970
    for (let ord = 1; ord <= size; ord += 1) {
      index.apply(row(ord, "2022-01-01", { severity: 1 + Math.floor(next() * 5), status: next() < 0.1 ? "MERGED" : "PUBLISHED", filedAt: time(), changedAt: time() }));
    }
    return { index, next, time };
  }
  const bySql = (index: FacetIndex) => (a: number, b: number) => index.filedAt[b]! - index.filedAt[a]! || b - a;
  const expectedOrder = (index: FacetIndex) => members(index.loadedSet()).sort(bySql(index));

  test("newest filed first, the same time by ordinal, highest first; merged wires included", () => {
    const index = new FacetIndex();
    index.apply(row(1, "2022-01-01", { filedAt: 3_000 }));
    index.apply(row(2, "2022-01-01", { filedAt: 1_000, status: "MERGED" }));
    index.apply(row(3, "2022-01-01", { filedAt: 3_000 }));
    index.apply(row(4, "2022-01-01", { filedAt: -5_000 }));
    index.apply(row(5, "2022-01-01"));
    expect([...index.newestFiledFirst()]).toEqual([3, 1, 2, 5, 4]);
  });

  test("is the full sort, and stays so as wires are added and refiled, a few or many at a time", () => {
    const { index, next, time } = filedArchive(5_000, 7, 800);
    expect([...index.newestFiledFirst()]).toEqual(expectedOrder(index));
    const held = index.newestFiledFirst();
    const snapshot = [...held];
    for (const changes of [1, 40, 5_000]) {
      for (let i = 0; i < changes; i += 1) {
        const ord = 1 + Math.floor(next() * 5_300); // some new wires, beyond 5,000
        index.apply(row(ord, "2022-01-01", { filedAt: time() }));
      }
      expect([...index.newestFiledFirst()]).toEqual(expectedOrder(index));
    }
    // An order a caller holds is replaced, never rewritten.
    expect([...held]).toEqual(snapshot);
  });

  test("a wire refiled several times between two reads, or back to its first time, takes its last place", () => {
    const index = new FacetIndex();
    [5_000, 4_000, 3_000, 3_000, 1_000].forEach((filedAt, i) => index.apply(row(i + 1, "2022-01-01", { filedAt })));
    expect([...index.newestFiledFirst()]).toEqual([1, 2, 4, 3, 5]);
    index.apply(row(2, "2022-01-01", { filedAt: 500 }));
    index.apply(row(2, "2022-01-01", { filedAt: 3_000 }));
    index.apply(row(6, "2022-01-01", { filedAt: 3_000 }));
    index.apply(row(5, "2022-01-01", { filedAt: 9_000 }));
    index.apply(row(5, "2022-01-01", { filedAt: 1_000 }));
    index.apply(row(1, "2022-01-01", { filedAt: 5_000 }));
    expect([...index.newestFiledFirst()]).toEqual([1, 6, 4, 3, 2, 5]);
  });

  test("newestFiled: the first `limit` of the mask in that order, then every further one filed at the last one's time", () => {
    const { index } = filedArchive(5_000, 11, 300);
    for (const filter of [{}, { severity: { min: 2, max: 2 } }, { severity: { min: 5, max: 5 }, statuses: [STATUS_CODES.PUBLISHED] }] as IndexFilter[]) {
      const mask = index.mask(filter);
      const all = members(mask).sort(bySql(index));
      for (const limit of [1, 50, 3_000]) {
        const last = index.filedAt[all[limit - 1]!];
        const expected = all.filter((ord, i) => i < limit || index.filedAt[ord] === last);
        expect(index.newestFiled(mask, limit)).toEqual(expected);
      }
      expect(index.newestFiled(mask, 0)).toEqual([]);
    }
    const few = new Bitset(index.listed.capacity);
    const listed = members(index.listed);
    for (const ord of listed.slice(0, 30)) few.set(ord);
    expect(index.newestFiled(few, 50)).toEqual(listed.slice(0, 30).sort(bySql(index)));
    expect(index.newestFiled(new Bitset(index.listed.capacity), 50)).toEqual([]);
  });

  test("newestFirstOf: the mask's wires in newestFirst order, few or many", () => {
    const { index, next } = filedArchive(5_000, 17, 100);
    for (let ord = 1; ord <= 5_000; ord += 1) index.apply(row(ord, next() < 0.02 ? "1966-06-01" : `20${10 + Math.floor(next() * 15)}-03-0${1 + Math.floor(next() * 9)}`));
    for (const share of [1, 0.5, 0.05, 0.001, 0]) {
      const mask = new Bitset(index.listed.capacity);
      for (let ord = 1; ord <= 5_000; ord += 1) if (next() < share) mask.set(ord);
      expect([...index.newestFirstOf(mask)]).toEqual([...index.newestFirst()].filter((ord) => mask.has(ord)));
    }
  });

  test("lastChangeByPart: per run of `size` ordinals that lists a wire, its newest change", () => {
    const { index } = filedArchive(5_000, 13, 5_000);
    for (const size of [1, 7, 1_000, 50_000]) {
      const newest = new Map<number, number>();
      for (const ord of members(index.listed)) {
        const part = Math.floor((ord - 1) / size) + 1;
        newest.set(part, Math.max(newest.get(part) ?? -Infinity, index.changedAt[ord]!));
      }
      expect(index.lastChangeByPart(size)).toEqual([...newest].map(([part, changedAt]) => ({ part, changedAt })));
    }
    // A change moves its part's date; a part of merged wires only is not listed.
    const before = index.lastChangeByPart(1_000)[0]!;
    index.apply(row(3, "2022-01-01", { changedAt: before.changedAt + 1 }));
    expect(index.lastChangeByPart(1_000)[0]).toEqual({ part: 1, changedAt: before.changedAt + 1 });
    index.apply(row(5_001, "2022-01-01", { status: "MERGED", changedAt: 1 }));
    expect(index.lastChangeByPart(1).at(-1)!.part).toBeLessThan(5_001);
  });
});
