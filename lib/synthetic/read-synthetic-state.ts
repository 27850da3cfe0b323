import type { SqlSession } from "./sql-session";
import { FIRST_SYNTHETIC_NUMBER, SYNTHETIC_ID_PATTERN } from "./wire-tables";

export type SyntheticState = {
  /** Synthetic wires already in the archive: the next run's first generation index. */
  count: number;
  /** The next free number of each year that has synthetic wires. */
  nextNumbers: Map<number, number>;
};

export async function readSyntheticState(session: SqlSession): Promise<SyntheticState> {
  const rows = await session.query<{ year: number; wires: number; last: number }>(
    `SELECT substr(id, 5, 4)::int AS year, count(*)::int AS wires, max(substr(id, 10)::int) AS last
     FROM wire WHERE id ~ $1 GROUP BY 1`,
    [SYNTHETIC_ID_PATTERN],
  );
  const nextNumbers = new Map<number, number>();
  let count = 0;
  for (const row of rows) {
    count += Number(row.wires);
    nextNumbers.set(Number(row.year), Math.max(FIRST_SYNTHETIC_NUMBER, Number(row.last) + 1));
  }
  return { count, nextNumbers };
}
