import { z } from "zod";

/**
 * The archive's URL search parameters, parsed in one place for the page, the JSON API and the
 * benchmarks: every state is a shareable URL, and anything malformed gets a message naming it.
 */
export const SEARCH_PARAMS = ["q", "provider", "code", "severity", "standard", "status", "from", "to", "cursor", "dir"] as const;
export const STANDARDS = ["provisional", "standard", "confirmed"] as const;
export const STATUSES = ["published", "corrected", "withdrawn"] as const;

// Control characters (a NUL byte above all) cannot reach PostgreSQL text: refuse them by name.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const noControl = (value: string | undefined) => value === undefined || !CONTROL.test(value);
const CONTROL_MESSAGE = "contains a control character";

const scalar = (name: string) =>
  z.union([z.string(), z.array(z.string())]).optional().superRefine((value, ctx) => {
    if (Array.isArray(value)) ctx.addIssue({ code: "custom", message: `give ${name} once, not ${value.length} times` });
  }).transform((value) => (typeof value === "string" ? value.trim() : undefined)).transform((value) => (value === "" ? undefined : value));

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  .transform((values) => values.flatMap((value) => value.split(",")).map((value) => value.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(80, "a filter value is at most 80 characters").refine(noControl, CONTROL_MESSAGE)).max(20, "at most 20 values per filter"))
  .transform((values) => [...new Set(values)]);

const enumList = <T extends readonly [string, ...string[]]>(values: T) =>
  list.pipe(z.array(z.string().transform((value) => value.toLowerCase()).pipe(z.enum(values, { error: `expected ${values.join(", ")}` }))));

/** YYYY, YYYY-MM or YYYY-MM-DD; `end` picks the last day of a year or month. */
function dateParam(end: boolean) {
  return (value: string | undefined, ctx: z.RefinementCtx) => {
    if (value === undefined) return undefined;
    const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
    if (!match) {
      ctx.addIssue({ code: "custom", message: "expected a date as YYYY-MM-DD, YYYY-MM or YYYY" });
      return z.NEVER;
    }
    const [, y, m, d] = match;
    const year = Number(y);
    const month = m ? Number(m) : end ? 12 : 1;
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const day = d ? Number(d) : end ? lastDay : 1;
    if (month < 1 || month > 12 || day < 1 || day > lastDay) {
      ctx.addIssue({ code: "custom", message: `${value} is not a calendar date` });
      return z.NEVER;
    }
    return `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  };
}

export const archiveQuerySchema = z
  .object({
    q: scalar("q").pipe(z.string().max(200, "the search text is at most 200 characters").refine(noControl, CONTROL_MESSAGE).optional()),
    provider: list,
    code: list.pipe(z.array(z.string().regex(/^[A-Za-z]\d{0,3}$/, "expected a code like M1, or a family letter like M"))),
    severity: scalar("severity").transform((value, ctx) => {
      if (value === undefined) return undefined;
      const match = /^([1-5])(?:-([1-5]))?$/.exec(value);
      if (!match) {
        ctx.addIssue({ code: "custom", message: "expected a severity from 1 to 5, or a range like 2-4" });
        return z.NEVER;
      }
      const min = Number(match[1]);
      const max = Number(match[2] ?? match[1]);
      if (min > max) {
        ctx.addIssue({ code: "custom", message: "a severity range runs from the lower number to the higher, like 2-4" });
        return z.NEVER;
      }
      return { min, max };
    }),
    standard: enumList(STANDARDS),
    status: enumList(STATUSES),
    from: scalar("from").transform(dateParam(false)),
    to: scalar("to").transform(dateParam(true)),
    cursor: scalar("cursor").pipe(z.string().max(200, "not a cursor this archive made").optional()),
    dir: scalar("dir").pipe(z.enum(["older", "newer"], { error: "expected older or newer" }).optional()),
  })
  .catchall(z.unknown())
  // `when`: unknown parameters are named even when a known one failed (refinements are skipped after an issue by default).
  .superRefine((query, ctx) => {
    for (const key of Object.keys(query)) {
      if (!(SEARCH_PARAMS as readonly string[]).includes(key)) {
        ctx.addIssue({ code: "custom", path: [key], message: `unknown parameter (the archive understands ${SEARCH_PARAMS.join(", ")})` });
      }
    }
  }, { when: () => true })
  .superRefine((query, ctx) => {
    if (query.from && query.to && query.from > query.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "the end of the date range comes before its start" });
    }
  })
  .transform(({ q, provider, code, severity, standard, status, from, to, cursor, dir }) => ({
    q,
    provider,
    code,
    severity,
    standard,
    status,
    from,
    to,
    cursor,
    dir,
  }));

export type ArchiveQuery = z.output<typeof archiveQuerySchema>;
export type SearchParams = Record<string, string | string[] | undefined>;
export type QueryProblem = { param: string; message: string };

export function parseArchiveQuery(params: SearchParams) {
  return archiveQuerySchema.safeParse(params);
}

/** The problems of a rejected query, each naming its parameter. */
export function queryProblems(error: z.ZodError): QueryProblem[] {
  return error.issues.map((issue) => ({ param: String(issue.path[0] ?? "query"), message: issue.message }));
}

/** Turns URLSearchParams (route handlers) into the shape pages receive. */
export function searchParamsOf(params: URLSearchParams): SearchParams {
  const out: SearchParams = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
}

export type ArchiveState = Partial<Omit<ArchiveQuery, "severity">> & { severity?: { min: number; max: number } };

/** The URL of an archive state, parameters in a stable order so equal states share a URL. */
export function archiveHref(state: ArchiveState, base = "/archive"): string {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const provider of state.provider ?? []) params.append("provider", provider);
  for (const code of state.code ?? []) params.append("code", code);
  if (state.severity) params.set("severity", state.severity.min === state.severity.max ? `${state.severity.min}` : `${state.severity.min}-${state.severity.max}`);
  for (const standard of state.standard ?? []) params.append("standard", standard);
  for (const status of state.status ?? []) params.append("status", status);
  if (state.from) params.set("from", state.from);
  if (state.to) params.set("to", state.to);
  if (state.cursor) params.set("cursor", state.cursor);
  if (state.dir && state.dir !== "older") params.set("dir", state.dir);
  const search = params.toString();
  return search ? `${base}?${search}` : base;
}
