import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client";
import { applyMigrations, type MigrationReport } from "./migrate";
import { listenPostgres, type ListenEvents, type StopListening } from "./listen";
import { pgliteRunner, pgRunner, type SqlRunner } from "./sql-runner";

export type Database = {
  prisma: PrismaClient;
  kind: "postgres" | "pglite";
  /** Where the data lives, without credentials: shown in logs and command output. */
  label: string;
  migrate(): Promise<MigrationReport>;
  /**
   * A read straight on the driver, for the search's hottest statements: Prisma's handing over of a
   * result costs several times the query itself for binary columns (a phrase's postings: 4 ms
   * through Prisma, 1 ms here, at a million wires). On PostgreSQL over a small pool of its own, each
   * statement prepared once per connection; bytea arrives as a Buffer, int8 as a string.
   */
  read<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** LISTENs on a notification channel (on PostgreSQL over a connection of its own, reopened after a failure). */
  listen(channel: string, events: ListenEvents): Promise<StopListening>;
  close(): Promise<void>;
};

export type OpenOptions = {
  /** A postgres:// URL; without one, the embedded database in `dataDir` is used. */
  url?: string;
  /** A folder, or "memory://" for a throwaway embedded database. */
  dataDir?: string;
};

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url);
  return openEmbedded(options.dataDir ?? ".data/pglite");
}

/**
 * Nothing waits forever on the database: a connection that cannot be made in 5 s fails (so a request
 * gets an answer, the archive's 503 page while the server is down), a statement is stopped after 60 s,
 * and TCP keepalive notices a server that went away without a word.
 */
const POOL_LIMITS = { connectionTimeoutMillis: 5_000, statement_timeout: 60_000, keepAlive: true } as const;

function openPostgres(url: string): Database {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, ...POOL_LIMITS }, { statementNameGenerator: preparedStatementName }) });
  let readers: pg.Pool | undefined;
  return {
    prisma,
    kind: "postgres",
    label: redact(url),
    async read<T extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      readers ??= new pg.Pool({ connectionString: url, max: READ_CONNECTIONS, application_name: "archive search", ...POOL_LIMITS });
      // An idle connection that fails (the server restarted) is dropped by the pool; without a listener, the error would end the process.
      if (readers.listenerCount("error") === 0) readers.on("error", () => undefined);
      const name = preparedStatementName({ sql, args: params });
      return (await readers.query<T>({ text: sql, values: params, ...(name ? { name } : {}) })).rows;
    },
    async migrate() {
      // Migrations take a session-level advisory lock, so they need one dedicated connection.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return await applyMigrations(pgRunner(client));
      } finally {
        await client.end();
      }
    },
    listen: (channel, events) => listenPostgres(url, channel, events),
    async close() {
      await Promise.all([prisma.$disconnect(), readers?.end()]);
    },
  };
}

async function openEmbedded(dataDir: string): Promise<Database> {
  const inMemory = dataDir.startsWith("memory://");
  const release = inMemory ? async () => undefined : await lockDataDir(dataDir);
  let lite: PGlite;
  try {
    if (!inMemory) await mkdir(dataDir, { recursive: true });
    lite = await PGlite.create({ dataDir, extensions: { pg_trgm } });
  } catch (error) {
    await release();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite) });
  const runner: SqlRunner = pgliteRunner(lite);
  return {
    prisma,
    kind: "pglite",
    label: inMemory ? "embedded (in memory)" : `embedded (${dataDir})`,
    migrate: () => applyMigrations(runner),
    read: runner.query,
    async listen(channel, events) {
      // One process holds the embedded database: every write is this process's, and none is lost.
      const unlisten = await lite.listen(channel, (payload) => events.notify(payload));
      events.ready();
      return async () => unlisten();
    },
    async close() {
      await prisma.$disconnect();
      await lite.close();
      await release();
    },
  };
}

/**
 * PGlite has no lock of its own: two processes on one data folder corrupt it.
 * A pid file next to the folder refuses a second process while the first is alive.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockFile = path.join(path.dirname(path.resolve(dataDir)), `${path.basename(dataDir)}.pid`);
  await mkdir(path.dirname(lockFile), { recursive: true });
  const holder = Number.parseInt(await readFile(lockFile, "utf8").catch(() => ""), 10);
  if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
    throw new Error(
      `The embedded database in ${dataDir} is in use by process ${holder} (is the app running?). Stop it first, or set DATABASE_URL to use a PostgreSQL server.`,
    );
  }
  await writeFile(lockFile, String(process.pid));
  return async () => {
    const current = await readFile(lockFile, "utf8").catch(() => "");
    if (current === String(process.pid)) await rm(lockFile, { force: true });
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The direct reader's pool: the search reads on at most this many connections beside Prisma's. */
const READ_CONNECTIONS = 4;

/** Statements with more parameters than this (long IN lists) are not kept: their texts vary with the list. */
const MAX_PREPARED_PARAMS = 32;

/**
 * Names each statement after its text, so that every connection parses and plans it once and reuses
 * the plan: the search's statements take longer to plan than to run. One name per text, so a
 * connection keeps at most as many as the archive has distinct statements.
 */
function preparedStatementName(query: { sql: string; args: unknown[] }): string {
  if (query.args.length > MAX_PREPARED_PARAMS) return "";
  return `a${createHash("sha1").update(query.sql).digest("base64url")}`;
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = "";
    parsed.username = parsed.username ? `${parsed.username}` : "";
    return `postgres (${parsed.host}${parsed.pathname})`;
  } catch {
    return "postgres";
  }
}
