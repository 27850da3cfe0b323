import type { Metadata } from "next";
import { notFound, permanentRedirect, redirect } from "next/navigation";
import { AmendRationaleForm } from "@/components/amend-rationale-form";
import { getEditorSession } from "@/lib/auth/get-editor-session";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { getRationaleForEditing } from "@/lib/rationale/get-rationale-for-editing";
import {
  RATIONALE_REASON_MAX,
  RATIONALE_REASON_MIN,
  RATIONALE_TEST_MAX,
  RATIONALE_TEST_MIN,
  RATIONALE_TEXT_MAX,
} from "@/lib/validation/rationale";
import { findWireRoute } from "@/lib/wires/find-wire-route";
import { wirePath } from "@/lib/wires/wire-card";
import { amendRationaleAction, previewRationaleAction } from "./actions";

type Params = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Amend rationale", robots: { index: false } };

export default async function AmendPage({ params }: Params) {
  const id = decodeURIComponent((await params).id);
  const session = await getEditorSession();
  if (!session) redirect(`/sign-in?next=${encodeURIComponent(`/wires/${id}/amend`)}`);
  const editing = await getRationaleForEditing(id);
  if (!editing) {
    // Lower-case ids and merged wires land on the surviving wire's form.
    const route = await findWireRoute(id);
    if (!route) notFound();
    permanentRedirect(`${route.canonical.split("/").slice(0, 3).join("/")}/amend`);
  }
  const { wire, rationale } = editing;
  if (wire.status === "MERGED" && wire.mergedInto) permanentRedirect(`/wires/${wire.mergedInto.id}/amend`);
  const back = wirePath(wire);

  if (!rationale || !editing.amendable) {
    return (
      <article className="mx-auto max-w-3xl font-sans">
        <h1 className="text-2xl font-semibold">Amend rationale</h1>
        <p className="mt-4">
          {wire.status === "WITHDRAWN" ? "This wire was withdrawn: its rationale is no longer published or amended." : "This wire has no rationale to amend."}
        </p>
        <p className="mt-4"><a href={back}>Back to the wire</a></p>
      </article>
    );
  }

  const values = { text: rationale.text, test: rationale.test, reason: "", baseVersion: String(rationale.version) };
  return (
    <article className="mx-auto max-w-6xl" aria-labelledby="amend-heading">
      <nav aria-label="Back" className="font-sans text-sm">
        <a href={back}>← Back to the wire</a> · <a href={`/wires/${wire.id}/history`}>History</a>
      </nav>
      <h1 id="amend-heading" className="mt-4 text-2xl font-semibold">Amend rationale</h1>
      <p className="mt-2 font-sans text-sm text-muted">
        <span className="font-mono">{wire.id}</span> · {wire.headline}
      </p>
      <p className="mt-2 font-sans text-sm">
        You are amending version {rationale.version}, signed in as {session.editor.displayName}. Saving makes version{" "}
        {rationale.version + 1}; if someone else saves first, you will see their version beside yours, and nothing you typed is lost.
      </p>
      <AmendRationaleForm
        action={amendRationaleAction.bind(null, wire.id)}
        preview={previewRationaleAction}
        initial={{ status: "idle", values }}
        initialPreviewHtml={await renderMarkdown(rationale.text)}
        limits={{ textMax: RATIONALE_TEXT_MAX, testMin: RATIONALE_TEST_MIN, testMax: RATIONALE_TEST_MAX, reasonMin: RATIONALE_REASON_MIN, reasonMax: RATIONALE_REASON_MAX }}
        cancelHref={back}
      />
    </article>
  );
}
