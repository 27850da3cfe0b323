import type pg from "pg";
import type { PrismaClient } from "@/lib/db/generated/client";

/** The little the postings need from a connection inside a transaction, on PostgreSQL and PGlite alike. */
export type SqlTx = { query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> };
/** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
export type InTransaction = <R>(work: (tx: SqlTx) => Promise<R>) => Promise<R>;

/** Transactions through the app's Prisma client (the embedded database, small archives, imports). */
export function prismaTransactions(prisma: PrismaClient): InTransaction {
  return (work) =>
    prisma.$transaction((tx) => work({ query: (sql, params = []) => tx.$queryRawUnsafe(sql, ...params) }), { maxWait: 30_000, timeout: 600_000 });
}

/**
 * Transactions on a pg connection of their own: for large archives, where Prisma's raw queries take
 * far longer than PostgreSQL to hand over long texts such as search vectors.
 */
export function pgTransactions(client: pg.Client): InTransaction {
  const tx: SqlTx = { query: async (sql, params = []) => (await client.query(sql, params)).rows };
  return async (work) => {
    await client.query("BEGIN");
    try {
      const result = await work(tx);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  };
}
