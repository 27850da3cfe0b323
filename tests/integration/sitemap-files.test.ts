import { SaxesParser, type SaxesTagNS } from "saxes";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as getIndex } from "@/app/sitemap.xml/route";
import { GET as getFile } from "@/app/sitemaps/[file]/route";
import { robotsRules } from "@/lib/seo/robots-rules";
import { listSitemapParts } from "@/lib/seo/list-sitemap-parts";
import { streamWireSitemap } from "@/lib/seo/stream-wire-sitemap";
import { closeTestDb, importShipped, resetDatabase, testDb } from "../helpers/database";
import { seedFixtures } from "../helpers/search";

// The sitemap as a crawler reads it: an index, its files, each well-formed sitemaps.org XML, and
// together every page and every listed wire of the database. Files hold 4 addresses here (5,000 in
// production) so that a small archive splits.

const PER_FILE = 4;
process.env.ARCHIVE_SITEMAP_URLS = String(PER_FILE);
const HOST = "wires.test";
const BASE = `http://${HOST}`;
const NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

type Entry = { loc: string; lastmod?: string };

/** Parses sitemap XML strictly (saxes throws on anything not well-formed): the root's name and its entries. */
function readSitemap(xml: string): { root: string; entries: Entry[] } {
  const parser = new SaxesParser({ xmlns: true });
  const entries: Entry[] = [];
  let root = "";
  let current: Entry | undefined;
  let field: "loc" | "lastmod" | undefined;
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    expect(tag.uri).toBe(NS);
    if (!root) root = tag.local;
    else if (tag.local === "url" || tag.local === "sitemap") current = { loc: "" };
    else if (tag.local === "loc" || tag.local === "lastmod") field = tag.local;
    else throw new Error(`unexpected element ${tag.local}`);
  });
  parser.on("text", (text) => {
    if (current && field) current[field] = (current[field] ?? "") + text;
  });
  parser.on("closetag", (tag) => {
    if (tag.local === "url" || tag.local === "sitemap") entries.push(current!);
    if (tag.local === "loc" || tag.local === "lastmod") field = undefined;
  });
  parser.write(xml).close();
  return { root, entries };
}

