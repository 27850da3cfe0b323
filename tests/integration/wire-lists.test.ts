import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Direction, Page } from "@/lib/wires/keyset";
import { resolveProviders } from "@/lib/providers/resolve-providers";
import { currentTaxonomy } from "../helpers/search";
import { listArchiveWires, type ArchiveFilter } from "@/lib/wires/list-archive-wires";
import { LATEST_PAGE_SIZE, listLatestWires } from "@/lib/wires/list-latest-wires";
import type { WireCard } from "@/lib/wires/wire-card";
import { closeTestDb, importShipped, resetDatabase, testDb } from "../helpers/database";
import { insertWire } from "../helpers/fixtures";

/** The shipped wires, newest published first (09:10 down to 09:01 on 10 May 2026). */
const SHIPPED_NEWEST_FIRST = [
  "AIW-2023-0010",
  "AIW-2023-0009",
  "AIW-2022-0008",
  "AIW-2022-0007",
  "AIW-2022-0006",
  "AIW-2022-0005",
  "AIW-2022-0004",
  "AIW-2022-0003",
  "AIW-2022-0002",
  "AIW-2022-0001",
];

const ids = (page: Page<WireCard>) => page.items.map((wire) => wire.id);

type Loader = (options: { cursor?: string; direction?: Direction; limit?: number }) => Promise<Page<WireCard>>;

/** Follows `direction` cursors from `start` until the last page; returns every page's ids. */
async function walk(load: Loader, start: Page<WireCard>, direction: Direction, limit: number): Promise<string[][]> {
  const pages: string[][] = [];
  let page = start;
  for (let guard = 0; guard < 50; guard += 1) {
    const cursor = direction === "older" ? page.older : page.newer;
    if (!cursor) return pages;
    page = await load({ cursor, direction, limit });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    pages.push(ids(page));
  }
  throw new Error("pagination did not end");
}

beforeAll(() => testDb());
afterAll(closeTestDb);

describe("listLatestWires", () => {
  beforeAll(async () => {
    await resetDatabase();
    await importShipped();
  });

  test("newest published first, on one page when they fit", async () => {
    const page = await listLatestWires({});
    expect(ids(page)).toEqual(SHIPPED_NEWEST_FIRST);
    expect(page.older).toBeUndefined();
    expect(page.newer).toBeUndefined();
    const first = page.items[0]!;
    expect(first).toMatchObject({
      id: "AIW-2023-0010",
      publishedAt: "2026-05-10T09:10:00.000Z",
      status: "PUBLISHED",
      providers: [{ slug: "openai", name: "OpenAI" }],
    });
    expect(page.items.find((wire) => wire.id === "AIW-2022-0008")).toMatchObject({
      headline: "DALL·E API enters public beta",
      severity: 3,
      sourcingStandard: "STANDARD",
      sourceCount: 2,
      occurredOn: "2022-11-03",
      codes: [
        { code: "M1", label: "Broadened access" },
        { code: "F10", label: "Developers and the users of their applications" },
      ],
    });
  });

  test("older pages follow each other without repeats or gaps, and lead back", async () => {
    const first = await listLatestWires({ limit: 3 });
    expect(ids(first)).toEqual(SHIPPED_NEWEST_FIRST.slice(0, 3));
    expect(first.newer).toBeUndefined();
    const older = await walk(listLatestWires, first, "older", 3);
    expect(older).toEqual([SHIPPED_NEWEST_FIRST.slice(3, 6), SHIPPED_NEWEST_FIRST.slice(6, 9), SHIPPED_NEWEST_FIRST.slice(9)]);

    const last = await listLatestWires({ cursor: (await listLatestWires({ limit: 9 })).older, limit: 3 });
    expect(ids(last)).toEqual(["AIW-2022-0001"]);
    expect(last.older).toBeUndefined();
    const newer = await walk(listLatestWires, last, "newer", 3);
    expect(newer).toEqual([SHIPPED_NEWEST_FIRST.slice(6, 9), SHIPPED_NEWEST_FIRST.slice(3, 6), SHIPPED_NEWEST_FIRST.slice(0, 3)]);
  });

  test("the page size is 20", async () => {
    expect(LATEST_PAGE_SIZE).toBe(20);
    for (let n = 1; n <= 15; n += 1) {
      await insertWire({ id: `AIW-2025-${String(n).padStart(4, "0")}`, occurredOn: "2025-01-01", publishedAt: `2026-04-01T10:${String(n).padStart(2, "0")}:00Z`, providers: ["openai"], codes: ["C1"] });
    }
    const page = await listLatestWires({});
    expect(page.items).toHaveLength(20);
    expect(ids(page).slice(0, 10)).toEqual(SHIPPED_NEWEST_FIRST);
    const rest = await listLatestWires({ cursor: page.older });
    expect(rest.items).toHaveLength(5);
    expect(ids(rest)).toEqual(["AIW-2025-0005", "AIW-2025-0004", "AIW-2025-0003", "AIW-2025-0002", "AIW-2025-0001"]);
  });
});

