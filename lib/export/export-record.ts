import { z } from "zod";
import { SEVERITY_LABELS } from "@/lib/wires/labels";
import type { ExportWire } from "./load-export-wires";

const isoDate = z.iso.date();
const isoTime = z.iso.datetime();

/**
 * One line of an NDJSON export: a wire with its providers, codes, sources and rationale, in the
 * archive's own vocabulary (snake_case keys, lower-case values, as in content/ and the JSON Feed's
 * `_wire`). A withdrawn wire keeps its id, headline, facts and the reason for the withdrawal; its
 * summary, text, sources and rationale are null or empty, as they are no longer published.
 */
export const exportRecordSchema = z.strictObject({
  id: z.string().regex(/^AIW-\d{4}-\d{4,}$/),
  /** The wire's permanent address, /wires/<id>: it never changes, whatever happens to the slug. */
  permalink: z.url(),
  /** The wire's page under its current slug. */
  url: z.url(),
  slug: z.string(),
  headline: z.string(),
  summary: z.string().nullable(),
  /** Markdown; sources are cited as [text](source:N). */
  body: z.string().nullable(),
  occurred_on: isoDate,
  published_at: isoTime,
  updated_at: isoTime,
  severity: z.int().min(1).max(5),
  severity_label: z.string(),
  sourcing_standard: z.enum(["provisional", "standard", "confirmed"]),
  status: z.enum(["published", "corrected", "withdrawn"]),
  status_note: z.string().nullable(),
  providers: z.array(z.strictObject({ slug: z.string(), name: z.string() })),
  codes: z.array(z.strictObject({ code: z.string().regex(/^[A-Z]\d{1,3}$/), label: z.string() })),
  sources: z.array(
    z.strictObject({
      position: z.int().min(1),
      title: z.string(),
      publisher: z.string(),
      url: z.string(),
      published_on: isoDate.nullable(),
      kind: z.enum(["primary", "report", "analysis"]),
      archived_url: z.string().nullable(),
    }),
  ),
  rationale: z
    .strictObject({
      text: z.string(),
      basis: z.enum(["classification-run", "editor-amendment"]),
      basis_label: z.string(),
      basis_date: isoDate,
      test: z.string(),
      version: z.int().min(1),
      updated_at: isoTime,
    })
    .nullable(),
});

export type ExportRecord = z.infer<typeof exportRecordSchema>;

const lower = <T extends string>(value: T) => value.toLowerCase().replaceAll("_", "-");

/** The record of one wire; `base` is the archive's public address, for the links. */
export function toExportRecord(wire: ExportWire, base: string): ExportRecord {
  const withdrawn = wire.status === "WITHDRAWN";
  return {
    id: wire.id,
    permalink: `${base}/wires/${wire.id}`,
    url: `${base}/wires/${wire.id}/${wire.slug}`,
    slug: wire.slug,
    headline: wire.headline,
    summary: withdrawn ? null : wire.summary,
    body: withdrawn ? null : wire.body,
    occurred_on: wire.occurredOn,
    published_at: wire.publishedAt.toISOString(),
    updated_at: wire.updatedAt.toISOString(),
    severity: wire.severity,
    severity_label: SEVERITY_LABELS[wire.severity] ?? "",
    sourcing_standard: lower(wire.sourcingStandard) as ExportRecord["sourcing_standard"],
    status: lower(wire.status) as ExportRecord["status"],
    status_note: wire.statusNote,
    providers: wire.providers,
    codes: wire.codes,
    sources: withdrawn
      ? []
      : wire.sources.map((source) => ({
          position: source.position,
          title: source.title,
          publisher: source.publisher,
          url: source.url,
          published_on: source.published_on,
          kind: lower(source.kind) as ExportRecord["sources"][number]["kind"],
          archived_url: source.archived_url,
        })),
    rationale:
      withdrawn || !wire.rationale
        ? null
        : {
            text: wire.rationale.text,
            basis: lower(wire.rationale.basis) as NonNullable<ExportRecord["rationale"]>["basis"],
            basis_label: wire.rationale.basisLabel,
            basis_date: wire.rationale.basisDate,
            test: wire.rationale.test,
            version: wire.rationale.version,
            updated_at: wire.rationale.updatedAt.toISOString(),
          },
  };
}
