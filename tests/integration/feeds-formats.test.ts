import { extractFromJson, extractFromXml } from "@extractus/feed-extractor";
import { parseFeed } from "@rowanmanning/feed-parser";
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import Parser from "rss-parser";
import { SaxesParser } from "saxes";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { normalizeProviderName } from "@/lib/providers/normalize-provider-name";
import { SEVERITY_LABELS } from "@/lib/wires/labels";
import { closeTestDb, importShipped, resetDatabase, testDb } from "../helpers/database";
import { insertWire } from "../helpers/fixtures";
import { search, seedFixtures, type SearchSeed } from "../helpers/search";
import type { SearchParams } from "@/lib/search/archive-query";

// Feeds as feed readers see them: each format read by real parsers from npm, each entry checked
// against the database. The route handler is called as Next.js calls it.

const HOST = "wires.test";
const BASE = `http://${HOST}`;

async function feed(file: string, params: SearchParams = {}) {
  const { GET } = await import("@/app/feeds/[file]/route");
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const one of [value ?? []].flat()) search.append(key, one);
  const url = `http://127.0.0.1:3000/feeds/${file}${search.size ? `?${search}` : ""}`;
  const response = await GET(new Request(url, { headers: { host: HOST } }), { params: Promise.resolve({ file }) });
  return { status: response.status, type: response.headers.get("content-type"), body: await response.text() };
}

/** Throws on anything that is not well-formed, namespace-correct XML 1.0 (saxes is a strict parser). */
function wellFormed(xml: string): void {
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.on("error", (error) => {
    throw error;
  });
  parser.write(xml).close();
}

/** What the database says the feed should hold, in the feed's order: newest filed first. */
type Expected = {
  id: string;
  slug: string;
  headline: string;
  summary: string;
  status: string;
  statusNote: string | null;
  publishedAt: Date;
  updatedAt: Date;
  severity: number;
  providers: string[];
  codes: string[];
};

async function expectedWires(ids?: string[]): Promise<Expected[]> {
  const { prisma } = await testDb();
  const rows = await prisma.wire.findMany({
    where: { status: { not: "MERGED" }, ...(ids && { id: { in: ids } }) },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: 50,
    select: {
      id: true,
      slug: true,
      headline: true,
      summary: true,
      status: true,
      statusNote: true,
      publishedAt: true,
      updatedAt: true,
      severity: true,
      providers: { select: { provider: { select: { name: true } } }, orderBy: { position: "asc" } },
      codes: { select: { code: true }, orderBy: { position: "asc" } },
    },
  });
  return rows.map((row) => ({ ...row, providers: row.providers.map((p) => p.provider.name), codes: row.codes.map((c) => c.code) }));
}

/** Feeds drop the control characters XML 1.0 cannot carry; everything else arrives as stored. */
const clean = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, "");
const titleOf = (wire: Expected) => clean(wire.status === "WITHDRAWN" ? `[Withdrawn] ${wire.headline}` : wire.headline);
const summaryOf = (wire: Expected) => clean(wire.status === "WITHDRAWN" ? wire.statusNote! : wire.summary);
const termsOf = (wire: Expected) => [
  `SEV-${wire.severity}`,
  ...wire.providers.map(clean),
  ...wire.codes,
  ...(wire.status === "WITHDRAWN" ? ["Withdrawn"] : wire.status === "CORRECTED" ? ["Corrected"] : []),
];
const permanent = (wire: Expected) => `${BASE}/wires/${wire.id}`;
const page = (wire: Expected) => `${BASE}/wires/${wire.id}/${wire.slug}`;
const iso = (value: unknown) => new Date(String(value)).toISOString();

