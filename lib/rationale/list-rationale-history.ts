import "server-only";
import { recordDependency, wireKey } from "@/lib/http/render-dependencies";
import { getPrisma } from "@/lib/db/get-db";

export type HistoryEntry = {
  version: number;
  kind: "IMPORT" | "AMENDMENT" | "RESTORE";
  /** The editor's display name when they wrote it, or the classification run's label for an import. */
  author: string;
  /** Set when an editor wrote the version. */
  editorRole: "EDITOR" | "ADMIN" | null;
  /** ISO time */
  createdAt: string;
  reason: string;
  basisLabel: string;
  text: string;
  /** Null for the first version. */
  previousText: string | null;
  test: string;
  previousTest: string | null;
  restoredFrom: number | null;
};

export type RationaleHistory = {
  wire: { id: string; slug: string; headline: string; status: "PUBLISHED" | "CORRECTED" | "WITHDRAWN" | "MERGED"; mergedInto: { id: string; slug: string } | null };
  /** The rationale's current version, or null when the wire has none. */
  currentVersion: number | null;
  entries: HistoryEntry[];
  /** Pass as `beforeVersion` for the next, older page; absent on the last page. */
  olderBefore?: number;
};

export const HISTORY_PAGE_SIZE = 25;

/**
 * A wire's rationale versions, newest first, with what each replaced; null when no wire has this id.
 * Paged by version number, so a long history never loads every text at once.
 */
export async function listRationaleHistory(
  wireId: string,
  options: { beforeVersion?: number; limit?: number } = {},
): Promise<RationaleHistory | null> {
  recordDependency(wireKey(wireId));
  const prisma = await getPrisma();
  const limit = options.limit ?? HISTORY_PAGE_SIZE;
  const wire = await prisma.wire.findUnique({
    where: { id: wireId },
    select: {
      id: true,
      slug: true,
      headline: true,
      status: true,
      mergedInto: { select: { id: true, slug: true } },
      rationale: { select: { version: true } },
    },
  });
  if (!wire) return null;
  const rows = await prisma.rationaleRevision.findMany({
    where: { wireId, ...(options.beforeVersion === undefined ? {} : { version: { lt: options.beforeVersion } }) },
    orderBy: { version: "desc" },
    take: limit + 1,
    select: {
      version: true,
      kind: true,
      author: true,
      editor: { select: { role: true } },
      createdAt: true,
      reason: true,
      basisLabel: true,
      text: true,
      previousText: true,
      test: true,
      previousTest: true,
      restoredFrom: true,
    },
  });
  const entries = rows.slice(0, limit).map(({ editor, createdAt, ...row }) => ({ ...row, editorRole: editor?.role ?? null, createdAt: createdAt.toISOString() }));
  const last = entries.at(-1);
  return {
    wire: { id: wire.id, slug: wire.slug, headline: wire.headline, status: wire.status, mergedInto: wire.mergedInto },
    currentVersion: wire.rationale?.version ?? null,
    entries,
    ...(rows.length > limit && last ? { olderBefore: last.version } : {}),
  };
}
