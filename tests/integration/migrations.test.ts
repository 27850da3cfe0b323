import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { closeTestDb, importShipped, resetDatabase, testDb } from "../helpers/database";
import { insertWire } from "../helpers/fixtures";

type MigrationRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
  logs: string | null;
};

const MIGRATIONS = path.resolve("prisma/migrations");

async function migrationFolders(): Promise<{ name: string; checksum: string }[]> {
  const entries = await readdir(MIGRATIONS, { withFileTypes: true });
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  return Promise.all(
    names.map(async (name) => ({ name, checksum: createHash("sha256").update(await readFile(path.join(MIGRATIONS, name, "migration.sql"))).digest("hex") })),
  );
}

async function history(): Promise<MigrationRow[]> {
  const { prisma } = await testDb();
  return prisma.$queryRaw<MigrationRow[]>`
    SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs FROM "_prisma_migrations" ORDER BY migration_name`;
}

beforeAll(async () => {
  await testDb();
  await resetDatabase();
});
afterAll(closeTestDb);

describe("migrations", () => {
  test("every migration folder has one finished row, with the sha256 of its file as checksum", async () => {
    const folders = await migrationFolders();
    expect(folders.length).toBeGreaterThan(0);
    const rows = await history();
    expect(rows.map((row) => row.migration_name)).toEqual(folders.map((folder) => folder.name));
    for (const [index, row] of rows.entries()) {
      expect(row.checksum).toBe(folders[index]!.checksum);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
    }
  });

  test("applying them again changes nothing", async () => {
    const db = await testDb();
    const before = await history();
    const report = await db.migrate();
    expect(report).toEqual({ applied: [], alreadyApplied: before.length, edited: [] });
    expect(await history()).toEqual(before);
  });

  test("the schema is in place: every model's table exists", async () => {
    const { prisma } = await testDb();
    const rows = await prisma.$queryRaw<{ tablename: string }[]>`SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`;
    expect(rows.map((row) => row.tablename)).toEqual(
      expect.arrayContaining(["_prisma_migrations", "code", "code_family", "guide", "provider", "provider_alias", "rationale", "rationale_revision", "source", "wire", "wire_code", "wire_link", "wire_provider"]),
    );
  });
});

describe("database rules", () => {
  beforeAll(async () => {
    await resetDatabase();
    await importShipped();
  });

  test("a rationale revision cannot be changed", async () => {
    const { prisma } = await testDb();
    const revision = await prisma.rationaleRevision.findFirstOrThrow({ where: { wireId: "AIW-2022-0008" } });
    await expect(prisma.rationaleRevision.update({ where: { id: revision.id }, data: { text: "Rewritten history." } })).rejects.toThrow(
      /rationale_revision is append-only: UPDATE refused/,
    );
    await expect(prisma.$executeRaw`UPDATE rationale_revision SET reason = 'x'`).rejects.toThrow(/append-only: UPDATE refused/);
    expect(await prisma.rationaleRevision.findUniqueOrThrow({ where: { id: revision.id } })).toEqual(revision);
  });

  test("a rationale revision cannot be deleted", async () => {
    const { prisma } = await testDb();
    const count = await prisma.rationaleRevision.count();
    expect(count).toBe(10);
    const revision = await prisma.rationaleRevision.findFirstOrThrow({ where: { wireId: "AIW-2022-0008" } });
    await expect(prisma.rationaleRevision.delete({ where: { id: revision.id } })).rejects.toThrow(/rationale_revision is append-only: DELETE refused/);
    await expect(prisma.$executeRaw`DELETE FROM rationale_revision`).rejects.toThrow(/append-only: DELETE refused/);
    expect(await prisma.rationaleRevision.count()).toBe(count);
  });

  test("new revisions can still be appended", async () => {
    const { prisma } = await testDb();
    const first = await prisma.rationaleRevision.findFirstOrThrow({ where: { wireId: "AIW-2022-0008", version: 1 } });
    const { id: _id, createdAt: _createdAt, ...fields } = first;
    await prisma.rationaleRevision.create({ data: { ...fields, version: 2, text: "Amended.", basis: "EDITOR_AMENDMENT", reason: "Test", author: "Editor" } });
    expect(await prisma.rationaleRevision.count({ where: { wireId: "AIW-2022-0008" } })).toBe(2);
  });

  test.each([0, 6, -1])("severity %i is refused by the database", async (severity) => {
    const { prisma } = await testDb();
    await expect(insertWire({ id: "AIW-2099-0001", occurredOn: "2024-01-01", severity })).rejects.toThrow(/wire_severity_range/);
    await expect(prisma.wire.update({ where: { id: "AIW-2022-0008" }, data: { severity } })).rejects.toThrow(/wire_severity_range/);
    expect(await prisma.wire.count({ where: { id: "AIW-2099-0001" } })).toBe(0);
    expect((await prisma.wire.findUniqueOrThrow({ where: { id: "AIW-2022-0008" } })).severity).toBe(3);
  });

  test.each([1, 5])("severity %i is accepted", async (severity) => {
    const { prisma } = await testDb();
    const id = `AIW-2099-000${severity}`;
    await insertWire({ id, occurredOn: "2024-01-01", severity });
    expect((await prisma.wire.findUniqueOrThrow({ where: { id } })).severity).toBe(severity);
  });

  test("resetDatabase empties the append-only table too, and keeps the migration history", async () => {
    const before = await history();
    await resetDatabase();
    const { prisma } = await testDb();
    expect(await prisma.rationaleRevision.count()).toBe(0);
    expect(await prisma.wire.count()).toBe(0);
    expect(await history()).toEqual(before);
  });
});
