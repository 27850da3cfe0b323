import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { RationaleBasis } from "@/lib/db/generated/enums";
import { getPrisma } from "@/lib/db/get-db";
import { rationaleStateSelect, toRationaleState, type RationaleChangeResult } from "./rationale-state";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** One editor's change to a wire's rationale, already validated. */
export type RationaleChange = {
  wireId: string;
  baseVersion: number;
  text: string;
  test: string;
  reason: string;
  kind: "AMENDMENT" | "RESTORE";
  /** Shown as the rationale's basis, e.g. "Amended by an editor". */
  basisLabel: string;
  restoredFrom: number | null;
  editor: { id: string; displayName: string };
  address: string | null;
};

type UpdatedRow = {
  version: number;
  text: string;
  test: string;
  basis: RationaleBasis;
  basis_label: string;
  basis_date: Date;
  updated_at: Date;
  previous_text: string;
  previous_test: string;
};

/**
 * Writes a new version of a rationale, its revision, an audit event and the wire's new update
 * time in one transaction, only if the rationale is still at `baseVersion`.
 */
export async function applyRationaleChange(change: RationaleChange): Promise<RationaleChangeResult> {
  const prisma = await getPrisma();
  // Read committed (PostgreSQL's default) is what makes the version check safe: a concurrent
  // writer's UPDATE waits for the row lock, then re-reads the row and finds the version moved on.
  return prisma.$transaction((tx) => write(tx, change), { maxWait: 15_000, timeout: 15_000 });
}

async function write(tx: Tx, change: RationaleChange): Promise<RationaleChangeResult> {
  // The check and the write are one statement. `previous` is the same row as it was before the
  // update; it is consistent because every writer moves the version, so a row that still passes
  // `version = baseVersion` after waiting for a lock was not changed in between.
  const rows = await tx.$queryRaw<UpdatedRow[]>`
    UPDATE rationale AS r
    SET text = ${change.text},
        test = ${change.test},
        basis = 'EDITOR_AMENDMENT',
        basis_label = ${change.basisLabel},
        basis_date = (now() AT TIME ZONE 'UTC')::date,
        version = r.version + 1,
        updated_at = now()
    FROM rationale AS previous, wire AS w
    WHERE r.wire_id = ${change.wireId}
      AND previous.wire_id = r.wire_id
      AND w.id = r.wire_id
      AND r.version = ${change.baseVersion}
      AND w.status NOT IN ('MERGED', 'WITHDRAWN')
      AND (r.text <> ${change.text} OR r.test <> ${change.test})
    RETURNING r.version, r.text, r.test, r.basis, r.basis_label, r.basis_date, r.updated_at,
      previous.text AS previous_text, previous.test AS previous_test`;
  const row = rows[0];
  if (!row) return explainRefusal(tx, change);

  await tx.rationaleRevision.create({
    data: {
      wireId: change.wireId,
      version: row.version,
      kind: change.kind,
      text: row.text,
      previousText: row.previous_text,
      basis: row.basis,
      basisLabel: row.basis_label,
      basisDate: row.basis_date,
      test: row.test,
      previousTest: row.previous_test,
      reason: change.reason,
      author: change.editor.displayName,
      editorId: change.editor.id,
      restoredFrom: change.restoredFrom,
      createdAt: row.updated_at,
    },
    select: { id: true },
  });
  await tx.auditEvent.create({
    data: {
      action: change.kind === "RESTORE" ? "rationale.restored" : "rationale.amended",
      editorId: change.editor.id,
      wireId: change.wireId,
      address: change.address,
      detail: {
        fromVersion: change.baseVersion,
        toVersion: row.version,
        ...(change.restoredFrom === null ? {} : { restoredFrom: change.restoredFrom }),
      },
    },
    select: { id: true },
  });
  // Feeds date an entry by the wire's update time, and the search index refreshes from wire writes.
  await tx.$executeRaw`UPDATE wire SET updated_at = GREATEST(updated_at, ${row.updated_at}) WHERE id = ${change.wireId}`;

  const rationale = toRationaleState({
    text: row.text,
    test: row.test,
    version: row.version,
    basis: row.basis,
    basisLabel: row.basis_label,
    basisDate: row.basis_date,
    updatedAt: row.updated_at,
  });
  return { status: "ok", version: row.version, rationale };
}

/** Nothing was updated: says why, from the state the database holds now. */
async function explainRefusal(tx: Tx, change: RationaleChange): Promise<RationaleChangeResult> {
  const wire = await tx.wire.findUnique({
    where: { id: change.wireId },
    select: { status: true, mergedInto: { select: { id: true, slug: true } }, rationale: { select: rationaleStateSelect } },
  });
  if (!wire?.rationale) return { status: "not-found" };
  if (wire.status === "MERGED" || wire.status === "WITHDRAWN") {
    return { status: "not-amendable", wireStatus: wire.status, mergedInto: wire.mergedInto ?? null };
  }
  const current = toRationaleState(wire.rationale);
  if (current.version === change.baseVersion && current.text === change.text && current.test === change.test) {
    return { status: "unchanged", rationale: current };
  }
  const latest = await tx.rationaleRevision.findUnique({
    where: { wireId_version: { wireId: change.wireId, version: current.version } },
    select: { author: true, createdAt: true, reason: true, kind: true },
  });
  const latestChange = latest ? { author: latest.author, at: latest.createdAt.toISOString(), reason: latest.reason, kind: latest.kind } : null;
  return { status: "conflict", current, latestChange, attempted: { text: change.text, test: change.test, reason: change.reason } };
}
