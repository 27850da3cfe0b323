import "server-only";
import { getPrisma } from "@/lib/db/get-db";
import { Bitset, recycle, scratchBitset, scratchCopy } from "./bitset";
import { evaluateTextQuery, phraseLexemes } from "./evaluate-text-query";
import type { FacetIndex } from "./facet-index";
import { normalizeSearchText } from "./normalize-search-text";
import { loadPostings, type LexemePostings } from "./postings/load-postings";
import { dirtyWires } from "./postings/search-blocks";
import type { RankLevel } from "./result-pages";
import { parseTsQuery, plainTerms, queryLexemes, rankedLexemes, type TsNode } from "./tsquery";

export type TextMatch = {
  /** False when the text has no searchable words (only stop words or operators). */
  searchable: boolean;
  bits: Bitset;
  /** The wires of `mask` (matches only) grouped by the points they earn, most points first: new bitsets, the caller's to recycle. */
  levels(mask: Bitset): RankLevel[];
};

/**
 * Points a query word earns a wire by where it stands: the headline weighs most, then the summary, then
 * the body (PostgreSQL's own weights A, B, C for the three, in ts_rank's proportions).
 */
export const WORD_POINTS = { headline: 10, summary: 4, body: 2 } as const;
/** Beyond this many wires that the postings do not hold, a search runs wholly in PostgreSQL. */
const LIVE_LIMIT = 50_000;
/** Up to this many query words, levels are found with set operations; past it, wire by wire. */
const SET_LEVELS_UP_TO = 3;
const CACHE_ENTRIES = 64;
const cache = new Map<string, TextMatch>();
const PARSED_ENTRIES = 1000;
const parsedTexts = new Map<string, Promise<TsNode | null>>();

/**
 * Wires whose text matches a web-search query (quoted phrases, `or`, `-exclusion`), ranked by where
 * the words stand, newer first among equals. PostgreSQL parses the query (websearch_to_tsquery: its
 * stemming and stop words); the lexeme postings of lib/search/postings answer it for every wire they
 * hold as it reads now, and PostgreSQL answers it for the others (written since their block was built).
 * Matches are cached per archive version, so a write makes every cached answer stale at once.
 */
