import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseArchiveQuery, queryProblems, searchParamsOf } from "@/lib/search/archive-query";
import { SEARCH_PAGE_SIZE, searchArchive } from "@/lib/search/search-archive";
import { closeTestDb, importShipped, resetDatabase, testDb } from "../helpers/database";
import { apiGet, seedFixtures, toSearch } from "../helpers/search";

/**
 * Hostile and malformed parameters. Each one either is refused with a problem naming its
 * parameter, or is a valid (if odd) query that searches without throwing and gives a sensible
 * answer. Through the JSON API: a 400 naming the parameter, or a 200; never a 500.
 */
type Hostile = {
  name: string;
  params: Record<string, string | string[]>;
  /** The parameter the problem must name; absent when the query is valid. */
  rejects?: string;
  /** Valid, but the cursor is not one the archive made: flagged by the search, a 400 from the API. */
  badCursor?: boolean;
};

const many = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i));

const HOSTILE: Hostile[] = [
  // Sizes
  { name: "10,000-character q", params: { q: "dall ".repeat(2000) }, rejects: "q" },
  { name: "201-character q", params: { q: "x".repeat(201) }, rejects: "q" },
  { name: "1,000 provider values, repeated", params: { provider: many(1000, (i) => `provider${i}`) }, rejects: "provider" },
  { name: "1,000 provider values, comma-separated", params: { provider: many(1000, (i) => `p${i}`).join(",") }, rejects: "provider" },
  { name: "one 10,000-character provider", params: { provider: "o".repeat(10_000) }, rejects: "provider" },
  { name: "1,000 codes", params: { code: many(1000, () => "M1") }, rejects: "code" },
  { name: "10,000-character cursor", params: { cursor: "d".repeat(10_000) }, rejects: "cursor" },
  { name: "200 dashes as q", params: { q: "-".repeat(200) } },
  { name: "33 dashes as q", params: { q: "-".repeat(33) } },
  { name: "32 dashes as q", params: { q: "-".repeat(32) } },
  { name: "100 spaced negations", params: { q: "- ".repeat(100) } },
  // SQL fragments: plain text to the archive
  { name: "SQL drop in q", params: { q: "'; DROP TABLE wire; --" } },
  { name: "SQL tautology in q", params: { q: "1 OR 1=1" } },
  { name: "SQL comment and union in q", params: { q: "dall' UNION SELECT * FROM provider --" } },
  { name: "LIKE wildcard % in q", params: { q: "%" } },
  { name: "LIKE wildcard _ in q", params: { q: "_" } },
  { name: "backslash in q", params: { q: "\\" } },
  { name: "tsquery syntax in q", params: { q: "!(dall & e) | :* <-> <2>" } },
  { name: "prefix match syntax in q", params: { q: "dall:*" } },
  { name: "SQL drop as provider", params: { provider: "'; DROP TABLE wire; --" } },
  { name: "% as provider", params: { provider: "%" } },
  { name: "_ as provider", params: { provider: "_" } },
  { name: "a quote as provider", params: { provider: "'" } },
  { name: "SQL comment in code", params: { code: "M1'--" }, rejects: "code" },
  { name: "% as code", params: { code: "%" }, rejects: "code" },
  { name: "SQL in standard", params: { standard: "standard'; --" }, rejects: "standard" },
  { name: "SQL in status", params: { status: "published OR 1=1" }, rejects: "status" },
  { name: "merged status", params: { status: "merged" }, rejects: "status" },
  // Quotes and web-search operators on their own
  { name: "unbalanced double quote", params: { q: '"dall-e' } },
  { name: "lone single quote", params: { q: "'" } },
  { name: "only `or`", params: { q: "or" } },
  { name: "only `-`", params: { q: "-" } },
  { name: "empty phrase", params: { q: '""' } },
  { name: "operators only", params: { q: "or - or -- \"\" or" } },
  { name: "whitespace only", params: { q: " \t\n " } },
  { name: "HTML in q", params: { q: "<script>alert(1)</script> dall" } },
  // Unicode
  { name: "emoji", params: { q: "🦘🔥 dall" } },
  { name: "right-to-left override", params: { q: "\u202Edall" } },
  { name: "right-to-left embedding", params: { q: "\u202Bdall\u202C" } },
  { name: "Hebrew and Arabic", params: { q: "שלום مرحبا" } },
  { name: "combining marks", params: { q: "d\u0301a\u0301l\u0301l\u0301" } },
  { name: "zero-width characters", params: { q: "da\u200Bll\uFEFF" } },
  { name: "lone surrogate", params: { q: "dall\uD800" } },
  { name: "emoji provider", params: { provider: "🤖" } },
  { name: "null byte in q", params: { q: "dall\u0000e" }, rejects: "q" },
  { name: "only a null byte in q", params: { q: "\u0000" }, rejects: "q" },
  { name: "null byte in an unknown provider", params: { provider: "\u0000nosuch" }, rejects: "provider" },
  { name: "null byte inside a known provider name", params: { provider: "open\u0000ai" }, rejects: "provider" },
  { name: "null byte in cursor", params: { cursor: "d1_1\u0000" }, badCursor: true },
  // Unknown keys, arrays for scalars
  { name: "unknown key", params: { foo: "bar" }, rejects: "foo" },
  { name: "unknown key beside valid ones", params: { q: "dall", page: "2" }, rejects: "page" },
  { name: "constructor as a key", params: { constructor: "x" }, rejects: "constructor" },
  { name: "toString as a key", params: { toString: "x" }, rejects: "toString" },
  { name: "q twice", params: { q: ["dall", "e"] }, rejects: "q" },
  { name: "severity twice", params: { severity: ["2", "3"] }, rejects: "severity" },
  { name: "from twice", params: { from: ["2022", "2023"] }, rejects: "from" },
  { name: "dir twice", params: { dir: ["older", "newer"] }, rejects: "dir" },
  { name: "cursor twice", params: { cursor: ["a", "b"] }, rejects: "cursor" },
  // Dates
  { name: "30 February", params: { from: "2022-02-30" }, rejects: "from" },
  { name: "29 February of a common year", params: { to: "2023-02-29" }, rejects: "to" },
  { name: "month 13", params: { to: "2022-13-01" }, rejects: "to" },
  { name: "month 00", params: { from: "2022-00" }, rejects: "from" },
  { name: "five-digit year", params: { from: "99999" }, rejects: "from" },
  { name: "a timestamp", params: { from: "2022-01-01T00:00:00Z" }, rejects: "from" },
  { name: "SQL in a date", params: { from: "2022'; --" }, rejects: "from" },
  { name: "from after to", params: { from: "2023", to: "2022-12" }, rejects: "to" },
  // Severity
  { name: "severity 0", params: { severity: "0" }, rejects: "severity" },
  { name: "severity 6", params: { severity: "6" }, rejects: "severity" },
  { name: "severity 2-", params: { severity: "2-" }, rejects: "severity" },
  { name: "severity 4-2", params: { severity: "4-2" }, rejects: "severity" },
  { name: "severity abc", params: { severity: "abc" }, rejects: "severity" },
  { name: "severity -1", params: { severity: "-1" }, rejects: "severity" },
  { name: "severity 1e0", params: { severity: "1e0" }, rejects: "severity" },
  // Cursors and direction
  { name: "garbage cursor", params: { cursor: "garbage" }, badCursor: true },
  { name: "tampered cursor ordinal", params: { cursor: "d19000_abc" }, badCursor: true },
  { name: "cursor with an infinite day", params: { cursor: "d1e999_1" }, badCursor: true },
  { name: "rank cursor without text", params: { cursor: "r0.5_1" }, badCursor: true },
  { name: "date cursor with text", params: { q: "dall", cursor: "d19000_1" }, badCursor: true },
  { name: "garbage cursor going newer", params: { cursor: "'; DROP TABLE wire; --", dir: "newer" }, badCursor: true },
  { name: "well-formed cursor far in the future", params: { cursor: "d99999999_1", dir: "newer" } },
  { name: "well-formed cursor far in the past", params: { cursor: "d-99999999_99999999" } },
  { name: "dir sideways", params: { dir: "sideways" }, rejects: "dir" },
  { name: "dir in capitals", params: { dir: "NEWER" }, rejects: "dir" },
];

