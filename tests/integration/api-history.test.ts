import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { resetApiTokens } from "@/lib/api/rate-limit";
import { amendRationale } from "@/lib/rationale/amend-rationale";
import { restoreRationale } from "@/lib/rationale/restore-rationale";
import { closeTestDb, importShipped, resetDatabase, testDb } from "../helpers/database";
import { insertWire } from "../helpers/fixtures";
import { callApi } from "./api-client";
import { DALLE_API, insertEditor, insertWireWithRationale, todayUtc } from "./rationale-fixtures";

const WITHDRAWN = "AIW-2019-0010";
const MERGED = "AIW-2019-0011";
const NO_RATIONALE = "AIW-2019-0012";
let imported: { text: string; test: string };

beforeAll(async () => {
  const { prisma } = await testDb();
  await resetDatabase();
  await importShipped();
  imported = await prisma.rationale.findUniqueOrThrow({ where: { wireId: DALLE_API }, select: { text: true, test: true } });
  const ada = await insertEditor("Ada Reviewer");
  const grace = await insertEditor("Grace Admin", "ADMIN");
  // Versions 2 to 29 by two editors, then version 30 restores version 1: more than one page of 25.
  for (let version = 2; version <= 29; version += 1) {
    const result = await amendRationale({
      wireId: DALLE_API,
      baseVersion: version - 1,
      text: `Reading number ${version}.`,
      test: version === 29 ? "A stricter test" : imported.test,
      reason: `Review number ${version}.`,
      editor: version % 2 ? grace : ada,
    });
    expect(result.status).toBe("ok");
  }
  expect((await restoreRationale({ wireId: DALLE_API, restoreVersion: 1, baseVersion: 29, reason: "The first text was right.", editor: ada, address: null })).status).toBe("ok");
  await insertWireWithRationale({ id: WITHDRAWN, occurredOn: "2019-01-10", status: "WITHDRAWN", providers: ["openai"], codes: ["M1"] }, "A text no longer published.");
  await insertWireWithRationale({ id: MERGED, occurredOn: "2019-01-11", status: "MERGED", mergedIntoId: DALLE_API, providers: ["openai"], codes: ["M1"] }, "The merged wire's last text.");
  await insertWire({ id: NO_RATIONALE, occurredOn: "2019-01-12", providers: ["openai"], codes: ["M1"] });
});
beforeEach(resetApiTokens);
afterAll(closeTestDb);

describe("GET /api/v1/wires/{id}/history", () => {
  test("newest first, 25 a page, links.older to the rest, every version once", async () => {
    const first = await callApi(`/api/v1/wires/${DALLE_API}/history`);
    expect(first.status).toBe(200);
    expect(first.body.wire).toEqual({ id: DALLE_API, slug: expect.any(String), headline: expect.any(String), status: "PUBLISHED", mergedInto: null });
    expect(first.body.currentVersion).toBe(30);
    expect(first.body.withheld).toBe(false);
    expect(first.body.entries.map((entry: { version: number }) => entry.version)).toEqual(Array.from({ length: 25 }, (_, i) => 30 - i));
    expect(first.body.links).toEqual({
      self: `/api/v1/wires/${DALLE_API}/history`,
      older: `/api/v1/wires/${DALLE_API}/history?before=6`,
      newest: `/api/v1/wires/${DALLE_API}/history`,
      wire: `/api/v1/wires/${DALLE_API}`,
      html: `/wires/${DALLE_API}/history`,
    });
    const second = await callApi(first.body.links.older);
    expect(second.status).toBe(200);
    expect(second.body.entries.map((entry: { version: number }) => entry.version)).toEqual([5, 4, 3, 2, 1]);
    expect(second.body.links.older).toBeNull();
    expect(second.body.links.self).toBe(first.body.links.older);
  });

  test("each version says who, when, why and what it replaced", async () => {
    const { prisma } = await testDb();
    const { body } = await callApi(`/api/v1/wires/${DALLE_API}/history`);
    const [restore, stricter, plain] = body.entries;
    expect(restore).toEqual({
      version: 30,
      kind: "RESTORE",
      author: "Ada Reviewer",
      editorRole: "EDITOR",
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      reason: "The first text was right.",
      basisLabel: "Restored by an editor from version 1",
      text: imported.text,
      previousText: "Reading number 29.",
      test: imported.test,
      previousTest: "A stricter test",
      restoredFrom: 1,
    });
    expect(stricter).toMatchObject({ version: 29, kind: "AMENDMENT", author: "Grace Admin", editorRole: "ADMIN", text: "Reading number 29.", previousText: "Reading number 28.", test: "A stricter test", previousTest: imported.test });
    expect(plain).toMatchObject({ version: 28, author: "Ada Reviewer", reason: "Review number 28.", restoredFrom: null });
    const stored = await prisma.rationaleRevision.findUniqueOrThrow({ where: { wireId_version: { wireId: DALLE_API, version: 30 } }, select: { createdAt: true } });
    expect(restore.createdAt).toBe(stored.createdAt.toISOString());
    const { body: oldest } = await callApi(`/api/v1/wires/${DALLE_API}/history?before=2`);
    expect(oldest.entries).toEqual([
      expect.objectContaining({ version: 1, kind: "IMPORT", author: "Launch-archive bulk classification", editorRole: null, text: imported.text, previousText: null, previousTest: null }),
    ]);
  });

  test("a withdrawn wire: who changed it, when and why, without the texts", async () => {
    const { status, body } = await callApi(`/api/v1/wires/${WITHDRAWN}/history`);
    expect(status).toBe(200);
    expect(body.withheld).toBe(true);
    expect(body.entries).toEqual([
      expect.objectContaining({ version: 1, kind: "IMPORT", reason: "Imported for a test", text: null, previousText: null, test: null, previousTest: null }),
    ]);
    expect(JSON.stringify(body)).not.toContain("no longer published.");
  });

  test("a merged wire's history stays at its own id and names the wire it went into", async () => {
    const { status, body } = await callApi(`/api/v1/wires/${MERGED.toLowerCase()}/history`);
    expect(status).toBe(200);
    expect(body.wire).toMatchObject({ id: MERGED, status: "MERGED", mergedInto: { id: DALLE_API, apiUrl: `/api/v1/wires/${DALLE_API}` } });
    expect(body.entries[0].text).toBe("The merged wire's last text.");
  });

  test("a wire without a rationale: no versions", async () => {
    const { body } = await callApi(`/api/v1/wires/${NO_RATIONALE}/history`);
    expect(body).toMatchObject({ currentVersion: null, entries: [], links: { older: null } });
  });

  test.each([
    ["before=0", ["before"]],
    ["before=abc", ["before"]],
    ["before=2.5", ["before"]],
    ["before=1&before=2", ["before"]],
    ["page=2", ["page"]],
    ["before=-1&limit=5", ["limit", "before"]],
  ])("?%s: a 400 naming the parameter", async (search, params) => {
    const { status, body } = await callApi(`/api/v1/wires/${DALLE_API}/history?${search}`);
    expect(status).toBe(400);
    expect(body.error).toBe("invalid_parameters");
    expect(body.problems.map((problem: { param: string }) => problem.param)).toEqual(params);
  });

  test("an unknown wire: a JSON 404", async () => {
    const { status, body } = await callApi("/api/v1/wires/AIW-1999-0001/history");
    expect(status).toBe(404);
    expect(body.error).toBe("not_found");
  });
});

