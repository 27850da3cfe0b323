import pg from "pg";
import type { Database } from "@/lib/db/open-database";
import type { ArrayEncoding } from "./batch-statement";

/** The little the generator needs from a connection, on PostgreSQL (pg) and PGlite (through Prisma) alike. */
export type SqlSession = {
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs one statement on its own (an implicit transaction: all of it or nothing). */
  execute(sql: string, params?: unknown[]): Promise<void>;
};

/**
 * A GIN index (the headline words' trigrams) takes new entries into a pending list and merges them
 * into the index when it outgrows gin_pending_list_limit (4 MB by default). Merging 64 MB at a time, in
 * memory, costs less per entry; the generator merges what is left at the end
 * (flushPendingIndexEntries), so searches never scan a long pending list afterwards.
 */
const BULK_SETTINGS = "SET gin_pending_list_limit = '64MB'; SET work_mem = '64MB'; SET maintenance_work_mem = '256MB'";

export type SessionPool = {
  /** The sessions that write batches. */
  sessions: SqlSession[];
  /** For small reads while batches are being written: on PostgreSQL a connection of its own. */
  lookup: SqlSession;
  /** How the sessions take array parameters. */
  arrays: ArrayEncoding;
  /**
   * False when the sessions write with per-row triggers switched off (session_replication_role =
   * replica, which PostgreSQL allows a superuser, or a role granted SET on it): the foreign keys'
   * per-row checks then do not run, and the run checks the rows it wrote once, at the end.
   */
  perRowChecks: boolean;
  close(): Promise<void>;
};

/**
 * With a PostgreSQL URL: `connections` dedicated pg connections, which take the batches in parallel,
 * and one more for lookups. Without one (PGlite): the database's own Prisma client, one session; slower, but the same SQL.
 */
export async function openSessions(db: Database, url: string | undefined, connections: number): Promise<SessionPool> {
  if (!url) {
    const session: SqlSession = {
      query: (sql, params = []) => db.prisma.$queryRawUnsafe(sql, ...params),
      execute: async (sql, params = []) => {
        await db.prisma.$executeRawUnsafe(sql, ...params);
      },
    };
    return { sessions: [session], lookup: session, arrays: "text", perRowChecks: true, close: async () => undefined };
  }
  const clients: pg.Client[] = [];
  let perRowChecks = true;
  try {
    for (let i = 0; i <= connections; i += 1) {
      const client = new pg.Client({ connectionString: url, application_name: "wires generate" });
      await client.connect();
      clients.push(client);
      // Each batch commits on its own; not waiting for the WAL flush risks only the last batches on a
      // server crash, never a partial wire.
      await client.query("SET synchronous_commit = off");
      await client.query(BULK_SETTINGS);
    }
    perRowChecks = !(await switchOffRowTriggers(clients.slice(0, connections)));
  } catch (error) {
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
    throw error;
  }
  const sessions = clients.map(clientSession);
  return {
    sessions: sessions.slice(0, connections),
    lookup: sessions[connections]!,
    arrays: "binary",
    perRowChecks,
    close: async () => {
      await Promise.all(clients.map((client) => client.end()));
    },
  };
}

/** A session on one of the pool's pg connections. */
function clientSession(client: pg.Client): SqlSession {
  return {
    query: async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
    execute: async (sql: string, params: unknown[] = []) => {
      await client.query(sql, params);
    },
  };
}

/**
 * The foreign keys' per-row checks cost a third of a batch's time on the server: about fourteen
 * lookups per wire, of rows the same statement has just written or of providers and codes read at
 * the start of the run. pg_restore switches them off the same way for a bulk load. Only the batch
 * sessions do; the setting lasts as long as the connection. Returns whether they all could.
 */
async function switchOffRowTriggers(clients: readonly pg.Client[]): Promise<boolean> {
  try {
    for (const client of clients) await client.query("SET session_replication_role = replica");
    return true;
  } catch {
    for (const client of clients) await client.query("RESET session_replication_role");
    return false;
  }
}
