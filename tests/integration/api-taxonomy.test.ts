import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { resetApiTokens } from "@/lib/api/rate-limit";
import { closeTestDb, importShipped, resetDatabase, testDb } from "../helpers/database";
import { seedFixtures } from "../helpers/search";
import { callApi } from "./api-client";

beforeAll(async () => {
  await testDb();
  await resetDatabase();
  await importShipped();
  await seedFixtures();
});
beforeEach(resetApiTokens);
afterAll(closeTestDb);

/** Listed wires (all but merged ones) per provider slug and per code, counted in SQL: the oracle. */
async function listedCounts() {
  const { prisma } = await testDb();
  const [providers, codes] = await Promise.all([
    prisma.$queryRaw<{ key: string; n: number }[]>`
      SELECT p.slug AS key, count(w.id)::int AS n FROM provider p
      LEFT JOIN wire_provider wp ON wp.provider_id = p.id LEFT JOIN wire w ON w.id = wp.wire_id AND w.status <> 'MERGED' GROUP BY p.slug`,
    prisma.$queryRaw<{ key: string; n: number }[]>`
      SELECT c.code AS key, count(w.id)::int AS n FROM code c
      LEFT JOIN wire_code wc ON wc.code = c.code LEFT JOIN wire w ON w.id = wc.wire_id AND w.status <> 'MERGED' GROUP BY c.code`,
  ]);
  return { provider: new Map(providers.map((row) => [row.key, row.n])), code: new Map(codes.map((row) => [row.key, row.n])) };
}

describe("providers", () => {
  test("GET /api/v1/providers: every provider by name, with aliases and wire counts", async () => {
    const { prisma } = await testDb();
    const rows = await prisma.provider.findMany({ orderBy: { name: "asc" }, include: { aliases: true } });
    const counts = await listedCounts();
    const { status, body } = await callApi("/api/v1/providers");
    expect(status).toBe(200);
    expect(body.total).toBe(rows.length);
    expect(body.providers.map((provider: { slug: string }) => provider.slug)).toEqual(rows.map((row) => row.slug));
    for (const provider of body.providers) {
      const row = rows.find((candidate) => candidate.slug === provider.slug)!;
      expect(provider).toMatchObject({ name: row.name, description: row.description, url: row.url, wireCount: counts.provider.get(row.slug) });
      expect([...provider.aliases].sort()).toEqual(row.aliases.map((alias) => alias.alias).filter((alias) => alias !== row.name && alias !== row.slug).sort());
    }
  });

  test("GET /api/v1/providers/openai: the provider, its links and feeds", async () => {
    const { status, body } = await callApi("/api/v1/providers/openai");
    expect(status).toBe(200);
    expect(body).toEqual({
      slug: "openai",
      name: "OpenAI",
      description: expect.stringMatching(/^US artificial intelligence company/),
      url: expect.any(String),
      aliases: ["Open AI", "OpenAI LP"],
      wireCount: (await listedCounts()).provider.get("openai"),
      links: {
        self: "/api/v1/providers/openai",
        html: "/providers/openai",
        wires: "/api/v1/wires?provider=openai",
        feeds: { rss: "/feeds/archive.rss?provider=openai", atom: "/feeds/archive.atom?provider=openai", json: "/feeds/archive.json?provider=openai" },
      },
    });
    // The wires link is the search, and it finds the provider's wires.
    const wires = await callApi(body.links.wires);
    expect(wires.body.total).toBe(body.wireCount);
  });

  test.each(["Open%20AI", "OPENAI", "openai%20lp", "Stability"])("another spelling (%s) answers with the canonical provider", async (spelling) => {
    const { status, body } = await callApi(`/api/v1/providers/${spelling}`);
    expect(status).toBe(200);
    expect(body.slug).toBe(spelling === "Stability" ? "stability-ai" : "openai");
  });

  test.each(["nobody", "%E0%A4%A", "x".repeat(200)])("an unknown provider (%s): a JSON 404", async (slug) => {
    const { status, body } = await callApi(`/api/v1/providers/${slug}`);
    expect(status).toBe(404);
    expect(body).toEqual({ error: "not_found", message: expect.stringContaining("/api/v1/providers") });
  });
});

describe("codes", () => {
  test("GET /api/v1/codes: the taxonomy by family, codes in order, definitions and counts", async () => {
    const { prisma } = await testDb();
    const families = await prisma.codeFamily.findMany({ orderBy: { letter: "asc" }, include: { codes: { orderBy: { number: "asc" } } } });
    const counts = await listedCounts();
    const { status, body } = await callApi("/api/v1/codes");
    expect(status).toBe(200);
    expect(body.total).toBe(await prisma.code.count());
    expect(body.families).toEqual(
      families.map((family) => ({
        letter: family.letter,
        name: family.name,
        description: family.description,
        codes: family.codes.map((code) => ({
          code: code.code,
          label: code.label,
          definition: code.definition,
          wireCount: counts.code.get(code.code),
          links: {
            self: `/api/v1/codes/${code.code}`,
            html: `/codes/${code.code}`,
            wires: `/api/v1/wires?code=${code.code}`,
            feeds: { rss: `/feeds/archive.rss?code=${code.code}`, atom: `/feeds/archive.atom?code=${code.code}`, json: `/feeds/archive.json?code=${code.code}` },
          },
        })),
      })),
    );
  });

  test("GET /api/v1/codes/m1: one code in any case, with its family", async () => {
    const { prisma } = await testDb();
    const code = await prisma.code.findUniqueOrThrow({ where: { code: "M1" }, include: { family: true } });
    const { status, body } = await callApi("/api/v1/codes/m1");
    expect(status).toBe(200);
    expect(body).toMatchObject({
      code: "M1",
      label: code.label,
      definition: code.definition,
      wireCount: (await listedCounts()).code.get("M1"),
      family: { letter: "M", name: code.family.name, description: code.family.description },
    });
  });

  test.each(["Z9", "M", "hello", "M1000"])("an unknown code (%s): a JSON 404", async (code) => {
    const { status, body } = await callApi(`/api/v1/codes/${code}`);
    expect(status).toBe(404);
    expect(body.error).toBe("not_found");
  });

  test.each(["/api/v1/codes?family=M", "/api/v1/providers?sort=name", "/api/v1/codes/M1?x=1", "/api/v1/providers/openai?q=1"])("%s: a 400 naming the parameter", async (path) => {
    const { status, body } = await callApi(path);
    expect(status).toBe(400);
    expect(body.problems).toHaveLength(1);
    expect(path).toContain(`?${body.problems[0].param}=`);
  });
});
