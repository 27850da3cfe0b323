import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { amendRationale } from "@/lib/rationale/amend-rationale";
import { getWire } from "@/lib/wires/get-wire";
import { closeTestDb, importShipped, resetDatabase, rowCounts, testDb } from "../helpers/database";
import { DALLE_API, insertEditor, insertWireWithRationale, todayUtc, type TestEditor } from "./rationale-fixtures";

let ada: TestEditor;
let ben: TestEditor;
let original: { text: string; test: string };

beforeEach(async () => {
  const { prisma } = await testDb();
  await resetDatabase();
  await importShipped();
  ada = await insertEditor("Ada Reviewer");
  ben = await insertEditor("Ben Checker");
  original = (await prisma.rationale.findUniqueOrThrow({ where: { wireId: DALLE_API }, select: { text: true, test: true } }))!;
});
afterAll(closeTestDb);

const amendment = (overrides: Partial<Parameters<typeof amendRationale>[0]> = {}) =>
  amendRationale({
    wireId: DALLE_API,
    baseVersion: 1,
    text: "The public beta let any developer build DALL·E into an application.\n\nThat widened who could generate images.",
    test: "Counterfactual but-for test, second reading",
    reason: "Named the harm the beta widened.",
    editor: ada,
    address: "203.0.113.7",
    ...overrides,
  });

