import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { RationaleCompare } from "@/components/rationale-compare";
import { RationaleHistoryEntry } from "@/components/rationale-history-entry";
import { RationaleRestoreForm } from "@/components/rationale-restore-form";
import { getEditorSession } from "@/lib/auth/get-editor-session";
import { getRationaleVersions } from "@/lib/rationale/get-rationale-versions";
import { listRationaleHistory } from "@/lib/rationale/list-rationale-history";
import { listRationaleVersions } from "@/lib/rationale/list-rationale-versions";
import { parseHistoryQuery, type CompareRequest, type HistorySearchParams } from "@/lib/rationale/parse-history-query";
import { RATIONALE_REASON_MAX, RATIONALE_REASON_MIN } from "@/lib/validation/rationale";
import { wirePath } from "@/lib/wires/wire-card";
import { restoreRationaleAction } from "./actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<HistorySearchParams> };

// The page and its metadata read the same page of history once per request.
const readHistory = cache((id: string, before: number | undefined) => listRationaleHistory(id, { beforeVersion: before }));
const readVersions = cache((id: string) => listRationaleVersions(id));

async function load({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  let requested: string;
  try {
    requested = decodeURIComponent(rawId);
  } catch {
    notFound();
  }
  const id = requested.toUpperCase();
  const versions = await readVersions(id);
  const query = parseHistoryQuery(await searchParams, versions.map((choice) => choice.version));
  const history = await readHistory(id, query.before);
  return { requested, id, versions, query, history };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { id, history } = await load(props);
  if (!history) return { title: "Wire not found" };
  return {
    title: `Rationale history: ${history.wire.headline}`,
    description: `Every version of the rationale of wire ${id}, "${history.wire.headline}": who changed it, when, why, and what changed.`,
    alternates: { canonical: `/wires/${id}/history` },
  };
}

export default async function RationaleHistoryPage(props: Props) {
  const { requested, id, versions, query, history } = await load(props);
  if (!history) notFound();
  // An id typed in lower case lands on the canonical address, with the reader's comparison kept.
  if (requested !== id) permanentRedirect(`/wires/${id}/history${queryString(await props.searchParams)}`);

  const { wire, currentVersion, entries, olderBefore } = history;
  const withdrawn = wire.status === "WITHDRAWN";
  const amendable = wire.status !== "MERGED" && !withdrawn && currentVersion !== null;
  const session = amendable ? await getEditorSession() : null;
  const historyHref = `/wires/${id}/history`;
  const restore = restoreRationaleAction.bind(null, id);
  const pair = await comparedPair(id, query.compare, withdrawn);

  return (
    <article className="mx-auto max-w-3xl" aria-labelledby="history-heading">
      <nav aria-label="Back" className="font-sans text-sm">
        <a href={wirePath(wire)}>← Back to the wire</a> · <a href="/">Latest</a> · <a href="/archive">Archive</a>
      </nav>
      <p className="mt-6 font-mono text-sm text-muted">{wire.id}</p>
      <h1 id="history-heading" className="mt-1 text-3xl leading-tight font-semibold">Rationale history</h1>
      <p className="mt-2 text-lg">
        “Why this is an AI incident” for <a href={wirePath(wire)}>{wire.headline}</a>
      </p>
      <p className="mt-3 font-sans text-sm text-muted">
        Every version is kept: who wrote it, when, why, and what changed. Editors’ names are public, because the archive amends its
        rationales in the open. Texts are shown as their Markdown source; added words are <ins className="underline decoration-2">underlined</ins>, removed
        words <del className="line-through decoration-2">struck through</del>.
      </p>

      {query.restored !== undefined && (
        <p role="status" className="mt-6 rounded-sm border-2 border-emerald-700 p-3 font-sans dark:border-emerald-400">
          Restored: version {query.restored} is saved{query.restored === currentVersion ? " and is now the current rationale" : ""}.
        </p>
      )}
      {wire.status === "MERGED" && (
        <p role="note" className="mt-6 border-l-4 border-ink pl-4">
          This wire was merged{wire.mergedInto && <> into <a href={wirePath(wire.mergedInto)}>{wire.mergedInto.id}</a></>}. Its rationale’s history stays here; it is no longer amended.
        </p>
      )}
      {withdrawn && (
        <p role="note" className="mt-6 border-l-4 border-ink pl-4">
          This wire was withdrawn: its rationale’s texts are no longer published. The record of who changed it, when and why stays public.
        </p>
      )}

      {/* With one version there is nothing to compare, but a comparison asked for still gets an answer. */}
      {!withdrawn && (versions.length > 1 || query.compare.status !== "none") && (
        <RationaleCompare action={historyHref} versions={versions} compare={query.compare} pair={pair} />
      )}

      <section aria-labelledby="versions-heading" className="mt-10">
        <h2 id="versions-heading" className="font-sans text-xl font-semibold">
          All versions ({versions.length})
        </h2>
        {entries.length === 0 ? (
          <p className="mt-3">{currentVersion === null ? "This wire has no rationale yet." : "There are no older versions."}</p>
        ) : (
          <ol className="mt-3">
            {entries.map((entry) => (
              <RationaleHistoryEntry
                key={entry.version}
                entry={entry}
                current={entry.version === currentVersion}
                showTexts={!withdrawn}
                restore={
                  session && currentVersion !== null && entry.version !== currentVersion ? (
                    <RationaleRestoreForm
                      action={restore}
                      version={entry.version}
                      baseVersion={currentVersion}
                      reasonMin={RATIONALE_REASON_MIN}
                      reasonMax={RATIONALE_REASON_MAX}
                      historyHref={historyHref}
                    />
                  ) : undefined
                }
              />
            ))}
          </ol>
        )}
        {(olderBefore !== undefined || query.before !== undefined) && (
          <nav aria-label="More versions" className="mt-4 flex gap-4 border-t border-rule pt-4 font-sans text-sm">
            {query.before !== undefined && <a href={historyHref}>← Newest versions</a>}
            {olderBefore !== undefined && <a href={`${historyHref}?before=${olderBefore}`}>Older versions →</a>}
          </nav>
        )}
      </section>
    </article>
  );
}

/** The two texts a valid comparison names; a withdrawn wire's texts are not published. */
async function comparedPair(id: string, compare: CompareRequest, withdrawn: boolean) {
  if (compare.status !== "ok" || withdrawn) return null;
  const texts = await getRationaleVersions(id, [compare.from, compare.to]);
  const from = texts.get(compare.from);
  const to = texts.get(compare.to);
  return from && to ? { from, to } : null;
}

function queryString(params: HistorySearchParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) search.append(key, item);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
