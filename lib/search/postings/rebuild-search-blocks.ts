import { BlockPostingsBuilder, type PostingRow } from "./build-block-postings";
import { BLOCK_BITS, BLOCK_SIZE } from "./ord-sets";
import type { InTransaction, SqlTx } from "./sql-transactions";

export type BlockReport = { block: number; wires: number; lexemes: number; bytes: number };
export type RefreshReport = { blocks: BlockReport[]; seconds: number };

const READ_PAGE = 4096;
const WRITE_ROWS = 2000;

/**
 * Blocks whose postings miss a wire or hold an older text of one: blocks without postings that have
 * wires, and blocks with a wire whose text changed after their horizon. An indexed read of the wires
 * changed since the oldest horizon, so it costs little when little changed.
 */
export async function staleBlocks(tx: SqlTx): Promise<number[]> {
  const built = new Map(
    (await tx.query<{ block: number; horizon: number }>(`SELECT block, horizon::float8 AS horizon FROM search_block`)).map((row) => [row.block, Number(row.horizon)]),
  );
  const [range] = await tx.query<{ max: number | null }>(`SELECT max(ord) AS max FROM wire`);
  if (range?.max === null || range?.max === undefined) return [];
  const stale = new Set<number>();
  const lastBlock = range.max >>> BLOCK_BITS;
  const unbuilt: number[] = [];
  for (let block = 0; block <= lastBlock; block += 1) if (!built.has(block)) unbuilt.push(block);
  if (unbuilt.length > 0) {
    // Ordinals may leave whole blocks empty (a sequence that skipped ahead): those need no postings.
    const rows = await tx.query<{ block: number }>(
      `SELECT b AS block FROM unnest($1::int[]) AS b WHERE EXISTS (SELECT 1 FROM wire WHERE ord >= b * ${BLOCK_SIZE} AND ord < (b + 1) * ${BLOCK_SIZE})`,
      [unbuilt],
    );
    for (const row of rows) stale.add(Number(row.block));
  }
  if (built.size > 0) {
    const oldest = Math.min(...built.values());
    const rows = await tx.query<{ block: number; newest: number }>(
      `SELECT ord >> ${BLOCK_BITS} AS block, max(text_seq)::float8 AS newest FROM wire WHERE text_seq > $1 GROUP BY 1`,
      [oldest],
    );
    for (const row of rows) if (row.newest > (built.get(Number(row.block)) ?? -1)) stale.add(Number(row.block));
  }
  return [...stale].sort((a, b) => a - b);
}

/**
 * Rebuilds one block's postings from its wires' search vectors. Writers wait while it runs, so the
 * horizon it records, the highest change number then, covers exactly the text it read: a wire changed
 * afterwards has a higher text_seq and is searched live until the next rebuild. The lock (SHARE ROW
 * EXCLUSIVE on wire) lets readers through and conflicts with itself, so two rebuilds take turns.
 */
export async function rebuildBlock(tx: SqlTx, block: number): Promise<BlockReport> {
  await tx.query(`LOCK TABLE wire IN SHARE ROW EXCLUSIVE MODE`);
  const builder = new BlockPostingsBuilder(block);
  const end = (block + 1) * BLOCK_SIZE;
  type VectorRow = { ord: number; vector: string };
  const page = (from: number) =>
    tx.query<VectorRow>(
      `SELECT ord, search_vector::text AS vector FROM wire WHERE ord >= $1 AND ord < $2 AND search_vector IS NOT NULL ORDER BY ord LIMIT ${READ_PAGE}`,
      [from, end],
    );
  // The next page is asked for before this one is parsed, so the server prints its vectors meanwhile.
  let next: Promise<VectorRow[]> | undefined = page(block * BLOCK_SIZE);
  while (next) {
    const rows: VectorRow[] = await next;
    next = rows.length < READ_PAGE ? undefined : page(rows.at(-1)!.ord + 1);
    try {
      for (const row of rows) builder.add(row.ord, row.vector);
    } catch (error) {
      await next?.catch(() => undefined);
      throw error;
    }
  }
  await tx.query(`DELETE FROM search_posting WHERE block = $1`, [block]);
  let bytes = 0;
  let batch: PostingRow[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const b64 = (value: Uint8Array | null) => (value ? Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64") : null);
    await tx.query(
      `INSERT INTO search_posting (lexeme, block, ords, headline, summary, positions)
       SELECT t.lexeme, $1, decode(t.ords, 'base64'), decode(t.headline, 'base64'), decode(t.summary, 'base64'), decode(t.positions, 'base64')
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(lexeme, ords, headline, summary, positions)`,
      [block, batch.map((row) => row.lexeme), batch.map((row) => b64(row.ords)), batch.map((row) => b64(row.headline)), batch.map((row) => b64(row.summary)), batch.map((row) => b64(row.positions))],
    );
    batch = [];
  };
  for (const row of builder.rows()) {
    bytes += row.ords.length + (row.headline?.length ?? 0) + (row.summary?.length ?? 0) + row.positions.length;
    batch.push(row);
    if (batch.length >= WRITE_ROWS) await flush();
  }
  await flush();
  await tx.query(
    `INSERT INTO search_block (block, horizon, wires) SELECT $1, coalesce(max(search_seq), 0), $2 FROM wire
     ON CONFLICT (block) DO UPDATE SET horizon = EXCLUDED.horizon, wires = EXCLUDED.wires, token = gen_random_uuid(), built_at = now()`,
    [block, builder.wires],
  );
  return { block, wires: builder.wires, lexemes: builder.lexemes, bytes };
}

/**
 * Brings the text postings up to date: rebuilds every stale block (or every block, with `all`), each in
 * a transaction of its own. Searches stay exact meanwhile: what a block's postings miss is searched live.
 */
export async function refreshSearchBlocks(
  transaction: InTransaction,
  options: { all?: boolean; onBlock?: (report: BlockReport, done: number, total: number) => void } = {},
): Promise<RefreshReport> {
  const started = performance.now();
  const blocks = await transaction(async (tx) => {
    if (!options.all) return staleBlocks(tx);
    const [range] = await tx.query<{ max: number | null }>(`SELECT max(ord) AS max FROM wire`);
    return range?.max === null || range?.max === undefined ? [] : Array.from({ length: (range.max >>> BLOCK_BITS) + 1 }, (_, i) => i);
  });
  const reports: BlockReport[] = [];
  for (const block of blocks) {
    const report = await transaction((tx) => rebuildBlock(tx, block));
    reports.push(report);
    options.onBlock?.(report, reports.length, blocks.length);
  }
  return { blocks: reports, seconds: (performance.now() - started) / 1000 };
}
