import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { resetApiTokens } from "@/lib/api/rate-limit";
import { archiveHref, type SearchParams } from "@/lib/search/archive-query";
import { SEARCH_PAGE_SIZE } from "@/lib/search/search-archive";
import { closeTestDb, importShipped, resetDatabase, testDb } from "../helpers/database";
import { apiGet, idsOf, insertSearchWire, query, search, seedFixtures, toSearch } from "../helpers/search";

type ApiWire = { id: string; slug: string; url: string; apiUrl: string; highlight: unknown; status: string };
const apiIds = (body: { wires: ApiWire[] }) => body.wires.map((wire) => wire.id);

/** Follows `links[dir]` from a first answer to the end; every page's ids. */
async function followLinks(first: { links: Record<string, string | null> }, dir: "older" | "newer"): Promise<string[][]> {
  const pages: string[][] = [];
  let link = first.links[dir];
  for (let guard = 0; link; guard += 1) {
    if (guard > 50) throw new Error("links did not end");
    expect(link.startsWith("/api/v1/wires?")).toBe(true);
    const response = await apiGet(link);
    expect(response.status).toBe(200);
    expect(response.body.wires.length).toBeGreaterThan(0);
    expect(response.body.wires.length).toBeLessThanOrEqual(SEARCH_PAGE_SIZE);
    pages.push(apiIds(response.body));
    link = response.body.links[dir];
  }
  return pages;
}

beforeAll(async () => {
  await testDb();
  await resetDatabase();
  await importShipped();
  await seedFixtures();
  // Enough wires for more than one page of 25: thirty 2019 wires, half of them about kangaroos.
  for (let n = 1; n <= 30; n += 1) {
    await insertSearchWire({
      id: `AIW-2019-${String(n).padStart(4, "0")}`,
      occurredOn: `2019-${String(1 + (n % 12)).padStart(2, "0")}-${String(1 + (n % 28)).padStart(2, "0")}`,
      headline: n % 2 ? `Kangaroo report number ${n}` : `Report number ${n}`,
      body: n % 3 ? `A kangaroo appears in the body [source](source:1).` : `Nothing to see [source](source:1).`,
      providers: [n % 2 ? "adobe" : "google"],
      codes: [n % 2 ? "C1" : "M2"],
      severity: 1 + (n % 5),
    });
  }
});
// Every request takes a token from one client's budget: each test starts with a full one.
beforeEach(resetApiTokens);
afterAll(closeTestDb);

