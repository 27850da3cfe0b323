import "server-only";
import { getPrisma } from "@/lib/db/get-db";
import { Bitset } from "./bitset";
import { normalizeSearchText } from "./normalize-search-text";

export type TextMatch = {
  /** False when the text has no searchable words (only stop words or operators). */
  searchable: boolean;
  bits: Bitset;
  ords: Uint32Array;
  ranks: Float32Array;
};

const CACHE_ENTRIES = 64;
/** Bounds the cache's memory: ordinals plus ranks, 8 bytes each. */
const CACHE_MAX_MATCHES = 4_000_000;
const cache = new Map<string, TextMatch>();
let cachedMatches = 0;

/**
 * Wires whose text matches a web-search query (quoted phrases, `or`, `-exclusion`), with their
 * rank (headline weighs most, then summary, then body). Matches are cached per archive version
 * (`seq`), so a write makes every cached answer stale at once.
 */
export async function matchText(text: string, seq: bigint, capacity: number): Promise<TextMatch> {
  const q = normalizeSearchText(text);
  const key = `${seq}\u0000${q}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const prisma = await getPrisma();
  const bits = new Bitset(capacity);
  const nodes = await countQueryNodes(q);
  if (nodes === 0) return { searchable: false, bits, ords: new Uint32Array(0), ranks: new Float32Array(0) };
  // One row of two arrays: far cheaper to carry than one row per match when a word is common.
  const [row] = await prisma.$queryRaw<[{ ords: number[] | null; ranks: number[] | null }]>`
    SELECT array_agg(w.ord) AS ords, array_agg(ts_rank(w.search_vector, query)::float8) AS ranks
    FROM wire w, websearch_to_tsquery('english', ${q}) query
    WHERE w.search_vector @@ query`;
  const ords = Uint32Array.from(row?.ords ?? []);
  const ranks = Float32Array.from(row?.ranks ?? []);
  for (const ord of ords) bits.set(ord);
  const match = { searchable: true, bits, ords, ranks };
  remember(key, match);
  return match;
}

/**
 * How many terms and operators the query parses into: 0 when it has nothing to search for.
 * Text PostgreSQL cannot parse at all (a long run of "-" overflows its tsquery stack) counts as 0.
 */
async function countQueryNodes(q: string): Promise<number> {
  const prisma = await getPrisma();
  try {
    const [probe] = await prisma.$queryRaw<[{ nodes: number }]>`SELECT numnode(websearch_to_tsquery('english', ${q})) AS nodes`;
    return probe?.nodes ?? 0;
  } catch (error) {
    if (error instanceof Error && /tsquery/i.test(error.message)) return 0;
    throw error;
  }
}

function remember(key: string, match: TextMatch): void {
  if (match.ords.length > CACHE_MAX_MATCHES / 4) return;
  cache.set(key, match);
  cachedMatches += match.ords.length;
  for (const [oldKey, old] of cache) {
    if (cache.size <= CACHE_ENTRIES && cachedMatches <= CACHE_MAX_MATCHES) break;
    cache.delete(oldKey);
    cachedMatches -= old.ords.length;
  }
}

/** Empties the cache: the benchmark measures both cold and warm searches. */
export function clearTextCache(): void {
  cache.clear();
  cachedMatches = 0;
}
