/**
 * A PostgreSQL array literal ({"a","b",NULL}) of the values, to bind as one text parameter.
 * Bound arrays are slow through Prisma's raw queries (and PGlite's adapter does not know enum
 * arrays); one string per column is cheap everywhere.
 */
export function arrayLiteral(values: readonly unknown[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    if (value === null || value === undefined) {
      parts[i] = "NULL";
      continue;
    }
    const text = String(value);
    parts[i] = /["\\]/.test(text) ? `"${text.replace(/[\\"]/g, "\\$&")}"` : `"${text}"`;
  }
  return `{${parts.join(",")}}`;
}
