import "server-only";
import { getDb } from "@/lib/db/get-db";
import { isoText } from "@/lib/db/iso-text";
import { LISTS_KEY, recordDependency } from "@/lib/http/render-dependencies";
import { loadWireCards } from "@/lib/search/load-wire-cards";
import { decodeCursor, toPage, type Direction, type Page } from "./keyset";
import type { WireCard } from "./wire-card";

export const LATEST_PAGE_SIZE = 20;

/**
 * The newest wires by publication time; withdrawn and merged wires stay out of Latest. One indexed
 * read of the page's ordinals, however deep the page: PostgreSQL's row comparison
 * `(published_at, id) < (…)` walks the index on (published_at DESC, id DESC) from the cursor; then
 * the page's cards.
 */
export async function listLatestWires(options: { cursor?: string; direction?: Direction; limit?: number }): Promise<Page<WireCard>> {
  recordDependency(LISTS_KEY);
  const db = await getDb();
  const limit = options.limit ?? LATEST_PAGE_SIZE;
  const direction = options.direction ?? "older";
  const cursor = options.cursor ? decodeCursor(options.cursor) : undefined;
  const older = direction === "older";
  const order = older ? "DESC" : "ASC";
  const rows = await db.read<{ ord: number }>(
    `SELECT ord FROM wire
     WHERE status IN ('PUBLISHED', 'CORRECTED') ${cursor ? `AND (published_at, id) ${older ? "<" : ">"} ($2::timestamptz, $3::text)` : ""}
     ORDER BY published_at ${order}, id ${order} LIMIT $1`,
    cursor ? [limit + 1, cursor.at.toISOString(), cursor.id] : [limit + 1],
  );
  const cards = await loadWireCards(rows.map((row) => row.ord));
  const items = rows.flatMap((row) => cards.get(row.ord) ?? []);
  return toPage(items, limit, Boolean(cursor), direction, (wire) => ({ at: new Date(wire.publishedAt), id: wire.id }));
}
