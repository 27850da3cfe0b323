import "server-only";
import { getPrisma } from "@/lib/db/get-db";
import { processWide } from "@/lib/process-wide";
import { Bitset, recycle, scratchBitset, scratchCopy } from "./bitset";
import { evaluateTextQuery, phraseLexemes } from "./evaluate-text-query";
import type { FacetIndex } from "./facet-index";
import { normalizeSearchText } from "./normalize-search-text";
import { readSearchText } from "./read-search-text";
import { loadPostings, type LexemePostings, type PrefetchedPostings } from "./postings/load-postings";
import { dirtyWires } from "./postings/search-blocks";
import type { RankLevel } from "./result-pages";
import { plainTerms, queryLexemes, rankedLexemes, type TsNode } from "./tsquery";

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
const CACHE_ENTRIES = 64;
const cache = processWide("search.text-matches", () => new Map<string, TextMatch>());
const PARSED_ENTRIES = 1000;
const parsedTexts = processWide("search.parsed-texts", () => new Map<string, Promise<TsNode | null>>());
/** Postings read along with a text, until its match takes them: a few searches' worth at most. */
const READ_AHEAD_ENTRIES = 8;
const readAhead = processWide("search.read-ahead", () => new Map<string, Promise<PrefetchedPostings>>());

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
  const ahead = takeReadAhead(q);
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
    postings = await loadPostings(queryLexemes(tree), blocks, capacity, phraseLexemes(tree), await ahead);
    const universe = scratchCopy(index.loadedSet()).andNot(dirty.bits);
    const evaluated = evaluateTextQuery(tree, postings, universe);
    recycle(universe);
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
 * the search runs it beside its other first reads. A text read anew brings its lexemes' postings along
 * (readSearchText), which the next matchText of the same text takes.
 */
export function parseSearchText(text: string): Promise<TsNode | null> {
  const q = normalizeSearchText(text);
  let parsed = parsedTexts.get(q);
  if (parsed) {
    parsedTexts.delete(q);
  } else {
    const reading = readSearchText(q);
    parsed = reading.then((read) => read.tree);
    parsed.catch(() => parsedTexts.delete(q));
    const postings = reading.then((read) => read.postings);
    postings.catch(() => readAhead.delete(q));
    readAhead.set(q, postings);
    for (const old of readAhead.keys()) {
      if (readAhead.size <= READ_AHEAD_ENTRIES) break;
      readAhead.delete(old);
    }
  }
  parsedTexts.set(q, parsed);
  for (const old of parsedTexts.keys()) {
    if (parsedTexts.size <= PARSED_ENTRIES) break;
    parsedTexts.delete(old);
  }
  return parsed;
}

/** The postings read with text `q`, once: later searches of it go through the postings cache. */
function takeReadAhead(q: string): Promise<PrefetchedPostings> | undefined {
  const postings = readAhead.get(q);
  readAhead.delete(q);
  return postings;
}

/**
 * The wires of `mask` by points: for the wires the postings hold, from where each word stands
 * (headline, summary, body, absent), worked out 32 wires at a time; for the others, from the points
 * PostgreSQL gave them.
 */
function rankLevels(mask: Bitset, words: LexemePostings[], live: Map<number, number>, liveWires: Bitset): RankLevel[] {
  const levels: Bitset[] = [];
  const clean = live.size > 0 ? scratchCopy(mask).andNot(liveWires) : mask;
  const planes: Uint32Array[] = words.flatMap((word) => [word.headline.words, word.summary.words, word.all.words]);
  const { words: maskWords } = clean;
  for (let w = 0; w < maskWords.length; w += 1) {
    const bits = maskWords[w]!;
    if (bits !== 0) splitWord(w, bits, 0, 0, planes, levels, mask.capacity);
  }
  if (clean !== mask) recycle(clean);
  for (const [ord, points] of live) {
    if (!mask.has(ord)) continue;
    (levels[points] ??= scratchBitset(mask.capacity)).set(ord);
  }
  const out: RankLevel[] = [];
  for (let points = levels.length - 1; points >= 0; points -= 1) {
    const bits = levels[points];
    if (bits) out.push({ points, bits });
  }
  return out;
}

/**
 * Sorts the wires of word `w` whose bits are `bits` by where query word `i` stands in each (headline,
 * summary, body, absent), then on to the next query word; adds each group to the level of its points.
 * `planes` holds three word arrays per query word: headline, summary, anywhere.
 */
function splitWord(w: number, bits: number, i: number, points: number, planes: Uint32Array[], levels: Bitset[], capacity: number): void {
  if (i * 3 === planes.length) {
    const level = (levels[points] ??= scratchBitset(capacity));
    level.words[w]! |= bits;
    return;
  }
  const headline = bits & (planes[i * 3]![w] ?? 0);
  let rest = bits & ~headline;
  const summary = rest & (planes[i * 3 + 1]![w] ?? 0);
  rest &= ~summary;
  const body = rest & (planes[i * 3 + 2]![w] ?? 0);
  rest &= ~body;
  if (headline !== 0) splitWord(w, headline, i + 1, points + WORD_POINTS.headline, planes, levels, capacity);
  if (summary !== 0) splitWord(w, summary, i + 1, points + WORD_POINTS.summary, planes, levels, capacity);
  if (body !== 0) splitWord(w, body, i + 1, points + WORD_POINTS.body, planes, levels, capacity);
  if (rest !== 0) splitWord(w, rest, i + 1, points, planes, levels, capacity);
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
  readAhead.clear();
}
