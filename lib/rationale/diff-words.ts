import { diffWordsWithSpace } from "diff";

export type DiffSegment = { kind: "same" | "added" | "removed"; text: string };

/**
 * Past this many word and space edits the versions are shown as wholly replaced: a word diff's
 * cost grows with the number of edits, and the history page is public.
 */
export const MAX_WORD_EDITS = 1_000;

/**
 * A word-level diff of two texts (Markdown source), as segments in reading order. Spaces and line
 * breaks are tokens too, so a new paragraph shows as a change. Within each change the removed text
 * comes before the text that replaces it. Joining the "same" and "removed" segments gives `before`;
 * joining the "same" and "added" ones gives `after`.
 */
export function diffWords(before: string, after: string): DiffSegment[] {
  if (before === after) return before === "" ? [] : [{ kind: "same", text: before }];
  const changes = diffWordsWithSpace(before, after, { maxEditLength: MAX_WORD_EDITS });
  if (!changes) return replaced(before, after);

  const segments: DiffSegment[] = [];
  let removed = "";
  let added = "";
  const push = (kind: DiffSegment["kind"], text: string) => {
    const previous = segments.at(-1);
    if (previous?.kind === kind) previous.text += text;
    else if (text !== "") segments.push({ kind, text });
  };
  const flush = () => {
    push("removed", removed);
    push("added", added);
    removed = "";
    added = "";
  };
  changes.forEach((change, index) => {
    if (change.added) added += change.value;
    else if (change.removed) removed += change.value;
    else {
      // A lone space between two replaced words joins them, so "a b" -> "x y" reads as one change
      // rather than two with a space between. Line breaks stay: they separate paragraphs.
      const next = changes[index + 1];
      if (removed && added && (next?.added || next?.removed) && /^[ \t]+$/.test(change.value)) {
        removed += change.value;
        added += change.value;
        return;
      }
      flush();
      push("same", change.value);
    }
  });
  flush();
  return segments;
}

function replaced(before: string, after: string): DiffSegment[] {
  const segments: DiffSegment[] = [];
  if (before !== "") segments.push({ kind: "removed", text: before });
  if (after !== "") segments.push({ kind: "added", text: after });
  return segments;
}
