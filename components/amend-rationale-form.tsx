"use client";

import { useActionState, useEffect, useId, useState } from "react";
import type { AmendFormState } from "@/app/wires/[id]/amend/form-state";
import type { PreviewResult } from "@/app/wires/[id]/amend/form-state";
import { RationaleConflict } from "./rationale-conflict";

type Limits = { textMax: number; testMin: number; testMax: number; reasonMin: number; reasonMax: number };

type Props = {
  action: (previous: AmendFormState, form: FormData) => Promise<AmendFormState>;
  preview: (text: string) => Promise<PreviewResult>;
  initial: AmendFormState;
  initialPreviewHtml: string;
  limits: Limits;
  cancelHref: string;
};

const fieldClass = "mt-1 block w-full rounded-sm border border-muted bg-paper px-2 py-1.5 font-sans text-base text-ink aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700 dark:aria-[invalid=true]:border-red-400";

/**
 * The amend form: Markdown text with a live preview, the test applied, a required reason and the
 * version the editor started from. A plain form without JavaScript ("Preview" and "Save" post it);
 * every outcome hands the editor's text back, so nothing typed is lost.
 */
export function AmendRationaleForm({ action, preview, initial, initialPreviewHtml, limits, cancelHref }: Props) {
  const [state, formAction, pending] = useActionState(action, initial);
  const [draft, setDraft] = useState(state.values.text);
  const [previewHtml, setPreviewHtml] = useState(state.status === "preview" ? state.previewHtml : initialPreviewHtml);
  const [previewNote, setPreviewNote] = useState("");
  const id = useId();
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  // After a conflict the form starts from the version now current, so saving again merges onto it.
  const baseVersion = state.status === "conflict" ? String(state.current.version) : state.values.baseVersion;

  useEffect(() => {
    setDraft(state.values.text);
    if (state.status === "preview") setPreviewHtml(state.previewHtml);
  }, [state]);

  useEffect(() => {
    const timer = window.setTimeout(async () => {
      const result = await preview(draft);
      if (result.status === "ok") {
        setPreviewHtml(result.html);
        setPreviewNote("");
      } else setPreviewNote(result.message);
    }, 350);
    return () => window.clearTimeout(timer);
  }, [draft, preview]);

  const describedBy = (field: string, hint: string) => [hint, errors[field] ? `${id}-${field}-error` : ""].filter(Boolean).join(" ");
  const fieldError = (field: string) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="mt-1 font-sans text-sm font-semibold text-red-800 dark:text-red-300">
        {errors[field]}
      </p>
    ) : null;

  return (
    <form action={formAction} className="mt-6 font-sans" aria-describedby={`${id}-status`} key={stateKey(state)}>
      <div id={`${id}-status`} role="status" aria-live="polite" className="empty:hidden">
        {state.status === "invalid" && <p className="rounded-sm border-2 border-red-700 p-3 dark:border-red-400">Some fields need attention; nothing was saved. Your text is kept below.</p>}
        {state.status === "unchanged" && <p className="rounded-sm border border-rule p-3">The text and test are the same as the current version; nothing was saved.</p>}
        {state.status === "error" && <p className="rounded-sm border-2 border-red-700 p-3 dark:border-red-400">{state.message}</p>}
      </div>
      {state.status === "conflict" && <RationaleConflict current={state.current} latestChange={state.latestChange} diff={state.diff} mine={state.values.text} />}

      <input type="hidden" name="baseVersion" value={baseVersion} />
      <div className="grid gap-6 lg:grid-cols-2">
        <div>
          <label htmlFor={`${id}-text`} className="block text-sm font-semibold">Rationale (Markdown)</label>
          <textarea
            id={`${id}-text`}
            name="text"
            rows={16}
            defaultValue={state.values.text}
            onChange={(event) => setDraft(event.target.value)}
            required
            maxLength={limits.textMax}
            aria-invalid={Boolean(errors.text)}
            aria-describedby={describedBy("text", `${id}-text-hint`)}
            className={`${fieldClass} font-mono text-sm`}
          />
          <p id={`${id}-text-hint`} className="mt-1 text-xs text-muted">
            Up to {limits.textMax.toLocaleString("en-GB")} characters ({draft.length.toLocaleString("en-GB")} now). Markdown: *emphasis*, [links](https://…), lists. HTML is removed.
          </p>
          {fieldError("text")}
        </div>
        <section aria-labelledby={`${id}-preview`} className="rounded-sm border border-rule p-4">
          <h2 id={`${id}-preview`} className="text-sm font-semibold">Preview, as readers will see it</h2>
          <div className="prose mt-2 font-serif" dangerouslySetInnerHTML={{ __html: previewHtml }} />
          {previewNote && <p className="mt-2 text-xs text-muted">{previewNote}</p>}
        </section>
      </div>

      <div className="mt-6">
        <label htmlFor={`${id}-test`} className="block text-sm font-semibold">Test applied</label>
        <input
          id={`${id}-test`}
          name="test"
          defaultValue={state.values.test}
          required
          minLength={limits.testMin}
          maxLength={limits.testMax}
          aria-invalid={Boolean(errors.test)}
          aria-describedby={describedBy("test", `${id}-test-hint`)}
          className={fieldClass}
        />
        <p id={`${id}-test-hint`} className="mt-1 text-xs text-muted">
          {limits.testMin} to {limits.testMax} characters. A change of test is shown in the history; say why in the reason.
        </p>
        {fieldError("test")}
      </div>

      <div className="mt-6">
        <label htmlFor={`${id}-reason`} className="block text-sm font-semibold">Reason for this change (required, public)</label>
        <textarea
          id={`${id}-reason`}
          name="reason"
          rows={3}
          defaultValue={state.values.reason}
          required
          minLength={limits.reasonMin}
          maxLength={limits.reasonMax}
          aria-invalid={Boolean(errors.reason)}
          aria-describedby={describedBy("reason", `${id}-reason-hint`)}
          className={fieldClass}
        />
        <p id={`${id}-reason-hint`} className="mt-1 text-xs text-muted">
          {limits.reasonMin} to {limits.reasonMax} characters, shown with your name in the wire's history.
        </p>
        {fieldError("reason")}
        {fieldError("baseVersion")}
      </div>

      <div className="mt-6 flex flex-wrap items-center gap-3">
        <button type="submit" name="intent" value="save" disabled={pending} className="rounded-sm bg-accent px-4 py-2 text-sm font-semibold text-paper disabled:opacity-60">
          {state.status === "conflict" ? `Save over version ${state.current.version}` : "Save amendment"}
        </button>
        <button type="submit" name="intent" value="preview" disabled={pending} className="rounded-sm border border-muted px-4 py-2 text-sm">
          Preview
        </button>
        <a href={cancelHref} className="text-sm">Cancel</a>
        {pending && <span className="text-sm text-muted">Working…</span>}
      </div>
    </form>
  );
}

// A new key per outcome re-mounts the fields, so they show the values the server handed back.
function stateKey(state: AmendFormState): string {
  return `${state.status}:${state.status === "conflict" ? state.current.version : state.values.baseVersion}:${state.values.text.length}:${state.values.reason.length}`;
}
