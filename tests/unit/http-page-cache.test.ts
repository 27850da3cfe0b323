import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { noteChange, startOver, type ArchiveRevision } from "@/lib/http/archive-revision";
import { cacheKey, gzipPage, PageCache } from "@/lib/http/page-cache";

// A stand-in for Next.js behind a real HTTP server: it renders a page with a fresh nonce in its
// Content-Security-Policy and in its scripts, from the "archive" below, and streams it in chunks
// the way Next.js does (flushHeaders, write, end).
const archive = { headline: "Chatbot invents a refund policy", renders: 0 };
const revision: ArchiveRevision = { wanted: true, epoch: 1, seq: 1, changed: new Map(), live: true, watching: true };
let cache: PageCache;
let server: Server;
let base: string;
/** What the next render answers instead of a page, for one request. */
let next: { status?: number; cookie?: string; type?: string; delayMs?: number; abandon?: boolean } = {};
/** What each page reads (lib/http/render-dependencies.ts), by path. */
let pageDeps: Record<string, string[]> = {};
/** While true, the server acts as during a database outage: kept pages or a 503. */
let outage = false;

async function render(request: IncomingMessage, response: ServerResponse, deps: Set<string> = new Set()): Promise<void> {
  archive.renders += 1;
  for (const key of pageDeps[request.url ?? ""] ?? []) deps.add(key);
  const { status = 200, cookie, type = "text/html; charset=utf-8", delayMs = 0, abandon = false } = next;
  next = {};
  // As Next.js does when the reader goes away mid-render: it stops, and never ends the response.
  if (abandon) return new Promise<void>((resolve) => response.once("close", () => resolve()));
  const nonce = randomBytes(16).toString("base64");
  response.statusCode = status;
  response.setHeader("content-type", type);
  response.setHeader("content-security-policy", `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  response.setHeader("x-frame-options", "DENY");
  if (cookie) response.setHeader("set-cookie", cookie);
  if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
  response.flushHeaders();
  response.write(`<!DOCTYPE html><html><head><script nonce="${nonce}">self.boot=1</script></head>`);
  response.write(Buffer.from(`<body><h1>${archive.headline}</h1><p>${"wire ".repeat(2_000)}</p><p>${request.url}</p>`));
  response.end(`<script nonce="${nonce}">self.__payload=["${nonce}"]</script></body></html>`);
}

type Answer = { status: number; headers: Headers; text: string };

async function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(base + path, { headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const nonceOf = (answer: Answer) => /'nonce-([^']+)'/.exec(answer.headers.get("content-security-policy") ?? "")?.[1];

beforeAll(async () => {
  server = createServer((request, response) => {
    if (!outage) return void cache.handle(request, response, (deps) => render(request, response, deps));
    if (cache.serveKept(request, response)) return;
    response.statusCode = 503;
    response.end("down");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  cache = new PageCache({ maxBytes: 8 * 1024 * 1024, revision: () => revision });
  archive.renders = 0;
  archive.headline = "Chatbot invents a refund policy";
  revision.live = true;
  next = {};
  pageDeps = {};
  outage = false;
});

describe("the page cache in front of the renderer", () => {
  it("a reader who leaves while their page renders does not hold up the next reader of that page", async () => {
    next = { abandon: true };
    await expect(fetch(`${base}/?early`, { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    // The rendering left behind is over: the next reader gets the page (rendered for them), not a wait.
    const after = await fetch(`${base}/?early`, { signal: AbortSignal.timeout(5_000) });
    expect(after.status).toBe(200);
    expect(await after.text()).toContain(archive.headline);
    expect(after.headers.get("x-page-cache")).toBe("miss");
    expect(archive.renders).toBe(2);
  });

  it("renders a page once and gives later readers the same page with a nonce of their own", async () => {
    const first = await get("/archive?provider=openai");
    const second = await get("/archive?provider=openai");
    expect(archive.renders).toBe(1);
    expect([first.headers.get("x-page-cache"), second.headers.get("x-page-cache")]).toEqual(["miss", "hit"]);
    const [a, b] = [nonceOf(first), nonceOf(second)];
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(b).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(b).not.toBe(a);
    // Every place the first nonce was in, and only those, has the second one.
    expect(second.text).not.toContain(a);
    expect(second.text.split(b!).length).toBe(first.text.split(a!).length);
    expect(second.text.replaceAll(b!, "N")).toBe(first.text.replaceAll(a!, "N"));
    expect(second.text).toContain("<h1>Chatbot invents a refund policy</h1>");
    expect(second.headers.get("x-frame-options")).toBe("DENY");
    expect(second.headers.get("content-type")).toBe("text/html; charset=utf-8");
  });

  it("sends gzip to clients that take it and plain text to those that do not, the same page either way", async () => {
    await get("/archive");
    const zipped = await fetch(`${base}/archive`, { headers: { "accept-encoding": "gzip" } });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    const plain = await get("/archive", { "accept-encoding": "identity" });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("x-page-cache")).toBe("hit");
    expect(Number(plain.headers.get("content-length"))).toBe(Buffer.byteLength(plain.text));
    const text = await zipped.text();
    expect(text.replaceAll(nonceOf({ status: 200, headers: zipped.headers, text })!, "N")).toBe(plain.text.replaceAll(nonceOf(plain)!, "N"));
    expect(archive.renders).toBe(1);
  });

  it("renders afresh once the archive has changed, and while changes cannot be heard", async () => {
    await get("/wires/AIW-2026-0001");
    archive.headline = "Chatbot invents a refund policy (corrected)";
    startOver(revision);
    const after = await get("/wires/AIW-2026-0001");
    expect(after.headers.get("x-page-cache")).toBe("miss");
    expect(after.text).toContain("(corrected)");
    revision.live = false;
    const deaf = await get("/wires/AIW-2026-0001");
    expect(deaf.headers.get("x-page-cache")).toBeNull();
    expect(archive.renders).toBe(3);
  });

  it("keeps no page that sets a cookie, is not a 200 or is not HTML", async () => {
    for (const [path, answer] of [["/guides", { cookie: "a=b" }], ["/codes", { status: 404 }], ["/providers", { type: "application/json" }]] as const) {
      next = answer;
      await get(path);
      const again = await get(path);
      expect(again.headers.get("x-page-cache"), JSON.stringify(answer)).toBe("miss");
    }
    expect(archive.renders).toBe(6);
  });

  it("lets readers asking for a page being rendered wait for it rather than render it again", async () => {
    next = { delayMs: 200 };
    const answers = await Promise.all(Array.from({ length: 6 }, () => get("/archive?code=M")));
    expect(archive.renders).toBe(1);
    expect(answers.map((answer) => answer.headers.get("x-page-cache")).sort()).toEqual(["hit", "hit", "hit", "hit", "hit", "miss"]);
    expect(new Set(answers.map(nonceOf)).size).toBe(6);
  });

  it("counts a page rendered twice at once only once", async () => {
    // The first rendering overlaps a change, so it keeps nothing; the two readers who waited for it both render.
    next = { delayMs: 200 };
    const first = get("/providers/openai");
    await new Promise((resolve) => setTimeout(resolve, 50));
    startOver(revision);
    await Promise.all([get("/providers/openai"), get("/providers/openai"), first]);
    expect(archive.renders).toBe(3);
    const twice = cache.stats();
    expect(twice.pages).toBe(1);
    // The same page kept once by a cache of its own.
    cache = new PageCache({ maxBytes: 8 * 1024 * 1024, revision: () => revision });
    await get("/providers/openai");
    expect(twice.bytes).toBe(cache.stats().bytes);
  });

  it("forgets the least recently used pages past its size", async () => {
    cache = new PageCache({ maxBytes: 200_000, revision: () => revision });
    for (const page of ["/codes/M1", "/codes/M2", "/codes/M1", "/codes/F10", "/codes/M2"]) await get(page);
    // Each page takes about 20 kB plain and deflated together: all fit, so only the first visits rendered.
    expect(archive.renders).toBe(3);
    const tiny = new PageCache({ maxBytes: 100_000, revision: () => revision });
    cache = tiny;
    for (const page of ["/codes/M1", "/codes/M2", "/codes/F10", "/codes/S1", "/codes/M1"]) await get(page);
    expect(tiny.stats().bytes).toBeLessThanOrEqual(100_000);
    expect(tiny.stats().pages).toBeLessThan(5);
  });

  it("renders every request when its size is 0", async () => {
    cache = new PageCache({ maxBytes: 0, revision: () => revision });
    await get("/archive");
    expect((await get("/archive")).headers.get("x-page-cache")).toBeNull();
    expect(archive.renders).toBe(2);
  });
});

describe("what a change retires, validators and outages", () => {
  it("retires only the kept pages that read what changed", async () => {
    pageDeps = { "/wires/A": ["wire:A"], "/wires/B": ["wire:B"], "/archive": ["lists", "card:A", "card:B"] };
    for (const path of Object.keys(pageDeps)) await get(path);
    expect(archive.renders).toBe(3);
    noteChange(revision, "wire:A");
    const outcomes = async () => Object.fromEntries(await Promise.all(Object.keys(pageDeps).map(async (path) => [path, (await get(path)).headers.get("x-page-cache")])));
    expect(await outcomes()).toEqual({ "/wires/A": "miss", "/wires/B": "hit", "/archive": "hit" });
    // An amended rationale: the wire's page and every list that shows its card.
    noteChange(revision, "card:B,wire:B");
    expect(await outcomes()).toEqual({ "/wires/A": "hit", "/wires/B": "miss", "/archive": "miss" });
    noteChange(revision, "tag:c:M1,lists");
    expect(await outcomes()).toEqual({ "/wires/A": "hit", "/wires/B": "hit", "/archive": "miss" });
    // "*" (or a notification without keys) retires everything.
    noteChange(revision, "*");
    expect(await outcomes()).toEqual({ "/wires/A": "miss", "/wires/B": "miss", "/archive": "miss" });
  });

  it("keeps a page rendered while something else changed, but not one rendered while what it read changed", async () => {
    pageDeps = { "/wires/A": ["wire:A"] };
    next = { delayMs: 150 };
    const first = get("/wires/A");
    await new Promise((resolve) => setTimeout(resolve, 40));
    noteChange(revision, "wire:Z");
    await first;
    expect((await get("/wires/A")).headers.get("x-page-cache")).toBe("hit");
    startOver(revision);
    next = { delayMs: 150 };
    const second = get("/wires/A");
    await new Promise((resolve) => setTimeout(resolve, 40));
    noteChange(revision, "wire:A");
    await second;
    expect((await get("/wires/A")).headers.get("x-page-cache")).toBe("miss");
  });

  it("sends a weak ETag with Cache-Control for shared caches, and a 304 to a reader whose copy is current", async () => {
    const first = await get("/codes/M1");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]{32}"$/);
    expect(first.headers.get("cache-control")).toBe("public, no-cache");
    expect(first.headers.get("vary")).toBe("Accept-Encoding, Cookie");
    // Every copy of the page, nonce apart, has the same validator.
    expect((await get("/codes/M1")).headers.get("etag")).toBe(etag);
    const revalidated = await fetch(`${base}/codes/M1`, { headers: { "if-none-match": etag } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");
    expect(revalidated.headers.get("etag")).toBe(etag);
    // A 304's headers replace the stored copy's: never a policy with another nonce than its body's.
    expect(revalidated.headers.get("content-security-policy")).toBeNull();
    archive.headline = "Chatbot invents a refund policy (corrected)";
    startOver(revision);
    const changed = await fetch(`${base}/codes/M1`, { headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(await changed.text()).toContain("(corrected)");
  });

  it("answers a 304 from a fresh rendering too, and with the cache off", async () => {
    cache = new PageCache({ maxBytes: 0, revision: () => revision, maxAge: 30 });
    const first = await get("/guides");
    expect(first.headers.get("cache-control")).toBe("public, max-age=30, must-revalidate");
    const again = await fetch(`${base}/guides`, { headers: { "if-none-match": first.headers.get("etag")! } });
    expect(again.status).toBe(304);
    expect(archive.renders).toBe(2);
  });

  it("serves kept pages during a database outage, marked, and nothing that was retired before it", async () => {
    pageDeps = { "/wires/A": ["wire:A"], "/wires/B": ["wire:B"] };
    await get("/wires/A");
    await get("/wires/B");
    noteChange(revision, "wire:B");
    revision.live = false;
    outage = true;
    const kept = await get("/wires/A");
    expect([kept.status, kept.headers.get("x-page-cache")]).toEqual([200, "outage"]);
    expect(kept.text).toContain("<h1>Chatbot invents a refund policy</h1>");
    expect((await get("/wires/B")).status).toBe(503);
    expect((await get("/wires/C")).status).toBe(503);
    expect(archive.renders).toBe(2);
  });
});

describe("which requests the page cache may answer", () => {
  const request = (url: string, headers: Record<string, string> = {}, method = "GET") => cacheKey({ method, url, headers: { host: "wires.example.org", ...headers } });

  it("answers the reading pages, keyed by host and address", () => {
    for (const url of ["/", "/archive", "/archive?q=%22model+weights%22&provider=openai", "/wires/AIW-2026-0001", "/wires/AIW-2026-0001/chatbot-invents-a-refund-policy", "/wires/AIW-2026-0001/history", "/providers", "/providers/openai", "/codes/M1", "/guides", "/guides/editors-guide"]) {
      expect(request(url), url).not.toBeNull();
    }
    expect(request("/archive")).not.toBe(cacheKey({ method: "GET", url: "/archive", headers: { host: "other.example.org" } }));
    expect(request("/archive")).not.toBe(request("/archive", { "x-forwarded-proto": "https" }));
  });

  it("leaves to the app what depends on the reader, the client's router or the method", () => {
    expect(request("/archive", { cookie: "theme=dark; __Host-wire-session=abc" })).toBeNull();
    expect(request("/archive", { cookie: "wire-session=abc" })).toBeNull();
    expect(request("/archive", { cookie: "theme=dark" })).not.toBeNull();
    expect(request("/archive", { authorization: "Bearer x" })).toBeNull();
    expect(request("/archive", { rsc: "1" })).toBeNull();
    expect(request("/archive", { "next-action": "abc" })).toBeNull();
    expect(request("/archive?_rsc=1x2y")).toBeNull();
    expect(request("/archive", {}, "POST")).toBeNull();
    expect(request("/archive", {}, "HEAD")).toBeNull();
    for (const url of ["/sign-in", "/editor", "/wires/AIW-2026-0001/amend", "/api/v1/wires", "/archive/export.csv", "/feeds/latest.xml", "/sitemap.xml", `/archive?q=${"x".repeat(5_000)}`]) {
      expect(request(url), url).toBeNull();
    }
  });
});

describe("gzipPage", () => {
  it("joins separately deflated parts and a nonce into one valid gzip stream", async () => {
    const { deflateRawSync, constants } = await import("node:zlib");
    const parts = [Buffer.from(""), Buffer.from("é".repeat(70_000)), Buffer.from("<p>x</p>"), Buffer.from("")];
    const deflated = parts.map((part) => deflateRawSync(part, { finishFlush: constants.Z_SYNC_FLUSH }));
    const nonce = Buffer.from("q83vEjRWeJq83vEjRWeJqw==");
    const text = gunzipSync(gzipPage(parts, deflated, nonce)).toString();
    expect(text).toBe(`${nonce}${"é".repeat(70_000)}${nonce}<p>x</p>${nonce}`);
  });
});
