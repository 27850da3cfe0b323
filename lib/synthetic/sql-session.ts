import pg from "pg";
import type { Database } from "@/lib/db/open-database";

/** The little the generator needs from a connection, on PostgreSQL (pg) and PGlite (through Prisma) alike. */
export type SqlSession = {
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs one statement on its own (an implicit transaction: all of it or nothing). */
  execute(sql: string, params?: unknown[]): Promise<void>;
};

export type SessionPool = { sessions: SqlSession[]; close(): Promise<void> };

/**
 * With a PostgreSQL URL: `connections` dedicated pg connections, which take the batches in parallel.
 * Without one (PGlite): the database's own Prisma client, one session; slower, but the same SQL.
 */
export async function openSessions(db: Database, url: string | undefined, connections: number): Promise<SessionPool> {
  if (!url) {
    const session: SqlSession = {
      query: (sql, params = []) => db.prisma.$queryRawUnsafe(sql, ...params),
      execute: async (sql, params = []) => {
        await db.prisma.$executeRawUnsafe(sql, ...params);
      },
    };
    return { sessions: [session], close: async () => undefined };
  }
  const clients: pg.Client[] = [];
  try {
    for (let i = 0; i < connections; i += 1) {
      const client = new pg.Client({ connectionString: url, application_name: "wires generate" });
      await client.connect();
      clients.push(client);
      // Each batch commits on its own; not waiting for the WAL flush risks only the last batches on a
      // server crash, never a partial wire.
      await client.query("SET synchronous_commit = off");
    }
  } catch (error) {
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
    throw error;
  }
  return {
    sessions: clients.map((client) => ({
      query: async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
      execute: async (sql: string, params: unknown[] = []) => {
        await client.query(sql, params);
      },
    })),
    close: async () => {
      await Promise.all(clients.map((client) => client.end()));
    },
  };
}
