import type { EditorFieldErrors } from "@/lib/editors/editor-input";

/** What the new-editor form typed, handed back on error; the password never is. */
export type NewEditorValues = { email: string; displayName: string; role: string };

export type CreateEditorFormState =
  | { status: "idle"; values: NewEditorValues }
  | { status: "ok"; message: string; values: NewEditorValues }
  | { status: "invalid"; fieldErrors: EditorFieldErrors; values: NewEditorValues }
  | { status: "error"; message: string; values: NewEditorValues };

/** Outcome of a per-account action (disable, enable, reset password). */
export type AccountActionState =
  | { status: "idle" }
  | { status: "ok"; message: string }
  | { status: "invalid"; fieldErrors: { password?: string } }
  | { status: "error"; message: string };

export const EMPTY_NEW_EDITOR: NewEditorValues = { email: "", displayName: "", role: "EDITOR" };
