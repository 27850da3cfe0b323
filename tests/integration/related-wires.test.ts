import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { generateWires } from "@/lib/synthetic/generate-wires";
import { listRelatedWires } from "@/lib/wires/list-related-wires";
import { SHIPPED_CONTENT } from "../helpers/content-copy";
import { closeTestDb, importShipped, resetDatabase, testDb } from "../helpers/database";

// Related events come from the search index (lib/search/rank-related.ts). Here they are checked against
// the plain SQL that defines them, on a generated archive of a few thousand wires with some withdrawn,
// merged and corrected, and some curated links: the same wires in the same order, for a sample of wires.

const GENERATED = 3_000;

/** The definition in SQL: curated first, then points (2 a shared code, 1 a shared provider), days apart, id. */
async function oracle(id: string, limit: number): Promise<string[]> {
  const { prisma } = await testDb();
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
    ORDER BY sum(s.weight) DESC, abs(w.occurred_on - me.occurred_on), w.id COLLATE "C"
    LIMIT ${limit + curated.length}`);
  const ids = [...new Set([...curated.map((link) => link.toId), ...scored.map((row) => row.id)])].filter((other) => other !== id);
  const listable = await prisma.wire.findMany({ where: { id: { in: ids }, status: { in: ["PUBLISHED", "CORRECTED"] } }, select: { id: true } });
  const keep = new Set(listable.map((row) => row.id));
  return ids.filter((other) => keep.has(other)).slice(0, limit);
}

let sample: string[] = [];

beforeAll(async () => {
  const db = await testDb();
  await resetDatabase();
  await importShipped();
  await generateWires(db, { count: GENERATED, seed: 7, batchSize: 1_000, mode: "append", contentDir: SHIPPED_CONTENT, url: env().DATABASE_URL });
  const { prisma } = db;
  // Every 37th wire withdrawn, every 41st merged into its neighbour, every 43rd corrected; curated links on a few.
  await prisma.$executeRaw`UPDATE wire SET status = 'WITHDRAWN', status_note = 'Withdrawn for the test.' WHERE ord % 37 = 0`;
  await prisma.$executeRaw`UPDATE wire w SET status = 'MERGED', merged_into_id = (SELECT id FROM wire n WHERE n.ord = w.ord + 1)
    WHERE ord % 41 = 0 AND status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM wire n WHERE n.ord = w.ord + 1)`;
  await prisma.$executeRaw`UPDATE wire SET status = 'CORRECTED', status_note = 'Corrected for the test.' WHERE ord % 43 = 0 AND status = 'PUBLISHED'`;
  await prisma.$executeRaw`INSERT INTO wire_link (from_id, to_id, position)
    SELECT a.id, b.id, 1 FROM wire a JOIN wire b ON b.ord = a.ord + 500 WHERE a.ord % 97 = 0`;
  // A curated link to a withdrawn wire, which is never shown.
  await prisma.$executeRaw`INSERT INTO wire_link (from_id, to_id, position)
    SELECT a.id, b.id, 2 FROM wire a JOIN wire b ON b.ord = 37 * 20 WHERE a.ord % 97 = 0 AND a.ord <> 37 * 20 AND a.ord + 500 <> 37 * 20`;
  const rows = await prisma.$queryRaw<{ id: string }[]>`SELECT id FROM wire WHERE ord % 61 = 5 OR ord % 97 = 0 OR ord % 37 = 0 OR ord % 41 = 0 ORDER BY ord`;
  sample = rows.map((row) => row.id);
}, 300_000);
afterAll(closeTestDb);

describe("related events against their definition in SQL", () => {
  test("the sample covers plain, curated, withdrawn and merged wires", () => {
    expect(sample.length).toBeGreaterThan(150);
  });

  test.each([8, 30])("the first %i related wires of every sampled wire are the SQL's, in its order", async (limit) => {
    let compared = 0;
    let mismatches: string[] = [];
    for (const id of sample) {
      const expected = await oracle(id, limit);
      const actual = (await listRelatedWires(id, limit)).map((wire) => wire.id);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push(`${id}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`);
      compared += expected.length;
    }
    mismatches = mismatches.slice(0, 5);
    expect(mismatches).toEqual([]);
    // Most sampled wires have a full list: the comparison compared something.
    expect(compared).toBeGreaterThan(sample.length * limit * 0.9);
  });

  test("curated links come first, and a withdrawn one is left out", async () => {
    const { prisma } = await testDb();
    const [row] = await prisma.$queryRaw<{ from_id: string; to_id: string }[]>`
      SELECT l.from_id, l.to_id FROM wire_link l JOIN wire a ON a.id = l.from_id JOIN wire b ON b.id = l.to_id
      WHERE l.position = 1 AND a.status = 'PUBLISHED' AND b.status = 'PUBLISHED' AND a.ord >= 97 ORDER BY a.ord LIMIT 1`;
    const related = (await listRelatedWires(row!.from_id)).map((wire) => wire.id);
    expect(related[0]).toBe(row!.to_id);
    const withdrawn = await prisma.wire.findMany({ where: { status: { in: ["WITHDRAWN", "MERGED"] } }, select: { id: true } });
    expect(withdrawn.length).toBeGreaterThan(100);
    const hidden = new Set(withdrawn.map((wire) => wire.id));
    expect(related.filter((id) => hidden.has(id))).toEqual([]);
  });
});
