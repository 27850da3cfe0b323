import type { ReactNode } from "react";
import type { DiffSegment } from "@/lib/rationale/diff-words";

type Props = {
  segments: DiffSegment[];
  /** Names the comparison for assistive technology, e.g. "Changes from version 2 to version 3". */
  label: string;
};

const WHITESPACE_ONLY = /^\s+$/;

/**
 * A word-level diff of Markdown source, as text: added words are underlined in an <ins>, removed
 * ones struck through in a <del>, each announced as "added" or "removed" by visually hidden text,
 * so the change never rests on colour alone. Never rendered as HTML.
 */
export function WordDiff({ segments, label }: Props) {
  if (segments.length === 0) {
    return <p className="font-sans text-sm text-muted">Both versions are empty.</p>;
  }
  return (
    <div role="group" aria-label={label} className="word-diff font-mono text-sm leading-relaxed break-words whitespace-pre-wrap">
      {segments.map((segment, index) => {
        if (segment.kind === "same") return <span key={index}>{segment.text}</span>;
        const added = segment.kind === "added";
        const Tag = added ? "ins" : "del";
        return (
          <Tag
            key={index}
            className={
              added
                ? "rounded-[2px] bg-emerald-100 text-emerald-950 underline decoration-2 underline-offset-2 dark:bg-emerald-900/60 dark:text-emerald-50"
                : "rounded-[2px] bg-rose-100 text-rose-950 line-through decoration-2 dark:bg-rose-900/60 dark:text-rose-50"
            }
          >
            <span className="sr-only">{added ? "[added: " : "[removed: "}</span>
            {WHITESPACE_ONLY.test(segment.text) ? <Whitespace text={segment.text} added={added} /> : segment.text}
            <span className="sr-only">]</span>
          </Tag>
        );
      })}
    </div>
  );
}

/**
 * A change made only of spaces or line breaks would be invisible: show a mark for each (· for a
 * space, ¶ for a line break, → for a tab) and name it for screen readers. An added line break also
 * breaks the line, so the layout after it matches the new text.
 */
function Whitespace({ text, added }: { text: string; added: boolean }) {
  const parts: ReactNode[] = [];
  const spoken: string[] = [];
  for (const [index, char] of [...text].entries()) {
    if (char === "\n") {
      parts.push(<span key={index} aria-hidden="true">¶{added ? "\n" : ""}</span>);
      spoken.push("line break");
    } else if (char === "\t") {
      parts.push(<span key={index} aria-hidden="true">→</span>);
      spoken.push("tab");
    } else {
      parts.push(<span key={index} aria-hidden="true">·</span>);
      spoken.push("space");
    }
  }
  return (
    <>
      {parts}
      <span className="sr-only">{describe(spoken)}</span>
    </>
  );
}

/** "2 line breaks", "space", "3 spaces and a line break" */
function describe(spoken: string[]): string {
  const counts = new Map<string, number>();
  for (const word of spoken) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts].map(([word, count]) => (count === 1 ? `a ${word}` : `${count} ${word}s`)).join(" and ");
}
