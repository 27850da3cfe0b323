import type { Bitset } from "./bitset";
import type { FacetIndex } from "./facet-index";
import type { TextMatch } from "./match-text";

/**
 * One page of results in a stable order, with cursors that name the last wire seen on either
 * side: newest first as (event day, ordinal), or by relevance as (rank, ordinal). Paging never
 * repeats or skips a wire, even when wires are added between page loads.
 */
export type ResultPage = { ords: number[]; older?: string; newer?: string; badCursor: boolean };

type Parsed = { a: number; ord: number } | undefined;

function parseCursor(cursor: string | undefined, kind: "d" | "r"): Parsed | "bad" {
  if (!cursor) return undefined;
  const match = new RegExp(`^${kind}(-?[0-9.e+-]+)_(\\d{1,8})$`).exec(cursor);
  if (!match) return "bad";
  const a = Number(match[1]);
  const ord = Number(match[2]);
  return Number.isFinite(a) ? { a, ord } : "bad";
}

export function pageByDate(index: FacetIndex, mask: Bitset, cursor: string | undefined, dir: "older" | "newer" | undefined, limit: number): ResultPage {
  const parsed = parseCursor(cursor, "d");
  const order = index.newestFirst();
  const start = parsed && parsed !== "bad" ? index.positionAfter(parsed.a, parsed.ord) : 0;
  const key = (ord: number) => `d${index.day[ord]}_${ord}`;
  if (dir === "newer" && parsed && parsed !== "bad") {
    // Walk back from just before the cursor wire.
    const ords: number[] = [];
    let i = start - 1;
    if (i >= 0 && order[i] === parsed.ord) i -= 1;
    for (; i >= 0 && ords.length <= limit; i -= 1) if (mask.has(order[i]!)) ords.push(order[i]!);
    const more = ords.length > limit;
    const page = ords.slice(0, limit).reverse();
    return { ords: page, newer: more && page[0] !== undefined ? key(page[0]) : undefined, older: page.length ? key(page.at(-1)!) : undefined, badCursor: false };
  }
  const ords: number[] = [];
  for (let i = start; i < order.length && ords.length <= limit; i += 1) if (mask.has(order[i]!)) ords.push(order[i]!);
  const more = ords.length > limit;
  const page = ords.slice(0, limit);
  const hadCursor = Boolean(parsed && parsed !== "bad");
  return {
    ords: page,
    older: more ? key(page.at(-1)!) : undefined,
    newer: hadCursor && page[0] !== undefined ? key(page[0]) : undefined,
    badCursor: parsed === "bad",
  };
}

export function pageByRank(text: TextMatch, mask: Bitset, cursor: string | undefined, dir: "older" | "newer" | undefined, limit: number): ResultPage {
  const parsed = parseCursor(cursor, "r");
  const hits: { rank: number; ord: number }[] = [];
  for (let i = 0; i < text.ords.length; i += 1) if (mask.has(text.ords[i]!)) hits.push({ rank: text.ranks[i]!, ord: text.ords[i]! });
  // Best first; ties by newest ordinal. Ranks are float32 in memory, so cursors carry that value.
  hits.sort((x, y) => y.rank - x.rank || y.ord - x.ord);
  const after = (h: { rank: number; ord: number }, c: { a: number; ord: number }) => h.rank < c.a || (h.rank === c.a && h.ord < c.ord);
  const key = (h: { rank: number; ord: number }) => `r${h.rank}_${h.ord}`;
  const valid = parsed && parsed !== "bad" ? parsed : undefined;
  let start = 0;
  if (valid) {
    start = hits.findIndex((h) => after(h, valid));
    if (start < 0) start = hits.length;
  }
  if (dir === "newer" && valid) {
    const end = start - (hits[start - 1]?.ord === valid.ord ? 1 : 0);
    const from = Math.max(0, end - limit);
    const page = hits.slice(from, end);
    return { ords: page.map((h) => h.ord), newer: from > 0 && page[0] ? key(page[0]) : undefined, older: page.length ? key(page.at(-1)!) : undefined, badCursor: false };
  }
  const page = hits.slice(start, start + limit);
  return {
    ords: page.map((h) => h.ord),
    older: start + limit < hits.length && page.length ? key(page.at(-1)!) : undefined,
    newer: valid && page[0] ? key(page[0]) : undefined,
    badCursor: parsed === "bad",
  };
}
