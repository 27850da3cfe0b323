import "server-only";
import { sharedAfterArrival } from "@/lib/async/shared-after-arrival";
import { getDb, getPrisma } from "@/lib/db/get-db";
import type { Database } from "@/lib/db/open-database";
import type { FacetIndex, IndexRow } from "./facet-index";
import { searchBlocksOf } from "./postings/search-blocks";
import { TAXONOMY_DIGEST_SQL } from "./taxonomy";
import { readSearchIndexSnapshot } from "./read-search-index-snapshot";

const CHUNK = 50_000;
/** Re-read this many sequence numbers behind the newest seen, for writes that committed out of order. */
const SEQ_MARGIN = 1_000n;

type Row = Omit<IndexRow, "providers" | "codes"> & { seq: bigint; providers: number[] | null; codes: string[] | null };

type State = { index?: FacetIndex; loading?: Promise<FacetIndex>; freshen?: () => Promise<boolean> };
// One index per open database (and so per process in the app), kept across hot reloads.
const slot = globalThis as typeof globalThis & { __wireSearchIndexes?: WeakMap<Database, State> };

/**
 * The process's search index, loaded on first use and brought up to date with PostgreSQL
 * before each search: one indexed `max(search_seq)` read when nothing changed.
 */
export async function loadSearchIndex(): Promise<FacetIndex> {
  slot.__wireSearchIndexes ??= new WeakMap();
  const db = await getDb();
  let state = slot.__wireSearchIndexes.get(db);
  if (!state) slot.__wireSearchIndexes.set(db, (state = {}));
  const kept = state;
  // Requests that come together share one freshness read, started after each of them came.
  kept.freshen ??= sharedAfterArrival(() => (kept.index ? refresh(kept.index) : Promise.resolve(false)));
  if (kept.index && (await kept.freshen())) return kept.index;
  kept.loading ??= readSearchIndexSnapshot()
    .then(async (index) => {
      // Picks up what was written while the snapshot was read, and the text postings' blocks.
      await refresh(index);
      // The orders sorted now, not by the first reader who needs one (a fifth of a second each at a million wires).
      index.newestFirst();
      index.newestFiledFirst();
      return index;
    })
    .finally(() => (kept.loading = undefined));
  kept.index = await kept.loading;
  return kept.index;
}

async function firstWire(): Promise<{ ord: number; id: string } | undefined> {
  const prisma = await getPrisma();
  const [first] = await prisma.$queryRaw<{ ord: number; id: string }[]>`SELECT ord, id FROM wire ORDER BY ord LIMIT 1`;
  return first;
}

/**
 * Brings the index up to date; false when it must be rebuilt instead. Wires are never deleted, so
 * a missing first wire or a shrunken ordinal range means the tables were reset wholesale.
 */
async function refresh(index: FacetIndex): Promise<boolean> {
  const db = await getDb();
  const anchorOrd = index.anchor?.ord ?? -1;
  // One round trip, straight on the driver (it runs before every search): the change sequence, the
  // ordinal range, the anchor wire, the text postings' blocks and the taxonomy's digest.
  const [state] = await db.read<{ max: string | bigint | null; maxOrd: number | null; anchorId: string | null; blocks: [number, number, string][]; taxonomy: string }>(
    `SELECT max(search_seq) AS max, max(ord) AS "maxOrd", (SELECT id FROM wire WHERE ord = $1) AS "anchorId",
      (SELECT coalesce(json_agg(json_build_array(block, horizon::float8, token::text) ORDER BY block), '[]'::json) FROM search_block) AS blocks,
      ${TAXONOMY_DIGEST_SQL.sql} AS taxonomy
    FROM wire`,
    [anchorOrd],
  );
  if (!state) throw new Error("the search index's refresh read no row");
  const { maxOrd, anchorId } = state;
  const max = state.max === null ? null : BigInt(state.max);
  index.blocks = searchBlocksOf(state.blocks);
  index.taxonomy = state.taxonomy;
  if (max === null || maxOrd === null) return index.size === 0;
  if (anchorId !== (index.anchor?.id ?? null) || maxOrd < index.size - 1) return false;
  index.anchor ??= await firstWire();
  if (max <= index.seq) return true;
  let from = index.seq > SEQ_MARGIN ? index.seq - SEQ_MARGIN : 0n;
  for (;;) {
    const rows = await readRows(`w.search_seq > ${from}`, "w.search_seq", CHUNK);
    for (const row of rows) applyRow(index, row);
    if (rows.length < CHUNK) return true;
    from = rows.at(-1)!.seq;
  }
}

function applyRow(index: FacetIndex, row: Row): void {
  index.apply({ ...row, providers: row.providers ?? [], codes: row.codes ?? [] });
  if (row.seq > index.seq) index.seq = row.seq;
}

/** `where` and `orderBy` are fixed strings of this module, never user input. */
async function readRows(where: string, orderBy: string, limit: number): Promise<Row[]> {
  const prisma = await getPrisma();
  return prisma.$queryRawUnsafe<Row[]>(`
    SELECT w.ord, (w.occurred_on - DATE '1970-01-01') AS day, w.severity::int AS severity,
      w.sourcing_standard::text AS standard, w.status::text AS status, w.search_seq AS seq, w.text_seq::float8 AS "textSeq",
      (extract(epoch FROM w.published_at) * 1000)::float8 AS "filedAt", (extract(epoch FROM w.updated_at) * 1000)::float8 AS "changedAt",
      (SELECT array_agg(p.provider_id ORDER BY p.position) FROM wire_provider p WHERE p.wire_id = w.id) AS providers,
      (SELECT array_agg(c.code ORDER BY c.position) FROM wire_code c WHERE c.wire_id = w.id) AS codes
    FROM wire w WHERE ${where} ORDER BY ${orderBy} LIMIT ${limit}`);
}
