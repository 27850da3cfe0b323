import type { Bitset } from "./bitset";
import type { FacetIndex } from "./facet-index";

/**
 * One page of results in a stable order, with cursors that name the last wire seen on either
 * side: newest first as (event day, ordinal), or by relevance as (rank, ordinal). Paging never
 * repeats or skips a wire, even when wires are added between page loads.
 */
export type ResultPage = { ords: number[]; older?: string; newer?: string; badCursor: boolean };

/** The matches that earned the same points, best level first (see lib/search/match-text.ts). */
export type RankLevel = { points: number; bits: Bitset };

/** A rank packs the points above the event day: room for days from about 3800 BCE to 9500 CE. */
export const DAY_BITS = 2 ** 22;
export const rankOf = (points: number, day: number) => points * DAY_BITS + Math.min(DAY_BITS - 1, Math.max(0, day + DAY_BITS / 2));

type Parsed = { a: number; ord: number } | undefined;
type Place = { day: number; ord: number };
/** Event days the set is known to lie within (the search's date filter): the walk skips the rest. */
export type DayWindow = { from?: number; to?: number };

function parseCursor(cursor: string | undefined, kind: "d" | "r"): Parsed | "bad" {
  if (!cursor) return undefined;
  const match = new RegExp(`^${kind}(-?[0-9.e+-]+)_(\\d{1,8})$`).exec(cursor);
  if (!match) return "bad";
  const a = Number(match[1]);
  const ord = Number(match[2]);
  return Number.isFinite(a) ? { a, ord } : "bad";
}

/** Below this many members, a set is sorted outright rather than found by walking the newest-first order. */
const SORT_BELOW = 4096;

/**
 * Up to `take` members of `bits`, nearest first: going older from just after `from` (or from the newest
 * wire), or going newer from just before it (or from the oldest). A large set is met by walking the
 * index's newest-first order until enough turn up; a small one is cheaper to sort.
 */
export function takeByDate(index: FacetIndex, bits: Bitset, from: Place | undefined, dir: "older" | "newer", take: number, days: DayWindow = {}): number[] {
  if (take <= 0) return [];
  const count = bits.count();
  if (count === 0) return [];
  if (count < SORT_BELOW) return sortMembers(index, bits, from, dir, take);
  const order = index.newestFirst();
  // Entries with a day after `to` come first in the order, those before `from` last: never walked.
  const first = days.to === undefined ? 0 : index.positionAfter(days.to + 1, -1);
  const end = days.from === undefined ? order.length : index.positionAfter(days.from, -1);
  const out: number[] = [];
  if (dir === "older") {
    for (let i = Math.max(first, from ? index.positionAfter(from.day, from.ord) : 0); i < end && out.length < take; i += 1) if (bits.has(order[i]!)) out.push(order[i]!);
    return out;
  }
  let i = end - 1;
  if (from) {
    i = Math.min(i, index.positionAfter(from.day, from.ord) - 1);
    if (i >= 0 && order[i] === from.ord) i -= 1;
  }
  for (; i >= first && out.length < take; i -= 1) if (bits.has(order[i]!)) out.push(order[i]!);
  return out;
}

function sortMembers(index: FacetIndex, bits: Bitset, from: Place | undefined, dir: "older" | "newer", take: number): number[] {
  // (day, ord) in one comparable number, as the index orders them.
  const key = (day: number, ord: number) => day * 2 ** 24 + ord;
  const limit = from ? key(from.day, from.ord) : dir === "older" ? Infinity : -Infinity;
  const members: number[] = [];
  bits.forEach((ord) => {
    const k = key(index.day[ord]!, ord);
    if (dir === "older" ? k < limit : k > limit) members.push(ord);
  });
  const sign = dir === "older" ? -1 : 1;
  members.sort((a, b) => sign * (key(index.day[a]!, a) - key(index.day[b]!, b)));
  return members.slice(0, take);
}

export function pageByDate(index: FacetIndex, mask: Bitset, cursor: string | undefined, dir: "older" | "newer" | undefined, limit: number, days: DayWindow = {}): ResultPage {
  const parsed = parseCursor(cursor, "d");
  const valid = parsed && parsed !== "bad" ? { day: parsed.a, ord: parsed.ord } : undefined;
  const key = (ord: number) => `d${index.day[ord]}_${ord}`;
  if (dir === "newer" && valid) {
    const ords = takeByDate(index, mask, valid, "newer", limit + 1, days);
    const more = ords.length > limit;
    const page = ords.slice(0, limit).reverse();
    return { ords: page, newer: more && page[0] !== undefined ? key(page[0]) : undefined, older: page.length ? key(page.at(-1)!) : undefined, badCursor: false };
  }
  const ords = takeByDate(index, mask, valid, "older", limit + 1, days);
  const more = ords.length > limit;
  const page = ords.slice(0, limit);
  return {
    ords: page,
    older: more ? key(page.at(-1)!) : undefined,
    newer: valid && page[0] !== undefined ? key(page[0]) : undefined,
    badCursor: parsed === "bad",
  };
}

/**
 * Best first: more points, then the later event day, then the higher ordinal. `levels` (best first)
 * hold only wires of the mask; within a level the order is the newest-first one, so each level is
 * paged like the date order and the levels follow one another.
 */
export function pageByRank(levels: RankLevel[], index: FacetIndex, cursor: string | undefined, dir: "older" | "newer" | undefined, limit: number, days: DayWindow = {}): ResultPage {
  const parsed = parseCursor(cursor, "r");
  const valid = parsed && parsed !== "bad" ? parsed : undefined;
  const at = valid ? { points: Math.floor(valid.a / DAY_BITS), place: { day: (valid.a % DAY_BITS) - DAY_BITS / 2, ord: valid.ord } } : undefined;
  const backwards = dir === "newer" && at !== undefined;
  const taken: { ord: number; points: number }[] = [];
  const ordered = backwards ? [...levels].reverse() : levels;
  for (const level of ordered) {
    if (taken.length > limit) break;
    if (at && (backwards ? level.points < at.points : level.points > at.points)) continue;
    const from = at && level.points === at.points ? at.place : undefined;
    for (const ord of takeByDate(index, level.bits, from, backwards ? "newer" : "older", limit + 1 - taken.length, days)) taken.push({ ord, points: level.points });
  }
  const more = taken.length > limit;
  const page = taken.slice(0, limit);
  if (backwards) page.reverse();
  const key = (i: number) => `r${rankOf(page[i]!.points, index.day[page[i]!.ord]!)}_${page[i]!.ord}`;
  return {
    ords: page.map((entry) => entry.ord),
    older: page.length > 0 && (backwards || more) ? key(page.length - 1) : undefined,
    newer: page.length > 0 && (backwards ? more : Boolean(valid)) ? key(0) : undefined,
    badCursor: parsed === "bad",
  };
}
