import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-db";
import { getWire, type WireDetail } from "@/lib/wires/get-wire";

/** A wire that stands on its own: any status but merged. */
export type ListedWire = Omit<WireDetail, "status"> & { status: Exclude<WireDetail["status"], "MERGED"> };

export type WireRecord =
  | { status: "found"; wire: ListedWire; aliases: string[]; linked: string[] }
  | { status: "merged"; id: string; survivor: { id: string; slug: string } }
  | { status: "missing" };

/** Merges are followed, and looked back through, this many steps at most: a guard against a cycle in bad data. */
const MAX_MERGE_HOPS = 10;

/**
 * One wire with what an API record needs beyond its page: the ids merged into it (directly or
 * through other merges) and the ids an editor linked as related. A merged wire's id answers with
 * the wire that finally survived it.
 */
export async function loadWireRecord(id: string): Promise<WireRecord> {
  const wire = await getWire(id);
  if (!wire) return { status: "missing" };
  if (wire.status === "MERGED") {
    const survivor = await followMerges(id);
    return survivor ? { status: "merged", id: wire.id, survivor } : { status: "missing" };
  }
  const prisma = await getPrisma();
  const [aliases, links] = await Promise.all([
    prisma.$queryRaw<{ id: string }[]>(Prisma.sql`
      WITH RECURSIVE merged (id, depth) AS (
        SELECT id, 1 FROM wire WHERE merged_into_id = ${wire.id}
        UNION ALL
        SELECT w.id, m.depth + 1 FROM wire w JOIN merged m ON w.merged_into_id = m.id WHERE m.depth < ${MAX_MERGE_HOPS}
      )
      SELECT DISTINCT id FROM merged ORDER BY id`),
    prisma.wireLink.findMany({ where: { fromId: wire.id }, orderBy: { position: "asc" }, select: { toId: true } }),
  ]);
  return { status: "found", wire: { ...wire, status: wire.status }, aliases: aliases.map((row) => row.id), linked: links.map((link) => link.toId) };
}

async function followMerges(id: string): Promise<{ id: string; slug: string } | null> {
  const prisma = await getPrisma();
  const find = (wireId: string) => prisma.wire.findUnique({ where: { id: wireId }, select: { id: true, slug: true, mergedIntoId: true } });
  let current = await find(id);
  for (let hops = 0; current?.mergedIntoId && hops < MAX_MERGE_HOPS; hops += 1) current = await find(current.mergedIntoId);
  return current && !current.mergedIntoId && current.id !== id ? { id: current.id, slug: current.slug } : null;
}
