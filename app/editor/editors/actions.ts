"use server";

import { revalidatePath } from "next/cache";
import { authorizeMutation } from "@/lib/auth/authorize-mutation";
import type { EditorActor } from "@/lib/editors/editor-actor";
import { createEditor } from "@/lib/editors/create-editor";
import { resetEditorPassword } from "@/lib/editors/reset-editor-password";
import { setEditorDisabled } from "@/lib/editors/set-editor-disabled";
import { EMPTY_NEW_EDITOR, type AccountActionState, type CreateEditorFormState, type NewEditorValues } from "./form-state";

const PAGE = "/editor/editors";

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** Security boundary: each action below checks for an admin's session itself, whatever the page showed. */
async function adminActor(): Promise<{ ok: true; actor: EditorActor } | { ok: false; message: string }> {
  const authorization = await authorizeMutation({ role: "ADMIN" });
  if (!authorization.ok) return { ok: false, message: authorization.message };
  return { ok: true, actor: { editorId: authorization.session.editor.id, address: authorization.address, via: "app" } };
}

export async function createEditorAction(_previous: CreateEditorFormState, form: FormData): Promise<CreateEditorFormState> {
  const values: NewEditorValues = { email: text(form, "email"), displayName: text(form, "displayName"), role: text(form, "role") };
  const admin = await adminActor();
  if (!admin.ok) return { status: "error", message: admin.message, values };
  const result = await createEditor({ ...values, password: text(form, "password") }, admin.actor);
  if (result.status === "invalid") return { status: "invalid", fieldErrors: result.fieldErrors, values };
  revalidatePath(PAGE);
  const role = result.editor.role === "ADMIN" ? "admin" : "editor";
  return { status: "ok", message: `Created ${role} ${result.editor.displayName} (${result.editor.email}). They can sign in now.`, values: EMPTY_NEW_EDITOR };
}

export async function setDisabledAction(_previous: AccountActionState, form: FormData): Promise<AccountActionState> {
  const admin = await adminActor();
  if (!admin.ok) return { status: "error", message: admin.message };
  const disabled = text(form, "disabled") === "true";
  const result = await setEditorDisabled({ id: text(form, "editorId") }, disabled, admin.actor);
  if (result.status === "not-found") return { status: "error", message: "That account no longer exists." };
  if (result.status === "refused") return { status: "error", message: result.message };
  revalidatePath(PAGE);
  return { status: "ok", message: disabled ? `${result.email} is disabled; its sessions have ended.` : `${result.email} can sign in again.` };
}

export async function resetPasswordAction(_previous: AccountActionState, form: FormData): Promise<AccountActionState> {
  const admin = await adminActor();
  if (!admin.ok) return { status: "error", message: admin.message };
  const result = await resetEditorPassword({ id: text(form, "editorId") }, text(form, "password"), admin.actor);
  if (result.status === "not-found") return { status: "error", message: "That account no longer exists." };
  if (result.status === "invalid") return { status: "invalid", fieldErrors: result.fieldErrors };
  revalidatePath(PAGE);
  return { status: "ok", message: `New password set for ${result.email}; ${result.sessionsEnded === 1 ? "1 session" : `${result.sessionsEnded} sessions`} ended.` };
}
