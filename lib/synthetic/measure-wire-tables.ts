import type { SqlSession } from "./sql-session";
import { SYNTHETIC_ID_PATTERN, WIRE_TABLES } from "./wire-tables";

export type WireTablesSize = { wires: number; syntheticWires: number; bytes: number; kbPer1000Wires: number };

/** The wire tables' size on disk, indexes and TOAST included, and what that comes to per 1,000 wires. */
export async function measureWireTables(session: SqlSession): Promise<WireTablesSize> {
  const [row] = await session.query<{ wires: number; synthetic: number; bytes: number }>(
    `SELECT (SELECT count(*) FROM wire)::float8 AS wires,
            (SELECT count(*) FROM wire WHERE id ~ $1)::float8 AS synthetic,
            (SELECT sum(pg_total_relation_size(t::regclass)) FROM unnest($2::text[]) AS t)::float8 AS bytes`,
    [SYNTHETIC_ID_PATTERN, [...WIRE_TABLES]],
  );
  const wires = Number(row?.wires ?? 0);
  const bytes = Number(row?.bytes ?? 0);
  return { wires, syntheticWires: Number(row?.synthetic ?? 0), bytes, kbPer1000Wires: wires === 0 ? 0 : bytes / 1024 / wires * 1000 };
}
