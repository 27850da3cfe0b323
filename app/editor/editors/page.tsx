import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getEditorSession } from "@/lib/auth/get-editor-session";
import { formatDate } from "@/lib/format/format-date";
import { listEditors } from "@/lib/editors/list-editors";
import { AccountActions } from "./account-actions";
import { resetPasswordAction, setDisabledAction, createEditorAction } from "./actions";
import { CreateEditorForm } from "./create-editor-form";

export const metadata: Metadata = { title: "Manage editors", robots: { index: false } };

export default async function ManageEditorsPage() {
  const session = await getEditorSession();
  if (!session) redirect("/sign-in?next=/editor/editors");
  if (session.editor.role !== "ADMIN") {
    return (
      <div className="font-sans">
        <h1 className="text-2xl font-semibold">Manage editors</h1>
        <p className="mt-4">Only administrators can manage editors. Ask one if an account needs changing.</p>
        <p className="mt-2"><a href="/editor">Back to the editor dashboard</a></p>
      </div>
    );
  }
  const editors = await listEditors();

  return (
    <div className="font-sans">
      <h1 className="text-2xl font-semibold">Manage editors</h1>
      <p className="mt-2 max-w-prose text-sm text-muted">
        Disabling an account or setting a new password ends its sessions at once. Every change is recorded in the audit trail.
      </p>

      <section aria-labelledby="accounts" className="mt-8">
        <h2 id="accounts" className="text-lg font-semibold">Accounts ({editors.length})</h2>
        <ul className="mt-4 divide-y divide-rule border-y border-rule">
          {editors.map((editor) => (
            <li key={editor.id} className="grid gap-4 py-4 md:grid-cols-[1fr_1.2fr]">
              <div>
                <p className="font-semibold">
                  {editor.displayName}
                  {editor.id === session.editor.id && <span className="font-normal text-muted"> (you)</span>}
                </p>
                <p className="text-sm">{editor.email}</p>
                <p className="mt-1 text-sm text-muted">
                  {editor.role === "ADMIN" ? "Admin" : "Editor"} ·{" "}
                  {editor.disabledAt ? <strong>Disabled since {formatDate(editor.disabledAt.toISOString())}</strong> : "Enabled"} · Added {formatDate(editor.createdAt.toISOString())}
                </p>
              </div>
              <AccountActions
                editorId={editor.id}
                email={editor.email}
                disabled={editor.disabledAt !== null}
                setDisabled={setDisabledAction}
                resetPassword={resetPasswordAction}
              />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="new-account" className="mt-10">
        <h2 id="new-account" className="text-lg font-semibold">New account</h2>
        <CreateEditorForm action={createEditorAction} />
      </section>
    </div>
  );
}
