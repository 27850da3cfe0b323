import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { amendRationale } from "@/lib/rationale/amend-rationale";
import { listNeedsReview, type NeedsReviewFilter } from "@/lib/rationale/list-needs-review";
import { listRecentAmendments } from "@/lib/rationale/list-recent-amendments";
import { restoreRationale } from "@/lib/rationale/restore-rationale";
import { closeTestDb, importShipped, resetDatabase, testDb } from "../helpers/database";
import { DALLE_API, insertEditor, insertWireWithRationale, type TestEditor } from "./rationale-fixtures";

let ada: TestEditor;
let ben: TestEditor;

// The shipped wires were published a minute apart, 09:01 (0001) to 09:10 (0010), all naming OpenAI.
const SHIPPED = ["AIW-2022-0001", "AIW-2022-0002", "AIW-2022-0003", "AIW-2022-0004", "AIW-2022-0005", "AIW-2022-0006", "AIW-2022-0007", "AIW-2022-0008", "AIW-2023-0009", "AIW-2023-0010"];

beforeAll(async () => {
  await testDb();
  await resetDatabase();
  await importShipped();
  ada = await insertEditor("Ada Reviewer");
  ben = await insertEditor("Ben Checker");
  // Two more wires awaiting review, a Stability AI one and a Midjourney one, and two that are closed.
  await insertWireWithRationale({ id: "AIW-2024-0901", occurredOn: "2024-01-05", publishedAt: "2026-05-11T08:00:00Z", providers: ["stability-ai"], codes: ["M1"], severity: 2 });
  await insertWireWithRationale({ id: "AIW-2024-0902", occurredOn: "2024-02-05", publishedAt: "2026-05-11T09:00:00Z", providers: ["midjourney", "openai"], codes: ["S1"], severity: 3 });
  await insertWireWithRationale({ id: "AIW-2024-0903", occurredOn: "2024-03-05", providers: ["openai"], codes: ["M1"], status: "WITHDRAWN" });
  await insertWireWithRationale({ id: "AIW-2024-0904", occurredOn: "2024-04-05", providers: ["openai"], codes: ["M1"], status: "MERGED", mergedIntoId: DALLE_API });

  // Reviewed: the DALL·E API wire (amended, then restored) and 0001 (amended by Ben).
  const amended = await amendRationale({ wireId: DALLE_API, baseVersion: 1, text: "Reviewed reading.", test: "But-for test", reason: "Reviewed the API wire.", editor: ada });
  expect(amended.status).toBe("ok");
  expect((await amendRationale({ wireId: "AIW-2022-0001", baseVersion: 1, text: "Ben's reading.", test: "But-for test", reason: "Reviewed DALL·E 2.", editor: ben })).status).toBe("ok");
  expect((await restoreRationale({ wireId: DALLE_API, restoreVersion: 1, baseVersion: 2, reason: "The first text was better.", editor: ada })).status).toBe("ok");
});
afterAll(closeTestDb);

const ids = async (filter: NeedsReviewFilter = {}) => (await listNeedsReview({ limit: 100, ...filter })).items.map((wire) => wire.id);

/** Walks every page of the queue, checking that no page repeats a wire. */
async function walk(filter: NeedsReviewFilter, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 20; pages += 1) {
    const page = await listNeedsReview({ ...filter, limit, cursor });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.push(...page.items.map((wire) => wire.id));
    if (!page.next) return seen;
    cursor = page.next;
  }
  throw new Error("the queue never ended");
}

