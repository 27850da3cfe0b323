"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { authorizeMutation } from "@/lib/auth/authorize-mutation";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { amendRationale } from "@/lib/rationale/amend-rationale";
import { diffWords } from "@/lib/rationale/diff-words";
import { RATIONALE_TEXT_MAX } from "@/lib/validation/rationale";
import { findWireRoute } from "@/lib/wires/find-wire-route";
import type { AmendFormState, AmendValues, PreviewResult } from "./form-state";

function valuesOf(form: FormData): AmendValues {
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  return { text: field("text"), test: field("test"), reason: field("reason"), baseVersion: field("baseVersion") };
}

/**
 * Saves (or, with intent=preview, previews) an editor's amendment. The session, the editor's role and
 * the request's origin are checked here, whatever the page did; the version check happens in the
 * database, so two editors saving from the same version cannot both win.
 */
export async function amendRationaleAction(wireId: string, _previous: AmendFormState, form: FormData): Promise<AmendFormState> {
  const values = valuesOf(form);
  const authorization = await authorizeMutation();
  if (!authorization.ok) return { status: "error", values, message: `${authorization.message} Your text is still here: copy it before you sign in again.` };

  if (form.get("intent") === "preview") {
    const previewHtml = await renderMarkdown(values.text.slice(0, RATIONALE_TEXT_MAX + 1));
    return { status: "preview", values, previewHtml };
  }

  const { editor } = authorization.session;
  const result = await amendRationale({ wireId, ...values, editor: { id: editor.id, displayName: editor.displayName }, address: authorization.address });
  switch (result.status) {
    case "ok": {
      const route = await findWireRoute(wireId);
      const path = route?.canonical ?? `/wires/${wireId}`;
      revalidatePath(path);
      revalidatePath(`/wires/${wireId}/history`);
      revalidatePath("/");
      redirect(`${path}?amended=${result.version}#rationale`);
    }
    case "invalid":
      return { status: "invalid", values, fieldErrors: result.fieldErrors };
    case "unchanged":
      return { status: "unchanged", values };
    case "conflict":
      return {
        status: "conflict",
        values,
        current: result.current,
        latestChange: result.latestChange,
        diff: diffWords(result.current.text, result.attempted.text),
      };
    case "not-amendable":
      return { status: "error", values, message: result.wireStatus === "MERGED" ? "This wire was merged into another; amend the surviving wire's rationale." : "This wire was withdrawn; its rationale is no longer published or amended." };
    case "not-found":
      return { status: "error", values, message: "This wire has no rationale to amend." };
    case "no-such-version":
      return { status: "error", values, message: `Version ${result.version} does not exist.` };
  }
}

/** The live preview: the same sanitizing pipeline readers see. Editors only, like every action. */
export async function previewRationaleAction(text: string): Promise<PreviewResult> {
  const authorization = await authorizeMutation();
  if (!authorization.ok) return { status: "error", message: authorization.message };
  if (typeof text !== "string") return { status: "error", message: "The rationale text must be text." };
  if (text.length > RATIONALE_TEXT_MAX * 2) return { status: "error", message: "The text is too long to preview." };
  return { status: "ok", html: await renderMarkdown(text) };
}