describe("GET /api/v1/wires", () => {
  test.each<SearchParams>([
    {},
    { provider: "google" },
    { provider: ["Open AI", "adobe"] },
    { code: "m" },
    { code: ["C1", "S"], severity: "2-4" },
    { standard: "confirmed" },
    { status: "withdrawn" },
    { from: "2019", to: "2022-07" },
    { q: "quokka" },
    { q: "kangaroo" },
    { q: '"purple wombat"' },
    { q: "kangaroo -report" },
    { q: "kangaroo or quokka", provider: ["adobe", "google"], severity: "1-3", from: "2019-03" },
    { q: "the" },
    { provider: "opnai" },
    { code: "M99" },
    { q: "kangaro" },
  ])("the same answer as searchArchive for %o", async (params) => {
    const response = await apiGet(toSearch(params as Record<string, string | string[]>));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, no-cache");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const expected = await search(params);
    const { body } = response;
    expect(body.total).toBe(expected.total);
    expect(apiIds(body)).toEqual(idsOf(expected));
    expect(body.ordering).toBe(expected.ordering);
    expect(body.applied).toEqual(expected.applied);
    expect(body.facets).toEqual(JSON.parse(JSON.stringify(expected.facets)));
    expect(body.unknown).toEqual({ providers: JSON.parse(JSON.stringify(expected.unknown ?? [])), codes: expected.unknownCodes });
    expect(body.notices).toEqual(expected.notices);
    expect(body.suggestion).toBe(expected.suggestion ?? null);
    const q = query(params);
    expect(body.links.self).toBe(archiveHref(q, "/api/v1/wires"));
    expect(body.links.html).toBe(archiveHref(q));
    expect(body.links.newer).toBeNull();
    expect(body.links.older === null).toBe(expected.older === undefined);
    for (const wire of body.wires as ApiWire[]) {
      expect(wire.url).toBe(`/wires/${wire.id}/${wire.slug}`);
      expect(wire.apiUrl).toBe(`/api/v1/wires/${wire.id}`);
      expect(wire.status).not.toBe("MERGED");
      if (expected.ordering === "newest") expect(wire.highlight).toBeNull();
      else expect(wire.highlight).toMatchObject({ headline: expect.any(Array), summary: expect.any(Array) });
    }
  });

  test("a wire as the API gives it", async () => {
    const { body } = await apiGet("provider=microsoft");
    expect(body.wires).toEqual([
      {
        id: "AIW-2024-0002",
        slug: "test-wire-aiw-2024-0002",
        headline: "Copilot Designer produces violent imagery",
        summary: "An engineer wrote to regulators about Copilot Designer.",
        occurredOn: "2024-03-05",
        publishedAt: "2024-03-05T12:00:00.000Z",
        severity: 1,
        sourcingStandard: "STANDARD",
        status: "CORRECTED",
        sourceCount: 2,
        providers: [
          { slug: "microsoft", name: "Microsoft" },
          { slug: "openai", name: "OpenAI" },
        ],
        codes: [
          { code: "C1", label: expect.any(String) },
          { code: "F1", label: expect.any(String) },
        ],
        url: "/wires/AIW-2024-0002/test-wire-aiw-2024-0002",
        apiUrl: "/api/v1/wires/AIW-2024-0002",
        highlight: null,
      },
    ]);
    const { body: text } = await apiGet("q=quokka&provider=adobe");
    expect(text.wires[0].highlight.headline).toEqual([
      { text: "Firefly ", match: false },
      { text: "quokka", match: true },
      { text: " generator opens to everyone", match: false },
    ]);
  });

  test("unknown values: a 200 that names them, with a suggestion for a near provider", async () => {
    const { status, body } = await apiGet("provider=opnai&code=Q");
    expect(status).toBe(200);
    expect(body.total).toBe(0);
    expect(body.wires).toEqual([]);
    expect(body.unknown).toEqual({ providers: [{ value: "opnai", suggestion: { slug: "openai", name: "OpenAI" } }], codes: ["Q"] });
  });

  describe("links page through every result", () => {
    async function expectLinkWalk(params: Record<string, string | string[]>) {
      const all = idsOf(await search(params, 1000));
      expect(all.length).toBeGreaterThan(SEARCH_PAGE_SIZE);
      const first = await apiGet(toSearch(params));
      expect(first.status).toBe(200);
      expect(first.body.total).toBe(all.length);
      expect(first.body.links.newer).toBeNull();
      expect(first.body.links.older).not.toBeNull();
      const down = [apiIds(first.body), ...(await followLinks(first.body, "older"))];
      expect(down.flat()).toEqual(all);
      // The older links keep every filter and the text, and never carry dir=older (the default).
      const olderLink = new URL(first.body.links.older, "http://localhost");
      for (const [key, value] of Object.entries(params)) expect(olderLink.searchParams.getAll(key)).toEqual([value].flat());
      expect(olderLink.searchParams.has("dir")).toBe(false);
      expect(olderLink.searchParams.get("cursor")).toBe((await search(params)).older);
      // Back up from the last page by its newer links.
      let last = first;
      for (let guard = 0; last.body.links.older; guard += 1) last = await apiGet(last.body.links.older);
      expect(apiIds(last.body)).toEqual(down.at(-1));
      expect(new URL(last.body.links.newer, "http://localhost").searchParams.get("dir")).toBe("newer");
      const up = await followLinks(last.body, "newer");
      expect([...up].reverse().flat()).toEqual(all.slice(0, all.length - down.at(-1)!.length));
      expect(new Set(down.flat()).size).toBe(all.length);
    }

    test("newest first", async () => {
      await expectLinkWalk({});
    });

    test("newest first, filtered", async () => {
      await expectLinkWalk({ provider: ["adobe", "google", "openai"], severity: "1-4" });
    });

    test("by relevance", async () => {
      await expectLinkWalk({ q: "kangaroo or report" });
    });

    test("an older link followed after new wires were added: no repeats, nothing skipped", async () => {
      const first = await apiGet("provider=google,adobe");
      const firstIds = apiIds(first.body);
      expect(first.body.links.older).not.toBeNull();
      await insertSearchWire({ id: "AIW-2026-0001", occurredOn: "2026-01-01", providers: ["google"], codes: ["M1"] });
      await insertSearchWire({ id: "AIW-2018-0001", occurredOn: "2018-01-01", providers: ["google"], codes: ["M1"] });
      const rest = (await followLinks(first.body, "older")).flat();
      expect(rest.some((id) => firstIds.includes(id))).toBe(false);
      expect(rest.at(-1)).toBe("AIW-2018-0001");
      expect(rest).not.toContain("AIW-2026-0001");
      const now = idsOf(await search({ provider: "google,adobe" }, 1000));
      expect([...firstIds, ...rest]).toEqual(now.filter((id) => id !== "AIW-2026-0001"));
    });
  });

  describe("bad parameters: a 400 naming each one", () => {
    test.each([
      ["q=" + "x".repeat(201), ["q"]],
      ["q=a&q=b", ["q"]],
      ["severity=6", ["severity"]],
      ["severity=4-2", ["severity"]],
      ["severity=2&severity=3", ["severity"]],
      ["code=M1'--", ["code"]],
      ["standard=gold", ["standard"]],
      ["status=merged", ["status"]],
      ["from=2022-02-30", ["from"]],
      ["to=2022-13", ["to"]],
      ["from=2023&to=2022", ["to"]],
      ["dir=sideways", ["dir"]],
      ["cursor=" + "c".repeat(201), ["cursor"]],
      ["page=2", ["page"]],
      ["limit=1000", ["limit"]],
      ["severity=9&dir=up&foo=1&code=%25", ["severity", "dir", "foo", "code"]],
      ["foo=1&bar=2", ["foo", "bar"]],
      ["cursor=garbage", ["cursor"]],
      ["q=quokka&cursor=d19000_1", ["cursor"]],
      ["cursor=r0.5_3", ["cursor"]],
    ])("%s", async (search, params) => {
      const response = await apiGet(search);
      expect(response.status).toBe(400);
      expect(response.body.error).toBe("invalid_parameters");
      expect([...new Set(response.body.problems.map((p: { param: string }) => p.param))].sort()).toEqual([...params].sort());
      for (const problem of response.body.problems) expect(problem.message).toEqual(expect.any(String));
      expect(response.body.wires).toBeUndefined();
      expect(response.headers.get("cache-control")).toBe("no-store");
    });

    test("an unknown key beside a bad known parameter: both named in one answer", async () => {
      const response = await apiGet("severity=9&foo=1");
      expect(response.status).toBe(400);
      expect(response.body.problems.map((p: { param: string }) => p.param).sort()).toEqual(["foo", "severity"]);
    });
  });
});

describe("the index seen through the API follows the database", () => {
  test("a status change shows up on the next request", async () => {
    const { prisma } = await testDb();
    await prisma.wire.update({ where: { id: "AIW-2022-0007" }, data: { status: "WITHDRAWN", statusNote: "Withdrawn for a test." } });
    expect(apiIds((await apiGet("status=withdrawn")).body)).toContain("AIW-2022-0007");
  });
});
