import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { amendRationale } from "@/lib/rationale/amend-rationale";
import { getRationaleForEditing } from "@/lib/rationale/get-rationale-for-editing";
import { getRationaleVersions } from "@/lib/rationale/get-rationale-versions";
import { listRationaleHistory } from "@/lib/rationale/list-rationale-history";
import { listRationaleVersions } from "@/lib/rationale/list-rationale-versions";
import { restoreRationale } from "@/lib/rationale/restore-rationale";
import { closeTestDb, importShipped, resetDatabase, rowCounts, testDb } from "../helpers/database";
import { DALLE_API, insertEditor, insertWireWithRationale, todayUtc, type TestEditor } from "./rationale-fixtures";

let ada: TestEditor;
let admin: TestEditor;
let imported: { text: string; test: string };

beforeAll(testDb);
beforeEach(async () => {
  const { prisma } = await testDb();
  await resetDatabase();
  await importShipped();
  ada = await insertEditor("Ada Reviewer");
  admin = await insertEditor("Grace Admin", "ADMIN");
  imported = await prisma.rationale.findUniqueOrThrow({ where: { wireId: DALLE_API }, select: { text: true, test: true } });
  // Two amendments: version 2 by Ada, version 3 (with a new test) by the admin.
  await expectOk(amendRationale({ wireId: DALLE_API, baseVersion: 1, text: "Second reading.", test: imported.test, reason: "First review.", editor: ada }));
  await expectOk(amendRationale({ wireId: DALLE_API, baseVersion: 2, text: "Third reading.", test: "A stricter test", reason: "Second review.", editor: admin }));
});
afterAll(closeTestDb);

async function expectOk(promise: ReturnType<typeof amendRationale>) {
  const result = await promise;
  expect(result.status).toBe("ok");
  return result;
}

describe("restoreRationale", () => {
  test("brings back an old version's text and test as a new version, deleting nothing", async () => {
    const { prisma } = await testDb();
    const result = await restoreRationale({ wireId: DALLE_API, restoreVersion: 1, baseVersion: 3, reason: "The classification text was right.", editor: ada, address: null });
    expect(result).toMatchObject({
      status: "ok",
      version: 4,
      rationale: { text: imported.text, test: imported.test, basis: "EDITOR_AMENDMENT", basisLabel: "Restored by an editor from version 1", basisDate: todayUtc() },
    });
    const revisions = await prisma.rationaleRevision.findMany({
      where: { wireId: DALLE_API },
      orderBy: { version: "asc" },
      select: { version: true, kind: true, text: true, previousText: true, test: true, previousTest: true, restoredFrom: true, author: true },
    });
    expect(revisions).toEqual([
      { version: 1, kind: "IMPORT", text: imported.text, previousText: null, test: imported.test, previousTest: null, restoredFrom: null, author: "Launch-archive bulk classification" },
      { version: 2, kind: "AMENDMENT", text: "Second reading.", previousText: imported.text, test: imported.test, previousTest: imported.test, restoredFrom: null, author: "Ada Reviewer" },
      { version: 3, kind: "AMENDMENT", text: "Third reading.", previousText: "Second reading.", test: "A stricter test", previousTest: imported.test, restoredFrom: null, author: "Grace Admin" },
      { version: 4, kind: "RESTORE", text: imported.text, previousText: "Third reading.", test: imported.test, previousTest: "A stricter test", restoredFrom: 1, author: "Ada Reviewer" },
    ]);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "rationale.restored" }, select: { editorId: true, wireId: true, detail: true } });
    expect(event).toEqual({ editorId: ada.id, wireId: DALLE_API, detail: { fromVersion: 3, toVersion: 4, restoredFrom: 1 } });
  });

  test("a restore from a stale version is a conflict, and writes nothing", async () => {
    const counts = await rowCounts();
    const result = await restoreRationale({ wireId: DALLE_API, restoreVersion: 1, baseVersion: 2, reason: "Back to the start.", editor: ada });
    expect(result).toMatchObject({ status: "conflict", current: { version: 3, text: "Third reading." }, latestChange: { author: "Grace Admin", reason: "Second review." } });
    expect(await rowCounts()).toEqual(counts);
  });

  test("restoring the text that is already current changes nothing", async () => {
    const counts = await rowCounts();
    expect(await restoreRationale({ wireId: DALLE_API, restoreVersion: 3, baseVersion: 3, reason: "Same again.", editor: ada })).toMatchObject({ status: "unchanged" });
    expect(await rowCounts()).toEqual(counts);
  });

  test("a version the wire never had, a missing reason, an unknown wire", async () => {
    expect(await restoreRationale({ wireId: DALLE_API, restoreVersion: 7, baseVersion: 3, reason: "Version seven.", editor: ada })).toEqual({ status: "no-such-version", version: 7 });
    expect(await restoreRationale({ wireId: DALLE_API, restoreVersion: 1, baseVersion: 3, reason: "  ", editor: ada })).toEqual({
      status: "invalid",
      fieldErrors: { reason: "The reason must be at least 5 characters." },
    });
    expect(await restoreRationale({ wireId: "AIW-1999-0001", restoreVersion: 1, baseVersion: 1, reason: "No such wire.", editor: ada })).toEqual({ status: "not-found" });
  });

  test("a merged wire's rationale cannot be restored", async () => {
    await insertWireWithRationale({ id: "AIW-2022-0901", occurredOn: "2022-11-03", providers: ["openai"], codes: ["M1"], status: "MERGED", mergedIntoId: DALLE_API });
    expect(await restoreRationale({ wireId: "AIW-2022-0901", restoreVersion: 1, baseVersion: 1, reason: "Try anyway.", editor: ada })).toMatchObject({
      status: "not-amendable",
      wireStatus: "MERGED",
    });
  });
});

