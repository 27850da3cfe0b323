"use client";

import { useActionState, useId } from "react";
import type { SignInFormState } from "./form-state";

type Props = {
  action: (previous: SignInFormState, form: FormData) => Promise<SignInFormState>;
  next: string;
};

const fieldClass =
  "mt-1 block w-full rounded-sm border border-muted bg-paper px-2 py-1.5 font-sans text-base text-ink aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700 dark:aria-[invalid=true]:border-red-400";

/** Email and password. A plain form without JavaScript; after a failure the email stays filled in. */
export function SignInForm({ action, next }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle", email: "" });
  const id = useId();
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  const describedBy = (field: "email" | "password") =>
    [errors[field] ? `${id}-${field}-error` : "", state.status === "error" ? `${id}-status` : ""].filter(Boolean).join(" ") || undefined;

  return (
    // A new key per outcome remounts the form, so the email typed comes back as its default value.
    <form action={formAction} className="mt-6 max-w-sm font-sans" key={`${state.status}:${state.email}`} noValidate>
      <div id={`${id}-status`} role="status" aria-live="polite" className="empty:hidden">
        {state.status === "error" && <p className="rounded-sm border-2 border-red-700 p-3 text-sm dark:border-red-400">{state.message}</p>}
      </div>
      <input type="hidden" name="next" value={next} />
      <div className="mt-4">
        <label htmlFor={`${id}-email`} className="block text-sm font-semibold">Email</label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="username"
          defaultValue={state.email}
          required
          maxLength={320}
          aria-invalid={Boolean(errors.email)}
          aria-describedby={describedBy("email")}
          className={fieldClass}
        />
        {errors.email && <p id={`${id}-email-error`} className="mt-1 text-sm font-semibold text-red-800 dark:text-red-300">{errors.email}</p>}
      </div>
      <div className="mt-4">
        <label htmlFor={`${id}-password`} className="block text-sm font-semibold">Password</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={Boolean(errors.password)}
          aria-describedby={describedBy("password")}
          className={fieldClass}
        />
        {errors.password && <p id={`${id}-password-error`} className="mt-1 text-sm font-semibold text-red-800 dark:text-red-300">{errors.password}</p>}
      </div>
      <button type="submit" disabled={pending} className="mt-6 rounded-sm border border-ink bg-ink px-4 py-1.5 font-semibold text-paper disabled:opacity-60">
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
