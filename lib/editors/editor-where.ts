import type { EditorTarget } from "./editor-actor";
import { normalizeEmail } from "./normalize-email";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The unique lookup for an account, or null when the id cannot name one (the column is a UUID). */
export function editorWhere(target: EditorTarget): { id: string } | { email: string } | null {
  if ("id" in target) return UUID.test(target.id) ? { id: target.id.toLowerCase() } : null;
  return { email: normalizeEmail(target.email) };
}
