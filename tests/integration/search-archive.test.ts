import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { SearchParams } from "@/lib/search/archive-query";
import type { SearchResult } from "@/lib/search/search-archive";
import { closeTestDb, importShipped, rebuildPostings, resetDatabase, testDb } from "../helpers/database";
import { ALL_KNOWN, FIXTURES, SHIPPED, idsOf, insertSearchWire, search, seedFixtures, walkPages, type KnownWire } from "../helpers/search";

/** What a filter means, written out independently of the code under test. */
type OracleFilter = {
  providers?: string[];
  codes?: string[];
  severity?: [number, number];
  standards?: KnownWire["standard"][];
  statuses?: KnownWire["status"][];
  from?: string;
  to?: string;
  /** The ids the search text matches (made-up words with known matches). */
  text?: string[];
};

let known: KnownWire[] = [];
const ords = new Map<string, number>();

async function loadOrds(): Promise<void> {
  const { prisma } = await testDb();
  ords.clear();
  for (const row of await prisma.wire.findMany({ select: { id: true, ord: true } })) ords.set(row.id, row.ord);
}

const codeMatches = (value: string, code: string) => (/^[A-Z]$/i.test(value) ? code[0] === value.toUpperCase() : code === value.toUpperCase());

function passes(wire: KnownWire, filter: OracleFilter, except?: string): boolean {
  if (wire.status === "MERGED") return false;
  if (filter.providers?.length && except !== "provider" && !wire.providers.some((p) => filter.providers!.includes(p))) return false;
  if (filter.codes?.length && except !== "code" && !wire.codes.some((c) => filter.codes!.some((v) => codeMatches(v, c)))) return false;
  if (filter.severity && except !== "severity" && (wire.severity < filter.severity[0] || wire.severity > filter.severity[1])) return false;
  if (filter.standards?.length && except !== "standard" && !filter.standards.includes(wire.standard)) return false;
  if (filter.statuses?.length && except !== "status" && !filter.statuses.includes(wire.status)) return false;
  if (filter.from && except !== "year" && wire.occurredOn < filter.from) return false;
  if (filter.to && except !== "year" && wire.occurredOn > filter.to) return false;
  if (filter.text && !filter.text.includes(wire.id)) return false;
  return true;
}

/** The expected ids, newest event first, ties by the later ordinal first. */
function expectedIds(filter: OracleFilter): string[] {
  return known
    .filter((wire) => passes(wire, filter))
    .sort((a, b) => b.occurredOn.localeCompare(a.occurredOn) || ords.get(b.id)! - ords.get(a.id)!)
    .map((wire) => wire.id);
}

/** The expected non-zero facet counts: each facet under every filter but its own. */
function expectedFacets(filter: OracleFilter) {
  const tally = (except: string, values: (wire: KnownWire) => string[]) => {
    const counts: Record<string, number> = {};
    for (const wire of known) if (passes(wire, filter, except)) for (const value of values(wire)) counts[value] = (counts[value] ?? 0) + 1;
    return counts;
  };
  return {
    provider: tally("provider", (w) => w.providers),
    code: tally("code", (w) => w.codes),
    severity: tally("severity", (w) => [String(w.severity)]),
    standard: tally("standard", (w) => [w.standard.toLowerCase()]),
    status: tally("status", (w) => [w.status.toLowerCase()]),
    year: tally("year", (w) => [w.occurredOn.slice(0, 4)]),
  };
}

function facetsOf(result: SearchResult) {
  const nonZero = (facets: { value: string; count: number }[]) => Object.fromEntries(facets.filter((f) => f.count > 0).map((f) => [f.value, f.count]));
  return {
    provider: nonZero(result.facets.provider),
    code: nonZero(result.facets.code),
    severity: nonZero(result.facets.severity),
    standard: nonZero(result.facets.standard),
    status: nonZero(result.facets.status),
    year: nonZero(result.facets.year),
  };
}

async function expectSearch(params: SearchParams, filter: OracleFilter, ordering: "newest" | "relevance" = "newest") {
  const result = await search(params, 100);
  const expected = expectedIds(filter);
  if (ordering === "newest") expect(idsOf(result)).toEqual(expected);
  else expect([...idsOf(result)].sort()).toEqual([...expected].sort());
  expect(result.total).toBe(expected.length);
  expect(result.ordering).toBe(ordering);
  expect(facetsOf(result)).toEqual(expectedFacets(filter));
  expect(result.unknown).toBeNull();
  expect(result.unknownCodes).toEqual([]);
  expect(result.badCursor).toBe(false);
  return result;
}

