import type { RationaleBasis } from "@/lib/db/generated/enums";
import { testDb } from "../helpers/database";
import { insertWire, type WireSeed } from "../helpers/fixtures";

/** The DALL·E API wire: shipped with a classification-run rationale at version 1. */
export const DALLE_API = "AIW-2022-0008";

export type TestEditor = { id: string; displayName: string };

/** An editor account as the data layer needs one: a row to point revisions and audit events at. */
export async function insertEditor(displayName: string, role: "EDITOR" | "ADMIN" = "EDITOR"): Promise<TestEditor> {
  const { prisma } = await testDb();
  const email = `${displayName.toLowerCase().replace(/[^a-z0-9]+/g, ".")}@example.org`;
  // Nobody signs in as this editor in these tests, so the hash is a placeholder, not a real one.
  return prisma.editor.create({ data: { email, displayName, role, passwordHash: "unused-in-data-layer-tests" }, select: { id: true, displayName: true } });
}

/** A wire with a classification-run rationale and its first revision, as an import leaves it. */
export async function insertWireWithRationale(seed: WireSeed, text = `Why ${seed.id} is an AI incident.`, basis: RationaleBasis = "CLASSIFICATION_RUN"): Promise<void> {
  const { prisma } = await testDb();
  await insertWire(seed);
  const rationale = { text, basis, basisLabel: "Test classification", basisDate: new Date("2026-05-10T00:00:00Z"), test: "But-for test" };
  await prisma.rationale.create({ data: { wireId: seed.id, ...rationale, version: 1, updatedAt: new Date("2026-05-10T09:00:00Z") } });
  await prisma.rationaleRevision.create({ data: { wireId: seed.id, version: 1, ...rationale, reason: "Imported for a test", author: "Test classification" } });
}

/** Today's date in UTC, as the archive stamps an amendment's basis. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);
