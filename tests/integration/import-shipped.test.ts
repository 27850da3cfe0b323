import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { importContent } from "@/lib/content/import-content";
import { getWire } from "@/lib/wires/get-wire";
import { makeContentCopy } from "../helpers/content-copy";
import { closeTestDb, importShipped, resetDatabase, rowCounts, testDb } from "../helpers/database";

const DALLE_API = "AIW-2022-0008";

beforeAll(() => testDb());
beforeEach(resetDatabase);
afterAll(closeTestDb);

async function updatedAtById(): Promise<Record<string, string>> {
  const { prisma } = await testDb();
  const wires = await prisma.wire.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: "asc" } });
  const guides = await prisma.guide.findMany({ select: { slug: true, updatedAt: true }, orderBy: { slug: "asc" } });
  return Object.fromEntries([...wires.map((w) => [w.id, w.updatedAt.toISOString()]), ...guides.map((g) => [`guide:${g.slug}`, g.updatedAt.toISOString()])]);
}

describe("importing the shipped content", () => {
  test("fills an empty archive", async () => {
    const report = await importShipped();
    expect(report).toEqual({ wiresCreated: 10, wiresUpdated: 0, providers: 6, codes: 19, guides: 5, rationalesKept: 0 });
    expect(await rowCounts()).toMatchObject({
      wire: 10,
      source: 19,
      rationale: 10,
      rationale_revision: 10,
      provider: 6,
      code_family: 4,
      code: 19,
      guide: 5,
    });
    const { prisma } = await testDb();
    expect(await prisma.wire.count({ where: { status: "PUBLISHED" } })).toBe(10);
    // "OpenAI", "openai" and "Open AI" are one name once normalized; "OpenAI LP" is another.
    const aliases = await prisma.providerAlias.findMany({ where: { provider: { slug: "openai" } }, select: { normalized: true }, orderBy: { normalized: "asc" } });
    expect(aliases.map((alias) => alias.normalized)).toEqual(["openai", "openailp"]);
  });

  test("the DALL·E API wire reads as its file says", async () => {
    await importShipped();
    const wire = await getWire(DALLE_API);
    expect(wire).toMatchObject({
      id: DALLE_API,
      slug: "dall-e-api-public-beta",
      headline: "DALL·E API enters public beta",
      occurredOn: "2022-11-03",
      publishedAt: "2026-05-10T09:08:00.000Z",
      updatedAt: "2026-05-10T09:08:00.000Z",
      severity: 3,
      sourcingStandard: "STANDARD",
      status: "PUBLISHED",
      statusNote: null,
      mergedInto: null,
      providers: [{ slug: "openai", name: "OpenAI" }],
    });
    expect(wire!.codes.map((code) => code.code)).toEqual(["M1", "F10"]);
    expect(wire!.sources).toEqual([
      {
        position: 1,
        title: "DALL·E API now available in public beta",
        publisher: "OpenAI",
        url: "https://openai.com/blog/dall-e-api-now-available-in-public-beta",
        publishedOn: "2022-11-03",
        kind: "PRIMARY",
        archivedUrl: null,
      },
      { position: 2, title: "Pricing", publisher: "OpenAI", url: "https://openai.com/pricing", publishedOn: null, kind: "PRIMARY", archivedUrl: null },
    ]);
    expect(wire!.body).toMatch(/^OpenAI opened its DALL·E API to developers as a public beta on 3 November 2022/);
    expect(wire!.body).not.toMatch(/^---/m);
    expect(wire!.rationale).toMatchObject({
      basis: "CLASSIFICATION_RUN",
      basisLabel: "Launch-archive bulk classification",
      basisDate: "2026-05-10",
      version: 1,
    });
    expect(wire!.rationale!.test).toMatch(/but-for/);
    expect(wire!.rationale!.text).toMatch(/^The public beta made DALL·E a programmatic building block/);

    const { prisma } = await testDb();
    const revisions = await prisma.rationaleRevision.findMany({ where: { wireId: DALLE_API } });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ version: 1, basis: "CLASSIFICATION_RUN", text: wire!.rationale!.text, reason: expect.stringMatching(/AIW-2022-0008\.md$/) });
    const links = await prisma.wireLink.findMany({ where: { fromId: DALLE_API }, select: { toId: true }, orderBy: { toId: "asc" } });
    expect(links.map((link) => link.toId)).toEqual(["AIW-2022-0006", "AIW-2022-0007", "AIW-2023-0010"]);
  });

  test("importing twice changes nothing", async () => {
    await importShipped();
    const counts = await rowCounts();
    const times = await updatedAtById();
    const { prisma } = await testDb();
    const rationalesBefore = await prisma.rationale.findMany({ orderBy: { wireId: "asc" } });

    const again = await importShipped();
    expect(again).toEqual({ wiresCreated: 0, wiresUpdated: 10, providers: 6, codes: 19, guides: 5, rationalesKept: 10 });
    expect(await rowCounts()).toEqual(counts);
    expect(await updatedAtById()).toEqual(times);
    expect(await prisma.rationale.findMany({ orderBy: { wireId: "asc" } })).toEqual(rationalesBefore);
    expect((await getWire(DALLE_API))!.rationale!.version).toBe(1);
  });

  test("an editor's rationale survives a re-import", async () => {
    await importShipped();
    const { prisma } = await testDb();
    const amendedAt = new Date("2026-06-01T10:00:00.000Z");
    const amended = {
      text: "Amended by an editor after review.",
      basis: "EDITOR_AMENDMENT" as const,
      basisLabel: "Editor review",
      basisDate: new Date("2026-06-01T00:00:00Z"),
      test: 'Counterfactual "but-for" test per the Editor\'s Guide',
    };
    await prisma.$transaction([
      prisma.rationale.update({ where: { wireId: DALLE_API }, data: { ...amended, version: 2, updatedAt: amendedAt } }),
      prisma.rationaleRevision.create({ data: { wireId: DALLE_API, version: 2, ...amended, reason: "Clarified", author: "editor@example.org", createdAt: amendedAt } }),
      prisma.wire.update({ where: { id: DALLE_API }, data: { updatedAt: amendedAt } }),
    ]);

    const report = await importShipped();
    expect(report.rationalesKept).toBe(10);
    const wire = await getWire(DALLE_API);
    expect(wire!.rationale).toMatchObject({ text: "Amended by an editor after review.", basis: "EDITOR_AMENDMENT", basisLabel: "Editor review", version: 2 });
    // The amendment is later than the file's time, so the wire keeps it.
    expect(wire!.updatedAt).toBe(amendedAt.toISOString());
    expect(await prisma.rationaleRevision.count({ where: { wireId: DALLE_API } })).toBe(2);
  });

  test("a changed file updates its wire by permanent id, and only that wire", async () => {
    await importShipped();
    const counts = await rowCounts();
    const times = await updatedAtById();
    const copy = await makeContentCopy();
    try {
      await copy.edit(`wires/${DALLE_API}.md`, (text) =>
        text
          .replace("headline: DALL·E API enters public beta", "headline: DALL·E image API opens to all developers")
          .replace("severity: 3", "severity: 2")
          .replace("codes: [M1, F10]", "codes: [F10, M1, M2]")
          .replace("published_at: 2026-05-10T09:08:00Z", "published_at: 2026-05-10T09:08:00Z\nupdated_at: 2026-07-01T12:00:00Z"),
      );
      const report = await importContent((await testDb()).prisma, copy.dir);
      expect(report).toMatchObject({ wiresCreated: 0, wiresUpdated: 10 });
    } finally {
      await copy.cleanup();
    }
    const wire = await getWire(DALLE_API);
    expect(wire).toMatchObject({ headline: "DALL·E image API opens to all developers", severity: 2, updatedAt: "2026-07-01T12:00:00.000Z" });
    expect(wire!.codes.map((code) => code.code)).toEqual(["F10", "M1", "M2"]);
    // The search's text postings and the headline words follow the new headline: derived rows, one per word.
    const { search_posting: postingsAfter, headline_word: wordsAfter, ...counted } = await rowCounts();
    const { search_posting: postingsBefore, headline_word: wordsBefore, ...before } = counts;
    expect(counted).toEqual({ ...before, wire_code: before.wire_code! + 1 });
    expect(postingsAfter).not.toBe(postingsBefore);
    // "image", "opens" and "developers" are new; the old headline's words stay.
    expect(wordsAfter).toBe(wordsBefore! + 3);
    const after = await updatedAtById();
    expect(after).toEqual({ ...times, [DALLE_API]: "2026-07-01T12:00:00.000Z" });
  });
});
