import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { ContentError } from "@/lib/content/content-error";
import { importContent } from "@/lib/content/import-content";
import { makeContentCopy, type ContentCopy } from "../helpers/content-copy";
import { closeTestDb, importShipped, resetDatabase, rowCounts, testDb } from "../helpers/database";

const DALLE = "wires/AIW-2022-0008.md";

let copy: ContentCopy;
let before: Awaited<ReturnType<typeof snapshot>>;

/** What a broken import must leave alone: every table's row count and some wires as stored. */
async function snapshot() {
  const { prisma } = await testDb();
  const wires = await prisma.wire.findMany({
    where: { id: { in: ["AIW-2022-0001", "AIW-2022-0005", "AIW-2022-0008"] } },
    select: { id: true, headline: true, severity: true, occurredOn: true, updatedAt: true, codes: { select: { code: true }, orderBy: { position: "asc" } } },
    orderBy: { id: "asc" },
  });
  const guide = await prisma.guide.findUnique({ where: { slug: "editors-guide" }, select: { title: true, updatedAt: true } });
  return { counts: await rowCounts(), wires, guide };
}

/** Imports the broken copy; returns the problems as the command line prints them, paths relative to the copy. */
async function importBroken(): Promise<string[]> {
  const { prisma } = await testDb();
  const error: unknown = await importContent(prisma, copy.dir).then(
    () => new Error("the import succeeded"),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ContentError);
  const [headline, ...lines] = (error as ContentError).message.split("\n");
  expect(headline).toMatch(/^Content not imported \((1 problem|\d+ problems); nothing was written\):$/);
  expect(lines).toHaveLength((error as ContentError).issues.length);
  // Every problem names a file of the copy by a path the editor can open.
  const prefix = `${path.relative(process.cwd(), copy.dir)}${path.sep}`;
  for (const line of lines) expect(line.trim().startsWith(prefix), line).toBe(true);
  // Nothing was written.
  expect(await snapshot()).toEqual(before);
  return lines.map((line) => line.trim().replaceAll(prefix, ""));
}