const QUOKKA = ["AIW-2025-0002", "AIW-2024-0005", "AIW-2021-0001"]; // headline, summary, body
const WOMBAT = ["AIW-2024-0001", "AIW-2024-0005"];

beforeAll(() => testDb());
afterAll(closeTestDb);

// The text postings (lib/search/postings) hold the wires of a block as they read when it was built; wires
// written since are searched in PostgreSQL. Both ways must give the same answers.
const POSTINGS_STATES: [string, boolean][] = [
  ["postings rebuilt after the fixtures", true],
  ["fixtures written after the postings were built", false],
];

describe.each(POSTINGS_STATES)("searchArchive on known data (%s)", (_state, rebuild) => {
  beforeAll(async () => {
    await resetDatabase();
    await importShipped();
    await seedFixtures();
    if (rebuild) expect(await rebuildPostings()).toBe(1);
    await loadOrds();
    known = ALL_KNOWN;
  });

  test("no parameters: every wire but the merged one, newest first, with every facet counted", async () => {
    const result = await expectSearch({}, {});
    expect(result.total).toBe(17);
    expect(idsOf(result).slice(0, 5)).toEqual(["AIW-2025-0002", "AIW-2025-0001", "AIW-2024-0005", "AIW-2024-0003", "AIW-2024-0002"]);
    expect(idsOf(result)).not.toContain("AIW-2024-0004");
    expect(result.older).toBeUndefined();
    expect(result.newer).toBeUndefined();
    expect(result.notices).toEqual([]);
    expect(result.suggestion).toBeUndefined();
    // Midjourney's only wire is merged: it is not offered as a facet value.
    expect(facetsOf(result).provider).toEqual({ openai: 11, google: 3, "stability-ai": 2, adobe: 2, microsoft: 1 });
    expect(result.facets.provider.map((f) => f.value)).not.toContain("midjourney");
    expect(facetsOf(result).status).toEqual({ published: 15, corrected: 1, withdrawn: 1 });
    expect(result.facets.status.map((f) => f.value)).toEqual(["published", "corrected", "withdrawn"]);
    expect(facetsOf(result).year).toEqual({ 2021: 1, 2022: 8, 2023: 2, 2024: 4, 2025: 2 });
    expect(result.facets.year.map((f) => f.value)).toEqual(["2025", "2024", "2023", "2022", "2021"]);
  });

  test("the default page size is 25, with an older cursor past it", async () => {
    for (let n = 1; n <= 10; n += 1) {
      await insertSearchWire({ id: `AIW-2019-${String(n).padStart(4, "0")}`, occurredOn: `2019-01-${String(n).padStart(2, "0")}`, providers: ["adobe"], codes: ["C1"], severity: 4 });
    }
    try {
      const all = await search({});
      expect(all.total).toBe(27);
      expect(all.items).toHaveLength(25);
      expect(all.older).toBeDefined();
      const rest = await search({ cursor: all.older! });
      expect(idsOf(rest)).toEqual(["AIW-2019-0002", "AIW-2019-0001"]);
    } finally {
      const { prisma } = await testDb();
      // Wires are never deleted in the archive; here they are merged away so the rest of the file sees the known set.
      await prisma.wire.updateMany({ where: { id: { startsWith: "AIW-2019-" } }, data: { status: "MERGED", mergedIntoId: "AIW-2022-0001" } });
    }
    expect((await search({})).total).toBe(17);
  });

  describe("each filter", () => {
    test("provider: one, several (any of), unknown to the wire set", async () => {
      const google = await expectSearch({ provider: "google" }, { providers: ["google"] });
      expect(idsOf(google)).toEqual(["AIW-2024-0005", "AIW-2024-0001", "AIW-2021-0001"]);
      expect(google.applied.provider).toEqual(["google"]);
      const several = await expectSearch({ provider: ["adobe", "microsoft"] }, { providers: ["adobe", "microsoft"] });
      expect(idsOf(several)).toEqual(["AIW-2025-0002", "AIW-2025-0001", "AIW-2024-0002"]);
      await expectSearch({ provider: "google,adobe" }, { providers: ["google", "adobe"] });
      // A wire with two providers is found under each.
      expect(idsOf(await search({ provider: "microsoft" }))).toEqual(["AIW-2024-0002"]);
      expect(idsOf(await search({ provider: "openai" }))).toContain("AIW-2024-0002");
      // Midjourney exists but its only wire is merged.
      const midjourney = await search({ provider: "midjourney" });
      expect(midjourney.total).toBe(0);
      expect(midjourney.unknown).toBeNull();
    });

    test("provider names, aliases and case give identical results", async () => {
      const base = await search({ provider: "openai" }, 100);
      expect(base.total).toBe(11);
      for (const provider of ["Open AI", "OPENAI", "OpenAI", "openai", "OpenAI LP", "open-ai", " Open  AI "]) {
        const result = await search({ provider }, 100);
        expect(idsOf(result), provider).toEqual(idsOf(base));
        expect(result.total).toBe(base.total);
        expect(result.applied.provider).toEqual(["openai"]);
        expect(result.unknown).toBeNull();
        expect(result.facets.provider.find((f) => f.value === "openai")).toMatchObject({ selected: true, label: "OpenAI" });
      }
      // Two spellings of one provider are one filter.
      expect((await search({ provider: ["Open AI", "openai"] })).applied.provider).toEqual(["openai"]);
      expect(idsOf(await search({ provider: ["Stability", "StabilityAI", "stability-ai"] }))).toEqual(["AIW-2024-0005", "AIW-2024-0003"]);
    });

    test("code: one, several, a family letter, any case", async () => {
      const m1 = await expectSearch({ code: "M1" }, { codes: ["M1"] });
      expect(idsOf(m1)).toEqual(["AIW-2025-0002", "AIW-2024-0001", "AIW-2023-0010", "AIW-2022-0008", "AIW-2022-0006", "AIW-2022-0002"]);
      expect(m1.applied.code).toEqual(["M1"]);
      const lower = await search({ code: "m1" }, 100);
      expect(idsOf(lower)).toEqual(idsOf(m1));
      expect(lower.applied.code).toEqual(["M1"]);
      await expectSearch({ code: ["M1", "S3"] }, { codes: ["M1", "S3"] });
      await expectSearch({ code: "C2,F10" }, { codes: ["C2", "F10"] });
      const family = await expectSearch({ code: "M" }, { codes: ["M"] });
      expect(family.total).toBe(11);
      expect(family.applied.code.every((code) => code.startsWith("M"))).toBe(true);
      expect(family.applied.code).toEqual(expect.arrayContaining(["M1", "M2", "M3", "M4"]));
      expect(idsOf(await search({ code: "m" }, 100))).toEqual(idsOf(family));
      // The family and one of its own codes: the family.
      expect(idsOf(await search({ code: ["M", "M1"] }, 100))).toEqual(idsOf(family));
      await expectSearch({ code: ["S", "c"] }, { codes: ["S", "C"] });
      // Every applied code is marked selected in the code facet.
      expect(family.facets.code.filter((f) => f.selected).map((f) => f.value)).toEqual(family.applied.code);
    });

    test("severity: one value and a range", async () => {
      expect(idsOf(await expectSearch({ severity: "1" }, { severity: [1, 1] }))).toEqual(["AIW-2024-0002"]);
      const range = await expectSearch({ severity: "1-2" }, { severity: [1, 2] });
      expect(idsOf(range)).toEqual(["AIW-2025-0002", "AIW-2024-0002", "AIW-2024-0001", "AIW-2021-0001"]);
      expect(range.facets.severity.map((f) => f.selected)).toEqual([true, true, false, false, false]);
      await expectSearch({ severity: "3-5" }, { severity: [3, 5] });
      await expectSearch({ severity: "5" }, { severity: [5, 5] });
    });

    test("standard", async () => {
      expect(idsOf(await expectSearch({ standard: "confirmed" }, { standards: ["CONFIRMED"] }))).toEqual(["AIW-2025-0001", "AIW-2024-0005", "AIW-2024-0001"]);
      expect(idsOf(await expectSearch({ standard: "provisional" }, { standards: ["PROVISIONAL"] }))).toEqual(["AIW-2024-0003", "AIW-2022-0004", "AIW-2022-0003"]);
      await expectSearch({ standard: ["provisional", "CONFIRMED"] }, { standards: ["PROVISIONAL", "CONFIRMED"] });
    });

    test("status: the default shows published, corrected and withdrawn wires, never merged ones", async () => {
      const all = await search({}, 100);
      expect(idsOf(all)).toEqual(expect.arrayContaining(["AIW-2024-0002", "AIW-2024-0003"]));
      expect(idsOf(all)).not.toContain("AIW-2024-0004");
      expect(idsOf(await expectSearch({ status: "withdrawn" }, { statuses: ["WITHDRAWN"] }))).toEqual(["AIW-2024-0003"]);
      expect(idsOf(await expectSearch({ status: "corrected" }, { statuses: ["CORRECTED"] }))).toEqual(["AIW-2024-0002"]);
      const published = await expectSearch({ status: "published" }, { statuses: ["PUBLISHED"] });
      expect(published.total).toBe(15);
      await expectSearch({ status: "published,withdrawn" }, { statuses: ["PUBLISHED", "WITHDRAWN"] });
      // A merged wire is not found by anything it carries.
      expect(idsOf(await search({ provider: "midjourney" }))).toEqual([]);
      expect(idsOf(await search({ q: "Midjourney duplicate" }))).toEqual([]);
    });

    test("date range: YYYY, YYYY-MM (to the month's last day) and YYYY-MM-DD, inclusive", async () => {
      expect(idsOf(await expectSearch({ from: "2024", to: "2024" }, { from: "2024-01-01", to: "2024-12-31" }))).toEqual([
        "AIW-2024-0005",
        "AIW-2024-0003",
        "AIW-2024-0002",
        "AIW-2024-0001",
      ]);
      expect(idsOf(await expectSearch({ from: "2024-03", to: "2024-03" }, { from: "2024-03-01", to: "2024-03-31" }))).toEqual(["AIW-2024-0003", "AIW-2024-0002"]);
      // 2024 is a leap year: "to=2024-02" includes the wire of 29 February.
      expect(idsOf(await search({ from: "2024-02", to: "2024-02" }))).toEqual(["AIW-2024-0001"]);
      expect(idsOf(await search({ from: "2024-02", to: "2024-02-28" }))).toEqual([]);
      expect(idsOf(await search({ from: "2024-02-29", to: "2024-02-29" }))).toEqual(["AIW-2024-0001"]);
      // Both ends are inclusive days.
      expect(idsOf(await search({ from: "2022-11-03", to: "2023-10-03" }))).toEqual(["AIW-2023-0009", "AIW-2022-0008"]);
      await expectSearch({ from: "2023" }, { from: "2023-01-01" });
      await expectSearch({ to: "2022-07" }, { to: "2022-07-31" });
      await expectSearch({ from: "2030" }, { from: "2030-01-01" });
      const year = await search({ from: "2024", to: "2024" });
      expect(year.facets.year.find((f) => f.value === "2024")).toMatchObject({ selected: true, count: 4 });
      expect(year.facets.year.find((f) => f.value === "2022")).toMatchObject({ selected: false, count: 8 });
    });
  });

  describe("combinations", () => {
    test.each<[SearchParams, OracleFilter]>([
      [{ provider: "google", severity: "2" }, { providers: ["google"], severity: [2, 2] }],
      [{ provider: ["google", "openai"], code: "M" }, { providers: ["google", "openai"], codes: ["M"] }],
      [{ provider: "openai", severity: "3-5", standard: "standard" }, { providers: ["openai"], severity: [3, 5], standards: ["STANDARD"] }],
      [{ code: ["F7", "S"], from: "2022-07", to: "2023" }, { codes: ["F7", "S"], from: "2022-07-01", to: "2023-12-31" }],
      [{ status: ["corrected", "withdrawn"], provider: "stability-ai" }, { statuses: ["CORRECTED", "WITHDRAWN"], providers: ["stability-ai"] }],
      [{ standard: "confirmed", severity: "2-3", from: "2024" }, { standards: ["CONFIRMED"], severity: [2, 3], from: "2024-01-01" }],
      [
        { provider: ["openai", "google", "adobe"], code: ["M1", "C"], severity: "1-4", standard: ["standard", "confirmed"], status: ["published", "corrected"], from: "2022-05", to: "2025-01-01" },
        {
          providers: ["openai", "google", "adobe"],
          codes: ["M1", "C"],
          severity: [1, 4],
          standards: ["STANDARD", "CONFIRMED"],
          statuses: ["PUBLISHED", "CORRECTED"],
          from: "2022-05-01",
          to: "2025-01-01",
        },
      ],
      [{ provider: "adobe", severity: "1" }, { providers: ["adobe"], severity: [1, 1] }],
    ])("%o", async (params, filter) => {
      await expectSearch(params, filter);
    });

    test("facet counts reflect the other active filters, not their own", async () => {
      const result = await expectSearch({ provider: "google", severity: "2-3" }, { providers: ["google"], severity: [2, 3] });
      expect(idsOf(result)).toEqual(["AIW-2024-0005", "AIW-2024-0001", "AIW-2021-0001"]);
      const facets = facetsOf(result);
      // Providers: every wire of severity 2-3, whoever's (Google is selected, the others still counted).
      expect(facets.provider).toEqual({ openai: 3, google: 3, "stability-ai": 2, adobe: 1 });
      expect(result.facets.provider[0]).toMatchObject({ value: "google", selected: true });
      // Codes: Google's wires of severity 2-3 only.
      expect(facets.code).toEqual({ M3: 1, M1: 1, S1: 1, S2: 1, M4: 1 });
      // Severity: Google's wires of any severity.
      expect(facets.severity).toEqual({ 2: 2, 3: 1 });
      expect(facets.status).toEqual({ published: 3 });
      const zero = result.facets.code.find((f) => f.value === "F10");
      expect(zero).toMatchObject({ count: 0, selected: false });
    });
  });

  describe("text", () => {
    test("ranked: headline matches above summary matches above body matches; merged wires left out", async () => {
      const result = await expectSearch({ q: "quokka" }, { text: QUOKKA }, "relevance");
      expect(idsOf(result)).toEqual(QUOKKA);
      expect(result.suggestion).toBeUndefined();
      expect(result.notices).toEqual([]);
      // The plural stems to the same word.
      expect(idsOf(await search({ q: "Quokkas" }))).toEqual(QUOKKA);
    });

    test("the matched words are marked in the headline and summary", async () => {
      const result = await search({ q: "quokka" });
      const [headlineHit, summaryHit, bodyHit] = result.items;
      expect(headlineHit!.highlight!.headline).toEqual([
        { text: "Firefly ", match: false },
        { text: "quokka", match: true },
        { text: " generator opens to everyone", match: false },
      ]);
      expect(headlineHit!.highlight!.summary.some((s) => s.match)).toBe(false);
      expect(summaryHit!.highlight!.summary.filter((s) => s.match).map((s) => s.text)).toEqual(["quokka"]);
      expect(summaryHit!.highlight!.summary.map((s) => s.text).join("")).toBe(FIXTURES.find((f) => f.id === "AIW-2024-0005")!.summary);
      expect(bodyHit!.highlight!.headline).toEqual([{ text: "Imagen research preview stays closed to the public", match: false }]);
      const plural = await search({ q: "QUOKKAS or wombat" });
      const marks = plural.items.flatMap((item) => [...item.highlight!.headline, ...item.highlight!.summary].filter((s) => s.match).map((s) => s.text.toLowerCase()));
      expect(new Set(marks)).toEqual(new Set(["quokka", "wombat"]));
      // Without text there is nothing to mark.
      expect((await search({})).items.every((item) => item.highlight === undefined)).toBe(true);
    });

    test("web-search syntax: quoted phrase, or, -exclusion", async () => {
      expect(idsOf(await expectSearch({ q: '"purple wombat"' }, { text: ["AIW-2024-0001"] }, "relevance"))).toEqual(["AIW-2024-0001"]);
      expect(idsOf(await expectSearch({ q: "purple wombat" }, { text: WOMBAT }, "relevance"))).toEqual(WOMBAT);
      await expectSearch({ q: "quokka or wombat" }, { text: [...QUOKKA, "AIW-2024-0001"] }, "relevance");
      await expectSearch({ q: "quokka OR wombat" }, { text: [...QUOKKA, "AIW-2024-0001"] }, "relevance");
      expect(idsOf(await expectSearch({ q: "quokka -wombat" }, { text: ["AIW-2025-0002", "AIW-2021-0001"] }, "relevance"))).toEqual(["AIW-2025-0002", "AIW-2021-0001"]);
      expect(idsOf(await search({ q: '"wombat purple"' }))).toEqual([]);
    });

    test("text with provider, severity and a date range", async () => {
      await expectSearch({ q: "quokka", provider: "google" }, { text: QUOKKA, providers: ["google"] }, "relevance");
      expect(idsOf(await search({ q: "quokka", provider: "google", severity: "2-3" }))).toEqual(["AIW-2024-0005", "AIW-2021-0001"]);
      const all = await expectSearch(
        { q: "quokka", provider: "google", severity: "2-3", from: "2024" },
        { text: QUOKKA, providers: ["google"], severity: [2, 3], from: "2024-01-01" },
        "relevance",
      );
      expect(idsOf(all)).toEqual(["AIW-2024-0005"]);
      // The date facet counts the text matches of Google at severity 2-3, whatever their year.
      expect(facetsOf(all).year).toEqual({ 2024: 1, 2021: 1 });
      const feb = { q: "quokka or wombat", provider: "google", severity: "2" };
      expect(idsOf(await search({ ...feb, from: "2021", to: "2024-02" }))).toEqual(expect.arrayContaining(["AIW-2024-0001", "AIW-2021-0001"]));
      expect(idsOf(await search({ ...feb, from: "2021", to: "2024-02-28" }))).toEqual(["AIW-2021-0001"]);
    });

    test("text that has no indexable words is left out, with a notice", async () => {
      for (const q of ["the", "or", "-", '""', "%"]) {
        const result = await search({ q }, 100);
        expect(result.ordering).toBe("newest");
        expect(result.total).toBe(17);
        expect(result.notices).toHaveLength(1);
        expect(result.notices[0]).toContain(q);
      }
    });

    test("did you mean: a misspelt headline word", async () => {
      const result = await search({ q: "outpaintng" });
      expect(result.total).toBe(0);
      expect(result.suggestion).toBe("outpainting");
      expect((await search({ q: "purple wombatt" })).suggestion).toBe("purple wombat");
      // Correctly spelt: nothing to suggest, even where the headlines spell a word otherwise ("images").
      expect((await search({ q: "outpainting" })).suggestion).toBeUndefined();
      const few = await search({ q: "image prices" });
      expect(few.total).toBeLessThan(3);
      expect(few.suggestion).toBeUndefined();
      expect((await search({ q: "zzzzqqqq" })).suggestion).toBeUndefined();
    });
  });

  describe("unknown values", () => {
    test("an unknown provider is reported with the nearest name, and nothing is found", async () => {
      const result = await search({ provider: "opnai" });
      expect(result.total).toBe(0);
      expect(result.items).toEqual([]);
      expect(result.unknown).toEqual([{ value: "opnai", suggestion: { slug: "openai", name: "OpenAI" } }]);
      expect((await search({ provider: "Gooogle" })).unknown).toEqual([{ value: "Gooogle", suggestion: { slug: "google", name: "Google" } }]);
      const far = await search({ provider: "zzqx" });
      expect(far.unknown).toEqual([{ value: "zzqx", suggestion: undefined }]);
      // With a known provider beside it: still nothing, and only the unknown one named.
      const mixed = await search({ provider: ["openai", "nosuchco"] });
      expect(mixed.total).toBe(0);
      expect(mixed.unknown!.map((u) => u.value)).toEqual(["nosuchco"]);
      expect(mixed.applied.provider).toEqual(["openai"]);
    });

    test("an unknown code or family is reported, and nothing is found", async () => {
      for (const code of ["M99", "Q", "z1"]) {
        const result = await search({ code });
        expect(result.total).toBe(0);
        expect(result.items).toEqual([]);
        expect(result.unknownCodes).toEqual([code]);
        expect(result.unknown).toBeNull();
      }
      const mixed = await search({ code: ["M1", "X9"] });
      expect(mixed.total).toBe(0);
      expect(mixed.unknownCodes).toEqual(["X9"]);
    });
  });

  describe("pages", () => {
    async function expectWalks(params: SearchParams, limit: number) {
      const full = idsOf(await search(params, 100));
      expect(full.length).toBeGreaterThan(limit);
      const first = await search(params, limit);
      expect(first.newer).toBeUndefined();
      const down = [idsOf(first), ...(await walkPages(params, first, "older", limit))];
      expect(down.flat()).toEqual(full);
      expect(new Set(down.flat()).size).toBe(full.length);
      // Back up from the last page: every wire above it, once, in order.
      const last = await search({ ...params, cursor: (await search(params, full.length - down.at(-1)!.length)).older! }, limit);
      expect(idsOf(last)).toEqual(down.at(-1));
      const up = await walkPages(params, last, "newer", limit);
      expect([...up].reverse().flat()).toEqual(full.slice(0, full.length - down.at(-1)!.length));
    }

    test.each([1, 2, 4, 5, 16])("newest first, %i a page: no repeats or gaps, older then newer", async (limit) => {
      await expectWalks({}, limit);
    });

    test("newest first under filters", async () => {
      await expectWalks({ provider: "openai", severity: "3-5" }, 2);
      await expectWalks({ code: "M", from: "2022-06" }, 3);
    });

    test.each([1, 3, 7])("by relevance, %i a page: no repeats or gaps, older then newer", async (limit) => {
      await expectWalks({ q: "dall or quokka or wombat" }, limit);
    });

    test("a cursor of the other ordering, or garbage, is flagged and the first page given", async () => {
      const byDate = await search({}, 2);
      const byRank = await search({ q: "quokka" }, 1);
      for (const [params, cursor] of [
        [{ q: "quokka" }, byDate.older!],
        [{}, byRank.older!],
        [{}, "garbage"],
        [{ q: "quokka" }, "r_1"],
      ] as const) {
        const result = await search({ ...params, cursor }, 2);
        expect(result.badCursor).toBe(true);
        expect(idsOf(result)).toEqual(idsOf(await search(params, 2)));
      }
    });
  });
});

