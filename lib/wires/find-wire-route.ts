import "server-only";
import { getPrisma } from "@/lib/db/get-db";
import { wirePath } from "./wire-card";

/**
 * Where a request for /wires/<id>[/<slug>] should land: the canonical address of the wire,
 * of the wire it was merged into, or nowhere. Ids are matched in any case.
 */
export async function findWireRoute(id: string): Promise<{ canonical: string; merged: boolean } | null> {
  const prisma = await getPrisma();
  const find = (wireId: string) => prisma.wire.findUnique({ where: { id: wireId }, select: { id: true, slug: true, mergedIntoId: true } });
  let current = await find(id.toUpperCase());
  if (!current) return null;
  let merged = false;
  // Follow merges to the surviving wire; the bound guards against a cycle in bad data.
  for (let hops = 0; current.mergedIntoId && hops < 10; hops += 1) {
    const next = await find(current.mergedIntoId);
    if (!next) break;
    current = next;
    merged = true;
  }
  return { canonical: wirePath(current), merged };
}
