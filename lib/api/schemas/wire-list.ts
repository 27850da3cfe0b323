import { z } from "zod";
import { CodeRef, IsoDate, IsoDateTime, ProviderRef, Severity, SitePath, SourcingStandard, WireId, WireStatus } from "./common";
import { named } from "./registry";

const Highlighted = z.array(z.strictObject({ text: z.string(), match: z.boolean() }));

export const WireSummary = named(
  "WireSummary",
  "A wire as lists show it. `highlight` marks the words a text search matched, or is null when the list is newest first.",
  z.strictObject({
    id: WireId,
    slug: z.string(),
    headline: z.string(),
    summary: z.string(),
    occurredOn: IsoDate,
    publishedAt: IsoDateTime,
    severity: Severity,
    sourcingStandard: SourcingStandard,
    status: WireStatus,
    sourceCount: z.number().int().nonnegative(),
    providers: z.array(ProviderRef),
    codes: z.array(CodeRef),
    url: SitePath.describe("The wire's page."),
    apiUrl: SitePath.describe("The wire in this API."),
    highlight: z.strictObject({ headline: Highlighted, summary: Highlighted }).nullable(),
  }),
);

const Facet = named(
  "Facet",
  "One value of a facet with the number of wires it would give, counted with every other active filter.",
  z.strictObject({ value: z.string(), label: z.string(), count: z.number().int().nonnegative(), selected: z.boolean() }),
);

export const WireList = named(
  "WireList",
  "One page of an archive search (up to 25 wires) with facet counts and the links to the pages around it.",
  z.strictObject({
    total: z.number().int().nonnegative().describe("Wires matching the whole search, on every page."),
    ordering: z.enum(["newest", "relevance"]).describe("Newest event first, or by relevance when `q` has searchable words."),
    applied: z.strictObject({ provider: z.array(z.string()), code: z.array(z.string()) }).describe("The filters as the archive understood them: provider slugs and every code a family letter stands for."),
    unknown: z
      .object({
        providers: z.array(z.strictObject({ value: z.string(), suggestion: ProviderRef.optional() })),
        codes: z.array(z.string()),
      })
      .describe("Filter values that match nothing (the list is then empty), with the nearest provider name when there is one."),
    notices: z.array(z.string()),
    suggestion: z.string().nullable().describe("A respelling of `q` that finds more, when it finds few."),
    wires: z.array(WireSummary),
    facets: z.strictObject({
      provider: z.array(Facet),
      code: z.array(Facet),
      severity: z.array(Facet),
      standard: z.array(Facet),
      status: z.array(Facet),
      year: z.array(Facet),
    }),
    links: z.strictObject({
      self: SitePath,
      older: SitePath.nullable().describe("The next page, further down the list; null on the last page."),
      newer: SitePath.nullable().describe("The page before, back up the list; null on the first page."),
      html: SitePath.describe("The same search in the archive's pages."),
    }),
  }),
);

export type WireListBody = z.infer<typeof WireList>;
export type WireSummaryBody = z.infer<typeof WireSummary>;
