import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-db";
import { toWireCard, wireCardSelect, type WireCard } from "./wire-card";

export const RELATED_LIMIT = 8;

/**
 * Related events: curated links first, then wires sharing codes (weighted double) and providers,
 * nearest in time breaking ties. Withdrawn and merged wires are left out.
 */
export async function listRelatedWires(id: string, limit = RELATED_LIMIT): Promise<WireCard[]> {
  const prisma = await getPrisma();
  const curated = await prisma.wireLink.findMany({ where: { fromId: id }, orderBy: { position: "asc" }, select: { toId: true } });
  const scored = await prisma.$queryRaw<{ id: string }[]>(Prisma.sql`
    WITH me AS (SELECT occurred_on FROM wire WHERE id = ${id}),
    shared AS (
      SELECT wire_id, 2 AS weight FROM wire_code WHERE code IN (SELECT code FROM wire_code WHERE wire_id = ${id})
      UNION ALL
      SELECT wire_id, 1 FROM wire_provider WHERE provider_id IN (SELECT provider_id FROM wire_provider WHERE wire_id = ${id})
    )
    SELECT w.id FROM shared s JOIN wire w ON w.id = s.wire_id, me
    WHERE w.id <> ${id} AND w.status IN ('PUBLISHED', 'CORRECTED')
    GROUP BY w.id, w.occurred_on, me.occurred_on
    ORDER BY sum(s.weight) DESC, abs(w.occurred_on - me.occurred_on), w.id
    LIMIT ${limit + curated.length}`);
  const ids = [...new Set([...curated.map((link) => link.toId), ...scored.map((row) => row.id)])].filter((other) => other !== id);
  const rows = await prisma.wire.findMany({
    where: { id: { in: ids }, status: { in: ["PUBLISHED", "CORRECTED"] } },
    select: wireCardSelect,
  });
  const byId = new Map(rows.map((row) => [row.id, toWireCard(row)]));
  return ids.flatMap((other) => byId.get(other) ?? []).slice(0, limit);
}