/** No tag, event handler or script link from a wire's text: outside attribute values ("<img" in a title is text). */
function expectNoInjectedMarkup(html: string) {
  const tags = html.replace(/"[^"]*"/g, '""');
  expect(tags).not.toMatch(/<(script|img|i|b)[\s>/]/i);
  expect(tags).not.toMatch(/<[^>]*\son[a-z]+=/i);
  expect(html).not.toMatch(/(href|src)="\s*javascript:/i);
}

/** Every way of reading an RSS feed checks out against the database. */
async function checkRss(xml: string, expected: Expected[]) {
  wellFormed(xml);
  const byRssParser = await new Parser({ customFields: { item: [["atom:updated", "atomUpdated"]] } }).parseString(xml);
  const byFeedParser = parseFeed(xml);
  const byFeedsmith = parseRssFeed(xml);
  expect(byRssParser.items.map((item) => item.guid)).toEqual(expected.map(permanent));
  expect(byFeedParser.items.map((item) => item.id)).toEqual(expected.map(permanent));
  expect((byFeedsmith.items ?? []).map((item) => item.guid)).toEqual(expected.map((wire) => ({ value: permanent(wire), isPermaLink: true })));
  expected.forEach((wire, i) => {
    const a = byRssParser.items[i]!;
    const b = byFeedParser.items[i]!;
    const c = byFeedsmith.items![i]!;
    expect([a.title, b.title, c.title]).toEqual([titleOf(wire), titleOf(wire), titleOf(wire)]);
    expect([a.link, b.url, c.link]).toEqual([page(wire), page(wire), page(wire)]);
    expect([a.isoDate, b.published?.toISOString(), iso(c.pubDate)]).toEqual(Array(3).fill(wire.publishedAt.toISOString()));
    expect([iso(a.atomUpdated), b.updated?.toISOString(), iso(c.atom?.updated)]).toEqual(Array(3).fill(wire.updatedAt.toISOString()));
    expect(b.categories.map((category) => category.term)).toEqual(termsOf(wire));
    expect(c.categories?.map((category) => category.name)).toEqual(termsOf(wire));
    expect([b.description, c.description]).toEqual([summaryOf(wire), summaryOf(wire)]);
    expect(c.content?.encoded).toContain(`<strong>SEV-${wire.severity} ${SEVERITY_LABELS[wire.severity]}</strong>`);
  });
  return { byFeedParser, byFeedsmith };
}

async function checkAtom(xml: string, expected: Expected[]) {
  wellFormed(xml);
  const byRssParser = await new Parser().parseString(xml);
  const byFeedParser = parseFeed(xml);
  const byFeedsmith = parseAtomFeed(xml);
  expect(byRssParser.items.map((item) => item.id)).toEqual(expected.map(permanent));
  expect(byFeedParser.items.map((item) => item.id)).toEqual(expected.map(permanent));
  expect((byFeedsmith.entries ?? []).map((entry) => entry.id)).toEqual(expected.map(permanent));
  expected.forEach((wire, i) => {
    const a = byRssParser.items[i]!;
    const b = byFeedParser.items[i]!;
    const c = byFeedsmith.entries![i]!;
    expect([a.title, b.title, c.title?.value]).toEqual([titleOf(wire), titleOf(wire), titleOf(wire)]);
    expect([a.link, b.url, c.links?.find((link) => link.rel === "alternate")?.href]).toEqual([page(wire), page(wire), page(wire)]);
    expect([b.published?.toISOString(), iso(c.published)]).toEqual([wire.publishedAt.toISOString(), wire.publishedAt.toISOString()]);
    expect([b.updated?.toISOString(), iso(c.updated)]).toEqual([wire.updatedAt.toISOString(), wire.updatedAt.toISOString()]);
    expect(b.categories.map((category) => category.term)).toEqual(termsOf(wire));
    expect(c.categories?.[0]).toEqual({ term: `SEV-${wire.severity}`, label: `SEV-${wire.severity} ${SEVERITY_LABELS[wire.severity]}`, scheme: `${BASE}/guides/editors-guide#severity-rubric` });
    expect(c.summary?.value).toBe(summaryOf(wire));
    expect(c.content?.type).toBe("html");
    expect(c.content?.value).toContain(`<strong>SEV-${wire.severity} ${SEVERITY_LABELS[wire.severity]}</strong>`);
  });
  return { byFeedParser, byFeedsmith };
}

function checkJson(text: string, expected: Expected[]) {
  const byFeedsmith = parseJsonFeed(JSON.parse(text));
  const byExtractor = extractFromJson(text, { normalization: true });
  expect((byFeedsmith.items ?? []).map((item) => item.id)).toEqual(expected.map(permanent));
  expect((byExtractor.entries ?? []).map((entry) => entry.id)).toEqual(expected.map(permanent));
  expected.forEach((wire, i) => {
    const a = byFeedsmith.items![i]!;
    const b = byExtractor.entries![i]!;
    expect([a.title, b.title]).toEqual([titleOf(wire), titleOf(wire)]);
    expect([a.url, b.link]).toEqual([page(wire), page(wire)]);
    expect([iso(a.date_published), iso(b.published)]).toEqual([wire.publishedAt.toISOString(), wire.publishedAt.toISOString()]);
    expect(iso(a.date_modified)).toBe(wire.updatedAt.toISOString());
    expect(a.tags).toEqual(termsOf(wire));
    expect(a.summary).toBe(summaryOf(wire));
  });
  return { byFeedsmith };
}

const OLDER: SearchSeed[] = Array.from({ length: 45 }, (_, i) => ({
  id: `AIW-2018-${String(i + 1).padStart(4, "0")}`,
  occurredOn: `2018-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
  publishedAt: `2018-12-31T${String(i % 24).padStart(2, "0")}:${String(i).padStart(2, "0")}:00Z`,
  headline: `Older report ${i + 1}`,
  providers: [i % 2 ? "google" : "openai"],
  codes: [i % 3 ? "M1" : "S2"],
  severity: 1 + (i % 5),
}));

/** Text a feed must survive: markup, entities, CDATA ends, control characters, quotes and emoji. */
const HOSTILE = {
  id: "AIW-2026-0666",
  headline: `Hostile <b>headline</b> & "quotes" 'apos' ]]> \u0001\u0008\u001F\u007F end 😀`,
  summary: `Summary with <script>alert(1)</script> & \u000B vertical tab`,
  body: `Body <script>alert("x")</script> with [a bad link](javascript:alert(1)) and <img src=x onerror=alert(1)> [source](source:1).`,
  provider: `Evil <i>&</i> "Corp" \u0002Ltd`,
};

beforeAll(async () => {
  const { prisma } = await testDb();
  await resetDatabase();
  await importShipped();
  await seedFixtures();
  for (const seed of OLDER) await insertWire(seed);
  // Withdrawn some time after it was filed: its entry's updated time is the withdrawal's.
  await prisma.wire.update({ where: { id: "AIW-2024-0003" }, data: { updatedAt: new Date("2025-02-01T10:00:00Z") } });
  await prisma.provider.create({
    data: { slug: "evil-corp", name: HOSTILE.provider, description: "A made-up provider.", aliases: { create: { alias: "Evil Corp", normalized: normalizeProviderName("Evil Corp") } } },
  });
  await insertWire({ id: HOSTILE.id, occurredOn: "2026-06-01", publishedAt: "2026-06-02T08:00:00Z", headline: HOSTILE.headline, providers: ["evil-corp"], codes: ["M1"], severity: 2 });
  await prisma.wire.update({ where: { id: HOSTILE.id }, data: { summary: HOSTILE.summary, body: HOSTILE.body } });
  await prisma.source.update({
    where: { wireId_position: { wireId: HOSTILE.id, position: 1 } },
    data: { title: `<img src=x onerror=alert(1)> "Source" & more`, url: `https://example.org/a?b=1&c="x"` },
  });
});
afterAll(closeTestDb);