let wiresBefore = 0;

beforeAll(async () => {
  await testDb();
  await resetDatabase();
  await importShipped();
  await seedFixtures();
  const { prisma } = await testDb();
  wiresBefore = await prisma.wire.count();
});
afterAll(closeTestDb);

test("the list is long enough to mean something", () => {
  expect(HOSTILE.length).toBeGreaterThanOrEqual(25);
  expect(HOSTILE.filter((h) => h.rejects).length).toBeGreaterThanOrEqual(10);
  expect(HOSTILE.filter((h) => !h.rejects).length).toBeGreaterThanOrEqual(10);
});

/** Refused naming `param`, or searched without throwing: the outcome every input must have. */
async function expectRefusedOrSearched({ params, rejects, badCursor }: Hostile): Promise<void> {
  const parsed = parseArchiveQuery(params);
  if (!parsed.success) {
    const problems = queryProblems(parsed.error);
    expect(problems.map((p) => p.param)).toContain(rejects);
    for (const problem of problems) expect(problem.message.length).toBeGreaterThan(0);
    return;
  }
  expect(rejects, "expected the query to be refused").toBeUndefined();
  const result = await searchArchive(parsed.data);
  expect(Number.isInteger(result.total)).toBe(true);
  expect(result.total).toBeGreaterThanOrEqual(result.items.length);
  expect(result.items.length).toBeLessThanOrEqual(SEARCH_PAGE_SIZE);
  expect(result.badCursor).toBe(Boolean(badCursor));
  for (const item of result.items) {
    expect(item.status).not.toBe("MERGED");
    // Highlights are plain text segments that add up to the headline.
    if (item.highlight) expect(item.highlight.headline.map((s) => s.text).join("")).toBe(item.headline);
  }
}

