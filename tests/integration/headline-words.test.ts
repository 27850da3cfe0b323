import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { closeTestDb, importShipped, resetDatabase, testDb } from "../helpers/database";
import { insertWire } from "../helpers/fixtures";

// headline_word is what "did you mean" draws on: the words of every headline, kept by triggers on wire.

async function held(): Promise<string[]> {
  const { prisma } = await testDb();
  return (await prisma.$queryRaw<{ word: string }[]>`SELECT word FROM headline_word ORDER BY word`).map((row) => row.word);
}

async function inHeadlines(): Promise<string[]> {
  const { prisma } = await testDb();
  return (await prisma.$queryRaw<{ word: string }[]>`SELECT DISTINCT word FROM wire, headline_words(wire.headline) AS word ORDER BY word`).map((row) => row.word);
}

beforeAll(async () => {
  await resetDatabase();
  await importShipped();
}, 60_000);
afterAll(closeTestDb);

describe("headline words", () => {
  test("the import leaves every word of three or more characters of the shipped headlines, in lower case", async () => {
    const words = await held();
    expect(words).toEqual(await inHeadlines());
    // "OpenAI announces DALL·E 2" gives "openai", "announces" and "dall" ("2" is too short).
    expect(words).toEqual(expect.arrayContaining(["openai", "announces", "dall", "research", "preview"]));
    expect(words).not.toContain("2");
    expect(words.every((word) => word.length >= 3 && word === word.toLowerCase())).toBe(true);
  });

  test("a new wire's headline adds its words; a reworded headline adds the new ones and keeps the old", async () => {
    await insertWire({ id: "AIW-2019-0101", occurredOn: "2019-05-01", headline: "Quillfeather chatbot misquotes a Zanzibar court" });
    expect(await held()).toEqual(expect.arrayContaining(["quillfeather", "chatbot", "misquotes", "zanzibar", "court"]));
    const { prisma } = await testDb();
    await prisma.wire.update({ where: { id: "AIW-2019-0101" }, data: { headline: "Quillfeather chatbot misquotes Tanganyika judges" } });
    const words = await held();
    expect(words).toEqual(expect.arrayContaining(["tanganyika", "judges", "zanzibar"]));
    expect(words.filter((word) => word === "quillfeather")).toHaveLength(1);
  });

  test("a change rolled back adds no words", async () => {
    const before = await held();
    const { prisma } = await testDb();
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.wire.update({ where: { id: "AIW-2019-0101" }, data: { headline: "Brightmantle scanner fails again" } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await held()).toEqual(before);
  });
});
