import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadWireCards } from "@/lib/search/load-wire-cards";
import { toWireCard, wireCardSelect } from "@/lib/wires/wire-card";
import { closeTestDb, importShipped, resetDatabase, testDb } from "../helpers/database";
import { insertWire } from "../helpers/fixtures";

beforeAll(async () => {
  await testDb();
  await resetDatabase();
  await importShipped();
  // Several providers and codes in the editor's order (not alphabetical), no sources at all, a merged wire.
  await insertWire({ id: "AIW-2024-0701", occurredOn: "2024-01-05", providers: ["microsoft", "openai", "google"], codes: ["S1", "F10", "M1"], sources: 0 });
  await insertWire({ id: "AIW-2024-0702", occurredOn: "2024-01-06", providers: [], codes: [], status: "MERGED", mergedIntoId: "AIW-2024-0701" });
  // A rationale an editor amended.
  const { prisma } = await testDb();
  const amended = await prisma.rationale.findFirstOrThrow({ select: { wireId: true } });
  await prisma.rationale.update({ where: { wireId: amended.wireId }, data: { basis: "EDITOR_AMENDMENT", version: 2, updatedAt: new Date("2026-11-20T10:11:12.345Z") } });
});
afterAll(closeTestDb);

describe("the search's wire cards", () => {
  test("are the cards wireCardSelect and toWireCard give, for every wire", async () => {
    const { prisma } = await testDb();
    const rows = await prisma.wire.findMany({ select: { ...wireCardSelect, ord: true } });
    expect(rows.length).toBeGreaterThan(10);
    const cards = await loadWireCards(rows.map((row) => row.ord));
    expect(cards.size).toBe(rows.length);
    for (const row of rows) expect(cards.get(row.ord), row.id).toEqual(toWireCard(row));
    expect([...cards.values()].filter((card) => card.rationaleAmended !== null)).toHaveLength(1);
    expect([...cards.values()].find((card) => card.id === "AIW-2024-0701")).toMatchObject({
      sourceCount: 0,
      providers: [{ slug: "microsoft" }, { slug: "openai" }, { slug: "google" }],
      codes: [{ code: "S1" }, { code: "F10" }, { code: "M1" }],
    });
  });

  test("unknown ordinals and an empty page give nothing", async () => {
    expect((await loadWireCards([])).size).toBe(0);
    expect((await loadWireCards([987654321])).size).toBe(0);
  });
});
