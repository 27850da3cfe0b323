import type { z } from "zod";
import { env } from "@/lib/env";
import { strongEtag } from "@/lib/feeds/conditional-response";
import { readerCacheControl } from "@/lib/http/reader-cache-control";
import type { ApiErrorBody } from "./schemas/common";

const JSON_TYPE = "application/json; charset=utf-8";

/**
 * A 200 with `data` as JSON, an ETag, and a 304 when the client's copy is current. The body is
 * checked against its schema in development and tests, where a mismatch is a bug to see at once
 * (a 500 and a log line); production trusts the types the schema gave the code, and skips the cost.
 */
export function apiJson<T extends z.ZodType>(request: Request, schema: T, data: z.input<T>, headers: Record<string, string> = {}): Response {
  const value = env().NODE_ENV === "production" ? data : schema.parse(data);
  const body = JSON.stringify(value);
  const etag = strongEtag(body);
  // Readers' answers may be kept by any cache, which asks again with the ETag (lib/http/reader-cache-control.ts).
  const common = { "Cache-Control": readerCacheControl(request.headers.get("cookie")), Vary: "Cookie", ETag: etag, ...headers };
  if (matchesEtag(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers: common });
  return new Response(body, { status: 200, headers: { ...common, "Content-Type": JSON_TYPE } });
}

/** A 308 to where a resource now lives, with a body saying so for clients that do not follow it. */
export function apiRedirect<T extends z.ZodType>(schema: T, location: string, data: z.input<T>): Response {
  const value = env().NODE_ENV === "production" ? data : schema.parse(data);
  return new Response(JSON.stringify(value), { status: 308, headers: { Location: location, "Cache-Control": readerCacheControl(), "Content-Type": JSON_TYPE } });
}

const STATUS: Record<ApiErrorBody["error"], number> = { invalid_parameters: 400, not_found: 404, rate_limited: 429, internal_error: 500 };

/** An error answer: never cached, never a stack trace. */
export function apiError(body: ApiErrorBody, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status: STATUS[body.error], headers: { "Cache-Control": "no-store", "Content-Type": JSON_TYPE, ...headers } });
}

export function notFound(message: string): Response {
  return apiError({ error: "not_found", message });
}

export function invalidParameters(problems: { param: string; message: string }[]): Response {
  return apiError({ error: "invalid_parameters", message: `This request has parameters the API cannot use: ${[...new Set(problems.map((p) => p.param))].join(", ")}.`, problems });
}

/** If-None-Match compared weakly, as RFC 9110 asks: W/"x" matches "x". */
function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (ifNoneMatch === null) return false;
  const tags = ifNoneMatch.split(",").map((tag) => tag.trim().replace(/^W\//, ""));
  return tags.includes("*") || tags.includes(etag);
}