describe("listNeedsReview", () => {
  test("wires whose rationale is still the classification run's, newest first, without merged, withdrawn or reviewed ones", async () => {
    const expected = ["AIW-2024-0902", "AIW-2024-0901", ...SHIPPED.filter((id) => id !== DALLE_API && id !== "AIW-2022-0001").reverse()];
    expect(await ids()).toEqual(expected);
  });

  test("each wire comes with what the queue shows", async () => {
    const [first] = (await listNeedsReview({ limit: 1 })).items;
    expect(first).toEqual({
      id: "AIW-2024-0902",
      slug: "test-wire-aiw-2024-0902",
      headline: "Test wire AIW-2024-0902",
      severity: 3,
      publishedAt: "2026-05-11T09:00:00.000Z",
      providers: [
        { slug: "midjourney", name: "Midjourney" },
        { slug: "openai", name: "OpenAI" },
      ],
      codes: ["S1"],
      rationaleVersion: 1,
      basisLabel: "Test classification",
    });
  });

  test("filters by provider, code and severity", async () => {
    expect(await ids({ provider: "stability-ai" })).toEqual(["AIW-2024-0901"]);
    expect(await ids({ provider: "midjourney" })).toEqual(["AIW-2024-0902"]);
    expect(await ids({ code: "M1" })).toEqual(["AIW-2024-0901", "AIW-2023-0010", "AIW-2022-0006", "AIW-2022-0002"]);
    expect(await ids({ severity: 3 })).toEqual(["AIW-2024-0902", "AIW-2023-0010", "AIW-2022-0006"]);
    expect(await ids({ provider: "openai", code: "S1" })).toEqual(["AIW-2024-0902", "AIW-2022-0003"]);
    expect(await ids({ provider: "midjourney", code: "M1" })).toEqual([]);
    expect(await ids({ provider: "adobe" })).toEqual([]);
  });

  test("sorts oldest first, or gravest first", async () => {
    expect(await ids({ sort: "oldest" })).toEqual([...(await ids())].reverse());
    expect(await ids({ sort: "severity" })).toEqual([
      "AIW-2024-0901",
      "AIW-2024-0902",
      "AIW-2023-0010",
      "AIW-2022-0006",
      "AIW-2022-0007",
      "AIW-2022-0005",
      "AIW-2022-0002",
      "AIW-2023-0009",
      "AIW-2022-0004",
      "AIW-2022-0003",
    ]);
  });

  test("pages through every sort without repeating or skipping a wire", async () => {
    for (const sort of ["newest", "oldest", "severity"] as const) {
      expect(await walk({ sort }, 3)).toEqual(await ids({ sort }));
    }
  });

  test("a cursor it did not make counts as the first page", async () => {
    expect((await listNeedsReview({ cursor: "not-a-cursor", limit: 2 })).items.map((wire) => wire.id)).toEqual(["AIW-2024-0902", "AIW-2024-0901"]);
  });
});

describe("listRecentAmendments", () => {
  test("the latest editor changes across wires, newest first, without imports", async () => {
    const page = await listRecentAmendments();
    expect(page.next).toBeUndefined();
    expect(page.items.map(({ wire, version, kind, restoredFrom, author, reason }) => ({ wire: wire.id, version, kind, restoredFrom, author, reason }))).toEqual([
      { wire: DALLE_API, version: 3, kind: "RESTORE", restoredFrom: 1, author: "Ada Reviewer", reason: "The first text was better." },
      { wire: "AIW-2022-0001", version: 2, kind: "AMENDMENT", restoredFrom: null, author: "Ben Checker", reason: "Reviewed DALL·E 2." },
      { wire: DALLE_API, version: 2, kind: "AMENDMENT", restoredFrom: null, author: "Ada Reviewer", reason: "Reviewed the API wire." },
    ]);
    expect(page.items[0]!.wire).toEqual({ id: DALLE_API, slug: "dall-e-api-public-beta", headline: "DALL·E API enters public beta" });
    expect(page.items[0]!.editorId).toBe(ada.id);
  });

  test("one editor's changes", async () => {
    expect((await listRecentAmendments({ editorId: ben.id })).items.map((item) => [item.wire.id, item.version])).toEqual([["AIW-2022-0001", 2]]);
  });

  test("pages without repeating", async () => {
    const first = await listRecentAmendments({ limit: 2 });
    expect(first.items.map((item) => [item.wire.id, item.version])).toEqual([
      [DALLE_API, 3],
      ["AIW-2022-0001", 2],
    ]);
    const second = await listRecentAmendments({ limit: 2, cursor: first.next });
    expect(second.items.map((item) => [item.wire.id, item.version])).toEqual([[DALLE_API, 2]]);
    expect(second.next).toBeUndefined();
  });
});
