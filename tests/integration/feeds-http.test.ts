import { parseFeed } from "@rowanmanning/feed-parser";
import { parseAtomFeed, parseJsonFeed } from "feedsmith";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { closeTestDb, importShipped, resetDatabase, testDb } from "../helpers/database";
import { seedFixtures } from "../helpers/search";

// Feeds over HTTP: validators and conditional GET, an amended rationale reaching the entry, bad
// addresses, and the base of absolute links. The route handler is called as Next.js calls it.

const FILES = ["latest.rss", "latest.atom", "latest.json", "archive.rss", "archive.atom", "archive.json"] as const;

async function get(path: string, headers: Record<string, string> = { host: "wires.test" }) {
  const { GET } = await import("@/app/feeds/[file]/route");
  const url = new URL(path, "http://127.0.0.1:3000");
  const file = decodeURIComponent(url.pathname.replace(/^\/feeds\//, ""));
  const response = await GET(new Request(url, { headers }), { params: Promise.resolve({ file }) });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** What an editor's amendment writes, as far as feeds are concerned: a new rationale version and the wire's update time. */
async function amendRationale(wireId: string, text: string, at: Date) {
  const { prisma } = await testDb();
  await prisma.$transaction([
    prisma.rationale.update({
      where: { wireId },
      data: { text, basis: "EDITOR_AMENDMENT", basisLabel: "Amended by an editor", basisDate: at, version: { increment: 1 }, updatedAt: at },
    }),
    prisma.wire.update({ where: { id: wireId }, data: { updatedAt: at } }),
  ]);
}

beforeAll(async () => {
  await testDb();
  await resetDatabase();
  await importShipped();
  await seedFixtures();
});
afterAll(closeTestDb);

describe("conditional GET", () => {
  test.each(FILES)("%s: validators, cache headers, and 304 without a body for a current copy", async (file) => {
    const path = file.startsWith("archive") ? `/feeds/${file}?provider=openai` : `/feeds/${file}`;
    const first = await get(path);
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    const lastModified = first.headers.get("last-modified")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(new Date(lastModified).toUTCString()).toBe(lastModified);
    expect(first.headers.get("cache-control")).toBe("public, no-cache");

    const again = await get(path);
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.body).toBe(first.body);

    const byEtag = await get(path, { host: "wires.test", "if-none-match": etag });
    expect(byEtag.status).toBe(304);
    expect(byEtag.body).toBe("");
    expect(byEtag.headers.get("etag")).toBe(etag);

    const byDate = await get(path, { host: "wires.test", "if-modified-since": lastModified });
    expect(byDate.status).toBe(304);
    expect(byDate.body).toBe("");

    const stale = await get(path, { host: "wires.test", "if-none-match": '"not-this-one"', "if-modified-since": lastModified });
    expect(stale.status).toBe(200);
    expect(stale.body).toBe(first.body);
  });

  test("an amended rationale updates the entry, the feed's updated time and its validators", async () => {
    const before = await get("/feeds/archive.atom?provider=openai");
    const etag = before.headers.get("etag")!;
    const lastModified = before.headers.get("last-modified")!;
    const at = new Date(Date.parse(lastModified) + 3_600_000);
    await amendRationale("AIW-2022-0008", "Amended: the beta opened the model to [every developer](/guides/editors-guide#the-counterfactual-but-for-test).", at);

    const byEtag = await get("/feeds/archive.atom?provider=openai", { host: "wires.test", "if-none-match": etag });
    expect(byEtag.status).toBe(200);
    const byDate = await get("/feeds/archive.atom?provider=openai", { host: "wires.test", "if-modified-since": lastModified });
    expect(byDate.status).toBe(200);
    expect(byDate.headers.get("etag")).not.toBe(etag);
    expect(byDate.headers.get("last-modified")).toBe(at.toUTCString());

    const atom = parseAtomFeed(byDate.body);
    expect(new Date(atom.updated!).toISOString()).toBe(at.toISOString());
    const entry = atom.entries!.find((candidate) => candidate.id === "http://wires.test/wires/AIW-2022-0008")!;
    expect(new Date(entry.updated!).toISOString()).toBe(at.toISOString());
    // Filing time and place in the feed stay as they were: entries are ordered by when they were filed.
    expect(new Date(entry.published!).toISOString()).toBe("2026-05-10T09:08:00.000Z");
    const html = entry.content!.value!;
    expect(html).toContain("Amended: the beta opened the model to");
    expect(html).toContain("Basis: Amended by an editor");
    expect(html).toContain("Version 2.");
    // A link relative to the archive points at it from inside a feed reader.
    expect(html).toContain('<a href="http://wires.test/guides/editors-guide#the-counterfactual-but-for-test">every developer</a>');

    const rss = parseFeed((await get("/feeds/latest.rss")).body);
    expect(rss.items.find((item) => item.id?.endsWith("/AIW-2022-0008"))?.updated?.toISOString()).toBe(at.toISOString());
    const json = parseJsonFeed(JSON.parse((await get("/feeds/latest.json")).body));
    expect(json.items!.find((item) => item.id?.endsWith("AIW-2022-0008"))?.date_modified).toBe(at.toISOString());

    const current = await get("/feeds/archive.atom?provider=openai", { host: "wires.test", "if-none-match": byDate.headers.get("etag")! });
    expect(current.status).toBe(304);
  });
});

describe("bad addresses", () => {
  test.each([
    ["/feeds/archive.rss?severity=9", "severity"],
    ["/feeds/archive.atom?severity=4-2", "severity"],
    ["/feeds/archive.json?from=2024-13", "from"],
    ["/feeds/archive.rss?from=2024&to=2023", "to"],
    ["/feeds/archive.rss?code=M1%3B%20DROP%20TABLE%20wire", "code"],
    ["/feeds/archive.rss?q=a%00b", "q"],
    [`/feeds/archive.rss?q=${"x".repeat(201)}`, "q"],
    ["/feeds/archive.rss?q=one&q=two", "q"],
    ["/feeds/archive.atom?status=merged", "status"],
    ["/feeds/archive.atom?standard=rumour", "standard"],
    ["/feeds/archive.atom?%3Cscript%3E=1", "<script>"],
    ["/feeds/archive.atom?cursor=d19000_12", "cursor"],
    ["/feeds/archive.atom?dir=newer", "dir"],
    ["/feeds/archive.json?provider=opnai", "provider"],
    ["/feeds/archive.json?provider=nobody-at-all", "provider"],
    ["/feeds/archive.json?code=Z9", "code"],
    ["/feeds/archive.json?q=the", "q"],
    ["/feeds/latest.rss?provider=openai", "provider"],
  ])("%s is a plain 400 naming %s", async (path, param) => {
    const response = await get(path);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.body).toMatch(new RegExp(`^${param.replace(/[<>]/g, "\\$&")}: `, "m"));
    expect(response.body).not.toMatch(/\bat .+:\d+:\d+|Error|prisma/i);
  });

  test("an unknown provider close to a known one gets a suggestion", async () => {
    expect((await get("/feeds/archive.rss?provider=opnai")).body).toContain("provider: no provider is called “opnai”; did you mean openai?");
  });

  test.each(["latest.xml", "archive.html", "latest", "archive.rss.bak", "..%2Flatest.rss", "LATEST.RSS"])("/feeds/%s is a 404", async (file) => {
    const response = await get(`/feeds/${file}`);
    expect(response.status).toBe(404);
    expect(response.body).toContain("No such feed");
  });
});

describe("absolute links", () => {
  test("start from the host the request was sent to, port included", async () => {
    const atom = parseAtomFeed((await get("/feeds/latest.atom", { host: "Wires.Example.org:8443" })).body);
    expect(atom.id).toBe("http://wires.example.org:8443/feeds/latest.atom");
    expect(atom.entries![0]!.id).toMatch(/^http:\/\/wires\.example\.org:8443\/wires\/AIW-/);
  });

  test("a Host header that is not a plain host name is not trusted", async () => {
    for (const host of ["evil.example/<script>", "a b", "wires.test@evil.example", '"><x']) {
      const atom = parseAtomFeed((await get("/feeds/latest.atom", { host })).body);
      expect(atom.id).toBe("http://localhost/feeds/latest.atom");
    }
  });
});