describe("GET /api/v1/wires/{id}/rationale", () => {
  test("the current version, rendered, with its basis and test", async () => {
    const { prisma } = await testDb();
    const current = await prisma.rationale.findUniqueOrThrow({ where: { wireId: DALLE_API } });
    const { status, body, headers } = await callApi(`/api/v1/wires/${DALLE_API.toLowerCase()}/rationale`);
    expect(status).toBe(200);
    expect(headers.get("access-control-allow-origin")).toBe("*");
    expect(body).toEqual({
      wire: { id: DALLE_API, slug: expect.any(String), headline: expect.any(String), status: "PUBLISHED", mergedInto: null },
      rationale: {
        version: 30,
        text: imported.text,
        html: expect.stringMatching(/^<p>/),
        basis: "EDITOR_AMENDMENT",
        basisLabel: "Restored by an editor from version 1",
        basisDate: todayUtc(),
        test: imported.test,
        updatedAt: current.updatedAt.toISOString(),
      },
      withheld: false,
      links: {
        self: `/api/v1/wires/${DALLE_API}/rationale`,
        history: `/api/v1/wires/${DALLE_API}/history`,
        wire: `/api/v1/wires/${DALLE_API}`,
        html: expect.stringMatching(new RegExp(`^/wires/${DALLE_API}/[a-z0-9-]+#rationale$`)),
      },
    });
  });

  test("withheld for a withdrawn wire; null for a wire without one; 404 for no wire", async () => {
    const withdrawn = await callApi(`/api/v1/wires/${WITHDRAWN}/rationale`);
    expect(withdrawn.body).toMatchObject({ rationale: null, withheld: true, wire: { status: "WITHDRAWN" } });
    const none = await callApi(`/api/v1/wires/${NO_RATIONALE}/rationale`);
    expect(none.body).toMatchObject({ rationale: null, withheld: false });
    const missing = await callApi("/api/v1/wires/AIW-1999-0001/rationale");
    expect(missing.status).toBe(404);
  });

  test("a merged wire keeps its last rationale here", async () => {
    const { body } = await callApi(`/api/v1/wires/${MERGED}/rationale`);
    expect(body).toMatchObject({ wire: { status: "MERGED", mergedInto: { id: DALLE_API } }, rationale: { version: 1, text: "The merged wire's last text." } });
  });

  test("a parameter it does not take: a 400", async () => {
    const { status, body } = await callApi(`/api/v1/wires/${DALLE_API}/rationale?version=2`);
    expect(status).toBe(400);
    expect(body.problems).toEqual([{ param: "version", message: expect.any(String) }]);
  });
});
