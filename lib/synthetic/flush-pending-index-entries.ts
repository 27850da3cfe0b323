import type { SqlSession } from "./sql-session";
import { WIRE_TABLES } from "./wire-tables";

/**
 * Merges the pending lists of the wire tables' GIN indexes (the headline words' trigrams) into the
 * indexes, so that searches after a run do not scan what the run left there. Returns how many index
 * pages were merged.
 */
export async function flushPendingIndexEntries(session: SqlSession): Promise<number> {
  const rows = await session.query<{ pages: number }>(
    `SELECT gin_clean_pending_list(c.oid)::int AS pages
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
     WHERE i.indrelid = ANY($1::text[]::regclass[]) AND a.amname = 'gin'`,
    [[...WIRE_TABLES]],
  );
  return rows.reduce((sum, row) => sum + Number(row.pages), 0);
}
