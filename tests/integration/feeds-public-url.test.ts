import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { closeTestDb, importShipped, resetDatabase, testDb } from "../helpers/database";

// With ARCHIVE_PUBLIC_URL set, every absolute link in a feed starts from it, whatever Host the
// request names. Set before lib/env.ts first reads the environment.
vi.hoisted(() => {
  process.env.ARCHIVE_PUBLIC_URL = "https://wires.example.org/";
});

async function get(file: string, host: string) {
  const { GET } = await import("@/app/feeds/[file]/route");
  const response = await GET(new Request(`http://127.0.0.1:3000/feeds/${file}`, { headers: { host } }), { params: Promise.resolve({ file }) });
  return response.text();
}

beforeAll(async () => {
  await testDb();
  await resetDatabase();
  await importShipped();
});
afterAll(closeTestDb);

describe("ARCHIVE_PUBLIC_URL", () => {
  test("is the base of every link and id, whatever the Host header says", async () => {
    const base = "https://wires.example.org";
    const atom = parseAtomFeed(await get("latest.atom", "evil.example"));
    expect(atom.id).toBe(`${base}/feeds/latest.atom`);
    expect(atom.links?.map((link) => link.href)).toEqual([`${base}/feeds/latest.atom`, `${base}/`]);
    for (const entry of atom.entries ?? []) {
      expect(entry.id).toMatch(new RegExp(`^${base}/wires/AIW-\\d{4}-\\d{4}$`));
      expect(entry.links?.[0]?.href?.startsWith(`${base}/wires/`)).toBe(true);
    }
    const rss = parseRssFeed(await get("latest.rss", "evil.example"));
    expect(rss.link).toBe(`${base}/`);
    expect(rss.items?.every((item) => item.link?.startsWith(`${base}/wires/`))).toBe(true);
    const json = parseJsonFeed(JSON.parse(await get("latest.json", "evil.example")));
    expect(json.feed_url).toBe(`${base}/feeds/latest.json`);
    const html = json.items?.map((item) => item.content_html).join("") ?? "";
    expect(html).not.toContain("evil.example");
    expect(html).toContain(`<a href="${base}/providers/openai">OpenAI</a>`);
  });

  test("must be an http(s) address without a query: anything else stops the app with the variable named", async () => {
    const saved = process.env.ARCHIVE_PUBLIC_URL;
    try {
      for (const value of ["javascript:alert(1)", "ftp://wires.example.org", "https://wires.example.org/?x=1", "wires.example.org"]) {
        vi.resetModules();
        process.env.ARCHIVE_PUBLIC_URL = value;
        const { env } = await import("@/lib/env");
        expect(() => env()).toThrow(/ARCHIVE_PUBLIC_URL must be an http:\/\/ or https:\/\/ address/);
      }
    } finally {
      process.env.ARCHIVE_PUBLIC_URL = saved;
      vi.resetModules();
    }
  });
});
