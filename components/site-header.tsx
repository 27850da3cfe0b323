export function SiteHeader() {
  return (
    <header className="border-b border-rule">
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

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-rule">
      <div className="mx-auto max-w-5xl px-4 py-6 font-sans text-xs text-muted">
        <p>
          An open archive of AI incidents. Every wire keeps its permanent id; every rationale keeps its history.
          Severity runs from SEV-1 (gravest) to SEV-5; see the <a href="/guides/editors-guide">Editor&rsquo;s Guide</a>.
        </p>
      </div>
    </footer>
  );
}