describe("the Latest feed", () => {
  test("holds the 50 most recently filed wires, merged ones left out, in every format and every parser", async () => {
    const expected = await expectedWires();
    expect(expected).toHaveLength(50);
    expect(expected[0]!.id).toBe(HOSTILE.id);
    const [rss, atom, json] = await Promise.all([feed("latest.rss"), feed("latest.atom"), feed("latest.json")]);
    expect([rss.status, atom.status, json.status]).toEqual([200, 200, 200]);
    expect([rss.type, atom.type, json.type]).toEqual(["application/rss+xml; charset=utf-8", "application/atom+xml; charset=utf-8", "application/feed+json; charset=utf-8"]);
    await checkRss(rss.body, expected);
    await checkAtom(atom.body, expected);
    checkJson(json.body, expected);
  });

  test("carries the elements each specification requires", async () => {
    const newest = (await expectedWires())[0]!;
    const rss = parseRssFeed((await feed("latest.rss")).body);
    expect(rss.title).toBe("AI Incident Wire: Latest");
    expect(rss.link).toBe(`${BASE}/`);
    expect(rss.description).toMatch(/most recently filed wires/);
    expect(rss.atom?.links?.[0]).toEqual({ href: `${BASE}/feeds/latest.rss`, rel: "self", type: "application/rss+xml" });
    for (const item of rss.items ?? []) expect(item.title && item.link && item.guid?.value && item.pubDate && item.description).toBeTruthy();

    const atom = parseAtomFeed((await feed("latest.atom")).body);
    expect(atom.id).toBe(`${BASE}/feeds/latest.atom`);
    expect(atom.title?.value).toBe("AI Incident Wire: Latest");
    // The feed's updated time is its newest entry's.
    expect(iso(atom.updated)).toBe(newest.updatedAt.toISOString());
    expect(atom.authors?.[0]?.name).toBe("AI Incident Wire");
    expect(atom.links).toEqual([
      { rel: "self", type: "application/atom+xml", href: `${BASE}/feeds/latest.atom` },
      { rel: "alternate", type: "text/html", href: `${BASE}/` },
    ]);
    for (const entry of atom.entries ?? []) expect(entry.id && entry.title && entry.updated && entry.links?.length).toBeTruthy();

    const json = JSON.parse((await feed("latest.json")).body);
    expect(json.version).toBe("https://jsonfeed.org/version/1.1");
    expect(json.title).toBe("AI Incident Wire: Latest");
    expect(json.home_page_url).toBe(`${BASE}/`);
    expect(json.feed_url).toBe(`${BASE}/feeds/latest.json`);
    for (const item of json.items) {
      expect(typeof item.id).toBe("string");
      expect(typeof item.content_html).toBe("string");
    }
  });
});

