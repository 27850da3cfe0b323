import "server-only";
import { checkPasswordPolicy } from "@/lib/auth/password-policy";
import { hashPassword } from "@/lib/auth/hash-password";
import { getPrisma } from "@/lib/db/get-db";
import { Prisma } from "@/lib/db/generated/client";
import type { EditorActor } from "./editor-actor";
import { editorFieldErrors, newEditorSchema, type EditorFieldErrors, type NewEditor } from "./editor-input";
import type { EditorSummary } from "./list-editors";

export type CreateEditorResult =
  | { status: "ok"; editor: EditorSummary }
  | { status: "invalid"; fieldErrors: EditorFieldErrors };

/** Adds an editor or admin account, with an audit event, in one transaction. */
export async function createEditor(input: NewEditor, actor: EditorActor): Promise<CreateEditorResult> {
  const parsed = newEditorSchema.safeParse(input);
  // Every field's problem at once, the password's included, so that one correction is enough.
  const fieldErrors = parsed.success ? {} : editorFieldErrors(parsed.error);
  const passwordProblem = typeof input.password === "string" ? checkPasswordPolicy(input.password, String(input.email ?? "")) : null;
  if (passwordProblem) fieldErrors.password ??= passwordProblem;
  if (!parsed.success || passwordProblem) return { status: "invalid", fieldErrors };
  const { email, displayName, role, password } = parsed.data;

  const prisma = await getPrisma();
  const passwordHash = await hashPassword(password);
  try {
    const editor = await prisma.$transaction(async (tx) => {
      const created = await tx.editor.create({
        data: { email, displayName, role, passwordHash },
        select: { id: true, email: true, displayName: true, role: true, disabledAt: true, createdAt: true },
      });
      await tx.auditEvent.create({
        data: { action: "editor.created", editorId: actor.editorId, address: actor.address, detail: { targetEditorId: created.id, email, role, via: actor.via } },
      });
      return created;
    });
    return { status: "ok", editor };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { status: "invalid", fieldErrors: { email: `An editor with the email ${email} already exists.` } };
    }
    throw error;
  }
}