describe("listRationaleHistory", () => {
  test("every version, newest first, with who, when, why and what it replaced", async () => {
    await restoreRationale({ wireId: DALLE_API, restoreVersion: 1, baseVersion: 3, reason: "Back to the classification.", editor: ada });
    const history = await listRationaleHistory(DALLE_API);
    expect(history!.wire).toEqual({ id: DALLE_API, slug: "dall-e-api-public-beta", headline: "DALL·E API enters public beta", status: "PUBLISHED", mergedInto: null });
    expect(history!.currentVersion).toBe(4);
    expect(history!.olderBefore).toBeUndefined();
    expect(history!.entries.map(({ version, kind, author, editorRole, reason, restoredFrom }) => ({ version, kind, author, editorRole, reason, restoredFrom }))).toEqual([
      { version: 4, kind: "RESTORE", author: "Ada Reviewer", editorRole: "EDITOR", reason: "Back to the classification.", restoredFrom: 1 },
      { version: 3, kind: "AMENDMENT", author: "Grace Admin", editorRole: "ADMIN", reason: "Second review.", restoredFrom: null },
      { version: 2, kind: "AMENDMENT", author: "Ada Reviewer", editorRole: "EDITOR", reason: "First review.", restoredFrom: null },
      { version: 1, kind: "IMPORT", author: "Launch-archive bulk classification", editorRole: null, reason: expect.stringMatching(/^Imported from .*AIW-2022-0008\.md$/), restoredFrom: null },
    ]);
    const [latest] = history!.entries;
    expect(latest).toMatchObject({ text: imported.text, previousText: "Third reading.", test: imported.test, previousTest: "A stricter test" });
    const times = history!.entries.map((entry) => entry.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  test("pages by version", async () => {
    const first = await listRationaleHistory(DALLE_API, { limit: 2 });
    expect(first!.entries.map((entry) => entry.version)).toEqual([3, 2]);
    expect(first!.olderBefore).toBe(2);
    const second = await listRationaleHistory(DALLE_API, { limit: 2, beforeVersion: first!.olderBefore });
    expect(second!.entries.map((entry) => entry.version)).toEqual([1]);
    expect(second!.olderBefore).toBeUndefined();
  });

  test("no wire, no history", async () => {
    expect(await listRationaleHistory("AIW-1999-0001")).toBeNull();
  });
});

describe("version lists and texts", () => {
  test("listRationaleVersions names every version, newest first", async () => {
    const versions = await listRationaleVersions(DALLE_API);
    expect(versions.map(({ version, kind, author }) => ({ version, kind, author }))).toEqual([
      { version: 3, kind: "AMENDMENT", author: "Grace Admin" },
      { version: 2, kind: "AMENDMENT", author: "Ada Reviewer" },
      { version: 1, kind: "IMPORT", author: "Launch-archive bulk classification" },
    ]);
  });

  test("getRationaleVersions returns the texts asked for, and leaves out versions that never existed", async () => {
    const texts = await getRationaleVersions(DALLE_API, [1, 3, 9]);
    expect([...texts.keys()].sort()).toEqual([1, 3]);
    expect(texts.get(3)).toMatchObject({ text: "Third reading.", test: "A stricter test", author: "Grace Admin" });
    expect(texts.get(1)!.text).toBe(imported.text);
  });
});

describe("getRationaleForEditing", () => {
  test("the current text, test, version and basis, with the wire", async () => {
    const editing = await getRationaleForEditing(DALLE_API);
    expect(editing).toEqual({
      wire: { id: DALLE_API, slug: "dall-e-api-public-beta", headline: "DALL·E API enters public beta", status: "PUBLISHED", mergedInto: null },
      rationale: expect.objectContaining({ text: "Third reading.", test: "A stricter test", version: 3, basis: "EDITOR_AMENDMENT", basisLabel: "Amended by an editor" }),
      amendable: true,
    });
  });

  test("merged wires are shown as not amendable; unknown wires are null", async () => {
    await insertWireWithRationale({ id: "AIW-2022-0901", occurredOn: "2022-11-03", providers: ["openai"], codes: ["M1"], status: "MERGED", mergedIntoId: DALLE_API });
    expect(await getRationaleForEditing("AIW-2022-0901")).toMatchObject({ amendable: false, wire: { status: "MERGED", mergedInto: { id: DALLE_API } } });
    expect(await getRationaleForEditing("AIW-1999-0001")).toBeNull();
  });
});
