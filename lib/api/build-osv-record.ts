import { SEVERITY_LABELS } from "@/lib/wires/labels";
import { wirePath } from "@/lib/wires/wire-card";
import { apiWirePath } from "./api-paths";
import type { WireRecord } from "./load-wire-record";
import { resolveSourceLinks } from "./resolve-source-links";
import { OSV_PROVIDER_ECOSYSTEM, OSV_SCHEMA_VERSION, OSV_SEVERITY_TYPE, type OsvRecordBody } from "./schemas/osv-record";
import { lastChange } from "./wire-body";

type Found = Extract<WireRecord, { status: "found" }>;

/** How the archive's source kinds read as OSV reference types. */
export const REFERENCE_TYPES = { PRIMARY: "ADVISORY", REPORT: "ARTICLE", ANALYSIS: "REPORT" } as const;

/**
 * One wire as a self-contained record shaped like an OSV advisory: every link absolute (`base` is
 * the archive's public address), the archive's own facts under database_specific. A withdrawn
 * wire keeps its id, dates, providers and codes; its text, sources and rationale are not published.
 */
export async function buildOsvRecord({ wire, aliases, linked }: Found, base: string): Promise<OsvRecordBody> {
  const page = `${base}${wirePath(wire)}`;
  const withdrawn = wire.status === "WITHDRAWN";
  const modified = lastChange(wire);
  const sources = withdrawn ? [] : wire.sources;
  const details = withdrawn
    ? `This wire was withdrawn.${wire.statusNote ? ` ${wire.statusNote}` : ""} Its id stays reserved and is never reused; the text is no longer published.`
    : `${wire.summary}\n\n${await resolveSourceLinks(wire.body, wire.sources, page)}`;
  const rationale = wire.rationale && !withdrawn ? wire.rationale : null;
  return {
    schema_version: OSV_SCHEMA_VERSION,
    id: wire.id,
    modified,
    published: wire.publishedAt,
    ...(withdrawn ? { withdrawn: modified } : {}),
    aliases,
    related: linked,
    summary: wire.headline,
    details,
    severity: [{ type: OSV_SEVERITY_TYPE, score: `SEV-${wire.severity}` }],
    affected: wire.providers.map((provider) => ({
      package: { ecosystem: OSV_PROVIDER_ECOSYSTEM, name: provider.slug },
      database_specific: { name: provider.name, url: `${base}/providers/${provider.slug}` },
    })),
    references: [...sources.map((source) => ({ type: REFERENCE_TYPES[source.kind], url: source.url })), { type: "WEB" as const, url: page }],
    database_specific: {
      url: page,
      api_url: `${base}${apiWirePath(wire.id)}`,
      occurred_on: wire.occurredOn,
      severity: { level: wire.severity, label: SEVERITY_LABELS[wire.severity] ?? String(wire.severity) },
      sourcing_standard: wire.sourcingStandard,
      status: wire.status,
      status_note: wire.statusNote,
      codes: wire.codes.map((code) => ({ code: code.code, label: code.label, family: code.code.charAt(0) })),
      rationale: rationale && {
        text: await resolveSourceLinks(rationale.text, [], page),
        basis: rationale.basis,
        basis_label: rationale.basisLabel,
        basis_date: rationale.basisDate,
        test: rationale.test,
        version: rationale.version,
        updated_at: rationale.updatedAt,
      },
      sources: sources.map((source) => ({
        position: source.position,
        title: source.title,
        publisher: source.publisher,
        url: source.url,
        published_on: source.publishedOn,
        kind: source.kind,
        archived_url: source.archivedUrl,
      })),
    },
  };
}
