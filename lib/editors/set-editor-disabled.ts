import "server-only";
import { getPrisma } from "@/lib/db/get-db";
import type { EditorActor, EditorTarget } from "./editor-actor";
import { editorWhere } from "./editor-where";

export type SetDisabledResult =
  | { status: "ok"; email: string; changed: boolean }
  | { status: "not-found" }
  | { status: "refused"; message: string };

/**
 * Disables or re-enables an account. Disabling also ends the account's sessions (reads check
 * disabledAt as well, so nothing it had open keeps working). The last enabled admin, and an admin's
 * own account in the app, cannot be disabled: someone must be left to manage editors.
 */
export async function setEditorDisabled(target: EditorTarget, disabled: boolean, actor: EditorActor): Promise<SetDisabledResult> {
  const prisma = await getPrisma();
  const where = editorWhere(target);
  if (!where) return { status: "not-found" };
  return prisma.$transaction(async (tx) => {
    const editor = await tx.editor.findUnique({ where, select: { id: true, email: true, role: true, disabledAt: true } });
    if (!editor) return { status: "not-found" } as const;
    if ((editor.disabledAt !== null) === disabled) return { status: "ok", email: editor.email, changed: false } as const;
    if (disabled && actor.editorId === editor.id) {
      return { status: "refused", message: "You cannot disable your own account; ask another administrator." } as const;
    }
    if (disabled && editor.role === "ADMIN") {
      const otherAdmins = await tx.editor.count({ where: { role: "ADMIN", disabledAt: null, id: { not: editor.id } } });
      if (otherAdmins === 0) return { status: "refused", message: `${editor.email} is the last enabled administrator and cannot be disabled.` } as const;
    }
    await tx.editor.update({ where: { id: editor.id }, data: { disabledAt: disabled ? new Date() : null } });
    if (disabled) await tx.editorSession.deleteMany({ where: { editorId: editor.id } });
    await tx.auditEvent.create({
      data: {
        action: disabled ? "editor.disabled" : "editor.enabled",
        editorId: actor.editorId,
        address: actor.address,
        detail: { targetEditorId: editor.id, email: editor.email, via: actor.via },
      },
    });
    return { status: "ok", email: editor.email, changed: true } as const;
  });
}
