import "server-only";
import type { MutationAuthorization } from "./editor-session";
import { isCrossOrigin, type OriginFacts } from "./is-cross-origin";
import { readSession } from "./read-session";

/** What a write needs to know about its request; read from next/headers by readRequestFacts. */
export type RequestFacts = OriginFacts & {
  /** The session cookie's value, if any. */
  cookie: string | undefined;
  /** The client's address (see clientAddress), for audit events and throttling. */
  address: string | null;
};

export type AuthorizeOptions = { role?: "ADMIN" };

export const CROSS_ORIGIN_MESSAGE = "This request came from another site and was refused.";
export const SIGNED_OUT_MESSAGE = "You are not signed in, or your session has ended. Sign in and try again.";
export const ADMIN_ONLY_MESSAGE = "Only administrators can do this.";

/**
 * The check every write runs before anything else: same origin (403), a live session of an enabled
 * editor (401), and the role the write needs (403). Security boundary: callers act only on ok: true.
 */
export async function authorizeRequest(facts: RequestFacts, options: AuthorizeOptions = {}, now: Date = new Date()): Promise<MutationAuthorization> {
  if (isCrossOrigin(facts)) return { ok: false, status: 403, message: CROSS_ORIGIN_MESSAGE };
  const session = await readSession(facts.cookie, now);
  if (!session) return { ok: false, status: 401, message: SIGNED_OUT_MESSAGE };
  if (options.role === "ADMIN" && session.editor.role !== "ADMIN") return { ok: false, status: 403, message: ADMIN_ONLY_MESSAGE };
  return { ok: true, session, address: facts.address };
}
