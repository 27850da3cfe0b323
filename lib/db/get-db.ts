import "server-only";
import { importContent } from "@/lib/content/import-content";
import { env } from "@/lib/env";
import path from "node:path";
import { openDatabase, type Database } from "./open-database";

type Cached = { promise?: Promise<Database> };
// One client per process, kept across hot reloads in development.
const cache = globalThis as typeof globalThis & { __wireArchiveDb?: Cached };

/**
 * The app's database: opened once per process, migrated, and filled with the shipped content when empty.
 * The rest of an instance's start (the change listener, the search index) is lib/start/start-archive.ts.
 */
export function getDb(): Promise<Database> {
  cache.__wireArchiveDb ??= {};
  const slot = cache.__wireArchiveDb;
  slot.promise ??= prepare().catch((error: unknown) => {
    slot.promise = undefined;
    throw error;
  });
  return slot.promise;
}

async function prepare(): Promise<Database> {
  const config = env();
  const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.ARCHIVE_DATA_DIR });
  try {
    const report = await db.migrate();
    if (report.applied.length > 0) console.info(`[db] ${db.label}: applied ${report.applied.join(", ")}`);
    for (const name of report.edited) console.warn(`[db] migration ${name} was edited after it was applied`);
    if (config.ARCHIVE_AUTO_IMPORT && (await db.prisma.wire.count()) === 0) {
      const result = await importContent(db.prisma, path.resolve(config.ARCHIVE_CONTENT_DIR));
      console.info(`[db] ${db.label}: empty archive filled from ${config.ARCHIVE_CONTENT_DIR} (${result.wiresCreated} wires)`);
    }
    return db;
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

/** The Prisma client, for the data layer. */
export async function getPrisma() {
  return (await getDb()).prisma;
}