async function fetchIndex() {
  const response = await getIndex(new Request(`http://127.0.0.1:3000/sitemap.xml`, { headers: { host: HOST } }));
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

async function fetchFile(file: string) {
  const response = await getFile(new Request(`http://127.0.0.1:3000/sitemaps/${file}`, { headers: { host: HOST } }), { params: Promise.resolve({ file }) });
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

type DbWire = { id: string; slug: string; ord: number; status: string; updatedAt: Date };

async function dbWires(): Promise<DbWire[]> {
  const { prisma } = await testDb();
  return prisma.wire.findMany({ select: { id: true, slug: true, ord: true, status: true, updatedAt: true }, orderBy: { ord: "asc" } });
}

beforeAll(async () => {
  await testDb();
  await resetDatabase();
  await importShipped();
  await seedFixtures();
});
afterAll(async () => {
  delete process.env.ARCHIVE_SITEMAP_URLS;
  await closeTestDb();
});

describe("the sitemap index", () => {
  test(`names the pages file and one wires file per ${PER_FILE} ordinals, dated by their newest change`, async () => {
    const index = await fetchIndex();
    expect(index.status).toBe(200);
    expect(index.type).toBe("application/xml; charset=utf-8");
    const { root, entries } = readSitemap(index.text);
    expect(root).toBe("sitemapindex");
    const listed = (await dbWires()).filter((wire) => wire.status !== "MERGED");
    const parts = [...new Set(listed.map((wire) => Math.ceil(wire.ord / PER_FILE)))].sort((a, b) => a - b);
    expect(parts.length).toBeGreaterThan(2);
    expect(entries.map((entry) => entry.loc)).toEqual([`${BASE}/sitemaps/pages.xml`, ...parts.map((part) => `${BASE}/sitemaps/wires-${part}.xml`)]);
    for (const [i, part] of parts.entries()) {
      const newest = Math.max(...listed.filter((wire) => Math.ceil(wire.ord / PER_FILE) === part).map((wire) => wire.updatedAt.getTime()));
      expect(entries[i + 1]!.lastmod).toBe(new Date(newest).toISOString());
    }
    expect(entries[0]!.lastmod).toBe(new Date(Math.max(...listed.map((wire) => wire.updatedAt.getTime()))).toISOString());
  });
});

describe("the wires files", () => {
  test("together list every wire but merged ones, once, at its canonical address with its last change; none holds more than the limit", async () => {
    const { entries } = readSitemap((await fetchIndex()).text);
    const seen: Entry[] = [];
    for (const { loc } of entries.slice(1)) {
      const file = await fetchFile(loc.replace(`${BASE}/sitemaps/`, ""));
      expect(file.status).toBe(200);
      expect(file.type).toBe("application/xml; charset=utf-8");
      const sitemap = readSitemap(file.text);
      expect(sitemap.root).toBe("urlset");
      expect(sitemap.entries.length).toBeGreaterThan(0);
      expect(sitemap.entries.length).toBeLessThanOrEqual(PER_FILE);
      seen.push(...sitemap.entries);
    }
    const expected = (await dbWires())
      .filter((wire) => wire.status !== "MERGED")
      .map((wire) => ({ loc: `${BASE}/wires/${wire.id}/${wire.slug}`, lastmod: wire.updatedAt.toISOString() }));
    expect(seen).toEqual(expected);
    expect(seen.some((entry) => entry.loc.includes("AIW-2024-0003"))).toBe(true); // withdrawn: its page still answers
    expect(seen.some((entry) => entry.loc.includes("AIW-2024-0004"))).toBe(false); // merged: redirects to its survivor
  });

  test("a part that would list only merged wires does not exist, and is not in the index", async () => {
    const merged = (await dbWires()).find((wire) => wire.status === "MERGED")!;
    expect(await streamWireSitemap(merged.ord, 1, BASE)).toBeNull();
    expect((await listSitemapParts(1)).map((part) => part.part)).not.toContain(merged.ord);
    expect(await streamWireSitemap(merged.ord - 1, 1, BASE)).not.toBeNull();
  });

  test("files beyond the archive, or not named like one, are 404s", async () => {
    for (const file of ["wires-999.xml", "wires-0.xml", "wires-01.xml", "wires-1.txt", "wires.xml", "../sitemap.xml", "pages.xml.gz"]) {
      expect((await fetchFile(file)).status, file).toBe(404);
    }
  });
});

describe("the pages file", () => {
  test("lists Latest, the Archive, every guide, provider and code page", async () => {
    const file = await fetchFile("pages.xml");
    expect(file.status).toBe(200);
    const { root, entries } = readSitemap(file.text);
    expect(root).toBe("urlset");
    const { prisma } = await testDb();
    const [guides, providers, codes] = await Promise.all([
      prisma.guide.findMany({ select: { slug: true, updatedAt: true } }),
      prisma.provider.findMany({ select: { slug: true } }),
      prisma.code.findMany({ select: { code: true } }),
    ]);
    const locs = entries.map((entry) => entry.loc);
    expect(locs.slice(0, 3)).toEqual([`${BASE}/`, `${BASE}/archive`, `${BASE}/guides`]);
    expect(new Set(locs)).toEqual(
      new Set([
        `${BASE}/`,
        `${BASE}/archive`,
        `${BASE}/guides`,
        ...guides.map((guide) => `${BASE}/guides/${guide.slug}`),
        ...providers.map((provider) => `${BASE}/providers/${provider.slug}`),
        ...codes.map((code) => `${BASE}/codes/${code.code}`),
      ]),
    );
    for (const guide of guides) expect(entries.find((entry) => entry.loc === `${BASE}/guides/${guide.slug}`)!.lastmod).toBe(guide.updatedAt.toISOString());
  });
});

describe("a file of thousands of wires", () => {
  beforeAll(async () => {
    const { prisma } = await testDb();
    await prisma.$executeRawUnsafe(`
      INSERT INTO wire (id, slug, headline, summary, body, occurred_on, published_at, updated_at, severity, sourcing_standard, status)
      SELECT 'AIW-2017-' || lpad(n::text, 6, '0'), 'bulk-' || n, 'Bulk wire ' || n, 'Summary ' || n, 'Body ' || n,
        DATE '2017-01-01' + (n % 365), TIMESTAMPTZ '2019-01-01 00:00Z' + n * INTERVAL '1 minute',
        TIMESTAMPTZ '2019-01-01 00:00Z' + n * INTERVAL '1 minute', 1 + n % 5, 'STANDARD', 'PUBLISHED'
      FROM generate_series(1, 12000) AS n`);
  });

  test("streams past its read batches to the end, every address once", async () => {
    const stream = await streamWireSitemap(1, 50_000, BASE);
    const { root, entries } = readSitemap(await new Response(stream).text());
    expect(root).toBe("urlset");
    const listed = (await dbWires()).filter((wire) => wire.status !== "MERGED");
    expect(listed.length).toBeGreaterThan(12_000);
    expect(entries.map((entry) => entry.loc)).toEqual(listed.map((wire) => `${BASE}/wires/${wire.id}/${wire.slug}`));
  });

  test("a file whose first thousands of wires, and thousands more further on, were merged lists the rest", async () => {
    const { prisma } = await testDb();
    const last = (await dbWires()).at(-1)!;
    const size = 10_000;
    expect(last.ord).toBeGreaterThan(size);
    // Wires 1-3,000 and 4,001-8,000 of the first file merged into the last wire.
    await prisma.$executeRawUnsafe(`UPDATE wire SET status = 'MERGED', merged_into_id = $1 WHERE ord <= 3000 OR ord BETWEEN 4001 AND 8000`, last.id);
    const expected = (await dbWires()).filter((wire) => wire.status !== "MERGED" && wire.ord <= size);
    expect(expected.length).toBeGreaterThan(1_000);
    const { entries } = readSitemap(await new Response(await streamWireSitemap(1, size, BASE)).text());
    expect(entries).toEqual(expected.map((wire) => ({ loc: `${BASE}/wires/${wire.id}/${wire.slug}`, lastmod: wire.updatedAt.toISOString() })));
  });
});

describe("robots.txt", () => {
  test("lets crawlers in, keeps them out of the editors' pages, the API and the downloads, and names the sitemap", () => {
    expect(robotsRules(BASE)).toEqual({
      rules: { userAgent: "*", allow: "/", disallow: ["/editor", "/sign-in", "/wires/*/amend", "/api/", "/archive/export"] },
      sitemap: `${BASE}/sitemap.xml`,
    });
  });
});