describe("listLatestWires while wires are being added", () => {
  beforeAll(async () => {
    await resetDatabase();
    await importShipped();
  });

  test("wires added between page loads neither repeat nor hide others", async () => {
    const first = await listLatestWires({ limit: 3 });
    expect(ids(first)).toEqual(["AIW-2023-0010", "AIW-2023-0009", "AIW-2022-0008"]);

    // Newer than everything; at the same time as the cursor's wire (one on each side of it by id);
    // at the same time as a wire further down; between two wires further down.
    await insertWire({ id: "AIW-2026-0001", occurredOn: "2026-05-01", publishedAt: "2026-05-11T08:00:00Z", providers: ["openai"], codes: ["M1"] });
    await insertWire({ id: "AIW-2026-0002", occurredOn: "2026-05-01", publishedAt: "2026-05-10T09:08:00Z", providers: ["openai"], codes: ["M1"] });
    await insertWire({ id: "AIW-2000-0001", occurredOn: "2000-05-01", publishedAt: "2026-05-10T09:08:00Z", providers: ["openai"], codes: ["M1"] });
    await insertWire({ id: "AIW-2026-0003", occurredOn: "2026-05-01", publishedAt: "2026-05-10T09:07:00Z", providers: ["openai"], codes: ["M1"] });
    await insertWire({ id: "AIW-2026-0004", occurredOn: "2026-05-01", publishedAt: "2026-05-10T09:05:30Z", providers: ["openai"], codes: ["M1"] });

    const second = await listLatestWires({ cursor: first.older, limit: 3 });
    expect(ids(second)).toEqual(["AIW-2000-0001", "AIW-2026-0003", "AIW-2022-0007"]);
    const rest = await walk(listLatestWires, second, "older", 3);
    expect(rest).toEqual([
      ["AIW-2022-0006", "AIW-2026-0004", "AIW-2022-0005"],
      ["AIW-2022-0004", "AIW-2022-0003", "AIW-2022-0002"],
      ["AIW-2022-0001"],
    ]);
    const seen = [...ids(first), ...ids(second), ...rest.flat()];
    expect(new Set(seen).size).toBe(seen.length);

    // Going back up from the second page finds the wires added above it.
    const up = await walk(listLatestWires, second, "newer", 3);
    expect(up).toEqual([
      ["AIW-2023-0009", "AIW-2026-0002", "AIW-2022-0008"],
      ["AIW-2026-0001", "AIW-2023-0010"],
    ]);
    // Every wire is reached exactly once overall.
    const all = new Set([...seen, ...up.flat()]);
    expect(all.size).toBe(15);
  });

  test("withdrawn and merged wires stay out of Latest", async () => {
    await insertWire({ id: "AIW-2026-0010", occurredOn: "2026-05-01", publishedAt: "2026-06-01T00:00:00Z", status: "WITHDRAWN", providers: ["openai"], codes: ["M1"] });
    await insertWire({ id: "AIW-2026-0011", occurredOn: "2026-05-01", publishedAt: "2026-06-02T00:00:00Z", status: "MERGED", mergedIntoId: "AIW-2022-0008", providers: ["openai"], codes: ["M1"] });
    await insertWire({ id: "AIW-2026-0012", occurredOn: "2026-05-01", publishedAt: "2026-06-03T00:00:00Z", status: "CORRECTED", providers: ["openai"], codes: ["M1"] });
    const page = await listLatestWires({ limit: 50 });
    expect(ids(page)).toContain("AIW-2026-0012");
    expect(ids(page)[0]).toBe("AIW-2026-0012");
    expect(ids(page)).not.toContain("AIW-2026-0010");
    expect(ids(page)).not.toContain("AIW-2026-0011");
  });

  test("a cursor that is not one of ours starts from the top", async () => {
    const page = await listLatestWires({ cursor: "not-a-cursor", limit: 2 });
    expect(page.newer).toBeUndefined();
    expect(ids(page)).toEqual(["AIW-2026-0012", "AIW-2026-0001"]);
  });
});

