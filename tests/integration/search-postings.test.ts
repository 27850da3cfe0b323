import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { env } from "@/lib/env";
import { loadSearchIndex } from "@/lib/search/load-search-index";
import { clearTextCache, matchText, WORD_POINTS } from "@/lib/search/match-text";
import { phraseLexemes } from "@/lib/search/evaluate-text-query";
import { normalizeSearchText } from "@/lib/search/normalize-search-text";
import { clearPostingsCache, loadPostings } from "@/lib/search/postings/load-postings";
import { encodeOrds } from "@/lib/search/postings/ord-sets";
import { refreshSearchBlocks } from "@/lib/search/postings/rebuild-search-blocks";
import { readSearchText } from "@/lib/search/read-search-text";
import { queryLexemes } from "@/lib/search/tsquery";
import { prismaTransactions } from "@/lib/search/postings/sql-transactions";
import { generateWires } from "@/lib/synthetic/generate-wires";
import { SHIPPED_CONTENT } from "../helpers/content-copy";
import { closeTestDb, importShipped, rebuildPostings, resetDatabase, testDb } from "../helpers/database";
import { seedFixtures } from "../helpers/search";

// The text postings answer a query exactly as PostgreSQL's own `search_vector @@ websearch_to_tsquery(...)`
// does, whichever wires they hold: checked against PostgreSQL on shipped, fixture and synthetic wires, with
// the postings current, with wires written after them, with an edited wire, and with no postings at all.

const QUERIES = [
  "oversight",
  "model",
  "glimmerwick",
  '"facial recognition"',
  "facial recognition",
  '"recognition facial"',
  "facial -recognition",
  "-oversight",
  "oversight or glimmerwick",
  "oversight -model",
  '"facial recognition" or glimmerwick',
  '"facial recognition" -oversight',
  "dall-e",
  "DALL·E 2",
  '"text-to-image model"',
  '"purple wombat"',
  '"wombat purple"',
  "quokka",
  "quokkas or wombat",
  '"stays closed to the public"',
  '"closed public"',
  '"the public"',
  '"model model"',
  "research preview",
  '"research preview"',
  "nosuchwordanywhere",
  "imag",
  '"quokka in a hat"',
];

type Found = { ords: number[]; ranks: Map<number, number> };

async function viaArchive(q: string, liveLimit?: number): Promise<Found> {
  clearTextCache();
  const index = await loadSearchIndex();
  const match = await matchText(q, index, { liveLimit });
  const ords: number[] = [];
  match.bits.forEach((ord) => ords.push(ord));
  const ranks = new Map<number, number>();
  let placed = 0;
  for (const level of match.levels(match.bits)) {
    level.bits.forEach((ord) => ranks.set(ord, level.points));
    placed += level.bits.count();
  }
  // Every match stands in exactly one level.
  expect(placed, q).toBe(ords.length);
  return { ords, ranks };
}

async function viaPostgres(q: string): Promise<number[]> {
  const { prisma } = await testDb();
  const rows = await prisma.$queryRaw<{ ord: number }[]>`
    SELECT ord FROM wire WHERE search_vector @@ websearch_to_tsquery('english', translate(${q}, '·', '-')) ORDER BY ord`;
  return rows.map((row) => row.ord);
}

async function blockCount(): Promise<number> {
  const { prisma } = await testDb();
  return prisma.searchBlock.count();
}

async function expectSameAsPostgres(liveLimit?: number): Promise<Map<string, Found>> {
  const found = new Map<string, Found>();
  for (const q of QUERIES) {
    const archive = await viaArchive(q, liveLimit);
    expect(archive.ords, q).toEqual(await viaPostgres(q));
    found.set(q, archive);
  }
  return found;
}

beforeAll(async () => {
  await testDb();
  await resetDatabase();
  await importShipped();
  await generateWires(await testDb(), { count: 600, seed: 11, batchSize: 250, mode: "append", contentDir: SHIPPED_CONTENT, url: env().DATABASE_URL });
  await seedFixtures();
}, 180_000);
afterAll(closeTestDb);

