import { z } from "zod";

/** The archive's URL search parameters, parsed in one place; every state is a shareable URL. */
const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  .transform((values) => values.flatMap((value) => value.split(",")).map((value) => value.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(80, "a filter value is at most 80 characters")).max(20, "at most 20 values per filter"));

const single = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (Array.isArray(value) ? value[0] : value));

export const archiveQuerySchema = z.object({
  provider: list,
  code: list,
  cursor: single.pipe(z.string().max(200).optional()),
  dir: single.pipe(z.enum(["older", "newer"]).optional()),
});

export type ArchiveQuery = z.output<typeof archiveQuerySchema>;
export type SearchParams = Record<string, string | string[] | undefined>;

export function parseArchiveQuery(params: SearchParams) {
  return archiveQuerySchema.safeParse(params);
}

/** The URL of an archive state, with filters in a stable order. */
export function archiveHref(query: { provider?: string[]; code?: string[]; cursor?: string; dir?: string }): string {
  const params = new URLSearchParams();
  for (const provider of query.provider ?? []) params.append("provider", provider);
  for (const code of query.code ?? []) params.append("code", code);
  if (query.cursor) params.set("cursor", query.cursor);
  if (query.dir && query.dir !== "older") params.set("dir", query.dir);
  const search = params.toString();
  return search ? `/archive?${search}` : "/archive";
}