describe("archive search feeds", () => {
  test.each<SearchParams>([
    {},
    { provider: "google" },
    { provider: "Open AI", code: "m" },
    { q: "quokka" },
    { q: "older report", severity: "1-2" },
    { status: "withdrawn" },
    { status: ["withdrawn", "corrected"], from: "2024" },
    { code: ["S2", "M4"], to: "2024-07" },
    { standard: "confirmed" },
  ])("%o holds the archive's matches, newest filed first, in every format", async (params) => {
    const all = await search(params, 10_000);
    const expected = await expectedWires(all.items.map((item) => item.id));
    expect(expected.length).toBe(Math.min(50, all.total));
    const [rss, atom, json] = await Promise.all([feed("archive.rss", params), feed("archive.atom", params), feed("archive.json", params)]);
    await checkRss(rss.body, expected);
    await checkAtom(atom.body, expected);
    checkJson(json.body, expected);
  });

  test("the feed names its search, and links the archive page it follows", async () => {
    const atom = parseAtomFeed((await feed("archive.atom", { code: "m1", provider: "Open AI", severity: "3" })).body);
    expect(atom.title?.value).toBe("AI Incident Wire: OpenAI · M1 · SEV-3");
    expect(atom.id).toBe(`${BASE}/feeds/archive.atom?provider=openai&code=M1&severity=3`);
    expect(atom.links?.find((link) => link.rel === "alternate")?.href).toBe(`${BASE}/archive?provider=openai&code=M1&severity=3`);
    const json = JSON.parse((await feed("archive.json", { q: "quokka", status: "withdrawn" })).body);
    expect(json.title).toBe("AI Incident Wire: “quokka” · Withdrawn");
    expect(json.feed_url).toBe(`${BASE}/feeds/archive.json?q=quokka&status=withdrawn`);
  });

  test("a search without matches is an empty, valid feed dated by the archive's newest filing", async () => {
    const [newest] = await expectedWires();
    const atom = await feed("archive.atom", { from: "2030" });
    expect(atom.status).toBe(200);
    const parsed = await checkAtom(atom.body, []);
    expect(iso(parsed.byFeedsmith.updated)).toBe(newest!.publishedAt.toISOString());
    await checkRss((await feed("archive.rss", { from: "2030" })).body, []);
    checkJson((await feed("archive.json", { from: "2030" })).body, []);
  });
});

