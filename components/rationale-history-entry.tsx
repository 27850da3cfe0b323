import type { ReactNode } from "react";
import { formatTime } from "@/lib/format/format-date";
import { diffWords } from "@/lib/rationale/diff-words";
import type { HistoryEntry } from "@/lib/rationale/list-rationale-history";
import { RationaleTestChange } from "./rationale-test-change";
import { WordDiff } from "./word-diff";

type Props = {
  entry: HistoryEntry;
  current: boolean;
  /** False for a withdrawn wire: the record of changes stays public, the texts do not. */
  showTexts: boolean;
  /** The "Restore this version" form, for signed-in editors on older versions. */
  restore?: ReactNode;
};

/** One version in a rationale's history: who, when, why, and what changed from the version before. */
export function RationaleHistoryEntry({ entry, current, showTexts, restore }: Props) {
  const heading = `version-${entry.version}-heading`;
  return (
    <li id={`version-${entry.version}`} className="scroll-mt-4 border-t border-rule py-6">
      <article aria-labelledby={heading}>
        <h3 id={heading} className="font-sans text-lg font-semibold">
          Version {entry.version}
          <span className="font-normal text-muted"> · {kindWords(entry)}</span>
          {current && <span className="ml-2 rounded-sm border border-ink px-1.5 py-0.5 align-middle text-xs font-semibold">Current</span>}
        </h3>
        <p className="mt-1 font-sans text-sm text-muted">
          <time dateTime={entry.createdAt}>{formatTime(entry.createdAt)}</time> · {byline(entry)}
        </p>
        <p className="mt-2">
          <span className="font-sans text-sm font-semibold">Reason: </span>
          {entry.reason}
        </p>
        {showTexts && <Changes entry={entry} />}
        {restore}
      </article>
    </li>
  );
}

function Changes({ entry }: { entry: HistoryEntry }) {
  if (entry.previousText === null) {
    return (
      <div className="mt-3">
        <p className="font-sans text-sm font-semibold">Text of the first version</p>
        <pre className="mt-1 font-mono text-sm leading-relaxed break-words whitespace-pre-wrap">{entry.text}</pre>
        <p className="mt-2 font-sans text-sm">
          <span className="font-semibold">Test applied: </span>
          {entry.test}
        </p>
      </div>
    );
  }
  const label = `Changes from version ${entry.version - 1} to version ${entry.version}`;
  return (
    <div className="mt-3">
      <p className="font-sans text-sm font-semibold">{label}</p>
      {entry.previousText === entry.text ? (
        <p className="mt-1 font-sans text-sm text-muted">The text did not change.</p>
      ) : (
        <div className="mt-1 rounded-sm border border-rule p-3">
          <WordDiff segments={diffWords(entry.previousText, entry.text)} label={label} />
        </div>
      )}
      <RationaleTestChange before={entry.previousTest} after={entry.test} />
    </div>
  );
}

function kindWords(entry: HistoryEntry): string {
  if (entry.kind === "IMPORT") return "imported";
  if (entry.kind === "RESTORE") return entry.restoredFrom === null ? "restored" : `restored from version ${entry.restoredFrom}`;
  return "amended";
}

/** Editors' names are public, because the archive amends in the open; an import names its classification run. */
function byline(entry: HistoryEntry): string {
  if (entry.editorRole === null) return entry.kind === "IMPORT" ? `from ${entry.author}` : `by ${entry.author}`;
  return `by ${entry.author}, ${entry.editorRole === "ADMIN" ? "administrator" : "editor"}`;
}
