import { expect, test, type Page } from "@playwright/test";
import { DALLE_API, WITHDRAWN_FIXTURE } from "./support/site";

// What search engines and link previews read: canonical links, OpenGraph and Twitter cards, a
// wire's structured data, robots.txt and the sitemap, on the production build.

const meta = (page: Page, key: string) => page.locator(`meta[property="${key}"], meta[name="${key}"]`);

/** Records Content-Security-Policy violations the page reports, from before its first script runs. */
async function watchPolicy(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective}: ${event.blockedURI}`));
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations))];
}

test.describe("a wire page", () => {
  test("carries its canonical address, an OpenGraph article, a Twitter summary card and NewsArticle structured data", async ({ page, baseURL }) => {
    const violations = await watchPolicy(page);
    await page.goto(DALLE_API.path);
    const url = `${baseURL}${DALLE_API.path}`;
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", url);
    await expect(meta(page, "og:type")).toHaveAttribute("content", "article");
    await expect(meta(page, "og:title")).toHaveAttribute("content", DALLE_API.headline);
    await expect(meta(page, "og:description")).toHaveAttribute("content", new RegExp(`^${DALLE_API.summary}`));
    await expect(meta(page, "og:url")).toHaveAttribute("content", url);
    await expect(meta(page, "og:site_name")).toHaveAttribute("content", "AI Incident Wire");
    await expect(meta(page, "article:published_time")).toHaveAttribute("content", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    await expect(meta(page, "article:modified_time")).toHaveAttribute("content", /^\d{4}-\d{2}-\d{2}T/);
    await expect(meta(page, "twitter:card")).toHaveAttribute("content", "summary");
    await expect(meta(page, "twitter:title")).toHaveAttribute("content", DALLE_API.headline);

    const scripts = page.locator('script[type="application/ld+json"]');
    await expect(scripts).toHaveCount(1);
    const data = JSON.parse((await scripts.textContent())!) as Record<string, unknown>;
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      "@id": `${baseURL}/wires/${DALLE_API.id}`,
      url,
      headline: DALLE_API.headline,
      author: { "@type": "Organization", name: "AI Incident Wire" },
      publisher: { "@type": "Organization", name: "AI Incident Wire" },
      about: [{ "@type": "Organization", name: "OpenAI", url: `${baseURL}/providers/openai` }],
    });
    expect(data.datePublished).toBe(await meta(page, "article:published_time").getAttribute("content"));
    expect((data.citation as { url: string }[]).map((citation) => citation.url)).toEqual(DALLE_API.sources.map((source) => source.url));
    // The structured data is data, not a script to run: the page's policy has nothing to report.
    expect(await violations()).toEqual([]);
  });

  test("a withdrawn wire's card gives the reason, not the withdrawn text", async ({ page }) => {
    await page.goto(WITHDRAWN_FIXTURE.path);
    await expect(meta(page, "og:title")).toHaveAttribute("content", `Withdrawn: ${WITHDRAWN_FIXTURE.headline}`);
    await expect(meta(page, "og:description")).toHaveAttribute("content", WITHDRAWN_FIXTURE.reason);
    const data = (await page.locator('script[type="application/ld+json"]').textContent())!;
    expect(JSON.parse(data)).toMatchObject({ description: WITHDRAWN_FIXTURE.reason, creativeWorkStatus: "Withdrawn" });
    expect(data).not.toContain(WITHDRAWN_FIXTURE.bodyText);
  });
});

const CANONICAL: [string, string][] = [
  ["/", "/"],
  ["/archive", "/archive"],
  // One address per search: the archive's parameter order, providers by slug, codes in capitals.
  ["/archive?code=m1&provider=Open%20AI", "/archive?provider=openai&code=M1"],
  ["/providers/openai", "/providers/openai"],
  ["/codes/M1", "/codes/M1"],
  ["/guides", "/guides"],
  ["/guides/editors-guide", "/guides/editors-guide"],
];

test.describe("canonical addresses", () => {
  for (const [path, canonical] of CANONICAL) {
    test(`${path} names ${canonical}, and keeps its feed links`, async ({ page, baseURL }) => {
      await page.goto(path);
      await expect(page.locator('link[rel="canonical"]')).toHaveCount(1);
      // "http://host" and "http://host/" are one address: compare them as URLs.
      const href = (await page.locator('link[rel="canonical"]').getAttribute("href"))!;
      expect(href).toMatch(/^https?:\/\//);
      expect(new URL(href).href).toBe(new URL(canonical, baseURL).href);
      if (!path.startsWith("/guides")) await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveCount(1);
      await expect(meta(page, "og:site_name")).toHaveAttribute("content", "AI Incident Wire");
    });
  }
});

test.describe("crawlers", () => {
  test("robots.txt lets them in but for the editors' pages, the API and the downloads, and names the sitemap", async ({ request, baseURL }) => {
    const response = await request.get("/robots.txt");
    expect(response.status()).toBe(200);
    const lines = (await response.text()).split("\n").map((line) => line.trim());
    expect(lines).toContain("User-Agent: *");
    expect(lines).toContain("Allow: /");
    for (const path of ["/editor", "/sign-in", "/wires/*/amend", "/api/", "/archive/export"]) expect(lines).toContain(`Disallow: ${path}`);
    expect(lines).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  });

  test("the sitemap index leads to every wire's canonical address", async ({ request, baseURL }) => {
    const index = await request.get("/sitemap.xml");
    expect(index.status()).toBe(200);
    expect(index.headers()["content-type"]).toBe("application/xml; charset=utf-8");
    const files = [...(await index.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    expect(files[0]).toBe(`${baseURL}/sitemaps/pages.xml`);
    expect(files.slice(1).every((file) => /\/sitemaps\/wires-\d+\.xml$/.test(file))).toBe(true);
    const urls: string[] = [];
    for (const file of files) {
      const response = await request.get(new URL(file).pathname);
      expect(response.status(), file).toBe(200);
      urls.push(...[...(await response.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!));
    }
    expect(urls).toContain(`${baseURL}${DALLE_API.path}`);
    expect(urls).toContain(`${baseURL}${WITHDRAWN_FIXTURE.path}`);
    expect(urls).toContain(`${baseURL}/guides/editors-guide`);
    expect(urls.filter((url) => url.includes("fixture-duplicate"))).toEqual([]);
  });
});
