import "server-only";
import { getPrisma } from "@/lib/db/get-db";

/** Text with the words that matched the search marked, as segments: rendered without raw HTML. */
export type Highlighted = { text: string; match: boolean }[];

const START = "\u0001";
const STOP = "\u0002";

export function toSegments(marked: string): Highlighted {
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
  const prisma = await getPrisma();
  const options = `StartSel=${START}, StopSel=${STOP}, HighlightAll=true`;
  const rows = await prisma.$queryRaw<{ ord: number; headline: string; summary: string }[]>`
    SELECT w.ord, ts_headline('english', w.headline, query, ${options}) AS headline,
      ts_headline('english', w.summary, query, ${options}) AS summary
    FROM wire w, websearch_to_tsquery('english', ${q}) query WHERE w.ord = ANY(${ords})`;
  return new Map(rows.map((row) => [row.ord, { headline: toSegments(row.headline), summary: toSegments(row.summary) }]));
}
