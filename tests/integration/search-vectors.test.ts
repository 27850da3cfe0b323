import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { binaryArray, binaryTextArray, TSVECTOR_OID } from "@/lib/synthetic/binary-array";
import type { SqlSession } from "@/lib/synthetic/sql-session";
import { createSearchVectorBuilder, tsvectorLiteral, type WireText } from "@/lib/synthetic/search-vector-builder";
import { closeTestDb, importShipped, resetDatabase, testDb } from "../helpers/database";
import { insertWire } from "../helpers/fixtures";

// What the wire trigger computes, written out here so that the test compares against PostgreSQL itself.
const triggerVector = (headline: string, summary: string, body: string) => `(
  setweight(to_tsvector('english', translate(${headline}, '·', '-')), 'A') ||
  setweight(to_tsvector('english', translate(${summary}, '·', '-')), 'B') ||
  setweight(to_tsvector('english', translate(${body}, '·', '-')), 'C'))`;

async function session(): Promise<SqlSession> {
  const { prisma } = await testDb();
  return {
    query: (sql, params = []) => prisma.$queryRawUnsafe(sql, ...params),
    execute: async (sql, params = []) => void (await prisma.$executeRawUnsafe(sql, ...params)),
  };
}

/** PostgreSQL's vector for the wire and the built one (binary, given as its literal), both as PostgreSQL prints them, and whether they are equal. */
async function compare(wire: WireText, built: Buffer): Promise<{ expected: string; actual: string; equal: boolean }> {
  const { prisma } = await testDb();
  const [row] = await prisma.$queryRawUnsafe<{ expected: string; actual: string; equal: boolean }[]>(
    `SELECT ${triggerVector("$1", "$2", "$3")}::text AS expected, $4::tsvector::text AS actual, ${triggerVector("$1", "$2", "$3")} = $4::tsvector AS equal`,
    wire.headline,
    wire.summary,
    wire.body,
    tsvectorLiteral(built),
  );
  return row!;
}

const word = (n: number) => Array.from({ length: n }, () => "incident").join(" ");

// Texts that stress what to_tsvector does: stop words at the ends of a part (the next part's positions
// shift by the highest position so far, not by the number of words), a part with stop words only,
// compound words, numbers, addresses, punctuation stuck to words, quotes, backslashes, Unicode,
// Markdown, tabs, line breaks and runs of spaces.
const TRICKY: WireText[] = [
  { headline: "Arclight AI pauses automated classifier after audit", summary: "Regulators said the model misidentified 40 users on 3 March 2019.", body: "The tool relied on facial recognition in the public school [source](source:1).\n\nAbout 4,500 images were flagged before it was paused [source](source:2)." },
  { headline: "The model and the", summary: "of the", body: "a cat sat on the mat" },
  { headline: "The and of", summary: "To be or not to be", body: "Nothing but stop words? No: facial recognition." },
  { headline: "DALL·E 2 and DALL-E 3 from OpenAI's lab", summary: "e-mail x@y.com, https://a.example/x-y?z=1 and www.example.org/path", body: "-3 +4 2.0 v1.2.3 1e10 0x1F 12:30 2019-03-04 50% $20 #tag @user" },
  { headline: `'Quoted' "double" back\\slash it's`, summary: "O'Brien's rock'n'roll can't won't", body: "a\\b \\\\ '' \"\" ` backticks `" },
  { headline: "Ünïcödé naïve café — “smart quotes” … résumé", summary: "東京 の AI 🙂 emoji ½ ²", body: "Straße STRASSE Größe façade coöperate" },
  { headline: "**Bold** _italic_ `code`", summary: "# Heading", body: "- item one\n- item two\n\n1. first\n2. second\n\n> quoted [link](https://example.org/a_b) ![image](img.png)" },
  { headline: "  leading and trailing  ", summary: "tabs\tand\r\nCRLF\nlines", body: "many     spaces   between\n\n\n\nwords " },
  { headline: "x", summary: "", body: "" },
  { headline: "Words repeat", summary: word(100), body: word(150) },
];

beforeAll(async () => {
  await testDb();
  await resetDatabase();
  await importShipped();
});
afterAll(closeTestDb);

