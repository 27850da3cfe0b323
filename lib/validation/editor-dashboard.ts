import { z } from "zod";

/** Sort orders of the "needs review" queue. */
export const REVIEW_SORTS = ["newest", "oldest", "severity"] as const;

const one = (name: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .superRefine((value, ctx) => {
      if (Array.isArray(value)) ctx.addIssue({ code: "custom", message: `give ${name} once` });
    })
    .transform((value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined));

/**
 * The editor dashboard's URL parameters: the review queue's filters and sort, and one cursor per list.
 * Anything malformed is named on the page; the lists then show unfiltered.
 */
export const editorDashboardQuerySchema = z.object({
  provider: one("provider").pipe(z.string().max(80, "provider is at most 80 characters").regex(/^[a-z0-9-]+$/, "provider must be a provider's slug").optional()),
  code: one("code").pipe(z.string().max(10, "code is at most 10 characters").transform((value) => value.toUpperCase()).pipe(z.string().regex(/^[A-Z]\d{1,3}$/, "code must look like M1")).optional()),
  severity: one("severity").pipe(z.string().regex(/^[1-5]$/, "severity must be 1 to 5").transform(Number).optional()),
  sort: one("sort").pipe(z.enum(REVIEW_SORTS, { error: `sort must be one of ${REVIEW_SORTS.join(", ")}` }).optional()),
  review: one("review").pipe(z.string().max(200).optional()),
  recent: one("recent").pipe(z.string().max(200).optional()),
  mine: one("mine").pipe(z.string().max(200).optional()),
});

export type EditorDashboardQuery = z.infer<typeof editorDashboardQuerySchema>;

/** Parses the dashboard's parameters; on any problem, the problems and no filters. */
export function parseEditorDashboardQuery(params: Record<string, string | string[] | undefined>): { query: EditorDashboardQuery; problems: string[] } {
  const parsed = editorDashboardQuerySchema.safeParse(params);
  if (parsed.success) return { query: parsed.data, problems: [] };
  return { query: {}, problems: parsed.error.issues.map((issue) => `${String(issue.path[0] ?? "query")}: ${issue.message}`) };
}