describe("listArchiveWires", () => {
  let providerId: (slug: string) => number;

  beforeAll(async () => {
    await resetDatabase();
    await importShipped();
    await insertWire({ id: "AIW-2024-0101", occurredOn: "2024-02-01", providers: ["google"], codes: ["C1"] });
    await insertWire({ id: "AIW-2024-0102", occurredOn: "2024-03-01", providers: ["google"], codes: ["S4"] });
    await insertWire({ id: "AIW-2024-0103", occurredOn: "2024-01-15", providers: ["stability-ai"], codes: ["C1", "M3"] });
    await insertWire({ id: "AIW-2024-0104", occurredOn: "2024-04-01", providers: ["google", "stability-ai"], codes: ["M1"] });
    await insertWire({ id: "AIW-2024-0105", occurredOn: "2024-02-02", providers: ["google"], codes: ["C1"], status: "MERGED", mergedIntoId: "AIW-2024-0101" });
    await insertWire({ id: "AIW-2024-0106", occurredOn: "2024-02-03", providers: ["google"], codes: ["C1"], status: "WITHDRAWN" });
    // Three on one day, to page through a tie.
    for (const id of ["AIW-2024-0201", "AIW-2024-0202", "AIW-2024-0203"]) {
      await insertWire({ id, occurredOn: "2024-05-05", providers: ["adobe"], codes: ["F1"] });
    }
    const { found } = resolveProviders(["google", "stability-ai", "openai", "adobe"], await currentTaxonomy());
    providerId = (slug) => found.find((provider) => provider.slug === slug)!.id;
  });

  const list = async (filter: Partial<ArchiveFilter>, limit = 50) => ids(await listArchiveWires({ providerIds: [], codes: [], ...filter }, { limit }));

  test("every wire but merged ones, by event date, newest first", async () => {
    expect(await list({})).toEqual([
      "AIW-2024-0203",
      "AIW-2024-0202",
      "AIW-2024-0201",
      "AIW-2024-0104",
      "AIW-2024-0102",
      "AIW-2024-0106",
      "AIW-2024-0101",
      "AIW-2024-0103",
      // The shipped wires' event dates run in the order they were filed.
      ...SHIPPED_NEWEST_FIRST,
    ]);
  });

  test("by provider", async () => {
    expect(await list({ providerIds: [providerId("google")] })).toEqual(["AIW-2024-0104", "AIW-2024-0102", "AIW-2024-0106", "AIW-2024-0101"]);
    expect(await list({ providerIds: [providerId("openai")] })).toEqual(SHIPPED_NEWEST_FIRST);
  });

  test("by code", async () => {
    expect(await list({ codes: ["C1"] })).toEqual(["AIW-2024-0106", "AIW-2024-0101", "AIW-2024-0103", "AIW-2023-0009", "AIW-2022-0001"]);
    expect(await list({ codes: ["F10"] })).toEqual(["AIW-2022-0008"]);
  });

  test("provider and code together: both must match", async () => {
    expect(await list({ providerIds: [providerId("google")], codes: ["C1"] })).toEqual(["AIW-2024-0106", "AIW-2024-0101"]);
    expect(await list({ providerIds: [providerId("openai")], codes: ["M1"] })).toEqual(["AIW-2023-0010", "AIW-2022-0008", "AIW-2022-0006", "AIW-2022-0002"]);
    expect(await list({ providerIds: [providerId("adobe")], codes: ["C1"] })).toEqual([]);
  });

  test("within a facet, any of the values matches, and no wire is listed twice", async () => {
    expect(await list({ providerIds: [providerId("google"), providerId("stability-ai")] })).toEqual([
      "AIW-2024-0104",
      "AIW-2024-0102",
      "AIW-2024-0106",
      "AIW-2024-0101",
      "AIW-2024-0103",
    ]);
    expect(await list({ codes: ["S4", "M3"] })).toEqual(["AIW-2024-0102", "AIW-2024-0103", "AIW-2023-0010", "AIW-2022-0006"]);
    expect(await list({ providerIds: [providerId("google"), providerId("stability-ai")], codes: ["C1", "M1"] })).toEqual([
      "AIW-2024-0104",
      "AIW-2024-0106",
      "AIW-2024-0101",
      "AIW-2024-0103",
    ]);
  });

  test("merged wires are left out even when they match; withdrawn ones stay, marked", async () => {
    const page = await listArchiveWires({ providerIds: [providerId("google")], codes: ["C1"] }, {});
    expect(page.items.map((wire) => [wire.id, wire.status])).toEqual([
      ["AIW-2024-0106", "WITHDRAWN"],
      ["AIW-2024-0101", "PUBLISHED"],
    ]);
  });

  test("a cursor the archive did not make gives the newest wires and says so", async () => {
    const first = await listArchiveWires({ providerIds: [providerId("google")], codes: ["C1"] }, {});
    const bad = await listArchiveWires({ providerIds: [providerId("google")], codes: ["C1"] }, { cursor: "zzz" });
    expect(first.badCursor).toBe(false);
    expect(bad.badCursor).toBe(true);
    expect(bad.items.map((wire) => wire.id)).toEqual(first.items.map((wire) => wire.id));
  });

  test("filtered pages follow each other through same-day wires without repeats or gaps", async () => {
    const everything = await list({});
    const load: Loader = (options) => listArchiveWires({ providerIds: [], codes: [] }, options);
    const first = await load({ limit: 2 });
    const pages = [ids(first), ...(await walk(load, first, "older", 2))];
    expect(pages[0]).toEqual(["AIW-2024-0203", "AIW-2024-0202"]);
    expect(pages[1]).toEqual(["AIW-2024-0201", "AIW-2024-0104"]);
    expect(pages.flat()).toEqual(everything);

    const filter = { providerIds: [providerId("openai")], codes: [] };
    const loadOpenAi: Loader = (options) => listArchiveWires(filter, options);
    const firstOpenAi = await loadOpenAi({ limit: 4 });
    const openAiPages = [ids(firstOpenAi), ...(await walk(loadOpenAi, firstOpenAi, "older", 4))];
    expect(openAiPages.map((page) => page.length)).toEqual([4, 4, 2]);
    expect(openAiPages.flat()).toEqual(SHIPPED_NEWEST_FIRST);
  });
});
