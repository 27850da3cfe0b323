import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { env } from "@/lib/env";
import { GenerateRefusedError, generateWires, type GenerateOptions } from "@/lib/synthetic/generate-wires";
import { expectedRareMatches, SEARCH_TERMS } from "@/lib/synthetic/search-terms";
import { SHIPPED_CONTENT } from "../helpers/content-copy";
import { closeTestDb, resetDatabase, testDb } from "../helpers/database";

const COUNT = 300;
const SYNTHETIC = "^AIW-[0-9]{4}-[0-9]{6}$";

beforeAll(() => testDb());
afterAll(closeTestDb);

/** Calls the library as the CLI does; several small batches, so that batching is exercised too. */
async function generate(options: Partial<GenerateOptions> = {}) {
  const messages: string[] = [];
  const report = await generateWires(await testDb(), {
    count: COUNT,
    seed: 7,
    batchSize: 120,
    mode: "refuse",
    contentDir: SHIPPED_CONTENT,
    url: env().DATABASE_URL,
    log: (message) => messages.push(message),
    ...options,
  });
  return { report, messages };
}

async function sql<T>(query: string, ...params: unknown[]): Promise<T[]> {
  const { prisma } = await testDb();
  return prisma.$queryRawUnsafe<T[]>(query, ...params);
}

async function one(query: string, ...params: unknown[]): Promise<number> {
  const [row] = await sql<{ n: number }>(query, ...params);
  return Number(row?.n);
}

/** Everything a synthetic wire consists of, by permanent id and slug: equal snapshots mean equal archives. */
async function snapshot(): Promise<{ ids: string[]; hash: string }> {
  const rows = await sql<{ id: string; data: unknown }>(
    `SELECT w.id, json_build_array(w.slug, w.headline, w.summary, w.body, w.occurred_on, w.published_at, w.updated_at, w.severity,
        w.sourcing_standard, w.status, w.status_note, r.text, r.basis_date,
        (SELECT json_agg(json_build_array(s.position, s.title, s.publisher, s.url, s.published_on, s.kind, s.archived_url) ORDER BY s.position) FROM source s WHERE s.wire_id = w.id),
        (SELECT json_agg(p.slug ORDER BY wp.position) FROM wire_provider wp JOIN provider p ON p.id = wp.provider_id WHERE wp.wire_id = w.id),
        (SELECT json_agg(wc.code ORDER BY wc.position) FROM wire_code wc WHERE wc.wire_id = w.id)) AS data
     FROM wire w JOIN rationale r ON r.wire_id = w.id WHERE w.id ~ $1 ORDER BY w.id`,
    SYNTHETIC,
  );
  return { ids: rows.map((row) => row.id), hash: createHash("sha256").update(JSON.stringify(rows)).digest("hex") };
}

