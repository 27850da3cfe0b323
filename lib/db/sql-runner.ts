import type { PGlite } from "@electric-sql/pglite";
import type { Client } from "pg";

/** The little the migration runner needs from a connection, for PGlite and PostgreSQL alike. */
export type SqlRunner = {
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements. */
  exec(sql: string): Promise<void>;
};

export function pgliteRunner(lite: PGlite): SqlRunner {
  return {
    async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      const result = await lite.query<T>(sql, params);
      return result.rows;
    },
    async exec(sql) {
      await lite.exec(sql);
    },
  };
}

export function pgRunner(client: Client): SqlRunner {
  return {
    async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      const result = await client.query(sql, params);
      return result.rows as T[];
    },
    async exec(sql) {
      await client.query(sql);
    },
  };
}
