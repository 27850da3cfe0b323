import { signOutAction, signOutEverywhereAction } from "@/app/sign-in/actions";
import { getEditorSession } from "@/lib/auth/get-editor-session";

export async function SiteHeader() {
  const session = await getEditorSession();
  return (
    <header className="border-b border-rule">
      {session && <EditorBar name={session.editor.displayName} admin={session.editor.role === "ADMIN"} />}
      <div className="mx-auto flex max-w-5xl flex-wrap items-baseline justify-between gap-x-6 gap-y-2 px-4 py-4">
        <a href="/" className="font-sans text-lg font-bold tracking-tight text-ink no-underline">
          AI Incident Wire
        </a>
        <nav aria-label="Main" className="font-sans text-sm">
          <ul className="flex flex-wrap gap-x-5 gap-y-1">
            <li><a href="/">Latest</a></li>
            <li><a href="/archive">Archive</a></li>
            <li><a href="/guides">Guides</a></li>
            <li><a href="/guides/editors-guide">Editor&rsquo;s Guide</a></li>
          </ul>
        </nav>
      </div>
    </header>
  );
}

/** Shown to signed-in editors only: who they are, their area, and the ways out. */
function EditorBar({ name, admin }: { name: string; admin: boolean }) {
  const button = "cursor-pointer underline decoration-1 underline-offset-2 hover:decoration-2";
  return (
    <div className="border-b border-rule bg-rule/30">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-1.5 font-sans text-xs">
        <p>
          Signed in as <strong>{name}</strong>{admin ? " (admin)" : ""}
        </p>
        <nav aria-label="Editor" className="flex flex-wrap items-center gap-x-4 gap-y-1">
          <a href="/editor">Editor dashboard</a>
          {admin && <a href="/editor/editors">Manage editors</a>}
          <form action={signOutAction}>
            <button type="submit" className={button}>Sign out</button>
          </form>
          <form action={signOutEverywhereAction}>
            <button type="submit" className={button}>Sign out everywhere</button>
          </form>
        </nav>
      </div>
    </div>
  );
}

export async function SiteFooter() {
  const session = await getEditorSession();
  return (
    <footer className="mt-16 border-t border-rule">
      <div className="mx-auto max-w-5xl px-4 py-6 font-sans text-xs text-muted">
        <p>
          An open archive of AI incidents. Every wire keeps its permanent id; every rationale keeps its history.
          Severity runs from SEV-1 (gravest) to SEV-5; see the <a href="/guides/editors-guide">Editor&rsquo;s Guide</a>.
        </p>
        {!session && (
          <p className="mt-2">
            <a href="/sign-in">Editor sign-in</a>
          </p>
        )}
      </div>
    </footer>
  );
}
