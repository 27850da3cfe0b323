"use client";

import { useActionState, useId } from "react";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-limits";
import { EMPTY_NEW_EDITOR, type CreateEditorFormState } from "./form-state";

type Props = { action: (previous: CreateEditorFormState, form: FormData) => Promise<CreateEditorFormState> };

const fieldClass =
  "mt-1 block w-full rounded-sm border border-muted bg-paper px-2 py-1.5 font-sans text-base text-ink aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700 dark:aria-[invalid=true]:border-red-400";
type Field = "email" | "displayName" | "role" | "password";

/** New editor or admin: a plain form; on error everything but the password stays filled in. */
export function CreateEditorForm({ action }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle", values: EMPTY_NEW_EDITOR });
  const id = useId();
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  const describedBy = (field: Field, hint?: string) => [hint, errors[field] ? `${id}-${field}-error` : ""].filter(Boolean).join(" ") || undefined;
  const error = (field: Field) =>
    errors[field] ? <p id={`${id}-${field}-error`} className="mt-1 text-sm font-semibold text-red-800 dark:text-red-300">{errors[field]}</p> : null;

  return (
    <form action={formAction} className="mt-4 grid max-w-xl gap-4 font-sans" key={JSON.stringify(state)} noValidate>
      <div role="status" aria-live="polite" className="empty:hidden">
        {state.status === "ok" && <p className="rounded-sm border border-rule p-3 text-sm">{state.message}</p>}
        {state.status === "invalid" && <p className="rounded-sm border-2 border-red-700 p-3 text-sm dark:border-red-400">Some fields need attention; no account was created.</p>}
        {state.status === "error" && <p className="rounded-sm border-2 border-red-700 p-3 text-sm dark:border-red-400">{state.message}</p>}
      </div>
      <div>
        <label htmlFor={`${id}-email`} className="block text-sm font-semibold">Email</label>
        <input id={`${id}-email`} name="email" type="email" autoComplete="off" defaultValue={state.values.email} required maxLength={320}
          aria-invalid={Boolean(errors.email)} aria-describedby={describedBy("email")} className={fieldClass} />
        {error("email")}
      </div>
      <div>
        <label htmlFor={`${id}-displayName`} className="block text-sm font-semibold">Display name</label>
        <input id={`${id}-displayName`} name="displayName" autoComplete="off" defaultValue={state.values.displayName} required maxLength={100}
          aria-invalid={Boolean(errors.displayName)} aria-describedby={describedBy("displayName", `${id}-displayName-hint`)} className={fieldClass} />
        <p id={`${id}-displayName-hint`} className="mt-1 text-xs text-muted">Shown with every amendment this person makes.</p>
        {error("displayName")}
      </div>
      <fieldset aria-describedby={describedBy("role")}>
        <legend className="text-sm font-semibold">Role</legend>
        <div className="mt-1 flex gap-6 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="role" value="EDITOR" defaultChecked={state.values.role !== "ADMIN"} /> Editor: amends rationales
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="role" value="ADMIN" defaultChecked={state.values.role === "ADMIN"} /> Admin: also manages editors
          </label>
        </div>
        {error("role")}
      </fieldset>
      <div>
        <label htmlFor={`${id}-password`} className="block text-sm font-semibold">Initial password</label>
        <input id={`${id}-password`} name="password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN_LENGTH} maxLength={PASSWORD_MAX_LENGTH}
          aria-invalid={Boolean(errors.password)} aria-describedby={describedBy("password", `${id}-password-hint`)} className={fieldClass} />
        <p id={`${id}-password-hint`} className="mt-1 text-xs text-muted">
          {PASSWORD_MIN_LENGTH} to {PASSWORD_MAX_LENGTH} characters; not a commonly used password. Pass it on privately.
        </p>
        {error("password")}
      </div>
      <div>
        <button type="submit" disabled={pending} className="rounded-sm border border-ink bg-ink px-4 py-1.5 font-semibold text-paper disabled:opacity-60">
          {pending ? "Creating…" : "Create account"}
        </button>
      </div>
    </form>
  );
}