describe("search vectors built outside the trigger", () => {
  test("equal PostgreSQL's own for tricky texts, positions and weights included", async () => {
    const builder = createSearchVectorBuilder(await session());
    const vectors = await builder.build(TRICKY);
    for (const [index, wire] of TRICKY.entries()) {
      const built = vectors[index];
      expect(built, `text ${index} got no vector`).toEqual(expect.any(Buffer));
      const result = await compare(wire, built!);
      expect(result.actual, `text ${index}`).toBe(result.expected);
      expect(result.equal, `text ${index}`).toBe(true);
    }
    expect(builder.pieces).toBeGreaterThan(100);
  });

  test("a second batch reuses what the first learned, and the vectors stay equal", async () => {
    const builder = createSearchVectorBuilder(await session());
    await builder.build(TRICKY.slice(0, 3));
    const learned = builder.pieces;
    const again = await builder.build(TRICKY.slice(0, 3));
    expect(builder.pieces).toBe(learned);
    for (const [index, wire] of TRICKY.slice(0, 3).entries()) expect((await compare(wire, again[index]!)).equal).toBe(true);
  });

  // On PostgreSQL (TEST_DATABASE_URL, as in CI) the generator binds texts and vectors in the binary form.
  if (process.env.TEST_DATABASE_URL) {
    test("bound in the binary form, texts arrive intact and vectors equal PostgreSQL's own", async () => {
      const builder = createSearchVectorBuilder(await session());
      const vectors = await builder.build(TRICKY);
      const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await client.connect();
      try {
        const { rows } = await client.query<{ headline: string; summary: string; body: string; actual: string; expected: string; equal: boolean }>(
          `SELECT h AS headline, s AS summary, b AS body, v::text AS actual, ${triggerVector("h", "s", "b")}::text AS expected, v = ${triggerVector("h", "s", "b")} AS equal
           FROM unnest($1::text[], $2::text[], $3::text[], $4::tsvector[]) WITH ORDINALITY AS x(h, s, b, v, i) ORDER BY i`,
          [
            binaryTextArray(TRICKY.map((wire) => wire.headline)),
            binaryTextArray(TRICKY.map((wire) => wire.summary)),
            binaryTextArray(TRICKY.map((wire) => wire.body)),
            binaryArray(TSVECTOR_OID, vectors),
          ],
        );
        expect(rows.map(({ headline, summary, body }) => ({ headline, summary, body }))).toEqual(TRICKY);
        for (const [index, row] of rows.entries()) {
          expect(row.actual, `text ${index}`).toBe(row.expected);
          expect(row.equal, `text ${index}`).toBe(true);
        }
        const { rows: nulls } = await client.query<{ texts: (string | null)[] }>(`SELECT $1::text[] AS texts`, [binaryTextArray(["", null, "{a,b}", "NULL"])]);
        expect(nulls[0]!.texts).toEqual(["", null, "{a,b}", "NULL"]);
      } finally {
        await client.end();
      }
    });
  }

  test("text the parser might read across a space (an HTML tag), or a word past 255 positions, is left to the trigger", async () => {
    const builder = createSearchVectorBuilder(await session());
    const [tag, repeated, plain] = await builder.build([
      { headline: "A tag", summary: 'see <a href="x y">here</a>', body: "body" },
      { headline: "Repeated", summary: "summary", body: word(300) },
      { headline: "Plain", summary: "summary", body: "body" },
    ]);
    expect(tag).toBeNull();
    expect(repeated).toBeNull();
    expect(plain).toEqual(expect.any(Buffer));
  });
});

describe("the wire trigger", () => {
  async function vectorOf(id: string): Promise<string> {
    const { prisma } = await testDb();
    const [row] = await prisma.$queryRaw<{ vector: string }[]>`SELECT search_vector::text AS vector FROM wire WHERE id = ${id}`;
    return row!.vector;
  }
  async function computed(id: string): Promise<string> {
    const { prisma } = await testDb();
    const [row] = await prisma.$queryRawUnsafe<{ vector: string }[]>(
      `SELECT ${triggerVector("headline", "summary", "body")}::text AS vector FROM wire WHERE id = $1`,
      id,
    );
    return row!.vector;
  }

  test("computes the vector of a wire inserted without one (an import, an editor)", async () => {
    await insertWire({ id: "AIW-2024-0801", occurredOn: "2024-02-01", headline: "Kangaroo counting model miscounts" });
    expect(await vectorOf("AIW-2024-0801")).toBe(await computed("AIW-2024-0801"));
    expect(await vectorOf("AIW-2024-0801")).toContain("'kangaroo':1A");
  });

  test("keeps the vector an insert supplies, and computes it again when the text changes", async () => {
    const { prisma } = await testDb();
    await insertWire({ id: "AIW-2024-0802", occurredOn: "2024-02-02", headline: "Wombat sorting model" });
    // A copy of that wire, inserted with a vector of its own.
    await prisma.$executeRawUnsafe(`INSERT INTO wire (id, slug, headline, summary, body, occurred_on, published_at, updated_at, severity, sourcing_standard, search_vector)
      SELECT 'AIW-2024-0803', slug, headline, summary, body, occurred_on, published_at, updated_at, severity, sourcing_standard, 'supplied:1A'::tsvector
      FROM wire WHERE id = 'AIW-2024-0802'`);
    expect(await vectorOf("AIW-2024-0803")).toBe("'supplied':1A");
    await prisma.wire.update({ where: { id: "AIW-2024-0803" }, data: { body: "A wombat sorting model sorted wombats." } });
    expect(await vectorOf("AIW-2024-0803")).toBe(await computed("AIW-2024-0803"));
    expect(await vectorOf("AIW-2024-0803")).toContain("'wombat'");
    // An update that sets a vector along with new text gets the computed one.
    await prisma.$executeRawUnsafe(`UPDATE wire SET summary = 'Wombats again.', search_vector = 'stale:1'::tsvector WHERE id = 'AIW-2024-0803'`);
    expect(await vectorOf("AIW-2024-0803")).toBe(await computed("AIW-2024-0803"));
  });
});
