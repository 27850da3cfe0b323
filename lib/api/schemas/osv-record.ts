import { z } from "zod";
import { IsoDate, IsoDateTime, SourcingStandard, WireId, WireStatus } from "./common";
import { named } from "./registry";
import { RationaleBasis, SourceKind } from "./wire-detail";

/** The OSV schema version whose field names and shapes the record follows. */
export const OSV_SCHEMA_VERSION = "1.6.0";
/** The namespace of `affected[].package.name`: the archive's provider slugs. */
export const OSV_PROVIDER_ECOSYSTEM = "AIW";
/** The archive's own severity scale, in `severity[].type`. */
export const OSV_SEVERITY_TYPE = "AIW-SEV";

export const OsvReferenceType = z.enum(["ADVISORY", "ARTICLE", "REPORT", "WEB"]);

export const OsvRecord = named(
  "OsvRecord",
  "One wire as a self-contained record in the shape of an OSV advisory (https://ossf.github.io/osv-schema/). Links are absolute. The archive's own facts sit under database_specific.",
  z.strictObject({
    schema_version: z.literal(OSV_SCHEMA_VERSION),
    id: WireId,
    modified: IsoDateTime.describe("The last change to the wire or its rationale."),
    published: IsoDateTime.describe("When the wire was filed."),
    withdrawn: IsoDateTime.optional().describe("Only for a withdrawn wire: when it was last changed, which is its withdrawal."),
    aliases: z.array(WireId).describe("Ids of wires merged into this one."),
    related: z.array(WireId).describe("Wires an editor linked as related."),
    summary: z.string().describe("The headline."),
    details: z.string().describe("Markdown: the summary and the body, source citations resolved to the sources' addresses. For a withdrawn wire, the reason it was withdrawn."),
    severity: z.array(z.strictObject({ type: z.literal(OSV_SEVERITY_TYPE), score: z.string().regex(/^SEV-[1-5]$/) })),
    affected: z.array(
      z.strictObject({
        package: z.strictObject({ ecosystem: z.literal(OSV_PROVIDER_ECOSYSTEM), name: z.string().describe("The provider's slug.") }),
        database_specific: z.strictObject({ name: z.string(), url: z.string() }),
      }),
    ),
    references: z.array(z.strictObject({ type: OsvReferenceType, url: z.string() })).describe("The sources in order (PRIMARY as ADVISORY, REPORT as ARTICLE, ANALYSIS as REPORT), then the wire's page as WEB."),
    database_specific: z.strictObject({
      url: z.string().describe("The wire's page."),
      api_url: z.string(),
      occurred_on: IsoDate,
      severity: z.strictObject({ level: z.number().int().min(1).max(5), label: z.string() }),
      sourcing_standard: SourcingStandard,
      status: WireStatus.exclude(["MERGED"]),
      status_note: z.string().nullable(),
      codes: z.array(z.strictObject({ code: z.string(), label: z.string(), family: z.string().length(1) })),
      rationale: z
        .object({
          text: z.string(),
          basis: RationaleBasis,
          basis_label: z.string(),
          basis_date: IsoDate,
          test: z.string(),
          version: z.number().int().positive(),
          updated_at: IsoDateTime,
        })
        .nullable(),
      sources: z.array(
        z.strictObject({
          position: z.number().int().positive(),
          title: z.string(),
          publisher: z.string(),
          url: z.string(),
          published_on: IsoDate.nullable(),
          kind: SourceKind,
          archived_url: z.string().nullable(),
        }),
      ),
    }),
  }),
);

export type OsvRecordBody = z.infer<typeof OsvRecord>;