describe("amendRationale", () => {
  test("writes the new version, its revision, an audit event and the wire's update time", async () => {
    const { prisma } = await testDb();
    const before = await prisma.wire.findUniqueOrThrow({ where: { id: DALLE_API }, select: { updatedAt: true, searchSeq: true } });

    const result = await amendment();

    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(result.version).toBe(2);
    expect(result.rationale).toMatchObject({
      version: 2,
      text: "The public beta let any developer build DALL·E into an application.\n\nThat widened who could generate images.",
      test: "Counterfactual but-for test, second reading",
      basis: "EDITOR_AMENDMENT",
      basisLabel: "Amended by an editor",
      basisDate: todayUtc(),
    });

    const revision = await prisma.rationaleRevision.findUniqueOrThrow({ where: { wireId_version: { wireId: DALLE_API, version: 2 } } });
    expect(revision).toMatchObject({
      kind: "AMENDMENT",
      text: result.rationale.text,
      previousText: original.text,
      test: "Counterfactual but-for test, second reading",
      previousTest: original.test,
      reason: "Named the harm the beta widened.",
      author: "Ada Reviewer",
      editorId: ada.id,
      basis: "EDITOR_AMENDMENT",
      basisLabel: "Amended by an editor",
      restoredFrom: null,
    });
    expect(revision.createdAt.toISOString()).toBe(result.rationale.updatedAt);

    const events = await prisma.auditEvent.findMany({ where: { wireId: DALLE_API }, select: { action: true, editorId: true, address: true, detail: true } });
    expect(events).toEqual([{ action: "rationale.amended", editorId: ada.id, address: "203.0.113.7", detail: { fromVersion: 1, toVersion: 2 } }]);

    const after = await prisma.wire.findUniqueOrThrow({ where: { id: DALLE_API }, select: { updatedAt: true, searchSeq: true } });
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect(after.updatedAt.toISOString()).toBe(result.rationale.updatedAt);
    expect(after.searchSeq).toBeGreaterThan(before.searchSeq);

    // What a reader gets on the wire page.
    const wire = await getWire(DALLE_API);
    expect(wire!.rationale).toMatchObject({ text: result.rationale.text, basis: "EDITOR_AMENDMENT", basisLabel: "Amended by an editor", basisDate: todayUtc(), version: 2 });
    expect(wire!.updatedAt).toBe(result.rationale.updatedAt);
  });

  test("bad input is refused field by field, and nothing is written", async () => {
    const counts = await rowCounts();
    const result = await amendment({ text: "  ", test: "x", reason: "no", baseVersion: "zero" });
    expect(result).toEqual({
      status: "invalid",
      fieldErrors: {
        text: "Enter the rationale text.",
        test: "The test applied must be at least 3 characters.",
        reason: "The reason must be at least 5 characters.",
        baseVersion: "The version you started from must be a whole number.",
      },
    });
    expect(await rowCounts()).toEqual(counts);
  });

  test("a text that exceeds the limit is refused", async () => {
    const result = await amendment({ text: "a".repeat(20_001) });
    expect(result).toEqual({ status: "invalid", fieldErrors: { text: "The rationale text must be at most 20,000 characters." } });
  });

  test("the same text and test again is no change, and writes nothing", async () => {
    const counts = await rowCounts();
    // A browser sends CRLF line breaks and the editor may leave spaces around: still the same text.
    const result = await amendment({ text: `  ${original.text.replace(/\n/g, "\r\n")}\r\n`, test: original.test });
    expect(result).toMatchObject({ status: "unchanged", rationale: { version: 1, text: original.text } });
    expect(await rowCounts()).toEqual(counts);
  });

  test("a new test alone is a change", async () => {
    const result = await amendment({ text: original.text, test: "Counterfactual test, restated" });
    expect(result).toMatchObject({ status: "ok", version: 2, rationale: { text: original.text, test: "Counterfactual test, restated" } });
  });

  test("two editors amending the same version at once: one wins, the other gets a conflict and keeps their text", async () => {
    const { prisma } = await testDb();
    const [first, second] = await Promise.all([
      amendment({ text: "Ada's reading of the incident.", reason: "Ada's clarification." }),
      amendment({ text: "Ben's reading of the incident.", reason: "Ben's clarification.", editor: ben }),
    ]);
    const results = [first, second];
    expect(results.map((result) => result.status).sort()).toEqual(["conflict", "ok"]);
    const winner = results.find((result) => result.status === "ok")!;
    const loser = results.find((result) => result.status === "conflict")!;
    if (winner.status !== "ok" || loser.status !== "conflict") return;

    const stored = await prisma.rationale.findUniqueOrThrow({ where: { wireId: DALLE_API }, select: { text: true, version: true } });
    expect(stored).toEqual({ text: winner.rationale.text, version: 2 });
    // The loser sees what is there now and who wrote it, and gets their own text back.
    expect(loser.current).toMatchObject({ version: 2, text: winner.rationale.text });
    expect(loser.latestChange).toMatchObject({ kind: "AMENDMENT", reason: winner.rationale.text.startsWith("Ada") ? "Ada's clarification." : "Ben's clarification." });
    expect(loser.attempted.text).not.toBe(winner.rationale.text);
    expect([loser.attempted.text, winner.rationale.text].sort()).toEqual(["Ada's reading of the incident.", "Ben's reading of the incident."]);
    expect(await prisma.rationaleRevision.count({ where: { wireId: DALLE_API } })).toBe(2);
    expect(await prisma.auditEvent.count({ where: { wireId: DALLE_API } })).toBe(1);
  });

  test("twenty amendments of the same version at once: exactly one is written", async () => {
    const { prisma } = await testDb();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => amendment({ text: `Reading number ${index + 1}.`, editor: index % 2 === 0 ? ada : ben })),
    );
    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status === "ok")).toHaveLength(1);
    expect(statuses.filter((status) => status === "conflict")).toHaveLength(19);
    const winner = results.find((result) => result.status === "ok");
    const stored = await prisma.rationale.findUniqueOrThrow({ where: { wireId: DALLE_API }, select: { text: true, version: true } });
    expect(winner?.status === "ok" && stored).toEqual({ text: winner?.status === "ok" ? winner.rationale.text : "", version: 2 });
    expect(await prisma.rationaleRevision.findMany({ where: { wireId: DALLE_API }, select: { version: true }, orderBy: { version: "asc" } })).toEqual([
      { version: 1 },
      { version: 2 },
    ]);
    expect(await prisma.auditEvent.count({ where: { action: "rationale.amended" } })).toBe(1);
  });

  test("amendments one after another, each from the version before, all succeed", async () => {
    const { prisma } = await testDb();
    for (let base = 1; base <= 5; base += 1) {
      const result = await amendment({ baseVersion: base, text: `Reading ${base + 1}.`, editor: base % 2 === 0 ? ben : ada });
      expect(result).toMatchObject({ status: "ok", version: base + 1 });
    }
    const revisions = await prisma.rationaleRevision.findMany({ where: { wireId: DALLE_API }, orderBy: { version: "asc" }, select: { version: true, text: true, previousText: true } });
    expect(revisions.map((revision) => revision.version)).toEqual([1, 2, 3, 4, 5, 6]);
    // Each version records the text it replaced.
    for (let index = 1; index < revisions.length; index += 1) expect(revisions[index]!.previousText).toBe(revisions[index - 1]!.text);
  });

  test("a stale or unknown base version is a conflict", async () => {
    expect(await amendment({ baseVersion: 1 })).toMatchObject({ status: "ok" });
    expect(await amendment({ baseVersion: 1, text: "Another reading." })).toMatchObject({ status: "conflict", current: { version: 2 } });
    expect(await amendment({ baseVersion: 9, text: "Another reading." })).toMatchObject({ status: "conflict", current: { version: 2 } });
  });

  test("merged and withdrawn wires are not amendable; unknown wires are not found", async () => {
    await insertWireWithRationale({ id: "AIW-2022-0901", occurredOn: "2022-11-03", providers: ["openai"], codes: ["M1"], status: "MERGED", mergedIntoId: DALLE_API });
    await insertWireWithRationale({ id: "AIW-2022-0902", occurredOn: "2022-11-04", providers: ["openai"], codes: ["M1"], status: "WITHDRAWN" });
    const counts = await rowCounts();
    expect(await amendment({ wireId: "AIW-2022-0901" })).toEqual({
      status: "not-amendable",
      wireStatus: "MERGED",
      mergedInto: { id: DALLE_API, slug: "dall-e-api-public-beta" },
    });
    expect(await amendment({ wireId: "AIW-2022-0902" })).toEqual({ status: "not-amendable", wireStatus: "WITHDRAWN", mergedInto: null });
    expect(await amendment({ wireId: "AIW-1999-0001" })).toEqual({ status: "not-found" });
    expect(await rowCounts()).toEqual(counts);
  });
});

describe("the append-only record", () => {
  test("revisions and audit events cannot be changed or deleted", async () => {
    const { prisma } = await testDb();
    expect(await amendment()).toMatchObject({ status: "ok" });
    const where = { wireId_version: { wireId: DALLE_API, version: 2 } };
    await expect(prisma.rationaleRevision.update({ where, data: { reason: "Rewritten" } })).rejects.toThrow(/append-only/);
    await expect(prisma.rationaleRevision.delete({ where })).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`UPDATE rationale_revision SET text = 'rewritten' WHERE wire_id = ${DALLE_API}`).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`DELETE FROM rationale_revision WHERE wire_id = ${DALLE_API}`).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.updateMany({ data: { action: "nothing" } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    expect(await prisma.rationaleRevision.count({ where: { wireId: DALLE_API } })).toBe(2);
    expect(await prisma.auditEvent.findMany({ select: { action: true } })).toEqual([{ action: "rationale.amended" }]);
  });
});
