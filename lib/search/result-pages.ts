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
  const valid = parsed && parsed !== "bad" ? parsed : undefined;
  // Best first: higher rank, then higher ordinal. `before(i)` is true when hit i comes before the cursor.
  const { ords, ranks } = text;
  const comesBefore = (i: number, rank: number, ord: number) => ranks[i]! > rank || (ranks[i] === rank && ords[i]! > ord);
  const key = (i: number) => `r${ranks[i]}_${ords[i]}`;
  const backwards = dir === "newer" && valid !== undefined;
  // One pass keeps the `limit + 1` hits nearest the cursor on the wanted side (no full sort).
  const kept: number[] = [];
  const nearer = (a: number, b: number) => (backwards ? comesBefore(b, ranks[a]!, ords[a]!) : comesBefore(a, ranks[b]!, ords[b]!));
  for (let i = 0; i < ords.length; i += 1) {
    if (!mask.has(ords[i]!)) continue;
    if (valid) {
      const isBefore = comesBefore(i, valid.a, valid.ord);
      const isCursor = ranks[i] === valid.a && ords[i] === valid.ord;
      if (isCursor || isBefore !== backwards) continue;
    }
    if (kept.length <= limit) {
      kept.push(i);
      kept.sort((a, b) => (nearer(a, b) ? -1 : 1));
    } else if (nearer(i, kept[limit]!)) {
      kept[limit] = i;
      kept.sort((a, b) => (nearer(a, b) ? -1 : 1));
    }
  }
  const more = kept.length > limit;
  const page = kept.slice(0, limit);
  if (backwards) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  return {
    ords: page.map((i) => ords[i]!),
    older: last !== undefined && (backwards || more) ? key(last) : undefined,
    newer: first !== undefined && (backwards ? more : Boolean(valid)) ? key(first) : undefined,
    badCursor: parsed === "bad",
  };
}
