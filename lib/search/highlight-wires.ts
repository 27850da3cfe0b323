import "server-only";
import { getDb } from "@/lib/db/get-db";
import { normalizeSearchText } from "./normalize-search-text";

/** Text with the words that matched the search marked, as segments: rendered without raw HTML. */
export type Highlighted = { text: string; match: boolean }[];

const START = "\u0001";
const STOP = "\u0002";

/**
 * Splits ts_headline's output at the markers. `original` is the text before normalization: it has
 * the same length as the marked text without markers, so each segment takes its characters back.
 */
export function toSegments(marked: string, original?: string): Highlighted {
  const segments = splitMarks(marked);
  const length = segments.reduce((sum, segment) => sum + segment.text.length, 0);
  if (original === undefined || length !== original.length) return segments;
  let at = 0;
  return segments.map((segment) => {
    const text = original.slice(at, at + segment.text.length);
    at += segment.text.length;
    return { ...segment, text };
  });
}

function splitMarks(marked: string): Highlighted {
  const segments: Highlighted = [];
  for (const [i, part] of marked.split(START).entries()) {
    if (i === 0) {
      if (part) segments.push({ text: part, match: false });
      continue;
    }
    const [hit = "", rest = ""] = part.split(STOP);
    if (hit) segments.push({ text: hit, match: true });
    if (rest) segments.push({ text: rest, match: false });
  }
  return segments;
}

/** Marks the search's words in the headline and summary of the given wires (PostgreSQL's ts_headline). */
export async function highlightWires(ords: number[], q: string): Promise<Map<number, { headline: Highlighted; summary: Highlighted }>> {
  if (ords.length === 0) return new Map();
  const db = await getDb();
  const options = `StartSel=${START}, StopSel=${STOP}, HighlightAll=true`;
  const rows = await db.read<{ ord: number; headline: string; summary: string; markedHeadline: string; markedSummary: string }>(
    `SELECT w.ord, w.headline, w.summary,
      ts_headline('english', translate(w.headline, '·', '-'), query, $1) AS "markedHeadline",
      ts_headline('english', translate(w.summary, '·', '-'), query, $1) AS "markedSummary"
    FROM wire w, websearch_to_tsquery('english', $2) query WHERE w.ord = ANY($3::int[])`,
    [options, normalizeSearchText(q), ords],
  );
  return new Map(
    rows.map((row) => [row.ord, { headline: toSegments(row.markedHeadline, row.headline), summary: toSegments(row.markedSummary, row.summary) }]),
  );
}
