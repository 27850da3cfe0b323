import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AmendmentList } from "@/components/amendment-list";
import { SeverityBadge } from "@/components/severity-badge";
import { getEditorSession } from "@/lib/auth/get-editor-session";
import { listCodeOptions } from "@/lib/codes/list-code-options";
import { formatDate } from "@/lib/format/format-date";
import { listProviderOptions } from "@/lib/providers/list-provider-options";
import { listNeedsReview } from "@/lib/rationale/list-needs-review";
import { listRecentAmendments } from "@/lib/rationale/list-recent-amendments";
import { parseEditorDashboardQuery, type EditorDashboardQuery } from "@/lib/validation/editor-dashboard";

export const metadata: Metadata = { title: "Editor dashboard", robots: { index: false } };

type SearchParams = Record<string, string | string[] | undefined>;

const SORT_LABELS = { newest: "Newest first", oldest: "Oldest first", severity: "Gravest first" } as const;

export default async function EditorDashboard({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const session = await getEditorSession();
  if (!session) redirect("/sign-in?next=/editor");
  const { query, problems } = parseEditorDashboardQuery(await searchParams);
  const { editor } = session;
  const [review, recent, mine, providers, codes] = await Promise.all([
    listNeedsReview({ provider: query.provider, code: query.code, severity: query.severity, sort: query.sort, cursor: query.review }),
    listRecentAmendments({ cursor: query.recent, limit: 10 }),
    listRecentAmendments({ editorId: editor.id, cursor: query.mine, limit: 10 }),
    listProviderOptions(),
    listCodeOptions(),
  ]);
  const href = (change: Partial<EditorDashboardQuery>) => dashboardHref({ ...query, ...change });

  return (
    <div className="mx-auto max-w-5xl font-sans">
      <h1 className="text-2xl font-semibold">Editor dashboard</h1>
      <p className="mt-2 text-sm text-muted">
        Signed in as {editor.displayName} ({editor.role === "ADMIN" ? "admin" : "editor"}).
        {editor.role === "ADMIN" && <> <a href="/editor/editors">Manage editors</a>.</>}
      </p>
      {problems.length > 0 && (
        <div role="alert" className="mt-4 rounded-sm border-2 border-red-700 p-3 text-sm dark:border-red-400">
          <p className="font-semibold">Some filters were not understood, so the lists show without them:</p>
          <ul className="mt-1 list-disc pl-5">{problems.map((problem) => <li key={problem}>{problem}</li>)}</ul>
        </div>
      )}

      <section aria-labelledby="review-heading" className="mt-8">
        <h2 id="review-heading" className="text-lg font-semibold">Needs review</h2>
        <p className="mt-1 text-sm text-muted">Wires whose rationale still stands as the bulk classification wrote it.</p>
        <form method="get" action="/editor" className="mt-3 flex flex-wrap items-end gap-3 text-sm">
          <Select name="provider" label="Provider" value={query.provider} options={providers.map((p) => [p.slug, p.name])} />
          <Select name="code" label="Code" value={query.code} options={codes.map((c) => [c.code, `${c.code} ${c.label}`])} />
          <Select name="severity" label="Severity" value={query.severity?.toString()} options={[1, 2, 3, 4, 5].map((n) => [String(n), `SEV-${n}`])} />
          <Select name="sort" label="Sort" value={query.sort ?? "newest"} options={Object.entries(SORT_LABELS)} all={false} />
          <button type="submit" className="rounded-sm bg-accent px-3 py-1.5 font-semibold text-paper">Apply</button>
          <a href="/editor">Clear</a>
        </form>
        {review.items.length === 0 ? (
          <p className="mt-4 text-sm">No wire waits for review{query.provider || query.code || query.severity ? " with these filters" : ""}.</p>
        ) : (
          <ol className="mt-3">
            {review.items.map((wire) => (
              <li key={wire.id} className="border-t border-rule py-3 text-sm">
                <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
                  <SeverityBadge severity={wire.severity} />
                  <span className="font-mono">{wire.id}</span>
                  <time dateTime={wire.publishedAt}>{formatDate(wire.publishedAt)}</time>
                  <span>{wire.providers.map((p) => p.name).join(", ")}</span>
                  <span>{wire.codes.join(" ")}</span>
                </div>
                <a href={`/wires/${wire.id}/${wire.slug}`} className="mt-1 block font-semibold">{wire.headline}</a>
                <p className="mt-1">
                  <a href={`/wires/${wire.id}/amend`}>Amend rationale<span className="sr-only"> of {wire.id}</span></a>{" "}
                  <span className="text-muted">· version {wire.rationaleVersion}, {wire.basisLabel}</span>
                </p>
              </li>
            ))}
          </ol>
        )}
        {review.next && <p className="mt-3 text-sm"><a href={href({ review: review.next })} rel="next">More wires to review</a></p>}
      </section>

      <div className="mt-10 grid gap-10 lg:grid-cols-2">
        <section aria-labelledby="mine-heading">
          <h2 id="mine-heading" className="text-lg font-semibold">Your amendments</h2>
          <AmendmentList items={mine.items} showAuthor={false} empty="You have not amended a rationale yet." />
          {mine.next && <p className="mt-3 text-sm"><a href={href({ mine: mine.next })}>Older amendments of yours</a></p>}
        </section>
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading" className="text-lg font-semibold">Recently amended wires</h2>
          <AmendmentList items={recent.items} showAuthor empty="No editor has amended a rationale yet." />
          {recent.next && <p className="mt-3 text-sm"><a href={href({ recent: recent.next })}>Older amendments</a></p>}
        </section>
      </div>
    </div>
  );
}

function Select(props: { name: string; label: string; value?: string; options: [string, string][]; all?: boolean }) {
  const { name, label, value, options, all = true } = props;
  return (
    <label className="flex flex-col gap-1">
      <span className="font-semibold">{label}</span>
      <select name={name} defaultValue={value ?? ""} className="rounded-sm border border-muted bg-paper px-2 py-1.5 text-ink">
        {all && <option value="">Any</option>}
        {options.map(([key, text]) => <option key={key} value={key}>{text}</option>)}
      </select>
    </label>
  );
}

function dashboardHref(query: EditorDashboardQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const search = params.toString();
  return search ? `/editor?${search}` : "/editor";
}
