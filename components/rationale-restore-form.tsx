"use client";

import { useActionState, useId } from "react";
import type { RestoreFormState } from "@/app/wires/[id]/history/form-state";
import { formatTime } from "@/lib/format/format-date";

type Props = {
  action: (previous: RestoreFormState, form: FormData) => Promise<RestoreFormState>;
  /** The version this form brings back. */
  version: number;
  /** The version current when the page was shown: the restore applies only if it still is. */
  baseVersion: number;
  reasonMin: number;
  reasonMax: number;
  historyHref: string;
};

/**
 * "Restore this version": a plain POST form (it works without JavaScript) with a required, public
 * reason. Every outcome keeps the reason typed; a conflict says which version is now current.
 */
export function RationaleRestoreForm({ action, version, baseVersion, reasonMin, reasonMax, historyHref }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const id = useId();
  const reasonError = state.status === "invalid" ? (state.fieldErrors.reason ?? state.fieldErrors.restoreVersion ?? state.fieldErrors.baseVersion) : undefined;
  const reason = state.status === "idle" || state.status === "ok" ? "" : state.values.reason;
  const describedBy = [`${id}-hint`, reasonError ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <details className="mt-3 font-sans text-sm" open={state.status !== "idle" && state.status !== "ok"}>
      <summary className="cursor-pointer font-semibold text-accent">Restore this version</summary>
      {/* A new outcome remounts the form, so the textarea shows the reason the action handed back. */}
      <form key={`${state.status}:${reason}`} action={formAction} className="mt-2 rounded-sm border border-rule p-3" aria-describedby={`${id}-status`}>
        <div id={`${id}-status`} role="status" aria-live="polite" className="empty:hidden">
          {state.status === "conflict" && (
            <p className="mb-3 rounded-sm border-2 border-amber-700 p-2 dark:border-amber-400">
              The rationale changed after this page was loaded: version {state.currentVersion} is now current
              {state.latestChange && (
                <>
                  {" "}(saved by {state.latestChange.author}, <time dateTime={state.latestChange.at}>{formatTime(state.latestChange.at)}</time>)
                </>
              )}
              . Nothing was restored. <a href={historyHref}>Reload the history</a> to see it, then restore again if you still want to.
            </p>
          )}
          {state.status === "error" && <p className="mb-3 rounded-sm border-2 border-red-700 p-2 dark:border-red-400">{state.message}</p>}
        </div>
        <input type="hidden" name="restoreVersion" value={version} />
        <input type="hidden" name="baseVersion" value={baseVersion} />
        <label htmlFor={`${id}-reason`} className="block font-semibold">
          Reason for restoring version {version} (required, public)
        </label>
        <textarea
          id={`${id}-reason`}
          name="reason"
          rows={2}
          required
          minLength={reasonMin}
          maxLength={reasonMax}
          defaultValue={reason}
          aria-invalid={Boolean(reasonError)}
          aria-describedby={describedBy}
          className="mt-1 block w-full rounded-sm border border-muted bg-paper px-2 py-1.5 text-base text-ink aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700 dark:aria-[invalid=true]:border-red-400"
        />
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {reasonMin} to {reasonMax} characters, shown in this history. Restoring adds a new version; nothing is deleted.
        </p>
        {reasonError && (
          <p id={`${id}-error`} className="mt-1 font-semibold text-red-800 dark:text-red-300">
            {reasonError}
          </p>
        )}
        <button
          type="submit"
          disabled={pending}
          className="mt-2 rounded-sm border border-ink bg-ink px-3 py-1.5 font-semibold text-paper disabled:opacity-60"
        >
          {pending ? "Restoring…" : `Restore version ${version}`}
        </button>
      </form>
    </details>
  );
}