/** The 1-based line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split("\n").findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not found`);
  return index + 1;
}

beforeAll(async () => {
  await testDb();
  await resetDatabase();
  await importShipped();
  before = await snapshot();
});
beforeEach(async () => {
  copy = await makeContentCopy();
});
afterEach(() => copy.cleanup());
afterAll(closeTestDb);

describe("a broken content file stops the whole import", () => {
  test("the unchanged copy imports cleanly (the baseline for the cases below)", async () => {
    const { prisma } = await testDb();
    const report = await importContent(prisma, copy.dir);
    expect(report).toMatchObject({ wiresCreated: 0, wiresUpdated: 10 });
    expect(await snapshot()).toEqual(before);
  });

  test("a required field is missing", async () => {
    await copy.edit(DALLE, (text) => text.replace(/^headline: .*\n/m, ""));
    expect(await importBroken()).toEqual([`${DALLE}:2: headline: is missing (expected text)`]);
  });

  test("an unknown code", async () => {
    await copy.edit(DALLE, (text) => text.replace("codes: [M1, F10]", "codes: [M1, Z9]"));
    expect(await importBroken()).toEqual([`${DALLE}:12: codes[1]: unknown code "Z9" (expected one defined in taxonomy.yaml)`]);
  });

  test("a date that is not on the calendar", async () => {
    await copy.edit(DALLE, (text) => text.replace("occurred_on: 2022-11-03", "occurred_on: 2022-13-45"));
    expect(await importBroken()).toEqual([`${DALLE}:6: occurred_on: expected a real calendar date as YYYY-MM-DD`]);
  });

  test("a date in words", async () => {
    await copy.edit(DALLE, (text) => text.replace("occurred_on: 2022-11-03", "occurred_on: yesterday"));
    expect(await importBroken()).toEqual([`${DALLE}:6: occurred_on: expected a date as YYYY-MM-DD`]);
  });

  test("one id in two files", async () => {
    await copy.write("wires/AIW-2023-0011.md", await copy.read(DALLE));
    expect(await importBroken()).toEqual([
      "wires/AIW-2023-0011.md:2: id: the file must be named AIW-2022-0008.md after the wire's id",
      `wires/AIW-2023-0011.md:2: id: duplicate id AIW-2022-0008: ${DALLE} has it too`,
    ]);
  });

  test("a source URL that is not a URL", async () => {
    await copy.edit(DALLE, (text) => text.replace("url: https://openai.com/pricing", "url: openai.com pricing page"));
    expect(await importBroken()).toEqual([`${DALLE}:21: sources[1].url: expected an http(s) URL`]);
  });

  test("a javascript: source URL", async () => {
    await copy.edit(DALLE, (text) => text.replace("url: https://openai.com/pricing", "url: javascript:alert(1)"));
    expect(await importBroken()).toEqual([`${DALLE}:21: sources[1].url: expected an http(s) URL`]);
  });

  test("front matter without its closing line", async () => {
    await copy.edit(DALLE, (text) => text.replace("\n---\nOpenAI opened", "\nOpenAI opened"));
    expect(await importBroken()).toEqual([`${DALLE}:1: front matter: no closing '---' line after the front matter`]);
  });

  test("front matter that is not valid YAML", async () => {
    await copy.edit(DALLE, (text) => text.replace("headline: DALL·E API enters public beta", "headline: DALL·E API: enters public beta"));
    expect(await importBroken()).toEqual([`${DALLE}:4: malformed YAML: Nested mappings are not allowed in compact mappings`]);
  });

  test("a key given twice", async () => {
    await copy.edit(DALLE, (text) => text.replace("status: published", "status: published\nseverity: 2"));
    expect(await importBroken()).toEqual([`${DALLE}:11: malformed YAML: Map keys must be unique`]);
  });

  test("an unknown provider", async () => {
    await copy.edit(DALLE, (text) => text.replace("providers: [openai]", "providers: [anthropic]"));
    expect(await importBroken()).toEqual([`${DALLE}:11: providers[0]: unknown provider "anthropic" (expected one defined in providers.yaml)`]);
  });

  test("a citation of a source the wire does not have", async () => {
    await copy.edit(DALLE, (text) => text.replace("[source](source:2). OpenAI said", "[source](source:3). OpenAI said"));
    const text = await copy.read(DALLE);
    expect(await importBroken()).toEqual([
      `${DALLE}:${lineOf(text, "source:3")}: body: source:3 cites a source that does not exist (the wire has 2)`,
      // Source 2 was cited only there.
      `${DALLE}:${lineOf(text, "OpenAI opened its DALL·E API")}: body: source 2 is never cited: link it inline as [source](source:2)`,
    ]);
  });

  test("a file not named after its wire's id", async () => {
    await copy.write("wires/AIW-2022-0080.md", await copy.read(DALLE));
    await copy.remove(DALLE);
    expect(await importBroken()).toEqual(["wires/AIW-2022-0080.md:2: id: the file must be named AIW-2022-0008.md after the wire's id"]);
  });

  test("a misspelt field", async () => {
    await copy.edit(DALLE, (text) => text.replace("severity: 3", "sevrity: 3"));
    expect(await importBroken()).toEqual([
      `${DALLE}:2: severity: is missing (expected a whole number from 1 (gravest) to 5)`,
      `${DALLE}:8: unknown field sevrity`,
    ]);
  });

  test("a related wire that does not exist", async () => {
    await copy.edit(DALLE, (text) => text.replace("related: [AIW-2022-0006,", "related: [AIW-2031-0001,"));
    const text = await copy.read(DALLE);
    expect(await importBroken()).toEqual([
      `${DALLE}:${lineOf(text, "related:")}: related[0]: unknown related wire "AIW-2031-0001" (expected one defined in content/wires)`,
    ]);
  });

  test("problems in several files are all reported in one run", async () => {
    await copy.edit("wires/AIW-2022-0003.md", (text) => text.replace(/^severity: 5$/m, "severity: 9"));
    await copy.edit("wires/AIW-2023-0009.md", (text) => text.replace(/^sourcing: standard$/m, "sourcing: rumour"));
    const problems = await importBroken();
    expect(problems).toEqual([
      `wires/AIW-2022-0003.md:${lineOf(await copy.read("wires/AIW-2022-0003.md"), "severity:")}: severity: expected 1 to 5`,
      `wires/AIW-2023-0009.md:${lineOf(await copy.read("wires/AIW-2023-0009.md"), "sourcing:")}: sourcing: expected provisional, standard or confirmed`,
    ]);
  });

  test("valid changes next to a broken file are not written either", async () => {
    // Valid: a new headline, a new guide title, a new provider, a whole new wire.
    await copy.edit("wires/AIW-2022-0001.md", (text) => text.replace(/^headline: .*$/m, "headline: A changed headline that must not appear"));
    await copy.edit("guides/editors-guide.md", (text) => text.replace("title: Editor's Guide", "title: Editors' Handbook"));
    await copy.edit("providers.yaml", (text) => `${text}\n- slug: anthropic\n  name: Anthropic\n  description: AI company.\n`);
    await copy.write(
      "wires/AIW-2023-0011.md",
      (await copy.read("wires/AIW-2023-0010.md")).replace("id: AIW-2023-0010", "id: AIW-2023-0011").replace(/^slug: .*$/m, "slug: a-new-wire"),
    );
    // Broken: one unknown code in another wire.
    await copy.edit("wires/AIW-2022-0005.md", (text) => text.replace("codes: [S3]", "codes: [S3, Z9]"));

    const problems = await importBroken();
    expect(problems).toEqual([
      `wires/AIW-2022-0005.md:${lineOf(await copy.read("wires/AIW-2022-0005.md"), "codes:")}: codes[1]: unknown code "Z9" (expected one defined in taxonomy.yaml)`,
    ]);
    const { prisma } = await testDb();
    expect(await prisma.wire.findUnique({ where: { id: "AIW-2023-0011" } })).toBeNull();
    expect(await prisma.provider.findUnique({ where: { slug: "anthropic" } })).toBeNull();
    expect((await prisma.wire.findUniqueOrThrow({ where: { id: "AIW-2022-0001" } })).headline).not.toMatch(/changed headline/);
    expect((await prisma.guide.findUniqueOrThrow({ where: { slug: "editors-guide" } })).title).toBe("Editor's Guide");

    // Fixed, the same changes all go in.
    await copy.edit("wires/AIW-2022-0005.md", (text) => text.replace("codes: [S3, Z9]", "codes: [S3]"));
    const report = await importContent(prisma, copy.dir);
    expect(report).toMatchObject({ wiresCreated: 1, wiresUpdated: 10, providers: 7 });
    expect((await prisma.wire.findUniqueOrThrow({ where: { id: "AIW-2022-0001" } })).headline).toBe("A changed headline that must not appear");
    expect((await prisma.guide.findUniqueOrThrow({ where: { slug: "editors-guide" } })).title).toBe("Editors' Handbook");

    // Back to the shipped state for any case after this one.
    await resetDatabase();
    await importShipped();
    before = await snapshot();
  });
});
