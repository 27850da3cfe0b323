import { expect, test } from "@playwright/test";
import { DALLE_API, MERGED_FIXTURE, WITHDRAWN_FIXTURE } from "./support/site";

// The read API through the production server: the same handlers the integration tests call, behind
// the real router, proxy and headers.

const ELSEWHERE = "https://elsewhere.example";

test.describe("/api/v1", () => {
  test("the OpenAPI document names every route and this server", async ({ request, baseURL }) => {
    const response = await request.get("/api/v1/openapi.json");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/json; charset=utf-8");
    const doc = await response.json();
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.servers).toEqual([{ url: baseURL }]);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/wires", "/api/v1/wires/{id}", "/api/v1/wires/{id}/osv.json", "/api/v1/wires/{id}/history", "/api/v1/wires/{id}/rationale", "/api/v1/providers", "/api/v1/codes"]),
    );
  });

  test("one wire, in any case, with an ETag that answers 304", async ({ request }) => {
    const response = await request.get(`/api/v1/wires/${DALLE_API.id.toLowerCase()}`);
    expect(response.status()).toBe(200);
    const wire = await response.json();
    expect(wire).toMatchObject({ id: DALLE_API.id, headline: DALLE_API.headline, links: { html: DALLE_API.path } });
    expect(wire.sources.map((source: { url: string }) => source.url)).toEqual(DALLE_API.sources.map((source) => source.url));
    expect(wire.aliases).toContain(MERGED_FIXTURE.id);
    const headers = response.headers();
    expect(headers["cache-control"]).toBe("public, no-cache");
    expect(headers["access-control-allow-origin"]).toBe("*");
    expect(Number(headers["ratelimit-remaining"])).toBeGreaterThanOrEqual(0);
    const again = await request.get(`/api/v1/wires/${DALLE_API.id}`, { headers: { "If-None-Match": headers["etag"]! } });
    expect(again.status()).toBe(304);
  });

  test("a merged wire's id redirects to the surviving wire; an unknown id is a JSON 404", async ({ request }) => {
    const merged = await request.get(`/api/v1/wires/${MERGED_FIXTURE.id}`, { maxRedirects: 0 });
    expect(merged.status()).toBe(308);
    expect(merged.headers()["location"]).toBe(`/api/v1/wires/${DALLE_API.id}`);
    const followed = await request.get(`/api/v1/wires/${MERGED_FIXTURE.id}/osv.json`);
    expect(followed.status()).toBe(200);
    expect((await followed.json()).id).toBe(DALLE_API.id);
    const missing = await request.get("/api/v1/wires/AIW-1999-0001");
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toEqual({ error: "not_found", message: expect.any(String) });
  });

  test("a withdrawn wire's OSV-style record: withdrawn, without its text", async ({ request }) => {
    const response = await request.get(`/api/v1/wires/${WITHDRAWN_FIXTURE.id}/osv.json`);
    expect(response.status()).toBe(200);
    const record = await response.json();
    expect(record).toMatchObject({ id: WITHDRAWN_FIXTURE.id, withdrawn: expect.any(String), database_specific: { status: "WITHDRAWN", rationale: null } });
    const text = JSON.stringify(record);
    expect(text).not.toContain(WITHDRAWN_FIXTURE.bodyText);
    expect(text).not.toContain(WITHDRAWN_FIXTURE.rationaleText);
  });

  test("search with the archive's parameters; a bad one is a 400 naming it", async ({ request }) => {
    const found = await request.get("/api/v1/wires?provider=Open%20AI&code=M");
    expect(found.status()).toBe(200);
    const body = await found.json();
    expect(body.applied.provider).toEqual(["openai"]);
    expect(body.total).toBeGreaterThan(0);
    const bad = await request.get("/api/v1/wires?severity=9&foo=1");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).problems.map((problem: { param: string }) => problem.param).sort()).toEqual(["foo", "severity"]);
  });

  test("CORS: other sites may read, and preflight a conditional GET", async ({ request }) => {
    const read = await request.get("/api/v1/codes", { headers: { Origin: ELSEWHERE } });
    expect(read.status()).toBe(200);
    expect(read.headers()["access-control-allow-origin"]).toBe("*");
    const preflight = await request.fetch(`/api/v1/wires/${DALLE_API.id}`, {
      method: "OPTIONS",
      headers: { Origin: ELSEWHERE, "Sec-Fetch-Site": "cross-site", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "if-none-match" },
    });
    expect(preflight.status()).toBe(204);
    expect(preflight.headers()["access-control-allow-origin"]).toBe("*");
    expect(preflight.headers()["access-control-allow-methods"]).toBe("GET, HEAD, OPTIONS");
  });

  test("but never for the amendment route: another site's POST is refused, with nothing it may read", async ({ request }) => {
    const post = await request.post(`/api/v1/wires/${DALLE_API.id}/rationale`, {
      headers: { Origin: ELSEWHERE, "Sec-Fetch-Site": "cross-site", "Content-Type": "application/json" },
      data: { baseVersion: 1, text: "x", test: "y", reason: "z" },
    });
    expect(post.status()).toBe(403);
    expect(post.headers()["access-control-allow-origin"]).toBeUndefined();
  });
});
