import { z } from "zod";

/** Schemas for the files in content/: wires, guides, providers and the code taxonomy. */

const isoDate = z
  .string({ error: "expected a date as YYYY-MM-DD" })
  // abort: a value that is not even shaped like a date gets one message, and the cross-field checks
  // below (published before occurred) do not compare it as if it were one.
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "expected a date as YYYY-MM-DD", abort: true })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
    error: "expected a real calendar date as YYYY-MM-DD",
  });

const isoDateTime = z
  .string({ error: "expected a time as YYYY-MM-DDTHH:MM:SSZ" })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, { error: "expected a time as YYYY-MM-DDTHH:MM:SSZ", abort: true })
  .refine((value) => !Number.isNaN(Date.parse(value)), { error: "expected a real time as YYYY-MM-DDTHH:MM:SSZ" });

const text = (max: number) => z.string({ error: "expected text" }).trim().min(1, "must not be empty").max(max, `at most ${max} characters`);
export const slugSchema = z.string({ error: "expected a slug" }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "expected a lower-case slug like dall-e-api-public-beta");
export const wireIdSchema = z.string({ error: "expected a wire id" }).regex(/^AIW-\d{4}-\d{4,6}$/, "expected a permanent id like AIW-2022-0008");
export const codeSchema = z.string({ error: "expected a code" }).regex(/^[A-Z]\d{1,3}$/, "expected a code like M1 or F10");
const httpUrl = z.url({ protocol: /^https?$/, error: "expected an http(s) URL" });

export const sourceSchema = z.strictObject({
  title: text(300),
  publisher: text(120),
  url: httpUrl,
  published_on: isoDate.optional(),
  kind: z.enum(["primary", "report", "analysis"], { error: "expected primary, report or analysis" }),
  archived_url: httpUrl.optional(),
});

export const rationaleSchema = z.strictObject({
  text: text(4000),
  basis: z.enum(["classification-run", "editor-amendment"], { error: "expected classification-run or editor-amendment" }),
  basis_label: text(200),
  basis_date: isoDate,
  test: text(300),
});

/** Addresses under /wires/<id>/ that pages own; a wire's slug may not take them. */
export const RESERVED_WIRE_SLUGS = ["amend", "history"] as const;

const wireSlugSchema = slugSchema.refine((slug) => !(RESERVED_WIRE_SLUGS as readonly string[]).includes(slug), {
  error: `expected a slug other than ${RESERVED_WIRE_SLUGS.join(" or ")} (those addresses belong to the wire's pages)`,
});

export const wireFileSchema = z
  .strictObject({
    id: wireIdSchema,
    slug: wireSlugSchema,
    headline: text(200),
    summary: text(300),
    occurred_on: isoDate,
    published_at: isoDateTime,
    updated_at: isoDateTime.optional(),
    severity: z.int({ error: "expected a whole number from 1 (gravest) to 5" }).min(1, "expected 1 to 5").max(5, "expected 1 to 5"),
    sourcing: z.enum(["provisional", "standard", "confirmed"], { error: "expected provisional, standard or confirmed" }),
    status: z.enum(["published", "corrected", "withdrawn", "merged"], { error: "expected published, corrected, withdrawn or merged" }).default("published"),
    status_note: text(1000).optional(),
    merged_into: wireIdSchema.optional(),
    providers: z.array(slugSchema).min(1, "a wire names at least one provider"),
    codes: z.array(codeSchema).min(1, "a wire has at least one code"),
    sources: z.array(sourceSchema).min(1, "a wire cites at least one source"),
    rationale: rationaleSchema,
    related: z.array(wireIdSchema).default([]),
    guides: z.array(slugSchema).default([]),
  })
  .superRefine((wire, ctx) => {
    const primaries = wire.sources.filter((source) => source.kind === "primary").length;
    if (wire.sourcing !== "provisional" && (wire.sources.length < 2 || primaries < 1)) {
      ctx.addIssue({ code: "custom", path: ["sources"], message: `a ${wire.sourcing} wire needs at least 2 sources, one of them primary` });
    }
    if (wire.status === "withdrawn" && !wire.status_note) {
      ctx.addIssue({ code: "custom", path: ["status_note"], message: "a withdrawn wire needs the reason in status_note" });
    }
    if (wire.status === "corrected" && !wire.status_note) {
      ctx.addIssue({ code: "custom", path: ["status_note"], message: "a corrected wire needs the correction in status_note" });
    }
    if ((wire.status === "merged") !== Boolean(wire.merged_into)) {
      ctx.addIssue({ code: "custom", path: ["merged_into"], message: "merged_into is required for, and only for, a merged wire" });
    }
    if (wire.published_at.slice(0, 10) < wire.occurred_on) {
      ctx.addIssue({ code: "custom", path: ["published_at"], message: "a wire cannot be published before the event occurred" });
    }
    for (const [field, list] of [["providers", wire.providers], ["codes", wire.codes], ["related", wire.related], ["guides", wire.guides]] as const) {
      const seen = new Set<string>();
      list.forEach((value, index) => {
        if (seen.has(value)) ctx.addIssue({ code: "custom", path: [field, index], message: `${value} is listed twice` });
        seen.add(value);
      });
    }
  });

export const guideFileSchema = z.strictObject({
  title: text(200),
  summary: text(300),
  position: z.int({ error: "expected a whole number" }).min(0),
  codes: z.array(codeSchema).default([]),
  providers: z.array(slugSchema).default([]),
});

export const providersFileSchema = z.array(
  z.strictObject({
    slug: slugSchema,
    name: text(120),
    description: text(1000),
    url: httpUrl.optional(),
    aliases: z.array(text(120)).default([]),
  }),
);

export const taxonomyFileSchema = z.strictObject({
  families: z.array(
    z.strictObject({
      letter: z.string().regex(/^[A-Z]$/, "expected one capital letter"),
      name: text(120),
      description: text(1000),
      codes: z.array(
        z.strictObject({
          number: z.int({ error: "expected a whole number" }).min(1).max(999),
          label: text(160),
          definition: text(1000),
        }),
      ),
    }),
  ),
});

export type WireFile = z.infer<typeof wireFileSchema>;
export type GuideFile = z.infer<typeof guideFileSchema>;
export type ProvidersFile = z.infer<typeof providersFileSchema>;
export type TaxonomyFile = z.infer<typeof taxonomyFileSchema>;
