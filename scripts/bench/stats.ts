/** Small helpers for the benchmarks: percentiles, formatting, text and Markdown tables. */

/** Nearest-rank percentile of `values` (q from 0 to 1); NaN when there are none. */
export function percentile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

export type Summary = { n: number; p50: number; p95: number; max: number };

export function summarize(values: number[]): Summary {
  return { n: values.length, p50: percentile(values, 0.5), p95: percentile(values, 0.95), max: percentile(values, 1) };
}

/** Milliseconds, with fewer decimals as they grow. */
export function ms(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return "–";
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return value.toFixed(0);
}

export function ratio(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return "–";
  return value < 10 ? `${value.toFixed(1)}×` : `${value.toFixed(0)}×`;
}

export function int(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

export function mib(bytes: number | undefined): string {
  return bytes === undefined || !Number.isFinite(bytes) ? "n/a" : `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

export type Table = { headers: string[]; rows: string[][]; /** Columns aligned left (the rest align right). */ left?: number[] };

export function textTable(table: Table): string {
  const left = new Set(table.left ?? [0]);
  const widths = table.headers.map((header, i) => Math.max(header.length, ...table.rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (left.has(i) ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(" | ").trimEnd();
  return [line(table.headers), widths.map((w) => "-".repeat(w)).join("-+-"), ...table.rows.map(line)].join("\n");
}

export function markdownTable(table: Table): string {
  const left = new Set(table.left ?? [0]);
  const escape = (cell: string) => cell.replaceAll("|", "\\|");
  return [
    `| ${table.headers.map(escape).join(" | ")} |`,
    `|${table.headers.map((_, i) => (left.has(i) ? " --- " : " ---: ")).join("|")}|`,
    ...table.rows.map((row) => `| ${row.map(escape).join(" | ")} |`),
  ].join("\n");
}

/** Calls `report` at most every `everyMs` (and always for the last step): progress lines for long loops. */
export function throttled(everyMs: number): (force: boolean, report: () => void) => void {
  let last = 0;
  return (force, report) => {
    const now = performance.now();
    if (force || now - last >= everyMs) {
      last = now;
      report();
    }
  };
}