describe("an archive of 300 synthetic wires", () => {
  let first: Awaited<ReturnType<typeof generate>>;
  beforeAll(async () => {
    await resetDatabase();
    first = await generate();
  }, 120_000);

  test("the taxonomy was imported first, then every wire is whole", async () => {
    const { report, messages } = first;
    expect(messages.some((message) => message.includes("code taxonomy is empty"))).toBe(true);
    expect(report).toMatchObject({ created: COUNT, firstIndex: 0, wires: COUNT + 10, syntheticWires: COUNT });
    expect(report.kbPer1000Wires).toBeGreaterThan(0);

    expect(await one(`SELECT count(*)::int AS n FROM wire WHERE id !~ $1`, SYNTHETIC)).toBe(10);
    expect(await one(`SELECT count(*)::int AS n FROM rationale r WHERE r.wire_id ~ $1 AND r.version = 1 AND r.basis = 'CLASSIFICATION_RUN'
      AND r.basis_label = 'Synthetic generation' AND r.test = 'Counterfactual "but-for" test per the Editor''s Guide'`, SYNTHETIC)).toBe(COUNT);
    expect(await one(`SELECT count(*)::int AS n FROM rationale_revision v JOIN rationale r USING (wire_id)
      WHERE v.wire_id ~ $1 AND v.version = 1 AND v.text = r.text`, SYNTHETIC)).toBe(COUNT);

    const wires = await sql<{ id: string; headline: string; body: string; occurred_on: string; lag_days: number; status: string; status_note: string | null; sources: number; providers: number; codes: number; search: boolean }>(
      `SELECT w.id, w.headline, w.body, w.occurred_on::text, w.status::text, w.status_note,
          (w.published_at::date - w.occurred_on) AS lag_days, w.search_vector IS NOT NULL AS search,
          (SELECT count(*)::int FROM source s WHERE s.wire_id = w.id AND s.url LIKE 'https://%.example/%') AS sources,
          (SELECT count(*)::int FROM wire_provider wp JOIN provider p ON p.id = wp.provider_id WHERE wp.wire_id = w.id) AS providers,
          (SELECT count(*)::int FROM wire_code wc JOIN code c ON c.code = wc.code WHERE wc.wire_id = w.id) AS codes
       FROM wire w WHERE w.id ~ $1`,
      SYNTHETIC,
    );
    expect(wires).toHaveLength(COUNT);
    for (const wire of wires) {
      expect(wire.id).toMatch(/^AIW-(20[12]\d)-1\d{5}$/);
      expect(wire.id.slice(4, 8)).toBe(wire.occurred_on.slice(0, 4));
      expect(wire.occurred_on >= "2011-01-01" && wire.occurred_on <= "2025-12-31").toBe(true);
      expect(Number(wire.lag_days)).toBeGreaterThanOrEqual(0);
      expect(Number(wire.lag_days)).toBeLessThanOrEqual(20);
      expect(wire.sources).toBeGreaterThanOrEqual(2);
      expect(wire.sources).toBeLessThanOrEqual(5);
      expect(wire.providers).toBeGreaterThanOrEqual(1);
      expect(wire.providers).toBeLessThanOrEqual(3);
      expect(wire.codes).toBeGreaterThanOrEqual(1);
      expect(wire.codes).toBeLessThanOrEqual(4);
      expect(wire.search).toBe(true);
      expect(wire.headline.split(" ").length).toBeGreaterThanOrEqual(6);
      expect(wire.headline.split(" ").length).toBeLessThanOrEqual(12);
      expect(wire.status_note === null).toBe(wire.status === "PUBLISHED");
      // Every source is cited, and nothing else is.
      const cited = new Set([...wire.body.matchAll(/\[source\]\(source:(\d)\)/g)].map((match) => Number(match[1])));
      expect([...cited].sort()).toEqual(Array.from({ length: wire.sources }, (_, index) => index + 1));
      const paragraphs = wire.body.split("\n\n").length;
      expect(paragraphs).toBeGreaterThanOrEqual(3);
      expect(paragraphs).toBeLessThanOrEqual(5);
    }
  });

  test("the generator builds every search vector itself, equal to what the trigger computes from the text", async () => {
    expect(first.report.builtVectors).toBe(COUNT);
    const differing = await sql<{ id: string; stored: string; computed: string }>(
      `SELECT id, search_vector::text AS stored, computed::text AS computed FROM (
         SELECT id, search_vector,
           setweight(to_tsvector('english', translate(headline, '·', '-')), 'A') ||
           setweight(to_tsvector('english', translate(summary, '·', '-')), 'B') ||
           setweight(to_tsvector('english', translate(body, '·', '-')), 'C') AS computed
         FROM wire) w
       WHERE search_vector IS DISTINCT FROM computed`,
    );
    expect(differing).toEqual([]);
    expect(await one(`SELECT count(*)::int AS n FROM wire WHERE search_vector IS NOT NULL`)).toBe(COUNT + 10);
  });

  test("the search terms match at their published rates", async () => {
    const matches = (query: string) => one(`SELECT count(*)::int AS n FROM wire WHERE search_vector @@ websearch_to_tsquery('english', $1)`, query);
    expect(expectedRareMatches(COUNT)).toBe(1);
    expect(await matches(SEARCH_TERMS.rare.query)).toBe(expectedRareMatches(COUNT));
    const common = (await matches(SEARCH_TERMS.common.query)) / COUNT;
    expect(common).toBeGreaterThan(0.3);
    expect(common).toBeLessThan(0.6);
    expect(await matches(SEARCH_TERMS.phrase.query)).toBeGreaterThan(0);
    const tagged = (await one(`SELECT count(*)::int AS n FROM wire_provider wp JOIN provider p ON p.id = wp.provider_id WHERE p.slug = $1`, SEARCH_TERMS.provider.slug)) / COUNT;
    expect(tagged).toBeGreaterThan(0.1);
    expect(tagged).toBeLessThan(0.3);
    const coded = (await one(`SELECT count(*)::int AS n FROM wire_code WHERE code = $1 AND wire_id ~ $2`, SEARCH_TERMS.code.code, SYNTHETIC)) / COUNT;
    expect(coded).toBeGreaterThan(0.35);
    expect(coded).toBeLessThan(0.62);
  });

  // Last in this block: it adds wires.
  test("refuses to add to synthetic wires unless told to append; appending continues the numbering", { timeout: 120_000 }, async () => {
    await expect(generate({ count: 10 })).rejects.toThrow(GenerateRefusedError);
    await expect(generate({ count: 10 })).rejects.toThrow(/--append .* or --reset/);
    expect(await one(`SELECT count(*)::int AS n FROM wire`)).toBe(COUNT + 10);

    const { report } = await generate({ count: 100, mode: "append" });
    expect(report).toMatchObject({ created: 100, firstIndex: COUNT, syntheticWires: COUNT + 100 });
    // Each year's numbers run on from 100000 without a gap or a repeat.
    const years = await sql<{ wires: number; first: number; last: number }>(
      `SELECT count(*)::int AS wires, min(substr(id, 10)::int) AS first, max(substr(id, 10)::int) AS last FROM wire WHERE id ~ $1 GROUP BY substr(id, 5, 4)`,
      SYNTHETIC,
    );
    for (const year of years) expect([year.first, year.last]).toEqual([100000, 100000 + year.wires - 1]);
  });
});

describe("runs", () => {
  beforeEach(resetDatabase);

  test("the same seed gives the same wires, and appending continues exactly where a longer run would have", { timeout: 180_000 }, async () => {
    await generate();
    const whole = await snapshot();
    expect(whole.ids).toHaveLength(COUNT);

    await resetDatabase();
    await generate({ count: 180 });
    await generate({ count: COUNT - 180, mode: "append", batchSize: 7 });
    expect(await snapshot()).toEqual(whole);

    await resetDatabase();
    await generate({ seed: 8 });
    expect((await snapshot()).hash).not.toBe(whole.hash);
  });

  test("--reset empties the wire tables and brings the shipped wires back", { timeout: 120_000 }, async () => {
    await generate({ count: 50 });
    const { report, messages } = await generate({ count: 20, mode: "reset" });
    expect(messages[0]).toMatch(/^reset: TRUNCATE "wire", .*"rationale_revision", "search_block", "search_posting" CASCADE$/);
    expect(report).toMatchObject({ created: 20, firstIndex: 0, wires: 30, syntheticWires: 20 });
    expect(await one(`SELECT count(*)::int AS n FROM rationale_revision`)).toBe(30);
    expect(await one(`SELECT count(*)::int AS n FROM wire WHERE id = 'AIW-2022-0008'`)).toBe(1);
  });
});
