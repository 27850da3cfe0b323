import "server-only";
import { getPrisma } from "@/lib/db/get-db";
import type { EditorSession } from "./editor-session";
import { SESSION_IDLE_MS, SESSION_TOUCH_INTERVAL_MS } from "./session-policy";
import { hashSessionToken, isSessionTokenShaped } from "./session-token";

/**
 * The session a cookie's token opens, or null: no such session, past its idle or absolute expiry,
 * or its editor is disabled (checked on every read, so disabling takes effect at once).
 * A live session's idle expiry moves forward, at most once per SESSION_TOUCH_INTERVAL_MS.
 */
export async function readSession(token: string | undefined, now: Date = new Date()): Promise<EditorSession | null> {
  if (!token || !isSessionTokenShaped(token)) return null;
  const tokenHash = hashSessionToken(token);
  const prisma = await getPrisma();
  const row = await prisma.editorSession.findUnique({
    where: { tokenHash },
    select: {
      expiresAt: true,
      absoluteExpiresAt: true,
      lastSeenAt: true,
      editor: { select: { id: true, email: true, displayName: true, role: true, disabledAt: true } },
    },
  });
  if (!row) return null;
  if (row.expiresAt <= now || row.absoluteExpiresAt <= now) {
    // Tidy up; a concurrent request may already have removed it.
    await prisma.editorSession.deleteMany({ where: { tokenHash } });
    return null;
  }
  if (row.editor.disabledAt !== null) return null;

  let expiresAt = row.expiresAt;
  if (now.getTime() - row.lastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_MS) {
    expiresAt = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, row.absoluteExpiresAt.getTime()));
    await prisma.editorSession.updateMany({ where: { tokenHash }, data: { lastSeenAt: now, expiresAt } });
  }
  const { id, email, displayName, role } = row.editor;
  return { editor: { id, email, displayName, role }, tokenHash, expiresAt };
}
