import "server-only";
import { getPrisma } from "@/lib/db/get-db";
import type { EditorSession } from "./editor-session";

/** Signs this browser out: its session row goes, so the cookie opens nothing even if it lingers. */
export async function endSession(session: EditorSession, address: string | null): Promise<void> {
  const prisma = await getPrisma();
  await prisma.$transaction([
    prisma.editorSession.deleteMany({ where: { tokenHash: session.tokenHash } }),
    prisma.auditEvent.create({ data: { action: "editor.signed-out", editorId: session.editor.id, address } }),
  ]);
}
