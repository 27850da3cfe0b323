import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { env } from "@/lib/env";
import { batchStatement } from "@/lib/synthetic/batch-statement";
import type { SyntheticWire } from "@/lib/synthetic/build-wire";
import { checkTagReferences } from "@/lib/synthetic/check-tag-references";
import { GenerateRefusedError, generateWires, type GenerateOptions } from "@/lib/synthetic/generate-wires";
import { openSessions, type SqlSession } from "@/lib/synthetic/sql-session";
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

  test("every word of every headline, shipped and generated, is in headline_word, which holds nothing else", async () => {
    // On PostgreSQL the batches write with triggers off and add the words themselves; on the embedded database the trigger adds them too.
    const words = async (query: string) => (await sql<{ word: string }>(query)).map((row) => row.word);
    const held = await words(`SELECT word FROM headline_word ORDER BY word`);
    expect(held).toEqual(await words(`SELECT DISTINCT word FROM wire, headline_words(wire.headline) AS word ORDER BY word`));
    // Made-up names from the long tail are among them: what "did you mean" offers for a misspelt one.
    expect(held.length).toBeGreaterThan(200);
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

  test("on PostgreSQL the batches go in with per-row triggers off, and every wire still has a search number of its own", async () => {
    const mode = env().DATABASE_URL ? "writing with per-row triggers off; tag references are checked once at the end" : "writing with the foreign keys checked row by row";
    expect(first.messages).toContain(mode);
    const [numbers] = await sql<{ wires: number; distinct: number; unset: number; apart: number }>(
      `SELECT count(*)::int AS wires, count(DISTINCT search_seq)::int AS distinct, count(*) FILTER (WHERE search_seq = 0)::int AS unset,
         count(*) FILTER (WHERE text_seq <> search_seq)::int AS apart
       FROM wire WHERE id ~ $1`,
      SYNTHETIC,
    );
    // The postings are built from text_seq: a wire without one would never be searched from them.
    expect(numbers).toEqual({ wires: COUNT, distinct: COUNT, unset: 0, apart: 0 });
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
    expect(messages[0]).toMatch(/^reset: TRUNCATE "wire", .*"rationale_revision", "headline_word", "search_block", "search_posting" CASCADE$/);
    expect(report).toMatchObject({ created: 20, firstIndex: 0, wires: 30, syntheticWires: 20 });
    expect(await one(`SELECT count(*)::int AS n FROM rationale_revision`)).toBe(30);
    expect(await one(`SELECT count(*)::int AS n FROM wire WHERE id = 'AIW-2022-0008'`)).toBe(1);
  });
});

/** A batch session as the generator opens it, with per-row triggers off (on PGlite, switched off here). */
async function withTriggersOff<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
  const pool = await openSessions(await testDb(), env().DATABASE_URL, 1);
  const [session] = pool.sessions;
  const switchHere = pool.perRowChecks;
  // PostgreSQL's test role is a superuser: the generator's own sessions must have switched them off.
  if (env().DATABASE_URL) expect(switchHere).toBe(false);
  try {
    if (switchHere) await session!.execute("SET session_replication_role = replica");
    return await work(session!);
  } finally {
    if (switchHere) await session!.execute("RESET session_replication_role");
    await pool.close();
  }
}

describe("writing without per-row triggers", () => {
  beforeEach(resetDatabase);

  test("text the generator builds no vector for gets the database's own, and a search number", async () => {
    await generate({ count: 1 });
    const [wire] = await sql<{ id: string; provider: number; code: string }>(
      `SELECT w.id, wp.provider_id AS provider, wc.code FROM wire w JOIN wire_provider wp ON wp.wire_id = w.id JOIN wire_code wc ON wc.wire_id = w.id WHERE w.id ~ $1 LIMIT 1`,
      SYNTHETIC,
    );
    const tagged: SyntheticWire = {
      id: "AIW-2024-900001",
      slug: "markup-in-a-headline",
      headline: "Chatbot prints <b>bold</b> markup in its answers",
      summary: "A model's answers showed raw HTML tags · again.",
      body: "The <i>tags</i> appeared in every answer for a day.",
      occurredOn: "2024-03-01",
      publishedAt: "2024-03-02T10:00:00.000Z",
      updatedAt: "2024-03-02T10:00:00.000Z",
      severity: 2,
      sourcingStandard: "STANDARD",
      status: "PUBLISHED",
      statusNote: null,
      sources: [{ title: "Report", publisher: "Example", url: "https://news.example/markup", publishedOn: "2024-03-02", kind: "REPORT", archivedUrl: null }],
      providerIds: [Number(wire!.provider)],
      codes: [wire!.code],
      rationale: { text: "The answers misled readers.", basisDate: "2024-03-03" },
    };
    await withTriggersOff(async (session) => {
      const statement = batchStatement([tagged], "test", [null], env().DATABASE_URL ? "binary" : "text");
      await session.execute(statement.sql, statement.params);
    });
    const [row] = await sql<{ same: boolean; seq: number; text_seq: number; later: boolean }>(
      `SELECT search_vector = setweight(to_tsvector('english', translate(headline, '·', '-')), 'A') ||
           setweight(to_tsvector('english', translate(summary, '·', '-')), 'B') ||
           setweight(to_tsvector('english', translate(body, '·', '-')), 'C') AS same,
         search_seq AS seq, text_seq, search_seq > (SELECT max(search_seq) FROM wire WHERE id <> $1) AS later
       FROM wire WHERE id = $1`,
      tagged.id,
    );
    expect(row).toMatchObject({ same: true, later: true });
    expect(Number(row!.text_seq)).toBe(Number(row!.seq));
  });

  test("a tag naming a provider or code that is not in the archive fails the run's check, with the counts", async () => {
    await generate({ count: 20 });
    await withTriggersOff(async (session) => {
      await expect(checkTagReferences(session)).resolves.toBeUndefined();
      await session.execute(`INSERT INTO wire_provider (wire_id, provider_id, position) SELECT id, 999999, 9 FROM wire WHERE id ~ $1 LIMIT 2`, [SYNTHETIC]);
      await session.execute(`INSERT INTO wire_code (wire_id, code, position) SELECT id, 'Z9', 9 FROM wire WHERE id ~ $1 LIMIT 1`, [SYNTHETIC]);
      await expect(checkTagReferences(session)).rejects.toThrow(/^2 provider tag\(s\) and 1 code tag\(s\) name a provider or code that is not in the archive/);
    });
  });
});
