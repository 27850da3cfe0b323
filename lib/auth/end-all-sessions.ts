import "server-only";
import { getPrisma } from "@/lib/db/get-db";
import type { EditorSession } from "./editor-session";

/** Signs the editor out on every browser and device, this one included. Returns how many sessions ended. */
export async function endAllSessions(session: EditorSession, address: string | null): Promise<number> {
  const prisma = await getPrisma();
  const editorId = session.editor.id;
  const [ended] = await prisma.$transaction([
    prisma.editorSession.deleteMany({ where: { editorId } }),
    prisma.auditEvent.create({ data: { action: "editor.signed-out-everywhere", editorId, address } }),
  ]);
  return ended.count;
}
