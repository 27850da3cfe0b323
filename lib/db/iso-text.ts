/**
 * A timestamptz as Date.prototype.toISOString writes it (UTC, milliseconds, "Z"), written by PostgreSQL
 * itself whatever the session's time zone, so that both databases' drivers hand over the same strings.
 */
export function isoText(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
