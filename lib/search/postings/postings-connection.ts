import pg from "pg";
import type { Database } from "@/lib/db/open-database";
import { pgTransactions, prismaTransactions, type InTransaction } from "./sql-transactions";

/**
 * Where postings are rebuilt from: a pg connection of its own on PostgreSQL (vectors are long texts,
 * which Prisma's raw queries hand over slowly), the database's Prisma client on the embedded one.
 */
export async function openPostingsConnection(db: Database, url: string | undefined): Promise<{ transaction: InTransaction; close(): Promise<void> }> {
  if (db.kind !== "postgres" || !url) return { transaction: prismaTransactions(db.prisma), close: async () => undefined };
  const client = new pg.Client({ connectionString: url, application_name: "search postings" });
  await client.connect();
  return { transaction: pgTransactions(client), close: () => client.end() };
}
