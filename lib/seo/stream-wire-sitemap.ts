import "server-only";
import { getDb } from "@/lib/db/get-db";
import { isoText } from "@/lib/db/iso-text";
import { escapeXml, URLSET_END, URLSET_START, writtenUrlEntry } from "./sitemap-xml";

/** Ordinals per statement. */
const RANGE = 2_500;
/** Statements on their way ahead of the reader. */
const AHEAD = 2;

type Row = { id: string; slug: string; lastmod: string };

// One index range of ordinals; the last change as Date.prototype.toISOString writes it (UTC,
// milliseconds), written by PostgreSQL: quicker than a Date a row, and the same on both databases.
const RANGE_SQL = `
  SELECT id, slug, ${isoText("updated_at")} AS lastmod FROM wire
  WHERE ord > $1::int AND ord <= $2::int AND status <> 'MERGED'
  ORDER BY ord`;

/**
 * One wire sitemap file, /sitemaps/wires-<part>.xml: the canonical address of every listed wire
 * with ordinal in ((part-1)·size, part·size], read straight on the driver (Database.read) a range of
 * ordinals at a time and pulled by the reader, so a file never sits in memory whole; the next range
 * is read (on another connection of the driver's pool) while the last is written. Each address costs
 * PostgreSQL a read of its wire's row, a wide one: about 7 ms per 1,000 at a million wires, hence
 * files of 5,000 (ARCHIVE_SITEMAP_URLS). Null when the part lists nothing (beyond the archive, or
 * only merged wires): such a file does not exist.
 */
export async function streamWireSitemap(part: number, size: number, base: string): Promise<ReadableStream<Uint8Array> | null> {
  const db = await getDb();
  const start = (part - 1) * size;
  const end = part * size;
  let next = start;
  const reading: Promise<Row[]>[] = [];
  // Keeps AHEAD ranges on their way; each marked handled, as a reader may give up first.
  const readAhead = () => {
    while (reading.length < AHEAD && next < end) {
      const read = db.read<Row>(RANGE_SQL, [next, Math.min(next + RANGE, end)]);
      read.catch(() => undefined);
      reading.push(read);
      next += RANGE;
    }
  };
  const take = (): Promise<Row[]> | undefined => {
    readAhead();
    return reading.shift();
  };
  // The file exists if any range of it lists a wire: the first one almost always does.
  let first: Row[] = [];
  while (first.length === 0) {
    const range = take();
    if (!range) return null;
    first = await range;
  }
  const encoder = new TextEncoder();
  // The address escaped part by part: the same as escaping it whole, as escaping goes character by character.
  const wires = `${escapeXml(base)}/wires/`;
  const entries = (rows: Row[]) => {
    let text = "";
    for (const row of rows) text += writtenUrlEntry(`${wires}${escapeXml(row.id)}/${escapeXml(row.slug)}`, row.lastmod);
    return text;
  };
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(URLSET_START + entries(first)));
      },
      async pull(controller) {
        // Until something is handed over: a range may hold only merged wires.
        for (;;) {
          const range = take();
          if (!range) {
            controller.enqueue(encoder.encode(URLSET_END));
            controller.close();
            return;
          }
          const rows = await range;
          if (cancelled) return;
          if (rows.length > 0) {
            controller.enqueue(encoder.encode(entries(rows)));
            return;
          }
        }
      },
      cancel() {
        cancelled = true;
        reading.length = 0;
        next = end;
      },
    },
    { highWaterMark: 1 },
  );
}
