import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { resetApiTokens } from "@/lib/api/rate-limit";
import { closeTestDb, importShipped, resetDatabase, testDb } from "../helpers/database";
import { insertWire } from "../helpers/fixtures";
import { seedFixtures } from "../helpers/search";
import { callApi } from "./api-client";

const DALLE_2 = "AIW-2022-0001";
const WITHDRAWN = "AIW-2024-0003";
const MERGED = "AIW-2024-0004";
const MIXED_SOURCES = "AIW-2019-0003";
const osvPath = (id: string) => `/api/v1/wires/${id}/osv.json`;

beforeAll(async () => {
  await testDb();
  await resetDatabase();
  await importShipped();
  await seedFixtures();
  // A wire citing one source of each kind, one of them twice, and a source it does not have.
  const { prisma } = await testDb();
  await insertWire({ id: MIXED_SOURCES, occurredOn: "2019-07-01", providers: ["google", "adobe"], codes: ["S2", "M1"], sources: 3, related: [DALLE_2] });
  await prisma.source.update({ where: { wireId_position: { wireId: MIXED_SOURCES, position: 3 } }, data: { kind: "ANALYSIS", archivedUrl: "https://archive.example/3" } });
  await prisma.wire.update({
    where: { id: MIXED_SOURCES },
    data: { body: "First [one](source:1), then [two](source:2) and [three][c].\n\nAgain [one](source:1); [missing](source:9); see [the guide](/guides/editors-guide).\n\n[c]: source:3" },
  });
});
beforeEach(resetApiTokens);
afterAll(closeTestDb);