/** Through the route handler: a 400 naming the parameter, or a 200; never a 500. */
async function expectApiAnswer({ params, rejects, badCursor }: Hostile): Promise<void> {
  const response = await apiGet(toSearch(params));
  expect(response.status).not.toBe(500);
  // No stack traces or driver messages leak into any answer.
  expect(JSON.stringify(response.body)).not.toMatch(/PrismaClient|Invalid `prisma|invalid byte sequence|\\n\s+at /);
  if (rejects || badCursor) {
    expect(response.status).toBe(400);
    expect(response.body.error).toBe("invalid_parameters");
    expect(response.body.problems.map((p: { param: string }) => p.param)).toContain(rejects ?? "cursor");
    for (const problem of response.body.problems) expect(typeof problem.message).toBe("string");
  } else {
    expect(response.status).toBe(200);
    expect(Number.isInteger(response.body.total)).toBe(true);
    expect(Array.isArray(response.body.wires)).toBe(true);
  }
}


describe("parseArchiveQuery and searchArchive", () => {
  test.each(HOSTILE.filter((h) => h.rejects))("$name: refused, naming $rejects", async (hostile) => {
    expect(parseArchiveQuery(hostile.params).success).toBe(false);
    await expectRefusedOrSearched(hostile);
  });

  test.each(HOSTILE.filter((h) => !h.rejects))("$name: searches without throwing", async (hostile) => {
    expect(parseArchiveQuery(hostile.params).success).toBe(true);
    await expectRefusedOrSearched(hostile);
  });

});

describe("valid but odd text gives sensible answers", () => {
  test("SQL fragments are searched as words", async () => {
    const drop = await searchArchive(parseArchiveQuery({ q: "'; DROP TABLE wire; --" }).data!);
    expect(drop.total).toBe(0);
    expect(drop.ordering).toBe("relevance");
    const union = await searchArchive(parseArchiveQuery({ q: "dall' UNION SELECT * FROM provider --" }).data!);
    expect(union.total).toBe(0);
  });

  test("text of operators, punctuation or emoji alone is left out with a notice: every wire listed", async () => {
    for (const q of ["%", "_", "\\", "'", "or", "-", '""', "-".repeat(32), "or - or -- \"\" or", "🦘"]) {
      const result = await searchArchive(parseArchiveQuery({ q }).data!);
      expect(result.ordering, q).toBe("newest");
      expect(result.total, q).toBe(17);
      expect(result.notices, q).toHaveLength(1);
    }
  });

  test("text around odd characters still finds the word", async () => {
    const dall = (await searchArchive(parseArchiveQuery({ q: "dall" }).data!)).total;
    expect(dall).toBe(10);
    for (const q of ["🦘🔥 dall", "\u202Edall", "\u202Bdall\u202C", "<script>alert(1)</script> dall"]) {
      // The other words must also match (AND), so only the one-word forms give every DALL·E wire.
      const result = await searchArchive(parseArchiveQuery({ q }).data!);
      expect(result.total, q).toBeLessThanOrEqual(dall);
    }
    expect((await searchArchive(parseArchiveQuery({ q: "\u202Edall" }).data!)).total).toBe(dall);
    expect((await searchArchive(parseArchiveQuery({ q: "🦘 dall" }).data!)).total).toBe(dall);
  });

  test("odd provider values are unknown providers, reported, with nothing found", async () => {
    for (const provider of ["'; DROP TABLE wire; --", "%", "_", "'", "🤖"]) {
      const result = await searchArchive(parseArchiveQuery({ provider }).data!);
      expect(result.total, provider).toBe(0);
      expect(result.unknown?.map((u) => u.value), provider).toEqual([provider]);
    }
  });

  test("a cursor of the archive's own shape but pointing past either end gives an empty page, never an error", async () => {
    // Nothing is newer than a day in the year 275,000, nor older than one long before the epoch.
    const future = await searchArchive(parseArchiveQuery({ cursor: "d99999999_1", dir: "newer" }).data!);
    expect(future.items).toEqual([]);
    expect(future.total).toBe(17);
    const past = await searchArchive(parseArchiveQuery({ cursor: "d-99999999_99999999" }).data!);
    expect(past.items).toEqual([]);
    // Older than the far future is everything; newer than the far past too.
    expect((await searchArchive(parseArchiveQuery({ cursor: "d99999999_1" }).data!)).items).toHaveLength(17);
    expect((await searchArchive(parseArchiveQuery({ cursor: "d-99999999_1", dir: "newer" }).data!)).items).toHaveLength(17);
  });
});

describe("GET /api/v1/wires", () => {
  test.each(HOSTILE)("$name: a 400 naming the parameter, or a 200 — never a 500", async (hostile) => {
    await expectApiAnswer(hostile);
  });


  test("raw, oddly encoded query strings", async () => {
    for (const [search, param] of [
      ["q=%FF%FE", undefined],
      ["q=%E2%80%AE", undefined],
      ["provider=%27%3B%20DROP%20TABLE%20wire%3B%20--", undefined],
      ["severity=1&severity=2", "severity"],
      ["q", undefined],
      ["=x", ""],
      ["&&&", undefined],
      ["q=a&q=", "q"],
      ["%71=dall", undefined], // an encoded key ("q")
    ] as const) {
      const response = await apiGet(search);
      expect(response.status, search).not.toBe(500);
      if (param !== undefined) {
        expect(response.status, search).toBe(400);
        expect(response.body.problems.map((p: { param: string }) => p.param), search).toContain(param);
      } else {
        expect(response.status, search).toBe(200);
      }
    }
  });

  test("__proto__ and friends as parameters: never a 500, never a changed prototype", async () => {
    const plain = await apiGet("q=dall");
    for (const search of ["__proto__=x&q=dall", "__proto__[polluted]=1&q=dall", "constructor[prototype][polluted]=1&q=dall"]) {
      const response = await apiGet(search);
      expect(response.status, search).not.toBe(500);
      // Either refused as unknown, or (as now for __proto__, which a plain object cannot hold) ignored.
      if (response.status === 200) expect(response.body.total).toBe(plain.body.total);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(searchParamsOf(new URLSearchParams("__proto__=x")))).toBe(Object.prototype);
  });

  test("a raw null byte (%00) in q: a 400 naming q", async () => {
    const response = await apiGet("q=%00");
    expect(response.status).toBe(400);
    expect(response.body.problems.map((p: { param: string }) => p.param)).toContain("q");
  });

  test("the wire table still has every row after the SQL-fragment queries", async () => {
    const { prisma } = await testDb();
    expect(await prisma.wire.count()).toBe(wiresBefore);
    expect(wiresBefore).toBe(18);
    const [{ n }] = await prisma.$queryRaw<[{ n: number }]>`SELECT count(*)::int AS n FROM wire`;
    expect(n).toBe(18);
    expect(await prisma.provider.count()).toBe(6);
  });
});
