import { z } from "zod";

export type HistorySearchParams = Record<string, string | string[] | undefined>;

export type CompareRequest =
  | { status: "none" }
  | { status: "ok"; from: number; to: number }
  /** What is wrong, per field, in words a reader can act on; `form` when it is the pair that is wrong. */
  | { status: "invalid"; errors: { from?: string; to?: string; form?: string }; from: string; to: string };

export type HistoryQuery = {
  compare: CompareRequest;
  /** Show versions older than this one (the next page of the list). */
  before?: number;
  /** The version a restore just wrote, for the confirmation. */
  restored?: number;
};

// The first value of a repeated parameter counts, as browsers and most servers read them.
const param = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (Array.isArray(value) ? value[0] : value)?.trim() ?? "");
const schema = z.object({ from: param, to: param, before: param, restored: param });

const asVersion = (value: string) => (/^\d{1,9}$/.test(value) && Number(value) > 0 ? Number(value) : undefined);

/**
 * Reads the history page's address: "compare version `from` with version `to`" and the list's page.
 * Never throws: anything malformed becomes a message for the page, or is ignored when it is only
 * the list's page or the confirmation.
 */
export function parseHistoryQuery(params: HistorySearchParams, versions: readonly number[]): HistoryQuery {
  const { from, to, before, restored } = schema.parse(params);
  const query: HistoryQuery = { compare: compareOf(from, to, new Set(versions)) };
  const beforeVersion = asVersion(before);
  if (beforeVersion !== undefined) query.before = beforeVersion;
  const restoredVersion = asVersion(restored);
  if (restoredVersion !== undefined && versions.includes(restoredVersion)) query.restored = restoredVersion;
  return query;
}

function compareOf(from: string, to: string, known: Set<number>): CompareRequest {
  if (from === "" && to === "") return { status: "none" };
  const errors: { from?: string; to?: string; form?: string } = {};
  const newest = Math.max(0, ...known);
  const range = newest === 0 ? "this rationale has no versions" : newest === 1 ? "this rationale has only version 1" : `this rationale has versions 1 to ${newest}`;
  const check = (value: string, which: "from" | "to") => {
    const label = which === "from" ? "the version to compare from" : "the version to compare with";
    if (value === "") return void (errors[which] = `Choose ${label}.`);
    const version = asVersion(value);
    if (version === undefined) return void (errors[which] = `“${value.slice(0, 20)}” is not a version number: choose ${label}.`);
    if (!known.has(version)) return void (errors[which] = `There is no version ${version}: ${range}.`);
    return version;
  };
  const fromVersion = check(from, "from");
  const toVersion = check(to, "to");
  if (fromVersion !== undefined && toVersion !== undefined) {
    if (fromVersion === toVersion) return { status: "invalid", errors: { form: `Choose two different versions: both are version ${fromVersion}.` }, from, to };
    return { status: "ok", from: fromVersion, to: toVersion };
  }
  return { status: "invalid", errors, from, to };
}