describe("pages while wires are added", () => {
  beforeAll(async () => {
    await resetDatabase();
    await importShipped();
    await seedFixtures();
    await loadOrds();
  });

  test("newest first: seen wires never repeat, nothing older than the cursor is skipped", async () => {
    const first = await search({}, 4);
    expect(idsOf(first)).toEqual(["AIW-2025-0002", "AIW-2025-0001", "AIW-2024-0005", "AIW-2024-0003"]);
    // Newest of all; the cursor's own day (a later ordinal sorts above it); just below it; far down.
    await insertSearchWire({ id: "AIW-2026-0001", occurredOn: "2026-01-01", providers: ["openai"], codes: ["M1"] });
    await insertSearchWire({ id: "AIW-2024-0010", occurredOn: "2024-03-20", providers: ["openai"], codes: ["M1"] });
    await insertSearchWire({ id: "AIW-2024-0011", occurredOn: "2024-03-19", providers: ["openai"], codes: ["M1"] });
    await insertSearchWire({ id: "AIW-2022-0100", occurredOn: "2022-07-19", providers: ["openai"], codes: ["M1"] });
    const second = await search({ cursor: first.older!, dir: "older" }, 4);
    expect(idsOf(second)).toEqual(["AIW-2024-0011", "AIW-2024-0002", "AIW-2024-0001", "AIW-2023-0010"]);
    await insertSearchWire({ id: "AIW-2022-0101", occurredOn: "2022-07-17", providers: ["openai"], codes: ["M1"] });
    const rest = (await walkPages({}, second, "older", 4)).flat();
    const seen = [...idsOf(first), ...idsOf(second), ...rest];
    expect(new Set(seen).size).toBe(seen.length);
    expect(rest).toEqual([
      "AIW-2023-0009",
      "AIW-2022-0008",
      "AIW-2022-0007",
      "AIW-2022-0006",
      "AIW-2022-0100",
      "AIW-2022-0005",
      "AIW-2022-0101",
      "AIW-2022-0004",
      "AIW-2022-0003",
      "AIW-2022-0002",
      "AIW-2022-0001",
      "AIW-2021-0001",
    ]);
    expect(seen).not.toContain("AIW-2026-0001");
    expect(seen).not.toContain("AIW-2024-0010");
    // Going back up from the second page finds the wires added above it.
    const up = (await walkPages({}, second, "newer", 4)).reverse().flat();
    expect(up).toEqual(["AIW-2026-0001", "AIW-2025-0002", "AIW-2025-0001", "AIW-2024-0005", "AIW-2024-0010", "AIW-2024-0003"]);
    const total = (await search({})).total;
    expect(new Set([...seen, ...up]).size).toBe(total);
  });

  test("by relevance: seen wires never repeat, nothing ranked below the cursor is skipped", async () => {
    const params = { q: "quokka" };
    const first = await search(params, 1);
    expect(idsOf(first)).toEqual(["AIW-2025-0002"]);
    await insertSearchWire({ id: "AIW-2026-0100", occurredOn: "2026-02-01", headline: "Quokka headline added later", providers: ["adobe"], codes: ["M1"] });
    await insertSearchWire({ id: "AIW-2026-0101", occurredOn: "2020-02-01", headline: "A wire added later", body: "It mentions a quokka once [source](source:1).", providers: ["adobe"], codes: ["M1"] });
    const rest = [idsOf(await search({ ...params, cursor: first.older! }, 1))];
    rest.push(...(await walkPages(params, await search({ ...params, cursor: first.older! }, 1), "older", 1)));
    const flat = rest.flat();
    expect(flat).not.toContain("AIW-2025-0002");
    expect(new Set(flat).size).toBe(flat.length);
    // Exactly the wires ranked after the cursor's now, in order: the new body match included.
    const now = idsOf(await search(params, 100));
    expect(flat).toEqual(now.slice(now.indexOf("AIW-2025-0002") + 1));
    expect(flat).toEqual(expect.arrayContaining(["AIW-2024-0005", "AIW-2021-0001", "AIW-2026-0101"]));
  });
});

