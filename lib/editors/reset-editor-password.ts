import "server-only";
import { hashPassword } from "@/lib/auth/hash-password";
import { checkPasswordPolicy } from "@/lib/auth/password-policy";
import { getPrisma } from "@/lib/db/get-db";
import type { EditorActor, EditorTarget } from "./editor-actor";
import { editorWhere } from "./editor-where";

export type ResetPasswordResult =
  | { status: "ok"; email: string; sessionsEnded: number }
  | { status: "not-found" }
  | { status: "invalid"; fieldErrors: { password: string } };

/** Sets a new password and ends every session of the account, so an old cookie or password is worth nothing. */
export async function resetEditorPassword(target: EditorTarget, password: string, actor: EditorActor): Promise<ResetPasswordResult> {
  const prisma = await getPrisma();
  const where = editorWhere(target);
  if (!where) return { status: "not-found" };
  const editor = await prisma.editor.findUnique({ where, select: { id: true, email: true } });
  if (!editor) return { status: "not-found" };
  const problem = checkPasswordPolicy(password, editor.email);
  if (problem) return { status: "invalid", fieldErrors: { password: problem } };

  const passwordHash = await hashPassword(password);
  const sessionsEnded = await prisma.$transaction(async (tx) => {
    await tx.editor.update({ where: { id: editor.id }, data: { passwordHash, passwordChangedAt: new Date() } });
    const ended = await tx.editorSession.deleteMany({ where: { editorId: editor.id } });
    await tx.auditEvent.create({
      data: {
        action: "editor.password-reset",
        editorId: actor.editorId,
        address: actor.address,
        detail: { targetEditorId: editor.id, email: editor.email, sessionsEnded: ended.count, via: actor.via },
      },
    });
    return ended.count;
  });
  return { status: "ok", email: editor.email, sessionsEnded };
}