describe("entries", () => {
  test("carry the whole wire: severity, providers, body, sources as links, the rationale and the permanent link", async () => {
    const { prisma } = await testDb();
    const wire = await prisma.wire.findUniqueOrThrow({ where: { id: "AIW-2022-0008" }, include: { sources: { orderBy: { position: "asc" } }, rationale: true } });
    const items = parseJsonFeed(JSON.parse((await feed("archive.json", { code: "F10" })).body)).items ?? [];
    const item = items.find((candidate) => candidate.id === `${BASE}/wires/AIW-2022-0008`)!;
    const html = item.content_html!;
    expect(html).toContain("<strong>SEV-3 Significant</strong>");
    expect(html).toContain(`<a href="${BASE}/providers/openai">OpenAI</a>`);
    expect(html).toContain("2 sources · standard");
    expect(html).toContain(wire.body.split(" [source]")[0]);
    for (const source of wire.sources) expect(html).toContain(`<a href="${source.url}">${source.title}</a>`);
    expect(html).toContain("<h2>Why this is an AI incident</h2>");
    expect(html).toContain(wire.rationale!.text.slice(0, 60));
    expect(html).toContain("Counterfactual &quot;but-for&quot; test");
    expect(html).toContain(`<a href="${BASE}/codes/M1">M1</a>`);
    expect(html).toContain(`<a href="${BASE}/wires/AIW-2022-0008/dall-e-api-public-beta">AIW-2022-0008 on AI Incident Wire</a>`);
    expect(item.summary).toBe(wire.summary);
    // The wire's facts as data, in the feed's extension object (feedsmith leaves extensions out).
    const raw = JSON.parse((await feed("archive.json", { code: "F10" })).body).items.find((candidate: { id: string }) => candidate.id === item.id);
    expect(raw._wire).toMatchObject({ id: "AIW-2022-0008", severity: 3, status: "published", sourcing_standard: "standard", occurred_on: "2022-11-03", providers: [{ slug: "openai", name: "OpenAI" }] });
    expect(raw._wire.sources.map((source: { url: string }) => source.url)).toEqual(wire.sources.map((source) => source.url));
  });

  test("a withdrawn wire stays, marked withdrawn with its reason, and its text is no longer published", async () => {
    const { prisma } = await testDb();
    const withdrawn = await prisma.wire.findUniqueOrThrow({ where: { id: "AIW-2024-0003" } });
    for (const file of ["latest.atom", "latest.rss"]) {
      const items = parseFeed((await feed(file)).body).items;
      const item = items.find((candidate) => candidate.id === `${BASE}/wires/AIW-2024-0003`)!;
      expect(item.title).toBe(`[Withdrawn] ${withdrawn.headline}`);
      expect(item.description).toBe(withdrawn.statusNote);
      expect(item.content).toContain(`<strong>This wire was withdrawn.</strong> ${withdrawn.statusNote}`);
      expect(item.content).not.toContain(withdrawn.body.slice(0, 20));
      expect(item.content).not.toContain("Why this is an AI incident");
      expect(item.content).not.toContain("Sources (");
      expect(item.categories.map((category) => category.term)).toContain("Withdrawn");
    }
    const json = JSON.parse((await feed("archive.json", { status: "withdrawn" })).body);
    expect(json.items.map((item: { id: string }) => item.id)).toEqual([`${BASE}/wires/AIW-2024-0003`]);
    expect(json.items[0]._wire).toMatchObject({ status: "withdrawn", status_note: withdrawn.statusNote, sources: [] });
  });

  test("a corrected wire shows its correction; a merged wire is in no feed", async () => {
    const items = parseFeed((await feed("latest.atom")).body).items;
    const corrected = items.find((item) => item.id === `${BASE}/wires/AIW-2024-0002`)!;
    expect(corrected.content).toContain("<strong>Correction: </strong>Test note.");
    expect(corrected.categories.map((category) => category.term)).toContain("Corrected");
    for (const file of ["latest.atom", "latest.rss", "latest.json"]) expect((await feed(file)).body).not.toContain("AIW-2024-0004");
    expect((await feed("archive.rss", { provider: "midjourney" })).body).not.toContain("AIW-2024-0004");
  });

  test("hostile text stays text: well-formed XML, illegal characters gone, no markup or script gets through", async () => {
    const headline = HOSTILE.headline.replace(/[\u0000-\u001F\u007F]/g, "");
    for (const file of ["latest.rss", "latest.atom"]) {
      const { body } = await feed(file);
      wellFormed(body);
      expect(body).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
      const item = parseFeed(body).items[0]!;
      expect(item.title).toBe(headline);
      expect(item.categories.map((category) => category.term)).toContain(`Evil <i>&</i> "Corp" Ltd`);
      // feedsmith hands over the entry's HTML exactly as sent (feed-parser decodes its entities).
      const html = file.endsWith(".rss") ? parseRssFeed(body).items![0]!.content!.encoded! : parseAtomFeed(body).entries![0]!.content!.value!;
      // Outside attribute values (where "<img" is only text), no tag or handler from the wire's text.
      expectNoInjectedMarkup(html);
      expect(html).toContain("Evil &lt;i&gt;&amp;&lt;/i&gt; &quot;Corp&quot; Ltd");
      expect(html).toContain(`<a href="https://example.org/a?b=1&amp;c=&quot;x&quot;">&lt;img src=x onerror=alert(1)&gt; &quot;Source&quot; &amp; more</a>`);
    }
    const { body } = await feed("latest.json");
    const item = parseJsonFeed(JSON.parse(body)).items![0]!;
    expect(item.title).toBe(headline);
    expect(item.summary).toBe("Summary with <script>alert(1)</script> &  vertical tab");
    expectNoInjectedMarkup(item.content_html!);
    // The other JSON reader agrees.
    expect(extractFromJson(body).entries?.[0]?.title).toBe(headline);
    expect(extractFromXml((await feed("latest.atom")).body).entries?.[0]?.title).toBe(headline);
  });

  test("a feed is the same whichever parameter spelling asked for it", async () => {
    const a = await feed("archive.atom", { provider: "Open AI", code: "m1" });
    const b = await feed("archive.atom", { code: "M1", provider: "openai" });
    expect(a.status).toBe(200);
    expect(a.body).toBe(b.body);
  });
});
