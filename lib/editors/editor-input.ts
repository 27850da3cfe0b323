import { z } from "zod";
import { normalizeEmail } from "./normalize-email";

/** Field names of the editor forms and the command line's options, for error messages. */
export type EditorField = "email" | "displayName" | "role" | "password";
export type EditorFieldErrors = Partial<Record<EditorField, string>>;

export const editorEmailSchema = z
  .string({ error: "Enter an email address." })
  .transform(normalizeEmail)
  .pipe(z.email({ error: "Enter a valid email address, like name@example.org." }).max(320, "The email address is too long."));

export const editorNameSchema = z
  .string({ error: "Enter a display name." })
  .trim()
  .min(1, "Enter a display name.")
  .max(100, "The display name must be at most 100 characters long.");

/** Accepts "editor"/"admin" in any case, as typed on the command line or sent by the form. */
export const editorRoleSchema = z
  .string({ error: "Choose a role: editor or admin." })
  .trim()
  .toUpperCase()
  .pipe(z.enum(["EDITOR", "ADMIN"], { error: "Choose a role: editor or admin." }));

/** An account's details other than its password: the command line checks these before asking for one. */
export const editorDetailsSchema = z.object({
  email: editorEmailSchema,
  displayName: editorNameSchema,
  role: editorRoleSchema,
});

export const newEditorSchema = editorDetailsSchema.extend({
  password: z.string({ error: "Enter a password." }),
});

export type NewEditor = z.input<typeof newEditorSchema>;

/** The first message per field, for forms and the command line. */
export function editorFieldErrors(error: z.ZodError): EditorFieldErrors {
  const errors: EditorFieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as EditorField | undefined;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}
