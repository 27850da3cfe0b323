import { parseJsonFeed } from "feedsmith";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { SearchParams } from "@/lib/search/archive-query";
import { closeTestDb, importShipped, resetDatabase, testDb } from "../helpers/database";

// An archive larger than a feed's page of index reads: the newest matches are found however many
// of the most recently filed wires fail the filter, with ties in filing time broken by id.

const COUNT = 5_000;
const HIDDEN = 2_500; // the most recently filed wires, all SEV-5: "severity=1-4" must walk past them

async function feedIds(params: SearchParams): Promise<string[]> {
  const { GET } = await import("@/app/feeds/[file]/route");
  const search = new URLSearchParams(params as Record<string, string>);
  const response = await GET(new Request(`http://wires.test/feeds/archive.json?${search}`), { params: Promise.resolve({ file: "archive.json" }) });
  expect(response.status).toBe(200);
  return (parseJsonFeed(JSON.parse(await response.text())).items ?? []).map((item) => String(item.id).replace("http://wires.test/wires/", ""));
}

async function newestIds(where: string): Promise<string[]> {
  const { prisma } = await testDb();
  const rows = await prisma.$queryRawUnsafe<{ id: string }[]>(
    `SELECT w.id FROM wire w WHERE w.status <> 'MERGED' AND ${where} ORDER BY w.published_at DESC, w.id DESC LIMIT 50`,
  );
  return rows.map((row) => row.id);
}

beforeAll(async () => {
  const { prisma } = await testDb();
  await resetDatabase();
  await importShipped();
  // Two wires per minute of filing time, so that every other pair ties; filing order runs against id order.
  await prisma.$executeRawUnsafe(`
    INSERT INTO wire (id, slug, headline, summary, body, occurred_on, published_at, updated_at, severity, sourcing_standard, status)
    SELECT 'AIW-2017-' || lpad(n::text, 6, '0'), 'bulk-' || n, 'Bulk wire ' || n, 'Summary ' || n, 'Body ' || n,
      DATE '2017-01-01' + (n % 365), TIMESTAMPTZ '2019-01-01 00:00Z' + ((${COUNT} - n) / 2) * INTERVAL '1 minute',
      TIMESTAMPTZ '2019-01-01 00:00Z' + ((${COUNT} - n) / 2) * INTERVAL '1 minute',
      CASE WHEN n <= ${HIDDEN} THEN 5 ELSE 1 + n % 4 END, 'STANDARD', (CASE WHEN n % 10 = 0 THEN 'WITHDRAWN' ELSE 'PUBLISHED' END)::"WireStatus"
    FROM generate_series(1, ${COUNT}) AS n`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO wire_provider (wire_id, provider_id, position)
    SELECT w.id, p.id, 1 FROM wire w, provider p WHERE w.id LIKE 'AIW-2017-%' AND p.slug = 'google' AND substr(w.id, 10)::int % 3 = 0`);
});
afterAll(closeTestDb);

describe("feeds of a large archive", () => {
  test.each<[SearchParams, string]>([
    [{}, "true"],
    [{ severity: "1-4" }, "w.severity <= 4"],
    [{ severity: "1-4", status: "published" }, "w.severity <= 4 AND w.status = 'PUBLISHED'"],
    [{ provider: "google" }, "EXISTS (SELECT 1 FROM wire_provider wp JOIN provider p ON p.id = wp.provider_id WHERE wp.wire_id = w.id AND p.slug = 'google')"],
    [{ severity: "2" }, "w.severity = 2"],
  ])("%o: the 50 most recently filed matches", async (params, where) => {
    const expected = await newestIds(where);
    expect(expected).toHaveLength(50);
    expect(await feedIds(params)).toEqual(expected);
  });
});

describe("ties in filing time", () => {
  beforeAll(async () => {
    const { prisma } = await testDb();
    // 60 wires filed at one instant, after all the others, added in the order opposite to their ids:
    // the newest 50 are the 50 highest ids, though they were added first (the lowest ordinals).
    await prisma.$executeRawUnsafe(`
      INSERT INTO wire (id, slug, headline, summary, body, occurred_on, published_at, updated_at, severity, sourcing_standard, status)
      SELECT 'AIW-2018-' || lpad((61 - n)::text, 6, '0'), 'tied-' || n, 'Tied wire ' || n, 'Summary ' || n, 'Body ' || n,
        DATE '2018-01-01', TIMESTAMPTZ '2030-01-01 00:00Z', TIMESTAMPTZ '2030-01-01 00:00Z', 5, 'STANDARD', 'PUBLISHED'
      FROM generate_series(1, 60) AS n`);
  });

  test("are broken by id, as PostgreSQL orders them, not by the order the wires were added in", async () => {
    const expected = await newestIds("true");
    expect(expected[0]).toBe("AIW-2018-000060");
    expect(expected.at(-1)).toBe("AIW-2018-000011");
    expect(await feedIds({})).toEqual(expected);
    expect(await feedIds({ severity: "5" })).toEqual(await newestIds("w.severity = 5"));
  });
});
