import type { SqlSession } from "./sql-session";

/**
 * Merges the pending lists of the wire table's GIN indexes into the indexes, so that searches after a
 * run do not scan what the run left there. Returns how many index pages were merged.
 */
export async function flushPendingIndexEntries(session: SqlSession): Promise<number> {
  const rows = await session.query<{ pages: number }>(
    `SELECT gin_clean_pending_list(c.oid)::int AS pages
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
     WHERE i.indrelid = 'wire'::regclass AND a.amname = 'gin'`,
  );
  return rows.reduce((sum, row) => sum + Number(row.pages), 0);
}
