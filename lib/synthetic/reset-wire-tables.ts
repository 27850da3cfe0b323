import type { SqlSession } from "./sql-session";
import { WIRE_TABLES } from "./wire-tables";

/**
 * Empties every wire table in one statement. TRUNCATE fires no row triggers, so the append-only
 * rationale_revision empties too. Sequences keep counting: `ord` values are never reused.
 */
export async function resetWireTables(session: SqlSession): Promise<string> {
  const sql = `TRUNCATE ${WIRE_TABLES.map((table) => `"${table}"`).join(", ")} CASCADE`;
  await session.execute(sql);
  return sql;
}