describe("text postings against PostgreSQL", () => {
  let built: Map<string, Found>;

  test("wires written after the postings (the fixtures) are found too", async () => {
    expect(await blockCount()).toBe(1);
    await expectSameAsPostgres();
  });

  test("with the postings rebuilt: the same wires, and the queries find something", async () => {
    expect(await rebuildPostings()).toBe(1);
    expect(await rebuildPostings()).toBe(0);
    built = await expectSameAsPostgres();
    expect(built.get("oversight")!.ords.length).toBeGreaterThan(100);
    expect(built.get('"facial recognition"')!.ords.length).toBeGreaterThan(0);
    // The words are there, but never in this order.
    expect(built.get("facial recognition")!.ords.length).toBeGreaterThan(0);
    expect(built.get('"recognition facial"')!.ords).toEqual([]);
    expect(built.get('"purple wombat"')!.ords.length).toBeGreaterThan(0);
    expect(built.get("glimmerwick")!.ords.length).toBeGreaterThan(0);
  });

  test("a wire whose text changed is searched as it reads now until its block is rebuilt", async () => {
    const { prisma } = await testDb();
    const [target] = await viaPostgres('"facial recognition"');
    const before = await prisma.wire.findFirstOrThrow({ where: { ord: target! }, select: { id: true, body: true } });
    await prisma.wire.update({ where: { id: before.id }, data: { body: "Its camera misread faces; nothing more is known. A purple wombat was seen." } });
    try {
      const now = await expectSameAsPostgres();
      expect(now.get('"facial recognition"')!.ords).not.toContain(target);
      expect(now.get('"purple wombat"')!.ords).toContain(target);
      expect(await rebuildPostings()).toBe(1);
      await expectSameAsPostgres();
    } finally {
      await prisma.wire.update({ where: { id: before.id }, data: { body: before.body } });
    }
  });

  test("an update that leaves the text alone leaves the postings current", async () => {
    await rebuildPostings();
    const { prisma } = await testDb();
    await prisma.wire.updateMany({ where: { id: { startsWith: "AIW-2022-" } }, data: { updatedAt: new Date() } });
    expect(await rebuildPostings()).toBe(0);
  });

  test("with no postings at all, every query still finds the same wires, ranked the same", async () => {
    await rebuildPostings();
    const withPostings = await expectSameAsPostgres();
    const { prisma } = await testDb();
    await prisma.$executeRaw`DELETE FROM search_block`;
    try {
      const live = await expectSameAsPostgres();
      for (const [q, found] of live) expect(found.ranks, q).toEqual(withPostings.get(q)!.ranks);
      // Past the limit of unbuilt wires, each query runs in PostgreSQL as a whole: the same answers.
      const whole = await expectSameAsPostgres(0);
      for (const [q, found] of whole) expect(found.ranks, q).toEqual(withPostings.get(q)!.ranks);
    } finally {
      await rebuildPostings();
    }
  });

  test("two rebuilds of the same block at once take turns, and leave the postings whole", async () => {
    const { prisma } = await testDb();
    const both = await Promise.all([0, 1].map(() => refreshSearchBlocks(prismaTransactions(prisma), { all: true })));
    expect(both.map((report) => report.blocks.length)).toEqual([1, 1]);
    await expectSameAsPostgres();
  });

  test("relevance: a word in the headline outranks the summary, which outranks the body", async () => {
    const { prisma } = await testDb();
    const ords = new Map((await prisma.wire.findMany({ where: { id: { in: ["AIW-2025-0002", "AIW-2024-0005", "AIW-2021-0001"] } }, select: { id: true, ord: true } })).map((w) => [w.id, w.ord]));
    const { ranks } = await viaArchive("quokka");
    const points = (id: string) => ranks.get(ords.get(id)!);
    expect(points("AIW-2025-0002")).toBe(WORD_POINTS.headline);
    expect(points("AIW-2024-0005")).toBe(WORD_POINTS.summary);
    expect(points("AIW-2021-0001")).toBe(WORD_POINTS.body);
  });
});

describe("the query and its postings, read in one round trip", () => {
  test("each query's lexemes come back with it, a phrase's with their positions, and the blocks as read", async () => {
    await rebuildPostings();
    const { blocks } = await loadSearchIndex();
    for (const q of [...QUERIES, "it's o'reilly's", "the and of", "---"]) {
      clearPostingsCache();
      const { tree, postings } = await readSearchText(normalizeSearchText(q));
      expect([...postings.lexemes].sort(), q).toEqual(tree ? queryLexemes(tree).sort() : []);
      for (const lexeme of tree ? phraseLexemes(tree) : []) expect(postings.positioned.has(lexeme), `${q}: ${lexeme}`).toBe(true);
      for (const row of postings.rows) {
        expect(postings.lexemes.has(row.lexeme), q).toBe(true);
        expect(row.positions !== null, `${q}: ${row.lexeme}`).toBe(postings.positioned.has(row.lexeme));
      }
      expect(postings.blocksKey, q).toBe(blocks.key);
    }
  });

  test("lexemes the postings cache already holds are not read again", async () => {
    clearTextCache();
    clearPostingsCache();
    await matchText('"facial recognition"', await loadSearchIndex());
    const { postings } = await readSearchText('"facial recognition" oversight');
    expect([...postings.lexemes]).toEqual(["oversight"]);
    clearPostingsCache();
    await matchText("oversight", await loadSearchIndex());
    // Held without positions: a phrase of the same word still reads them.
    const phrase = await readSearchText('"oversight model"');
    expect([...phrase.postings.lexemes].sort()).toEqual(["model", "oversight"]);
  });

  test("rows read ahead serve only a search whose index saw the same built blocks", async () => {
    clearPostingsCache();
    const index = await loadSearchIndex();
    const truth = (await loadPostings(["glimmerwick"], index.blocks, index.listed.capacity)).get("glimmerwick")!;
    const real: number[] = [];
    truth.all.forEach((ord) => real.push(ord));
    expect(real.length).toBeGreaterThan(0);
    // A row that says otherwise: the word in the block's first wire only.
    const claimed = { lexeme: "glimmerwick", block: 0, ords: encodeOrds([0]), headline: null, summary: null, positions: null };
    const readAhead = (blocksKey: string) => ({ blocksKey, lexemes: new Set(["glimmerwick"]), positioned: new Set<string>(), rows: [claimed] });
    const ordsOf = async (blocksKey: string) => {
      clearPostingsCache();
      const found = (await loadPostings(["glimmerwick"], index.blocks, index.listed.capacity, [], readAhead(blocksKey))).get("glimmerwick")!;
      const ords: number[] = [];
      found.all.forEach((ord) => ords.push(ord));
      return ords;
    };
    expect(await ordsOf(`${index.blocks.key},9:rebuilt`)).toEqual(real);
    expect(await ordsOf(index.blocks.key)).toEqual([0]);
    clearPostingsCache();
  });
});
