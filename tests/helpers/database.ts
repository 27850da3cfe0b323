import { importContent, type ImportReport } from "@/lib/content/import-content";
import { getDb } from "@/lib/db/get-db";
import { refreshSearchBlocks } from "@/lib/search/postings/rebuild-search-blocks";
import { prismaTransactions } from "@/lib/search/postings/sql-transactions";
import type { Database } from "@/lib/db/open-database";
import { SHIPPED_CONTENT } from "./content-copy";

let opened = false;

/**
 * The app's own database (the same singleton the data layer uses), migrated:
 * in-memory PGlite, or the PostgreSQL server named by TEST_DATABASE_URL.
 */
export async function testDb(): Promise<Database> {
  opened = true;
  return getDb();
}

/** Closes the database if this file opened it; call it in afterAll. */
export async function closeTestDb(): Promise<void> {
  if (!opened) return;
  opened = false;
  await (await getDb()).close();
}

/**
 * Closes the app's database and puts in its place a PostgreSQL client aimed at a port where nothing
 * listens, so that the next query fails as it would when the server goes away.
 */
export async function loseTestDb(): Promise<void> {
  await closeTestDb();
  const { openDatabase } = await import("@/lib/db/open-database");
  const cache = globalThis as typeof globalThis & { __wireArchiveDb?: { promise?: Promise<Database> } };
  const gone = await openDatabase({ url: "postgresql://postgres@127.0.0.1:9/gone?connect_timeout=2" });
  cache.__wireArchiveDb = { promise: Promise.resolve(gone) };
}

/**
 * Empties every table but the migration history in one statement.
 * TRUNCATE does not fire row triggers, so the append-only rationale_revision table empties too.
 */
export async function resetDatabase(): Promise<void> {
  const { prisma } = await testDb();
  const rows = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename`;
  if (rows.length === 0) return;
  const tables = rows.map((row) => `"${row.tablename.replace(/"/g, '""')}"`).join(", ");
  await prisma.$executeRawUnsafe(`TRUNCATE ${tables} RESTART IDENTITY CASCADE`);
}

/** Imports the real content/ folder, as `npm run content:import` does. */
export async function importShipped(): Promise<ImportReport> {
  const { prisma } = await testDb();
  return importContent(prisma, SHIPPED_CONTENT);
}

/** Row counts of every table but the migration history: a snapshot to compare before and after. */
export async function rowCounts(): Promise<Record<string, number>> {
  const { prisma } = await testDb();
  const rows = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename`;
  const counts: Record<string, number> = {};
  for (const { tablename } of rows) {
    const [row] = await prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${tablename.replace(/"/g, '""')}"`);
    counts[tablename] = row?.n ?? 0;
  }
  return counts;
}

/** Brings the search's text postings up to date, as `npm run wires -- reindex` does; the number of blocks rebuilt. */
export async function rebuildPostings(): Promise<number> {
  const { prisma } = await testDb();
  return (await refreshSearchBlocks(prismaTransactions(prisma))).blocks.length;
}