describe("GET /api/v1/wires/{id}/osv.json", () => {
  test("a shipped wire as an OSV-style record", async () => {
    const { prisma } = await testDb();
    const row = await prisma.wire.findUniqueOrThrow({ where: { id: DALLE_2 }, include: { rationale: true, sources: { orderBy: { position: "asc" } } } });
    const { status, body, headers } = await callApi(osvPath(DALLE_2));
    expect(status).toBe(200);
    expect(headers.get("access-control-allow-origin")).toBe("*");
    expect(Object.keys(body)).toEqual(["schema_version", "id", "modified", "published", "aliases", "related", "summary", "details", "severity", "affected", "references", "database_specific"]);
    expect(body).toMatchObject({
      schema_version: "1.6.0",
      id: DALLE_2,
      modified: row.rationale!.updatedAt > row.updatedAt ? row.rationale!.updatedAt.toISOString() : row.updatedAt.toISOString(),
      published: "2026-05-10T09:01:00.000Z",
      aliases: [],
      related: ["AIW-2022-0002", "AIW-2023-0009"],
      summary: "OpenAI announces DALL·E 2",
      severity: [{ type: "AIW-SEV", score: "SEV-4" }],
      affected: [{ package: { ecosystem: "AIW", name: "openai" }, database_specific: { name: "OpenAI", url: "http://localhost/providers/openai" } }],
    });
    expect(body.withdrawn).toBeUndefined();
    // The summary, then the body with every citation pointing at its source.
    expect(body.details.startsWith(`${row.summary}\n\nOpenAI presented DALL·E 2 on 6 April 2022`)).toBe(true);
    expect(body.details).toContain("[source](https://openai.com/dall-e-2)");
    expect(body.details).toContain("[source](https://arxiv.org/abs/2204.06125)");
    expect(body.details).not.toContain("source:");
    expect(body.references).toEqual([
      ...row.sources.map((source) => ({ type: "ADVISORY", url: source.url })),
      { type: "WEB", url: "http://localhost/wires/AIW-2022-0001/openai-announces-dall-e-2" },
    ]);
    expect(body.database_specific).toEqual({
      url: "http://localhost/wires/AIW-2022-0001/openai-announces-dall-e-2",
      api_url: "http://localhost/api/v1/wires/AIW-2022-0001",
      occurred_on: "2022-04-06",
      severity: { level: 4, label: "Moderate" },
      sourcing_standard: "STANDARD",
      status: "PUBLISHED",
      status_note: null,
      codes: [
        { code: "C1", label: expect.any(String), family: "C" },
        { code: "M4", label: expect.any(String), family: "M" },
        { code: "F1", label: expect.any(String), family: "F" },
      ],
      rationale: {
        text: row.rationale!.text,
        basis: "CLASSIFICATION_RUN",
        basis_label: "Launch-archive bulk classification",
        basis_date: "2026-05-10",
        test: row.rationale!.test,
        version: 1,
        updated_at: row.rationale!.updatedAt.toISOString(),
      },
      sources: row.sources.map((source) => ({
        position: source.position,
        title: source.title,
        publisher: source.publisher,
        url: source.url,
        published_on: source.publishedOn!.toISOString().slice(0, 10),
        kind: "PRIMARY",
        archived_url: null,
      })),
    });
  });

  test("source kinds become reference types, and the details cite the sources' addresses", async () => {
    const { body } = await callApi(osvPath(MIXED_SOURCES.toLowerCase()));
    const base = "https://example.org/aiw-2019-0003";
    expect(body.id).toBe(MIXED_SOURCES);
    expect(body.references).toEqual([
      { type: "ADVISORY", url: `${base}/1` },
      { type: "ARTICLE", url: `${base}/2` },
      { type: "REPORT", url: `${base}/3` },
      { type: "WEB", url: "http://localhost/wires/AIW-2019-0003/test-wire-aiw-2019-0003" },
    ]);
    expect(body.details).toBe(
      `Summary of ${MIXED_SOURCES}.\n\nFirst [one](${base}/1), then [two](${base}/2) and [three][c].\n\nAgain [one](${base}/1); missing; see [the guide](http://localhost/guides/editors-guide).\n\n[c]: ${base}/3\n`,
    );
    expect(body.affected.map((entry: { package: { name: string } }) => entry.package.name)).toEqual(["google", "adobe"]);
    expect(body.related).toEqual([DALLE_2]);
    expect(body.database_specific.sources.map((source: { kind: string; archived_url: string | null }) => [source.kind, source.archived_url])).toEqual([
      ["PRIMARY", null],
      ["REPORT", null],
      ["ANALYSIS", "https://archive.example/3"],
    ]);
    expect(body.database_specific.rationale).toBeNull();
  });

  test("a withdrawn wire: withdrawn set, its merged wires as aliases, no withdrawn text", async () => {
    const { prisma } = await testDb();
    const row = await prisma.wire.findUniqueOrThrow({ where: { id: WITHDRAWN } });
    const { status, body } = await callApi(osvPath(WITHDRAWN));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: WITHDRAWN,
      modified: row.updatedAt.toISOString(),
      withdrawn: row.updatedAt.toISOString(),
      aliases: [MERGED],
      summary: "Stable Diffusion 3 waitlist opens",
      details: "This wire was withdrawn. Test note. Its id stays reserved and is never reused; the text is no longer published.",
      severity: [{ type: "AIW-SEV", score: "SEV-3" }],
      references: [{ type: "WEB", url: "http://localhost/wires/AIW-2024-0003/test-wire-aiw-2024-0003" }],
    });
    expect(body.database_specific).toMatchObject({ status: "WITHDRAWN", status_note: "Test note.", rationale: null, sources: [], codes: [{ code: "M2", label: expect.any(String), family: "M" }] });
    expect(JSON.stringify(body)).not.toContain("The waitlist opened");
  });

  test("a merged wire's id: 308 to the surviving wire's record, which names it as an alias", async () => {
    const { status, headers, body } = await callApi(osvPath(MERGED));
    expect(status).toBe(308);
    expect(headers.get("location")).toBe(osvPath(WITHDRAWN));
    expect(body).toMatchObject({ id: MERGED, status: "MERGED", mergedInto: { id: WITHDRAWN } });
    const survivor = await callApi(headers.get("location")!);
    expect(survivor.body.aliases).toContain(MERGED);
  });

  test("an amendment moves modified", async () => {
    const { prisma } = await testDb();
    await prisma.rationale.update({ where: { wireId: "AIW-2022-0005" }, data: { updatedAt: new Date("2026-08-01T08:00:00Z"), version: 2 } });
    const { body } = await callApi(osvPath("AIW-2022-0005"));
    expect(body.modified).toBe("2026-08-01T08:00:00.000Z");
    expect(body.database_specific.rationale.version).toBe(2);
  });

  test("ARCHIVE_PUBLIC_URL is unset here: links follow the address asked, checked to be a host name", async () => {
    const { body } = await callApi(osvPath(DALLE_2), { headers: { host: "wires.example.org" } });
    expect(body.database_specific.url).toBe("http://wires.example.org/wires/AIW-2022-0001/openai-announces-dall-e-2");
    const forged = await callApi(osvPath(DALLE_2), { headers: { host: "evil.example/<script>" } });
    expect(forged.body.database_specific.url).toBe("http://localhost/wires/AIW-2022-0001/openai-announces-dall-e-2");
  });

  test.each(["AIW-1999-0009", "not-an-id"])("an unknown id (%s): a JSON 404", async (id) => {
    const { status, body } = await callApi(osvPath(id));
    expect(status).toBe(404);
    expect(body.error).toBe("not_found");
  });
});
