import "server-only";
import { getPrisma } from "@/lib/db/get-db";
import { decodeCursor, keysetQuery, toPage, type Direction, type Page } from "./keyset";
import { toWireCard, wireCardSelect, type WireCard } from "./wire-card";

export const LATEST_PAGE_SIZE = 20;

/** The newest wires by publication time; withdrawn and merged wires stay out of Latest. */
export async function listLatestWires(options: { cursor?: string; direction?: Direction; limit?: number }): Promise<Page<WireCard>> {
  const prisma = await getPrisma();
  const limit = options.limit ?? LATEST_PAGE_SIZE;
  const direction = options.direction ?? "older";
  const cursor = options.cursor ? decodeCursor(options.cursor) : undefined;
  const page = keysetQuery("publishedAt", cursor, direction);
  const rows = await prisma.wire.findMany({
    where: { AND: [page.where, { status: { in: ["PUBLISHED", "CORRECTED"] } }] },
    orderBy: page.orderBy,
    take: limit + 1,
    select: wireCardSelect,
  });
  return toPage(rows.map(toWireCard), limit, Boolean(cursor), direction, (wire) => ({ at: new Date(wire.publishedAt), id: wire.id }));
}
