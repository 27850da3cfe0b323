import { z } from "zod";
import { named } from "./registry";

export const WIRE_ID_PATTERN = /^AIW-\d{4}-\d{4,}$/;

export const WireId = named("WireId", "A wire's permanent id, AIW-<year>-<number>. Never reused; accepted in any case.", z.string().regex(WIRE_ID_PATTERN));
export const IsoDate = z.iso.date().describe("A calendar date, YYYY-MM-DD.");
export const IsoDateTime = z.iso.datetime().describe("A time in UTC, RFC 3339 (ISO 8601) with Z.");
/** A path on this archive, such as /wires/AIW-2022-0001/openai-announces-dall-e-2. */
export const SitePath = z.string().regex(/^\//);

export const Severity = named("Severity", "1 (Critical, the gravest) to 5 (Minor), per the Editor's Guide rubric.", z.number().int().min(1).max(5));
export const SourcingStandard = named(
  "SourcingStandard",
  "How well sourced a wire is: PROVISIONAL (one source or secondary reporting), STANDARD (two sources, one primary), CONFIRMED (primary plus corroboration or an official record).",
  z.enum(["PROVISIONAL", "STANDARD", "CONFIRMED"]),
);
export const WireStatus = named(
  "WireStatus",
  "PUBLISHED; CORRECTED (with a note); WITHDRAWN (the text is no longer published, the id stays reserved); MERGED (into another wire).",
  z.enum(["PUBLISHED", "CORRECTED", "WITHDRAWN", "MERGED"]),
);

export const ProviderRef = named("ProviderRef", "A provider named on a wire: its slug and display name.", z.strictObject({ slug: z.string(), name: z.string() }));
export const CodeRef = named("CodeRef", "A classification code on a wire, with its short label.", z.strictObject({ code: z.string(), label: z.string() }));

export const Problem = named(
  "Problem",
  "One thing wrong with a request, naming the query parameter (or `id`, for a path segment).",
  z.strictObject({ param: z.string(), message: z.string() }),
);

export const ApiError = named(
  "ApiError",
  "Every error answer: a stable code, a sentence for people, and for a 400 each parameter at fault. Never a stack trace.",
  z.strictObject({
    error: z.enum(["invalid_parameters", "not_found", "rate_limited", "internal_error"]),
    message: z.string(),
    problems: z.array(Problem).optional(),
    retryAfter: z.number().int().positive().optional().describe("With rate_limited: seconds to wait, as in the Retry-After header."),
  }),
);

export type ApiErrorBody = z.infer<typeof ApiError>;
