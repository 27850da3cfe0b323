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

/**
 * Best first: higher rank (relevance, then event day), then higher ordinal. One pass over the wires of
 * `mask` (which holds only matches) keeps the `limit + 1` nearest the cursor on the wanted side.
 */
export function pageByRank(text: Pick<TextMatch, "rank">, mask: Bitset, cursor: string | undefined, dir: "older" | "newer" | undefined, limit: number): ResultPage {
  const parsed = parseCursor(cursor, "r");
  const valid = parsed && parsed !== "bad" ? parsed : undefined;
  const backwards = dir === "newer" && valid !== undefined;
  // a before b in the ranking
  const before = (rankA: number, ordA: number, rankB: number, ordB: number) => rankA > rankB || (rankA === rankB && ordA > ordB);
  const keptRanks: number[] = [];
  const keptOrds: number[] = [];
  // The kept entries stay sorted nearest first: best first going down, worst first going back up.
  const nearer = (rank: number, ord: number, i: number) =>
    backwards ? before(keptRanks[i]!, keptOrds[i]!, rank, ord) : before(rank, ord, keptRanks[i]!, keptOrds[i]!);
  const { words } = mask;
  for (let w = 0; w < words.length; w += 1) {
    let word = words[w]!;
    while (word !== 0) {
      const low = word & -word;
      const ord = (w << 5) + 31 - Math.clz32(low);
      word ^= low;
      const rank = text.rank(ord);
      if (valid) {
        if (rank === valid.a && ord === valid.ord) continue;
        if (before(rank, ord, valid.a, valid.ord) !== backwards) continue;
      }
      if (keptRanks.length > limit && !nearer(rank, ord, limit)) continue;
      let at = Math.min(keptRanks.length, limit + 1);
      while (at > 0 && nearer(rank, ord, at - 1)) at -= 1;
      keptRanks.splice(at, 0, rank);
      keptOrds.splice(at, 0, ord);
      if (keptRanks.length > limit + 1) {
        keptRanks.pop();
        keptOrds.pop();
      }
    }
  }
  const more = keptOrds.length > limit;
  const ords = keptOrds.slice(0, limit);
  const ranks = keptRanks.slice(0, limit);
  if (backwards) {
    ords.reverse();
    ranks.reverse();
  }
  const key = (i: number) => `r${ranks[i]}_${ords[i]}`;
  return {
    ords,
    older: ords.length > 0 && (backwards || more) ? key(ords.length - 1) : undefined,
    newer: ords.length > 0 && (backwards ? more : Boolean(valid)) ? key(0) : undefined,
    badCursor: parsed === "bad",
  };
}