export async function matchText(text: string, index: FacetIndex, options: { liveLimit?: number } = {}): Promise<TextMatch> {
  const q = normalizeSearchText(text);
  const tree = await parseSearchText(text);
  const blocks = index.blocks;
  const liveLimit = options.liveLimit ?? LIVE_LIMIT;
  const key = `${index.seq}\u0000${index.size}\u0000${blocks.key}\u0000${liveLimit}\u0000${q}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const capacity = index.listed.capacity;
  if (!tree) return { searchable: false, bits: new Bitset(capacity), levels: () => [] };
  const ranked = rankedLexemes(tree);
  const dirty = dirtyWires(index, blocks);
  let bits: Bitset;
  let live: Map<number, number>;
  /** The wires whose points PostgreSQL gave (in `live`), not the postings. */
  let liveWires = dirty.bits;
  let postings = new Map<string, LexemePostings>();
  if (!plainTerms(tree) || dirty.ords.length > liveLimit) {
    live = await liveMatches(q, ranked, null);
    bits = new Bitset(capacity);
    for (const ord of live.keys()) if (ord < capacity) bits.set(ord);
    liveWires = bits;
  } else {
    postings = await loadPostings(queryLexemes(tree), blocks, capacity, phraseLexemes(tree));
    const universe = index.loadedSet().clone().andNot(dirty.bits);
    const evaluated = evaluateTextQuery(tree, postings, universe);
    bits = evaluated.exact ? evaluated.bits : await narrow(evaluated.bits, q);
    live = dirty.ords.length > 0 ? await liveMatches(q, ranked, dirty.ords) : new Map();
    for (const ord of live.keys()) if (ord < capacity) bits.set(ord);
  }
  const words = ranked.map((lexeme) => postings.get(lexeme)).filter((found): found is LexemePostings => found !== undefined);
  const match: TextMatch = { searchable: true, bits, levels: (mask) => rankLevels(mask, words, live, liveWires) };
  remember(key, match);
  return match;
}

/**
 * PostgreSQL's reading of the text (websearch_to_tsquery) as a tree; null when nothing in it can be
 * searched. Kept per text: the reading depends on the text search configuration alone. Start it early:
 * the search runs it beside its other first reads.
 */
export function parseSearchText(text: string): Promise<TsNode | null> {
  const q = normalizeSearchText(text);
  let parsed = parsedTexts.get(q);
  if (parsed) {
    parsedTexts.delete(q);
  } else {
    parsed = parseQuery(q);
    parsed.catch(() => parsedTexts.delete(q));
  }
  parsedTexts.set(q, parsed);
  for (const old of parsedTexts.keys()) {
    if (parsedTexts.size <= PARSED_ENTRIES) break;
    parsedTexts.delete(old);
  }
  return parsed;
}

async function parseQuery(q: string): Promise<TsNode | null> {
  const prisma = await getPrisma();
  try {
    const [row] = await prisma.$queryRaw<[{ query: string }]>`SELECT websearch_to_tsquery('english', ${q})::text AS query`;
    return parseTsQuery(row?.query ?? "");
  } catch (error) {
    // Text PostgreSQL cannot parse at all (a long run of "-" overflows its tsquery stack) searches nothing.
    if (error instanceof Error && /tsquery/i.test(error.message)) return null;
    throw error;
  }
}

/**
 * The wires of `mask` by points: for the wires the postings hold, by set operations over where each
 * word stands (headline, summary, body, absent); for the others, from the points PostgreSQL gave them.
 */
function rankLevels(mask: Bitset, words: LexemePostings[], live: Map<number, number>, liveWires: Bitset): RankLevel[] {
  const levels = new Map<number, Bitset>();
  const into = (points: number) => {
    let bits = levels.get(points);
    if (!bits) {
      bits = scratchBitset(mask.capacity);
      levels.set(points, bits);
    }
    return bits;
  };
  const clean = live.size > 0 ? scratchCopy(mask).andNot(liveWires) : mask;
  // Set operations cost passes over the whole archive; unless the matches are a large share of it,
  // they are quicker one by one.
  if (words.length <= SET_LEVELS_UP_TO && clean.count() * 8 > clean.capacity) {
    const split = (i: number, wires: Bitset, points: number): void => {
      if (wires.isEmpty()) return;
      if (i === words.length) {
        into(points).or(wires);
        return;
      }
      const word = words[i]!;
      const rest = scratchCopy(wires);
      const headline = scratchCopy(wires).and(word.headline);
      rest.andNot(headline);
      const summary = scratchCopy(rest).and(word.summary);
      rest.andNot(summary);
      const body = scratchCopy(rest).and(word.all);
      rest.andNot(body);
      split(i + 1, headline, points + WORD_POINTS.headline);
      split(i + 1, summary, points + WORD_POINTS.summary);
      split(i + 1, body, points + WORD_POINTS.body);
      split(i + 1, rest, points);
      recycle(headline, summary, body, rest);
    };
    split(0, clean, 0);
  } else {
    clean.forEach((ord) => {
      let points = 0;
      for (const word of words) {
        if (word.headline.has(ord)) points += WORD_POINTS.headline;
        else if (word.summary.has(ord)) points += WORD_POINTS.summary;
        else if (word.all.has(ord)) points += WORD_POINTS.body;
      }
      into(points).set(ord);
    });
  }
  if (clean !== mask) recycle(clean);
  for (const [ord, points] of live) if (mask.has(ord)) into(points).set(ord);
  return [...levels].sort((a, b) => b[0] - a[0]).map(([points, bits]) => ({ points, bits }));
}

/** The tsquery literal of one lexeme, as PostgreSQL prints it. */
const lexemeQuery = (lexeme: string) => `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;

/**
 * Matches with their points, found by PostgreSQL: among `ords`, or among every wire (null). The points
 * follow WORD_POINTS, so that a wire ranks the same whichever way it was found.
 */
async function liveMatches(q: string, ranked: string[], ords: number[] | null): Promise<Map<number, number>> {
  const prisma = await getPrisma();
  const params: unknown[] = [q];
  const param = (value: unknown) => `$${params.push(value)}`;
  const points = ranked.map((lexeme) => {
    const word = `${param(lexemeQuery(lexeme))}::tsquery`;
    return `(CASE WHEN ts_filter(w.search_vector, '{a}') @@ ${word} THEN ${WORD_POINTS.headline}
      WHEN ts_filter(w.search_vector, '{b}') @@ ${word} THEN ${WORD_POINTS.summary}
      WHEN w.search_vector @@ ${word} THEN ${WORD_POINTS.body} ELSE 0 END)`;
  });
  const among = ords ? `AND w.ord = ANY(${param(ords)}::int[])` : "";
  const [row] = await prisma.$queryRawUnsafe<[{ ords: number[] | null; points: number[] | null }]>(
    `SELECT array_agg(w.ord) AS ords, array_agg((${points.join(" + ") || "0"})::int) AS points
     FROM wire w, websearch_to_tsquery('english', $1) query WHERE w.search_vector @@ query ${among}`,
    ...params,
  );
  const out = new Map<number, number>();
  (row?.ords ?? []).forEach((ord, i) => out.set(ord, row!.points![i]!));
  return out;
}

/** The wires of `candidates` that really match: PostgreSQL checks each. */
async function narrow(candidates: Bitset, q: string): Promise<Bitset> {
  const ords: number[] = [];
  candidates.forEach((ord) => ords.push(ord));
  const out = new Bitset(candidates.capacity);
  if (ords.length === 0) return out;
  const prisma = await getPrisma();
  const [row] = await prisma.$queryRaw<[{ ords: number[] | null }]>`
    SELECT array_agg(w.ord) AS ords FROM wire w WHERE w.ord = ANY(${ords}::int[]) AND w.search_vector @@ websearch_to_tsquery('english', ${q})`;
  for (const ord of row?.ords ?? []) out.set(ord);
  return out;
}

function remember(key: string, match: TextMatch): void {
  cache.set(key, match);
  for (const oldKey of cache.keys()) {
    if (cache.size <= CACHE_ENTRIES) break;
    cache.delete(oldKey);
  }
}

/** Empties the cache of matches: the benchmark measures both cold and warm searches. */
export function clearTextCache(): void {
  cache.clear();
  parsedTexts.clear();
}
