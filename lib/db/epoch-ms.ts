/** A timestamptz as milliseconds since 1970, written by PostgreSQL as a float8: a number on both databases' drivers. */
export function epochMs(column: string): string {
  return `(extract(epoch FROM ${column}) * 1000)::float8`;
}
