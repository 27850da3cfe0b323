import "server-only";
import { getPrisma } from "@/lib/db/get-db";

export type SitemapPart = { part: number; lastmod: Date };

/**
 * The wire sitemap files that have something to list: part n holds the wires with ordinals
 * ((n-1)·size, n·size], so a wire stays in its file for good and new wires open new files. Each
 * part is dated by its latest change (an amended rationale updates the wire's time too). Merged
 * wires redirect to their survivor and are left out. One grouped read of the wire table: about a
 * second at a million wires, for a file crawlers fetch a few times a day.
 */
export async function listSitemapParts(size: number): Promise<SitemapPart[]> {
  const prisma = await getPrisma();
  const rows = await prisma.$queryRaw<{ part: number; lastmod: Date }[]>`
    SELECT ((ord - 1) / ${size}::int + 1)::int AS part, max(updated_at) AS lastmod
    FROM wire WHERE status <> 'MERGED' GROUP BY 1 ORDER BY 1`;
  return rows.map((row) => ({ part: row.part, lastmod: new Date(row.lastmod) }));
}
