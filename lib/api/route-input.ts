import type { QueryProblem } from "@/lib/search/archive-query";
import { WIRE_ID_PATTERN } from "./schemas/common";

/**
 * The query parameters a route does not understand, each named: a misspelt parameter is an
 * error, not a silent no-op that returns something other than what was asked for.
 */
export function unknownParams(url: URL, allowed: readonly string[]): QueryProblem[] {
  const understood = allowed.length === 0 ? "this address takes no parameters" : `this address understands ${allowed.join(", ")}`;
  return [...new Set(url.searchParams.keys())].filter((key) => !allowed.includes(key)).map((param) => ({ param, message: `unknown parameter (${understood})` }));
}

/** A path segment as text, or null when it is not valid percent-encoding. */
export function decodeSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** A wire id from the path in any case, upper-cased; null when it cannot be one (no lookup needed). */
export function wireIdParam(raw: string): string | null {
  const id = decodeSegment(raw)?.trim().toUpperCase();
  return id && id.length <= 40 && WIRE_ID_PATTERN.test(id) ? id : null;
}

/** An optional positive whole-number parameter (a version number), given at most once. */
export function positiveIntParam(url: URL, name: string): { value?: number; problem?: QueryProblem } {
  const values = url.searchParams.getAll(name);
  if (values.length === 0) return {};
  if (values.length > 1) return { problem: { param: name, message: `give ${name} once, not ${values.length} times` } };
  const text = values[0]!.trim();
  if (!/^\d{1,9}$/.test(text) || Number(text) < 1) return { problem: { param: name, message: "expected a version number: a whole number from 1" } };
  return { value: Number(text) };
}
