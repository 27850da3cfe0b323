import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { resetApiTokens } from "@/lib/api/rate-limit";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { closeTestDb, importShipped, resetDatabase, testDb } from "../helpers/database";
import { insertWire } from "../helpers/fixtures";
import { seedFixtures } from "../helpers/search";
import { XSS_PAYLOADS } from "../helpers/xss-payloads";
import { callApi } from "./api-client";

const DALLE_2 = "AIW-2022-0001";
const WITHDRAWN = "AIW-2024-0003";
const MERGED = "AIW-2024-0004";
/** Merged into MERGED, which was itself merged into WITHDRAWN. */
const MERGED_TWICE = "AIW-2019-0001";

beforeAll(async () => {
  await testDb();
  await resetDatabase();
  await importShipped();
  await seedFixtures();
  await insertWire({ id: MERGED_TWICE, occurredOn: "2019-05-01", status: "MERGED", mergedIntoId: MERGED, providers: ["google"], codes: ["M1"] });
});
beforeEach(resetApiTokens);
afterAll(closeTestDb);

describe("GET /api/v1/wires/{id}", () => {
  test("a shipped wire in full, as the database holds it", async () => {
    const { prisma } = await testDb();
    const row = await prisma.wire.findUniqueOrThrow({
      where: { id: DALLE_2 },
      include: { sources: { orderBy: { position: "asc" } }, rationale: true, codes: { orderBy: { position: "asc" }, include: { ref: true } } },
    });
    const { status, body, headers } = await callApi(`/api/v1/wires/${DALLE_2}`);
    expect(status).toBe(200);
    expect(headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(headers.get("cache-control")).toBe("public, no-cache");
    expect(body).toMatchObject({
      id: DALLE_2,
      slug: "openai-announces-dall-e-2",
      headline: "OpenAI announces DALL·E 2",
      summary: row.summary,
      body: row.body,
      occurredOn: "2022-04-06",
      publishedAt: "2026-05-10T09:01:00.000Z",
      severity: 4,
      severityLabel: "Moderate",
      sourcingStandard: "STANDARD",
      status: "PUBLISHED",
      statusNote: null,
      providers: [{ slug: "openai", name: "OpenAI" }],
      codes: row.codes.map(({ ref }) => ({ code: ref.code, label: ref.label })),
      sourceCount: 3,
      aliases: [],
      links: {
        self: `/api/v1/wires/${DALLE_2}`,
        html: `/wires/${DALLE_2}/openai-announces-dall-e-2`,
        history: `/api/v1/wires/${DALLE_2}/history`,
        rationale: `/api/v1/wires/${DALLE_2}/rationale`,
        osv: `/api/v1/wires/${DALLE_2}/osv.json`,
      },
    });
    expect(body.codes.map((code: { code: string }) => code.code)).toEqual(["C1", "M4", "F1"]);
    expect(body.sources).toEqual(
      row.sources.map((source) => ({
        position: source.position,
        title: source.title,
        publisher: source.publisher,
        url: source.url,
        publishedOn: source.publishedOn?.toISOString().slice(0, 10) ?? null,
        kind: source.kind,
        archivedUrl: source.archivedUrl,
      })),
    );
    // The body's citations point at the sources themselves.
    expect(body.bodyHtml).toContain('href="https://openai.com/dall-e-2"');
    expect(body.bodyHtml).not.toContain("source:");
    expect(body.rationale).toMatchObject({
      version: 1,
      text: row.rationale!.text,
      basis: "CLASSIFICATION_RUN",
      basisLabel: "Launch-archive bulk classification",
      basisDate: "2026-05-10",
      test: `Counterfactual "but-for" test per the Editor's Guide`,
    });
    expect(body.rationale.html).toMatch(/^<p>DALL·E 2 put a markedly more capable/);
    // Curated related events come first, in the editor's order.
    expect(body.related.slice(0, 2).map((wire: { id: string }) => wire.id)).toEqual(["AIW-2022-0002", "AIW-2023-0009"]);
    expect(body.related[0]).toEqual({ id: "AIW-2022-0002", headline: expect.any(String), url: expect.stringMatching(/^\/wires\/AIW-2022-0002\//), apiUrl: "/api/v1/wires/AIW-2022-0002" });
  });

  test("an id in lower case answers with the same wire", async () => {
    const upper = await callApi(`/api/v1/wires/${DALLE_2}`);
    const lower = await callApi(`/api/v1/wires/${DALLE_2.toLowerCase()}`);
    expect(lower.status).toBe(200);
    expect(lower.body).toEqual(upper.body);
  });

  test("a corrected wire carries its correction", async () => {
    const { body } = await callApi("/api/v1/wires/AIW-2024-0002");
    expect(body).toMatchObject({ status: "CORRECTED", statusNote: "Test note.", severity: 1, severityLabel: "Critical" });
    expect(body.providers).toEqual([
      { slug: "microsoft", name: "Microsoft" },
      { slug: "openai", name: "OpenAI" },
    ]);
  });

  test("a withdrawn wire: its tombstone, without the withdrawn text, sources or rationale", async () => {
    const { status, body } = await callApi(`/api/v1/wires/${WITHDRAWN}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: WITHDRAWN,
      headline: "Stable Diffusion 3 waitlist opens",
      status: "WITHDRAWN",
      statusNote: "Test note.",
      body: null,
      bodyHtml: null,
      sources: [],
      sourceCount: 2,
      rationale: null,
      providers: [{ slug: "stability-ai", name: "Stability AI" }],
      codes: [{ code: "M2", label: expect.any(String) }],
    });
    // Both wires merged into it, the second through the first, are its aliases.
    expect(body.aliases).toEqual([MERGED_TWICE, MERGED]);
  });

  test.each([MERGED, MERGED_TWICE, MERGED_TWICE.toLowerCase()])("a merged wire's id (%s): 308 to the wire that survived it", async (id) => {
    const { status, headers, body } = await callApi(`/api/v1/wires/${id}`);
    expect(status).toBe(308);
    expect(headers.get("location")).toBe(`/api/v1/wires/${WITHDRAWN}`);
    expect(body).toEqual({
      id: id.toUpperCase(),
      status: "MERGED",
      mergedInto: { id: WITHDRAWN, url: `/wires/${WITHDRAWN}/test-wire-aiw-2024-0003`, apiUrl: `/api/v1/wires/${WITHDRAWN}` },
      message: expect.stringContaining(`merged into ${WITHDRAWN}`),
    });
  });

  test.each(["AIW-1999-0001", "nonsense", "AIW-2022-0001-extra", "%E0%A4%A", "AIW-2022-0001%00"])("an unknown id (%s): a JSON 404", async (id) => {
    const { status, body, headers } = await callApi(`/api/v1/wires/${id}`);
    expect(status).toBe(404);
    expect(headers.get("cache-control")).toBe("no-store");
    expect(body).toEqual({ error: "not_found", message: expect.any(String) });
  });

  test("a parameter the route does not take: a 400 naming it", async () => {
    const { status, body } = await callApi(`/api/v1/wires/${DALLE_2}?format=xml&x=1`);
    expect(status).toBe(400);
    expect(body.error).toBe("invalid_parameters");
    expect(body.problems.map((problem: { param: string }) => problem.param)).toEqual(["format", "x"]);
  });

  test("conditional GET: the ETag again gets a 304 without a body", async () => {
    const first = await callApi(`/api/v1/wires/${DALLE_2}`);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await callApi(`/api/v1/wires/${DALLE_2}`, { headers: { "If-None-Match": `W/${etag}` } });
    expect(again.status).toBe(304);
    expect(again.text).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    const other = await callApi(`/api/v1/wires/${DALLE_2}`, { headers: { "If-None-Match": '"something-else"' } });
    expect(other.status).toBe(200);
  });

  test("an amended rationale moves the wire's updated time and changes its ETag", async () => {
    const { prisma } = await testDb();
    const before = await callApi("/api/v1/wires/AIW-2022-0002");
    await prisma.rationale.update({ where: { wireId: "AIW-2022-0002" }, data: { updatedAt: new Date("2026-07-01T10:00:00Z"), version: 2, text: "A new text." } });
    const after = await callApi("/api/v1/wires/AIW-2022-0002");
    expect(after.body.updatedAt).toBe("2026-07-01T10:00:00.000Z");
    expect(after.body.rationale).toMatchObject({ version: 2, text: "A new text.", html: "<p>A new text.</p>" });
    expect(after.headers.get("etag")).not.toBe(before.headers.get("etag"));
  });

  test("markup in a body comes back as its Markdown source, and sanitized in the HTML", async () => {
    const { prisma } = await testDb();
    await insertWire({ id: "AIW-2019-0002", occurredOn: "2019-06-01", providers: ["google"], codes: ["M1"] });
    const body = XSS_PAYLOADS.map(([, markdown]) => markdown).join("\n\n");
    await prisma.wire.update({ where: { id: "AIW-2019-0002" }, data: { body } });
    const answer = await callApi("/api/v1/wires/AIW-2019-0002");
    expect(answer.status).toBe(200);
    expect(answer.body.body).toBe(body);
    // The page's own sanitizing renderer, with the wire's sources: no element or address that could run script.
    expect(answer.body.bodyHtml).toBe(await renderMarkdown(body, answer.body.sources));
    expect(answer.body.bodyHtml).not.toMatch(/<(script|iframe|svg|style)\b/i);
    expect(answer.body.bodyHtml).not.toMatch(/(href|src)="\s*(javascript|vbscript|data):/i);
  });
});
