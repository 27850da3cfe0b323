import { parseFeed } from "@rowanmanning/feed-parser";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { parseJsonFeed } from "feedsmith";
import { expectNoAxeViolations } from "./support/a11y";
import { DALLE_API, MERGED_FIXTURE, NEWEST_HEADLINE, WITHDRAWN_FIXTURE } from "./support/site";

// The Follow control and the feeds it leads to, end to end, on the production build.

const follow = (page: Page, subject: string) => page.getByRole("navigation", { name: `Follow ${subject}` });

/** The control's three links, each with the href the page's <head> announces for the same format. */
async function expectFollowLinks(page: Page, subject: string, search: string) {
  const nav = follow(page, subject);
  await expect(nav).toBeVisible();
  const formats = [
    { name: "RSS", extension: "rss", type: "application/rss+xml" },
    { name: "Atom", extension: "atom", type: "application/atom+xml" },
    { name: "JSON Feed", extension: "json", type: "application/feed+json" },
  ];
  const hrefs: string[] = [];
  for (const format of formats) {
    const link = nav.getByRole("link", { name: format.name, exact: true });
    await expect(link).toBeVisible();
    const href = (await link.getAttribute("href"))!;
    expect(href).toMatch(new RegExp(`^/feeds/[a-z]+\\.${format.extension}${search.replace(/[?.]/g, "\\$&")}$`));
    // The head names the same feed as an absolute address, as feed readers prefer.
    const announced = (await page.locator(`head link[rel="alternate"][type="${format.type}"]`).getAttribute("href"))!;
    expect(announced).toBe(new URL(href, page.url()).href);
    hrefs.push(href);
  }
  return hrefs;
}

async function fetchFeed(request: APIRequestContext, href: string) {
  const response = await request.get(href);
  expect(response.status(), href).toBe(200);
  return { response, body: await response.text() };
}

test.describe("Follow", () => {
  test("Latest offers its feeds, and each link returns a feed of the newest wires", async ({ page, request }) => {
    await page.goto("/");
    const [rss, atom, json] = await expectFollowLinks(page, "the latest wires", "");
    expect([rss, atom, json]).toEqual(["/feeds/latest.rss", "/feeds/latest.atom", "/feeds/latest.json"]);

    const rssFeed = await fetchFeed(request, rss!);
    expect(rssFeed.response.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
    const atomFeed = await fetchFeed(request, atom!);
    expect(atomFeed.response.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
    for (const { body } of [rssFeed, atomFeed]) {
      const titles = parseFeed(body).items.map((item) => item.title);
      // The fixture filed last was withdrawn: it stays in the feed, marked, where Latest leaves it out.
      expect(titles[0]).toBe(`[Withdrawn] ${WITHDRAWN_FIXTURE.headline}`);
      expect(titles[1]).toBe(NEWEST_HEADLINE);
      expect(titles).toContain(DALLE_API.headline);
      expect(titles).not.toContain(MERGED_FIXTURE.headline);
    }
    const jsonFeed = await fetchFeed(request, json!);
    expect(jsonFeed.response.headers()["content-type"]).toBe("application/feed+json; charset=utf-8");
    const items = parseJsonFeed(JSON.parse(jsonFeed.body)).items ?? [];
    const withdrawn = items.find((item) => item.title?.startsWith("[Withdrawn]"))!;
    expect(withdrawn.content_html).toContain(WITHDRAWN_FIXTURE.reason);
    expect(withdrawn.content_html).not.toContain(WITHDRAWN_FIXTURE.bodyText);
    expect(withdrawn.content_html).not.toContain(WITHDRAWN_FIXTURE.rationaleText);
    const dalle = items.find((item) => item.title === DALLE_API.headline)!;
    expect(new URL(dalle.url!).pathname).toBe(DALLE_API.path);
    expect(new URL(dalle.id!).pathname).toBe(`/wires/${DALLE_API.id}`);
    for (const source of DALLE_API.sources) expect(dalle.content_html).toContain(`<a href="${source.url}">${source.title}</a>`);
  });

  test("a filtered archive search offers feeds of exactly that search", async ({ page, request }) => {
    await page.goto("/archive?provider=Open%20AI&code=m1");
    const [rss, atom] = await expectFollowLinks(page, "this search", "?provider=openai&code=M1");
    const onPage = (await page.getByRole("main").getByRole("article").getByRole("heading").allTextContents()).map((text) => text.trim());
    expect(onPage.length).toBeGreaterThan(0);
    for (const href of [rss!, atom!]) {
      const titles = parseFeed((await fetchFeed(request, href)).body).items.map((item) => item.title!.replace(/^\[Withdrawn\] /, ""));
      expect(titles.toSorted()).toEqual(onPage.toSorted());
    }
  });

  test("provider and code pages link their scoped feeds", async ({ page, request }) => {
    await page.goto("/providers/openai");
    const [, atom] = await expectFollowLinks(page, "OpenAI", "?provider=openai");
    const feed = parseFeed((await fetchFeed(request, atom!)).body);
    expect(feed.title).toBe("AI Incident Wire: OpenAI");
    expect(feed.items.length).toBeGreaterThanOrEqual(10);

    await page.goto("/codes/F10");
    const [rss] = await expectFollowLinks(page, "F10", "?code=F10");
    expect(parseFeed((await fetchFeed(request, rss!)).body).items.map((item) => item.title)).toEqual([DALLE_API.headline]);
  });

  test("the control is keyboard-reachable and passes axe", async ({ page }) => {
    await page.goto("/archive?provider=openai");
    const link = follow(page, "this search").getByRole("link", { name: "Atom", exact: true });
    await link.focus();
    await expect(link).toBeFocused();
    await expectNoAxeViolations(page);
  });

  test("a search the archive cannot follow offers no feed", async ({ page }) => {
    await page.goto("/archive?provider=nobody-at-all");
    await expect(page.getByRole("heading", { level: 1, name: "Archive" })).toBeVisible();
    await expect(follow(page, "this search")).toHaveCount(0);
    await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveCount(0);
  });
});

test.describe("Feeds over HTTP", () => {
  test("answer a current copy with 304, and bad parameters with a plain 400", async ({ request }) => {
    const first = await request.get("/feeds/archive.atom?provider=openai");
    expect(first.status()).toBe(200);
    const { etag, "last-modified": lastModified, "cache-control": cacheControl } = first.headers();
    expect(cacheControl).toBe("public, no-cache");
    expect((await request.get("/feeds/archive.atom?provider=openai", { headers: { "If-None-Match": etag! } })).status()).toBe(304);
    expect((await request.get("/feeds/archive.atom?provider=openai", { headers: { "If-Modified-Since": lastModified! } })).status()).toBe(304);

    const bad = await request.get("/feeds/archive.rss?severity=9&cursor=abc");
    expect(bad.status()).toBe(400);
    expect(bad.headers()["content-type"]).toBe("text/plain; charset=utf-8");
    const text = await bad.text();
    expect(text).toContain("severity: expected a severity from 1 to 5");
    expect(text).toContain("cursor: a feed always starts at the newest wires");
  });
});
