"use client";

import { useActionState, useId } from "react";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-limits";
import type { AccountActionState } from "./form-state";

type Action = (previous: AccountActionState, form: FormData) => Promise<AccountActionState>;
type Props = {
  editorId: string;
  email: string;
  disabled: boolean;
  setDisabled: Action;
  resetPassword: Action;
};

const IDLE: AccountActionState = { status: "idle" };

/** Disable or enable one account, and set its password. */
export function AccountActions({ editorId, email, disabled, setDisabled, resetPassword }: Props) {
  const [toggleState, toggleAction, toggling] = useActionState(setDisabled, IDLE);
  const [resetState, resetAction, resetting] = useActionState(resetPassword, IDLE);
  const id = useId();
  const passwordError = resetState.status === "invalid" ? resetState.fieldErrors.password : undefined;

  return (
    <div className="grid gap-3">
      <form action={toggleAction}>
        <input type="hidden" name="editorId" value={editorId} />
        <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
        <button type="submit" disabled={toggling} className="rounded-sm border border-ink px-3 py-1 text-sm font-semibold disabled:opacity-60">
          {disabled ? `Enable ${email}` : `Disable ${email}`}
        </button>
        <Outcome state={toggleState} />
      </form>
      <form action={resetAction} key={resetState.status === "ok" ? resetState.message : "reset"} noValidate>
        <input type="hidden" name="editorId" value={editorId} />
        <label htmlFor={`${id}-password`} className="block text-sm font-semibold">New password for {email}</label>
        <div className="mt-1 flex flex-wrap gap-2">
          <input
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={PASSWORD_MIN_LENGTH}
            maxLength={PASSWORD_MAX_LENGTH}
            required
            aria-invalid={Boolean(passwordError)}
            aria-describedby={passwordError ? `${id}-password-error` : undefined}
            className="min-w-0 flex-1 rounded-sm border border-muted bg-paper px-2 py-1 text-sm text-ink aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700"
          />
          <button type="submit" disabled={resetting} className="rounded-sm border border-ink px-3 py-1 text-sm font-semibold disabled:opacity-60">
            Set password
          </button>
        </div>
        {passwordError && <p id={`${id}-password-error`} className="mt-1 text-sm font-semibold text-red-800 dark:text-red-300">{passwordError}</p>}
        <Outcome state={resetState} />
      </form>
    </div>
  );
}

function Outcome({ state }: { state: AccountActionState }) {
  return (
    <p role="status" aria-live="polite" className="mt-1 text-sm empty:hidden">
      {state.status === "ok" && state.message}
      {state.status === "error" && <strong className="text-red-800 dark:text-red-300">{state.message}</strong>}
    </p>
  );
}
