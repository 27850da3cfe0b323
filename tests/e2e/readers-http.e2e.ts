import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_ACCOUNTS } from "./support/editors";
import { signInAs } from "./support/sign-in";

// What readers and the caches in front of them get over HTTP from the production server (npm run serve):
// validators and 304s, an amendment retiring only the kept pages that show the amended wire, editors'
// answers never cacheable by a shared cache, and clear 4xx answers to requests the app cannot read.

/** A wire no other browser test changes. */
const WIRE = { id: "AIW-2022-0007", path: "/wires/AIW-2022-0007/dall-e-outpainting", history: "/wires/AIW-2022-0007/history" };
/** Pages that do not show that wire: the guides, and a search whose only result is the withdrawn fixture. */
const UNRELATED = ["/guides", "/guides/editors-guide", "/archive?status=withdrawn"];

const keep = async (request: APIRequestContext, path: string) => {
  // The first request renders and keeps the page; the second must be served from the cache.
  await request.get(path);
  const again = await request.get(path);
  expect(again.headers()["x-page-cache"], path).toBe("hit");
  return again;
};

test.describe.configure({ mode: "serial" });

test.describe("HTTP caching for readers", () => {
  test("a page carries a weak ETag and Cache-Control for shared caches, and a current copy gets a 304", async ({ request }) => {
    const page = await keep(request, "/guides");
    const headers = page.headers();
    expect(headers["etag"]).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    expect(headers["cache-control"]).toBe("public, no-cache");
    expect(headers["vary"]).toContain("Cookie");
    const revalidated = await request.get("/guides", { headers: { "If-None-Match": headers["etag"]! } });
    expect(revalidated.status()).toBe(304);
    expect(await revalidated.body()).toHaveLength(0);
    expect(revalidated.headers()["content-security-policy"]).toBeUndefined();
  });

  test("feeds and API reads carry validators too, and answer 304", async ({ request }) => {
    for (const path of ["/feeds/latest.atom", `/api/v1/wires/${WIRE.id}`]) {
      const first = await request.get(path);
      expect(first.headers()["cache-control"], path).toBe("public, no-cache");
      const etag = first.headers()["etag"];
      expect(etag, path).toBeTruthy();
      expect((await request.get(path, { headers: { "If-None-Match": etag! } })).status(), path).toBe(304);
    }
  });

  test("an amendment retires the pages that show the wire, and no other", async ({ page, request }) => {
    const before = await keep(request, WIRE.path);
    await keep(request, WIRE.history);
    await keep(request, "/");
    for (const path of UNRELATED) await keep(request, path);
    const oldEtag = before.headers()["etag"]!;

    await signInAs(page, E2E_ACCOUNTS.cacher, "/editor");
    const current = await (await page.request.get(`/api/v1/wires/${WIRE.id}/rationale`)).json();
    const text = `${current.rationale.text}\n\nAmended to check which kept pages retire.`;
    const reason = "Checking that the page cache retires only what shows this wire";
    const saved = await page.request.post(`/api/v1/wires/${WIRE.id}/rationale`, {
      headers: { Origin: new URL(page.url()).origin, "Content-Type": "application/json" },
      data: { baseVersion: current.rationale.version, text, test: current.rationale.test, reason },
    });
    expect(saved.status()).toBe(200);
    const version = (await saved.json()).version as number;

    // The change reaches the cache through PostgreSQL's notification, a moment after the save.
    await expect.poll(async () => (await request.get(WIRE.path)).text(), { timeout: 3_000 }).toContain("Amended to check which kept pages retire.");
    const fresh = await request.get(WIRE.path, { headers: { "If-None-Match": oldEtag } });
    expect(fresh.status()).toBe(200);
    expect(fresh.headers()["etag"]).not.toBe(oldEtag);
    expect(await (await request.get(WIRE.history)).text()).toContain(reason);
    // Latest shows the wire's card, which names the rationale's version.
    expect(await (await request.get("/")).text()).toContain(`(version ${version})`);
    for (const path of UNRELATED) expect((await request.get(path)).headers()["x-page-cache"], path).toBe("hit");
  });

  test("an editor's answers are never for a shared cache", async ({ page }) => {
    await signInAs(page, E2E_ACCOUNTS.cacher, "/editor");
    for (const path of [WIRE.path, "/archive", `/api/v1/wires/${WIRE.id}`, "/feeds/latest.rss"]) {
      const response = await page.request.get(path);
      const cacheControl = response.headers()["cache-control"] ?? "";
      expect(cacheControl, path).toContain("private");
      expect(cacheControl, path).toContain("no-store");
      expect(response.headers()["x-page-cache"], path).toBeUndefined();
    }
  });
});

test.describe("requests the app cannot read", () => {
  for (const path of ["/api/v1/wires/%ZZ", "/api/v1/providers/%ZZ", "/api/v1/codes/%ZZ", `/wires/${WIRE.id}/%ZZ`, `/wires/${WIRE.id}/%E0%A4%A`, "/archive?q=%E0%A4", "/feeds/archive.rss?provider=%ZZ"]) {
    test(`${path} answers 400 naming the problem`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(400);
      expect(await response.text()).toContain("malformed percent-encoding");
    });
  }

  test("an oversized form post answers 413, and the API's error is JSON", async ({ request }) => {
    const form = await request.post("/sign-in", { headers: { "Content-Type": "application/x-www-form-urlencoded" }, data: `email=${"a".repeat(1_100_000)}` });
    expect(form.status()).toBe(413);
    expect(await form.text()).toContain("at most");
    const api = await request.get("/api/v1/wires/%ZZ");
    expect(api.headers()["content-type"]).toContain("application/json");
    expect((await api.json()).error).toBe("invalid_request");
  });

  test("a browser gets a page of the archive's own for a bad address, readable without scripts", async ({ page }) => {
    const response = await page.goto("/archive?q=%ZZ");
    expect(response!.status()).toBe(400);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This address cannot be read");
    await expect(page.getByRole("link", { name: "Archive" })).toBeVisible();
  });
});
