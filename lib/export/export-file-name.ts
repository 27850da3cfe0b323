import type { ExportFormat, ExportQuery } from "./export-query";

const MAX_LENGTH = 100;

/**
 * "ai-incident-wires-openai-m1-sev2-4-2026-11-21.csv": what the search holds, then the day of the
 * export. Letters, digits and hyphens only, so the name is safe in a Content-Disposition header and
 * on any file system; free text is not spelled out (it may be long or carry anything), just "search".
 */
export function exportFileName(query: ExportQuery, format: ExportFormat, now = new Date()): string {
  const parts = [
    ...query.provider,
    ...query.code,
    query.severity ? `sev${query.severity.min === query.severity.max ? query.severity.min : `${query.severity.min}-${query.severity.max}`}` : "",
    ...query.standard,
    ...query.status,
    query.from ? `from-${query.from}` : "",
    query.to ? `to-${query.to}` : "",
    query.q ? "search" : "",
  ]
    .map((part) => part.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, ""))
    .filter(Boolean);
  let middle = parts.join("-");
  if (middle.length > MAX_LENGTH) middle = middle.slice(0, MAX_LENGTH).replace(/-+$/, "");
  return `ai-incident-wires${middle ? `-${middle}` : ""}-${now.toISOString().slice(0, 10)}.${format}`;
}
