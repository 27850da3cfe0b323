import "server-only";
import { getPrisma } from "@/lib/db/get-db";
import { URLSET_END, URLSET_START, urlEntry } from "./sitemap-xml";

const BATCH = 5_000;

type Row = { ord: number; id: string; slug: string; updatedAt: Date };

/**
 * One wire sitemap file, /sitemaps/wires-<part>.xml: the canonical address of every listed wire
 * with ordinal in ((part-1)·size, part·size], read by ordinal a batch at a time and pulled by the
 * reader, so a file of 50,000 addresses never sits in memory whole. Null when the part lists
 * nothing (beyond the archive, or only merged wires): such a file does not exist.
 */
export async function streamWireSitemap(part: number, size: number, base: string): Promise<ReadableStream<Uint8Array> | null> {
  const prisma = await getPrisma();
  const last = part * size;
  const read = (after: number) =>
    prisma.$queryRaw<Row[]>`
      SELECT ord, id, slug, updated_at AS "updatedAt" FROM wire
      WHERE ord > ${after}::int AND ord <= ${last}::int AND status <> 'MERGED'
      ORDER BY ord LIMIT ${BATCH}::int`;
  let rows: Row[] | undefined = await read((part - 1) * size);
  if (rows.length === 0) return null;
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(URLSET_START));
      },
      async pull(controller) {
        if (!rows) {
          controller.close();
          return;
        }
        const batch = rows;
        controller.enqueue(encoder.encode(batch.map((row) => urlEntry(`${base}/wires/${row.id}/${row.slug}`, new Date(row.updatedAt))).join("")));
        if (batch.length < BATCH) {
          controller.enqueue(encoder.encode(URLSET_END));
          rows = undefined;
          return;
        }
        rows = await read(batch.at(-1)!.ord);
        if (rows.length === 0) {
          controller.enqueue(encoder.encode(URLSET_END));
          rows = undefined;
        }
      },
    },
    { highWaterMark: 1 },
  );
}
