import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadSearchIndex } from "@/lib/search/load-search-index";
import { closeTestDb, importShipped, resetDatabase } from "../helpers/database";
import { insertWire } from "../helpers/fixtures";

// Requests that come together share the index's freshness read, and none of them gets an index older
// than a change committed before it asked.

beforeAll(async () => {
  await resetDatabase();
  await importShipped();
});
afterAll(closeTestDb);

describe("the search index's freshness", () => {
  test("a search that starts after a wire is written finds the index holding it, while an earlier refresh is still under way", async () => {
    const before = await loadSearchIndex();
    const sizeBefore = before.size;
    // A refresh under way, started before the write.
    const early = loadSearchIndex();
    await insertWire({ id: "AIW-2031-0101", occurredOn: "2031-02-01", providers: ["openai"], codes: ["M1"] });
    // These come after the write committed: they must see it, whatever the early one saw.
    const late = await Promise.all(Array.from({ length: 8 }, () => loadSearchIndex()));
    for (const index of late) expect(index.size).toBe(sizeBefore + 1);
    expect((await early).size).toBeGreaterThanOrEqual(sizeBefore);
  });

  test("requests that come together get one index, holding the wire written before they came", async () => {
    const sizeBefore = (await loadSearchIndex()).size;
    await insertWire({ id: "AIW-2031-0102", occurredOn: "2031-02-02", providers: ["google"], codes: ["M3"] });
    const indexes = await Promise.all(Array.from({ length: 16 }, () => loadSearchIndex()));
    expect(new Set(indexes).size).toBe(1);
    expect(indexes[0]!.size).toBe(sizeBefore + 1);
  });
});
