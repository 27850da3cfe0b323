import { z } from "zod";

/**
 * Keyset ("seek") pagination over (time, id), newest first: a cursor names the last row
 * seen, so pages never repeat or skip a wire when others are added, and no OFFSET scan runs.
 */
export type Cursor = { at: Date; id: string };
export type Direction = "older" | "newer";

const cursorShape = z.tuple([z.iso.datetime(), z.string().min(1).max(40)]);

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id])).toString("base64url");
}

/** Returns undefined for anything that is not a cursor this archive made. */
export function decodeCursor(value: string): Cursor | undefined {
  try {
    const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? { at: new Date(parsed.data[0]), id: parsed.data[1] } : undefined;
  } catch {
    return undefined;
  }
}

/** The Prisma `where` and `orderBy` for one page in `direction` from `cursor`, on the column `key`. */
export function keysetQuery<K extends string>(key: K, cursor: Cursor | undefined, direction: Direction) {
  const older = direction === "older";
  const where = cursor
    ? { OR: [{ [key]: older ? { lt: cursor.at } : { gt: cursor.at } }, { [key]: cursor.at, id: older ? { lt: cursor.id } : { gt: cursor.id } }] }
    : {};
  const order = older ? "desc" : "asc";
  return { where, orderBy: [{ [key]: order }, { id: order }] as { [P in K | "id"]?: "asc" | "desc" }[] };
}

export type Page<T> = { items: T[]; older?: string; newer?: string };

/**
 * Turns the rows of a keyset query fetched with `take: limit + 1` into a page, newest first,
 * with the cursors of the pages on either side.
 */
export function toPage<T>(rows: T[], limit: number, hadCursor: boolean, direction: Direction, keyOf: (row: T) => Cursor): Page<T> {
  const more = rows.length > limit;
  const items = rows.slice(0, limit);
  if (direction === "newer") items.reverse();
  const first = items[0];
  const last = items.at(-1);
  const hasOlder = direction === "older" ? more : hadCursor;
  const hasNewer = direction === "older" ? hadCursor : more;
  return {
    items,
    older: hasOlder && last ? encodeCursor(keyOf(last)) : undefined,
    newer: hasNewer && first ? encodeCursor(keyOf(first)) : undefined,
  };
}
