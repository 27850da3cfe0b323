import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-db";
import { decodeCursor, keysetQuery, toPage, type Direction, type Page } from "./keyset";
import { toWireCard, wireCardSelect, type WireCard } from "./wire-card";

export const ARCHIVE_PAGE_SIZE = 50;

export type ArchiveFilter = {
  /** Provider ids: a wire matches when it names any of them. */
  providerIds: number[];
  /** Codes: a wire matches when it carries any of them. */
  codes: string[];
};

/** Every wire but merged ones (they live on in the surviving wire), by event date, newest first. */
export async function listArchiveWires(
  filter: ArchiveFilter,
  options: { cursor?: string; direction?: Direction; limit?: number },
): Promise<Page<WireCard>> {
  const prisma = await getPrisma();
  const limit = options.limit ?? ARCHIVE_PAGE_SIZE;
  const direction = options.direction ?? "older";
  const cursor = options.cursor ? decodeCursor(options.cursor) : undefined;
  const page = keysetQuery("occurredOn", cursor, direction);
  const conditions: Prisma.WireWhereInput[] = [page.where, { status: { not: "MERGED" } }];
  if (filter.providerIds.length > 0) conditions.push({ providers: { some: { providerId: { in: filter.providerIds } } } });
  if (filter.codes.length > 0) conditions.push({ codes: { some: { code: { in: filter.codes } } } });
  const rows = await prisma.wire.findMany({ where: { AND: conditions }, orderBy: page.orderBy, take: limit + 1, select: wireCardSelect });
  return toPage(rows.map(toWireCard), limit, Boolean(cursor), direction, (wire) => ({ at: new Date(`${wire.occurredOn}T00:00:00Z`), id: wire.id }));
}