describe("the index follows the database", () => {
  beforeAll(async () => {
    await resetDatabase();
    await importShipped();
    await seedFixtures();
    await loadOrds();
  });

  test("an inserted wire is found by the next search", async () => {
    expect((await search({ provider: "midjourney" })).total).toBe(0);
    await insertSearchWire({ id: "AIW-2025-0100", occurredOn: "2025-03-01", providers: ["midjourney"], codes: ["C3"], headline: "Midjourney platypus release", severity: 1 });
    const result = await search({ provider: "midjourney" });
    expect(idsOf(result)).toEqual(["AIW-2025-0100"]);
    expect(idsOf(await search({ q: "platypus" }))).toEqual(["AIW-2025-0100"]);
    expect(idsOf(await search({}, 1))).toEqual(["AIW-2025-0100"]);
    expect(facetsOf(await search({})).provider.midjourney).toBe(1);
  });

  test("a status change: withdrawn stays listed, merged leaves", async () => {
    const { prisma } = await testDb();
    const before = (await search({})).total;
    await prisma.wire.update({ where: { id: "AIW-2022-0008" }, data: { status: "WITHDRAWN", statusNote: "Withdrawn for a test." } });
    expect(idsOf(await search({ status: "withdrawn" }))).toEqual(["AIW-2024-0003", "AIW-2022-0008"]);
    expect(idsOf(await search({ status: "published" }, 100))).not.toContain("AIW-2022-0008");
    expect((await search({})).total).toBe(before);
    await prisma.wire.update({ where: { id: "AIW-2022-0008" }, data: { status: "MERGED", mergedIntoId: "AIW-2022-0006" } });
    const after = await search({}, 100);
    expect(after.total).toBe(before - 1);
    expect(idsOf(after)).not.toContain("AIW-2022-0008");
    expect(idsOf(await search({ q: "DALL·E API enters public beta" }, 100))).not.toContain("AIW-2022-0008");
  });

  test("a provider change (written with the wire, as the importer does) moves the wire between filters", async () => {
    const { prisma } = await testDb();
    const google = await prisma.provider.findUniqueOrThrow({ where: { slug: "google" } });
    expect(idsOf(await search({ provider: "openai" }, 100))).toContain("AIW-2022-0007");
    await prisma.wire.update({
      where: { id: "AIW-2022-0007" },
      data: { updatedAt: new Date(), providers: { deleteMany: {}, create: [{ providerId: google.id, position: 1 }] } },
    });
    expect(idsOf(await search({ provider: "openai" }, 100))).not.toContain("AIW-2022-0007");
    expect(idsOf(await search({ provider: "google" }, 100))).toContain("AIW-2022-0007");
    const facets = facetsOf(await search({ provider: "google" }));
    expect(facets.code.C2).toBe(1);
  });

  test("text, severity, codes and date changes are all followed", async () => {
    const { prisma } = await testDb();
    await prisma.wire.update({
      where: { id: "AIW-2022-0001" },
      data: { headline: "OpenAI announces a numbat", severity: 1, occurredOn: new Date("2027-01-01T00:00:00Z"), codes: { deleteMany: {}, create: [{ code: "S6", position: 1 }] } },
    });
    expect(idsOf(await search({ q: "numbat" }))).toEqual(["AIW-2022-0001"]);
    expect(idsOf(await search({ severity: "1" }))).toContain("AIW-2022-0001");
    expect(idsOf(await search({}, 1))).toEqual(["AIW-2022-0001"]);
    expect(idsOf(await search({ code: "S6" }, 100))).toContain("AIW-2022-0001");
    expect(idsOf(await search({ code: "C1" }, 100))).not.toContain("AIW-2022-0001");
    expect(idsOf(await search({ from: "2027", to: "2027" }))).toEqual(["AIW-2022-0001"]);
  });

  test("after the database is emptied and re-imported, no stale wires remain", async () => {
    expect((await search({})).total).toBeGreaterThan(10);
    await resetDatabase();
    const empty = await search({});
    expect(empty.total).toBe(0);
    expect(empty.items).toEqual([]);
    await importShipped();
    const result = await search({}, 100);
    expect(result.total).toBe(10);
    expect(idsOf(result)).toEqual(SHIPPED.map((w) => w.id).reverse());
    expect((await search({ provider: "google" })).total).toBe(0);
    expect((await search({ q: "quokka" })).total).toBe(0);
    expect((await search({ q: "numbat" })).total).toBe(0);
    expect(idsOf(await search({ q: "outpainting" }))).toEqual(["AIW-2022-0007"]);
    expect(facetsOf(result).provider).toEqual({ openai: 10 });
    // And new wires after that are found again.
    await insertSearchWire(FIXTURES[0]!);
    expect(idsOf(await search({ provider: "google" }))).toEqual(["AIW-2021-0001"]);
  });
});
