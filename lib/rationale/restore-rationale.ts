import "server-only";
import { getPrisma } from "@/lib/db/get-db";
import { firstFieldErrors, restoreRationaleSchema } from "@/lib/validation/rationale";
import { applyRationaleChange } from "./apply-rationale-change";
import type { RationaleChangeResult } from "./rationale-state";

export type RestoreRationaleInput = {
  wireId: string;
  /** The version whose text and test come back. */
  restoreVersion: number | string;
  /** The version the editor was looking at: the restore applies only if it is still current. */
  baseVersion: number | string;
  reason: string;
  editor: { id: string; displayName: string };
  address?: string | null;
};

/**
 * Brings back an earlier version's text and test as a new version (nothing is deleted or
 * rewritten), under the same conflict check as an amendment. The caller checks the session.
 */
export async function restoreRationale(input: RestoreRationaleInput): Promise<RationaleChangeResult> {
  const parsed = restoreRationaleSchema.safeParse({ restoreVersion: input.restoreVersion, baseVersion: input.baseVersion, reason: input.reason });
  if (!parsed.success) return { status: "invalid", fieldErrors: firstFieldErrors(parsed.error) };
  const { restoreVersion, baseVersion, reason } = parsed.data;
  const prisma = await getPrisma();
  // Revisions never change, so reading the old version outside the write transaction is safe.
  const old = await prisma.rationaleRevision.findUnique({
    where: { wireId_version: { wireId: input.wireId, version: restoreVersion } },
    select: { text: true, test: true },
  });
  if (!old) {
    const known = await prisma.rationale.count({ where: { wireId: input.wireId } });
    return known === 0 ? { status: "not-found" } : { status: "no-such-version", version: restoreVersion };
  }
  return applyRationaleChange({
    wireId: input.wireId,
    baseVersion,
    text: old.text,
    test: old.test,
    reason,
    kind: "RESTORE",
    basisLabel: `Restored by an editor from version ${restoreVersion}`,
    restoredFrom: restoreVersion,
    editor: input.editor,
    address: input.address ?? null,
  });
}
