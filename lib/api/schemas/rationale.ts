import { z } from "zod";
import { IsoDateTime, SitePath, WireId, WireStatus } from "./common";
import { named } from "./registry";
import { Rationale } from "./wire-detail";

const WireHeader = z.strictObject({
  id: WireId,
  slug: z.string(),
  headline: z.string(),
  status: WireStatus,
  mergedInto: z.strictObject({ id: WireId, url: SitePath, apiUrl: SitePath }).nullable(),
});

export const CurrentRationale = named(
  "CurrentRationale",
  "A wire's current rationale. Null when the wire has none, or when it was withdrawn (`withheld`: its texts are no longer published). A merged wire keeps its last rationale here; it is no longer amended.",
  z.strictObject({
    wire: WireHeader,
    rationale: Rationale.nullable(),
    withheld: z.boolean(),
    links: z.strictObject({ self: SitePath, history: SitePath, wire: SitePath, html: SitePath }),
  }),
);

export const RationaleRevision = named(
  "RationaleRevision",
  "One version of a rationale, with what it replaced. For a withdrawn wire the four texts are null: who changed it, when and why stays public.",
  z.strictObject({
    version: z.number().int().positive(),
    kind: z.enum(["IMPORT", "AMENDMENT", "RESTORE"]),
    author: z.string().describe("The editor's display name when they wrote it, or the classification run's label."),
    editorRole: z.enum(["EDITOR", "ADMIN"]).nullable(),
    createdAt: IsoDateTime,
    reason: z.string(),
    basisLabel: z.string(),
    text: z.string().nullable().describe("Markdown source of this version."),
    previousText: z.string().nullable().describe("The text this version replaced; null for the first version."),
    test: z.string().nullable(),
    previousTest: z.string().nullable(),
    restoredFrom: z.number().int().positive().nullable().describe("For a restore: the version whose text came back."),
  }),
);

export const RationaleHistory = named(
  "RationaleHistory",
  "A wire's rationale versions, newest first, 25 to a page; `links.older` leads to the next page.",
  z.strictObject({
    wire: WireHeader,
    currentVersion: z.number().int().positive().nullable(),
    withheld: z.boolean().describe("True for a withdrawn wire, whose texts are null."),
    entries: z.array(RationaleRevision),
    links: z.strictObject({ self: SitePath, older: SitePath.nullable(), newest: SitePath, wire: SitePath, html: SitePath }),
  }),
);

export type CurrentRationaleBody = z.infer<typeof CurrentRationale>;
export type RationaleHistoryBody = z.infer<typeof RationaleHistory>;
