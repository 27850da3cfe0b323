import { z } from "zod";
import { CodeRef, IsoDate, IsoDateTime, ProviderRef, Severity, SitePath, SourcingStandard, WireId, WireStatus } from "./common";
import { named } from "./registry";

export const SourceKind = named(
  "SourceKind",
  "PRIMARY: the provider's own publication or an official record; REPORT: independent journalism; ANALYSIS: commentary or research.",
  z.enum(["PRIMARY", "REPORT", "ANALYSIS"]),
);

export const Source = named(
  "Source",
  "A source of a wire, in the wire's order; the body cites it as source:<position>.",
  z.strictObject({
    position: z.number().int().positive(),
    title: z.string(),
    publisher: z.string(),
    url: z.string(),
    publishedOn: IsoDate.nullable(),
    kind: SourceKind,
    archivedUrl: z.string().nullable().describe("A copy in a web archive, when one was saved."),
  }),
);

export const RationaleBasis = named(
  "RationaleBasis",
  "Where the current rationale comes from: a classification run, or an editor's amendment.",
  z.enum(["CLASSIFICATION_RUN", "EDITOR_AMENDMENT"]),
);

export const Rationale = named(
  "Rationale",
  "Why the wire is an AI incident: the current version of the text, its basis, the test applied, and the version number.",
  z.strictObject({
    version: z.number().int().positive(),
    text: z.string().describe("Markdown source."),
    html: z.string().describe("The text rendered and sanitized, as the wire's page shows it."),
    basis: RationaleBasis,
    basisLabel: z.string().describe("The classification run's name, or \"Amended by an editor\"."),
    basisDate: IsoDate,
    test: z.string().describe("The test applied, such as the counterfactual but-for test."),
    updatedAt: IsoDateTime,
  }),
);

const RelatedWire = z.strictObject({ id: WireId, headline: z.string(), url: SitePath, apiUrl: SitePath });

export const Wire = named(
  "Wire",
  "One wire in full. A withdrawn wire keeps its headline, summary, dates, providers and codes; its body, sources and rationale are no longer published and come back as null and [].",
  z.strictObject({
    id: WireId,
    slug: z.string(),
    headline: z.string(),
    summary: z.string(),
    body: z.string().nullable().describe("Markdown source; sources are cited as [text](source:N)."),
    bodyHtml: z.string().nullable().describe("The body rendered and sanitized, source links pointing at the sources."),
    occurredOn: IsoDate.describe("When the event happened."),
    publishedAt: IsoDateTime.describe("When the wire was filed."),
    updatedAt: IsoDateTime.describe("The last change to the wire or its rationale."),
    severity: Severity,
    severityLabel: z.string(),
    sourcingStandard: SourcingStandard,
    status: WireStatus.exclude(["MERGED"]),
    statusNote: z.string().nullable().describe("The correction, or the reason for a withdrawal."),
    providers: z.array(ProviderRef).describe("In the editor's order, the principal provider first."),
    codes: z.array(CodeRef).describe("In the editor's order, the principal code first."),
    sourceCount: z.number().int().nonnegative(),
    sources: z.array(Source),
    rationale: Rationale.nullable(),
    aliases: z.array(WireId).describe("Ids of wires merged into this one; their addresses lead here."),
    related: z.array(RelatedWire).describe("Related events as the wire's page lists them: curated links first, then wires sharing codes and providers."),
    links: z.strictObject({ self: SitePath, html: SitePath, history: SitePath, rationale: SitePath, osv: SitePath }),
  }),
);

export const MergedWire = named(
  "MergedWire",
  "The body of a 308 for a merged wire's id: where the wire it was merged into lives.",
  z.strictObject({
    id: WireId,
    status: z.literal("MERGED"),
    mergedInto: z.strictObject({ id: WireId, url: SitePath, apiUrl: SitePath }),
    message: z.string(),
  }),
);

export type WireBody = z.infer<typeof Wire>;
export type MergedWireBody = z.infer<typeof MergedWire>;
