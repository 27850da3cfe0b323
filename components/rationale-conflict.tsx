import { formatTime } from "@/lib/format/format-date";
import type { DiffSegment } from "@/lib/rationale/diff-words";
import type { LatestChange, RationaleState } from "@/lib/rationale/rationale-state";
import { WordDiff } from "./word-diff";

type Props = { current: RationaleState; latestChange: LatestChange | null; diff: DiffSegment[]; mine: string };

/**
 * Shown when someone else saved first: their version, what separates it from the editor's text, and
 * the editor's own text kept in the form below, ready to merge and save over the new version.
 */
export function RationaleConflict({ current, latestChange, diff, mine }: Props) {
  return (
    <section aria-labelledby="conflict-heading" className="mb-6 rounded-sm border-2 border-amber-700 p-4 dark:border-amber-400">
      <h2 id="conflict-heading" className="text-lg font-semibold">Someone else saved this rationale first</h2>
      <p className="mt-2 text-sm">
        Version {current.version} was saved
        {latestChange && (
          <>
            {" "}by {latestChange.author} on <time dateTime={latestChange.at}>{formatTime(latestChange.at)}</time> with the reason “{latestChange.reason}”
          </>
        )}
        . Nothing of yours was saved, and nothing is lost: your text is still in the form below. Merge what you need from
        the current version into it, then save over version {current.version}.
      </p>
      <details className="mt-3" open>
        <summary className="cursor-pointer text-sm font-semibold">Current version {current.version}</summary>
        <pre className="mt-2 max-h-72 overflow-auto whitespace-pre-wrap rounded-sm border border-rule p-3 font-mono text-xs">{current.text}</pre>
        <p className="mt-1 text-xs text-muted">Test applied: {current.test}</p>
      </details>
      <details className="mt-3" open>
        <summary className="cursor-pointer text-sm font-semibold">From the current version to your text</summary>
        <div className="mt-2 max-h-72 overflow-auto rounded-sm border border-rule p-3">
          <WordDiff segments={diff} label="Changes from the current version to your text" />
        </div>
      </details>
      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-semibold">Your text, as you sent it</summary>
        <pre className="mt-2 max-h-72 overflow-auto whitespace-pre-wrap rounded-sm border border-rule p-3 font-mono text-xs">{mine}</pre>
      </details>
    </section>
  );
}
