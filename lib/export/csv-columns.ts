import type { ExportRecord } from "./export-record";

/** Lists in one cell (providers, codes, source addresses) are joined with "; ". */
export const LIST_SEPARATOR = "; ";

const join = (values: string[]) => values.join(LIST_SEPARATOR);

/**
 * The CSV's columns, in order: a flat view of the NDJSON record, one row per wire. Dates are ISO
 * 8601 (days as YYYY-MM-DD, times in UTC with milliseconds). Source addresses cannot hold a space,
 * so "; " separates them unambiguously.
 */
export const CSV_COLUMNS: readonly { name: string; value: (record: ExportRecord) => string | number | null }[] = [
  { name: "id", value: (r) => r.id },
  { name: "permalink", value: (r) => r.permalink },
  { name: "headline", value: (r) => r.headline },
  { name: "summary", value: (r) => r.summary },
  { name: "occurred_on", value: (r) => r.occurred_on },
  { name: "published_at", value: (r) => r.published_at },
  { name: "updated_at", value: (r) => r.updated_at },
  { name: "severity", value: (r) => r.severity },
  { name: "severity_label", value: (r) => r.severity_label },
  { name: "sourcing_standard", value: (r) => r.sourcing_standard },
  { name: "status", value: (r) => r.status },
  { name: "status_note", value: (r) => r.status_note },
  { name: "providers", value: (r) => join(r.providers.map((p) => p.name)) },
  { name: "provider_slugs", value: (r) => join(r.providers.map((p) => p.slug)) },
  { name: "codes", value: (r) => join(r.codes.map((c) => c.code)) },
  { name: "source_count", value: (r) => r.sources.length },
  { name: "source_urls", value: (r) => join(r.sources.map((s) => s.url)) },
  { name: "rationale", value: (r) => r.rationale?.text ?? null },
  { name: "rationale_test", value: (r) => r.rationale?.test ?? null },
  { name: "rationale_version", value: (r) => r.rationale?.version ?? null },
  { name: "body", value: (r) => r.body },
];

export const CSV_HEADER = CSV_COLUMNS.map((column) => column.name);

export function csvValues(record: ExportRecord): (string | number | null)[] {
  return CSV_COLUMNS.map((column) => column.value(record));
}
