import "server-only";
import { LRUCache } from "lru-cache";
import { getDb } from "@/lib/db/get-db";
import { processWide } from "@/lib/process-wide";
import { Bitset } from "../bitset";
import { addOrds, BLOCK_SIZE } from "./ord-sets";
import type { SearchBlocks } from "./search-blocks";

/** One lexeme over the whole archive, as the built blocks hold it. */
export type LexemePostings = {
  lexeme: string;
  all: Bitset;
  headline: Bitset;
  summary: Bitset;
  /** Per block: the encoded ordinals and the positions in each, read when a phrase needs them. */
  positions?: Map<number, { ords: Uint8Array; positions: Uint8Array }>;
  /** The blocks' tokens when read: a rebuilt block makes the entry stale. */
  key: string;
  bytes: number;
};

/** One row of search_posting: a lexeme in one block. */
export type PostingRow = { lexeme: string; block: number; ords: Uint8Array; headline: Uint8Array | null; summary: Uint8Array | null; positions: Uint8Array | null };

/**
 * The columns of a search_posting row `alias` as the search reads them: the byte strings in base64,
 * which PostgreSQL writes and the driver hands over in two thirds of the time that its default (hex,
 * twice the bytes) takes; the positions only where `withPositions` (SQL) holds.
 */
export const POSTING_COLUMNS = (alias: string, withPositions: string) =>
  `encode(${alias}.ords, 'base64') AS ords, encode(${alias}.headline, 'base64') AS headline, encode(${alias}.summary, 'base64') AS summary,
   CASE WHEN ${withPositions} THEN encode(${alias}.positions, 'base64') END AS positions`;

/** A row read with POSTING_COLUMNS. */
export type EncodedPostingRow = { lexeme: string; block: number; ords: string; headline: string | null; summary: string | null; positions: string | null };

const bytes = (base64: string) => Buffer.from(base64, "base64");

export function decodePostingRow(row: EncodedPostingRow): PostingRow {
  return {
    lexeme: row.lexeme,
    block: row.block,
    ords: bytes(row.ords),
    headline: row.headline === null ? null : bytes(row.headline),
    summary: row.summary === null ? null : bytes(row.summary),
    positions: row.positions === null ? null : bytes(row.positions),
  };
}

/**
 * Rows read ahead for `lexemes` (those of `positioned` with their positions), as readSearchText reads
 * them with the query, and the built blocks' key (SearchBlocks.key) as that read saw them.
 */
export type PrefetchedPostings = { blocksKey: string; lexemes: Set<string>; positioned: Set<string>; rows: PostingRow[] };

/** A set of no wire, shared by the words' headline and summary sets that are empty: read, never written. */
let shared = new Bitset(0);

function noWires(size: number): Bitset {
  if (shared.capacity < size) shared = new Bitset(size);
  return shared;
}

/** Postings are kept in memory up to this many bytes, least recently used out first. */
const CACHE_BYTES = 96 * 1024 * 1024;
// One per process (pages and route handlers are bundled apart), least recently used out first; a
// lexeme's postings over a quarter of it are not kept.
const cache = processWide(
  "search.postings",
  () => new LRUCache<string, LexemePostings>({ maxSize: CACHE_BYTES, maxEntrySize: CACHE_BYTES / 4, sizeCalculation: (postings) => Math.max(1, postings.bytes) }),
);

/**
 * The postings of `lexemes` in every built block, from the process's cache or from search_posting.
 * `withPositions` also reads each block's positions (for phrases): several times the size of the rest.
 * Rows `prefetched` with the query (readSearchText) are taken instead of reading them again.
 */
export async function loadPostings(
  lexemes: string[],
  blocks: SearchBlocks,
  capacity: number,
  withPositions: string[] = [],
  prefetched?: PrefetchedPostings,
): Promise<Map<string, LexemePostings>> {
  const out = new Map<string, LexemePostings>();
  const missing: string[] = [];
  for (const lexeme of lexemes) {
    const hit = cache.get(lexeme);
    if (hit && hit.key === blocks.key && hit.all.capacity >= capacity && (hit.positions || !withPositions.includes(lexeme))) {
      out.set(lexeme, hit);
    } else {
      missing.push(lexeme);
    }
  }
  if (missing.length === 0) return out;
  const size = Math.max(capacity, (Math.max(-1, ...blocks.horizons.keys()) + 1) * BLOCK_SIZE);
  // Most words stand in no headline or summary of a block: those sets are the shared empty one until a row says otherwise.
  const empty = noWires(size);
  for (const lexeme of missing) {
    out.set(lexeme, { lexeme, all: new Bitset(size), headline: empty, summary: empty, key: blocks.key, bytes: 0 });
  }
  const positioned = missing.filter((lexeme) => withPositions.includes(lexeme));
  // Rows read before a block was built or rebuilt would miss what changed since: only the same blocks will do.
  if (prefetched?.blocksKey !== blocks.key) prefetched = undefined;
  const readAhead = (lexeme: string) => prefetched?.lexemes.has(lexeme) && (prefetched.positioned.has(lexeme) || !positioned.includes(lexeme));
  const unread = missing.filter((lexeme) => !readAhead(lexeme));
  const fresh = new Set(missing);
  const rows = prefetched ? prefetched.rows.filter((row) => fresh.has(row.lexeme) && readAhead(row.lexeme)) : [];
  if (unread.length > 0) {
    const db = await getDb();
    const read = await db.read<EncodedPostingRow>(
      `SELECT p.lexeme, p.block, ${POSTING_COLUMNS("p", "p.lexeme = ANY($2::text[])")} FROM search_posting p WHERE p.lexeme = ANY($1::text[])`,
      [unread, positioned],
    );
    for (const row of read) rows.push(decodePostingRow(row));
  }
  for (const row of rows) {
    // Rows of a block that is not (or no longer) built are ignored: its wires are searched live.
    if (!blocks.tokens.has(row.block)) continue;
    const postings = out.get(row.lexeme)!;
    addOrds(row.ords, row.block, postings.all);
    if (row.headline) {
      if (postings.headline === empty) postings.headline = new Bitset(size);
      addOrds(row.headline, row.block, postings.headline);
    }
    if (row.summary) {
      if (postings.summary === empty) postings.summary = new Bitset(size);
      addOrds(row.summary, row.block, postings.summary);
    }
    if (row.positions) {
      postings.positions ??= new Map();
      postings.positions.set(row.block, { ords: row.ords, positions: row.positions });
      postings.bytes += row.ords.length + row.positions.length;
    }
  }
  for (const lexeme of positioned) out.get(lexeme)!.positions ??= new Map();
  for (const lexeme of missing) remember(out.get(lexeme)!);
  return out;
}

function remember(postings: LexemePostings): void {
  const { all, headline, summary } = postings;
  postings.bytes += all.words.byteLength + (headline === shared ? 0 : headline.words.byteLength) + (summary === shared ? 0 : summary.words.byteLength);
  // Too large an entry is refused, and then any older one of the lexeme must not stay either.
  cache.delete(postings.lexeme);
  cache.set(postings.lexeme, postings);
}

/** The lexemes the cache holds, and those of them held with positions: readSearchText leaves them out. */
export function cachedLexemes(): { any: string[]; positioned: string[] } {
  const any: string[] = [];
  const positioned: string[] = [];
  for (const [lexeme, entry] of cache) {
    any.push(lexeme);
    if (entry.positions) positioned.push(lexeme);
  }
  return { any, positioned };
}

/** Empties the cache: the benchmark measures searches with and without it. */
export function clearPostingsCache(): void {
  cache.clear();
}
