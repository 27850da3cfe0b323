import { wirePath } from "@/lib/wires/wire-card";
import { apiWirePath } from "./api-paths";
import { apiRedirect, notFound } from "./api-response";
import type { WireRecord } from "./load-wire-record";
import { MergedWire } from "./schemas/wire-detail";

/** The 404 of every wire route, in the same words. */
export function wireNotFound(id: string | null): Response {
  return notFound(id ? `No wire has the id ${id}.` : "That is not a wire id: wire ids look like AIW-2022-0001.");
}

/**
 * The 308 of a merged wire's id: to the same view (`suffix`, such as "/osv.json") of the wire that
 * survived it, with a body naming both for clients that do not follow redirects.
 */
export function mergedRedirect(record: Extract<WireRecord, { status: "merged" }>, suffix = ""): Response {
  const { id, survivor } = record;
  return apiRedirect(MergedWire, `${apiWirePath(survivor.id)}${suffix}`, {
    id,
    status: "MERGED",
    mergedInto: { id: survivor.id, url: wirePath(survivor), apiUrl: apiWirePath(survivor.id) },
    message: `${id} was merged into ${survivor.id}, which lists ${id} among its aliases.`,
  });
}
