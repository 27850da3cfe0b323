import "server-only";
import { z } from "zod";
import { getPrisma } from "@/lib/db/get-db";

export type RecentAmendment = {
  wire: { id: string; slug: string; headline: string };
  version: number;
  kind: "AMENDMENT" | "RESTORE";
  restoredFrom: number | null;
  author: string;
  editorId: string | null;
  /** ISO time */
  createdAt: string;
  reason: string;
};

export type RecentAmendmentsPage = { items: RecentAmendment[]; /** Pass as `cursor` for the next, older page. */ next?: string };

export const RECENT_AMENDMENTS_PAGE_SIZE = 20;

const cursorShape = z.tuple([z.iso.datetime(), z.int().positive()]);

/** The latest editor changes (amendments and restores) across all wires, newest first; optionally one editor's. */
export async function listRecentAmendments(options: { editorId?: string; cursor?: string; limit?: number } = {}): Promise<RecentAmendmentsPage> {
  const prisma = await getPrisma();
  const limit = options.limit ?? RECENT_AMENDMENTS_PAGE_SIZE;
  const cursor = options.cursor ? decode(options.cursor) : undefined;
  const rows = await prisma.rationaleRevision.findMany({
    where: {
      kind: { in: ["AMENDMENT", "RESTORE"] },
      // Editors' revisions always name the editor: this lets the (editor_id, created_at) index find
      // the few amendments among the many imported versions without reading the whole table.
      editorId: options.editorId ? options.editorId : { not: null },
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      version: true,
      kind: true,
      restoredFrom: true,
      author: true,
      editorId: true,
      createdAt: true,
      reason: true,
      wire: { select: { id: true, slug: true, headline: true } },
    },
  });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(({ id: _id, createdAt, kind, ...row }) => ({ ...row, kind: kind === "RESTORE" ? "RESTORE" : "AMENDMENT", createdAt: createdAt.toISOString() })),
    ...(rows.length > limit && last ? { next: Buffer.from(JSON.stringify([last.createdAt.toISOString(), last.id])).toString("base64url") } : {}),
  };
}

/** Anything that is not a cursor this list made counts as no cursor. */
function decode(value: string): { at: Date; id: number } | undefined {
  try {
    const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? { at: new Date(parsed.data[0]), id: parsed.data[1] } : undefined;
  } catch {
    return undefined;
  }
}
