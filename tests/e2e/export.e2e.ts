import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { expectNoAxeViolations } from "./support/a11y";
import { DALLE_API, MERGED_FIXTURE, WITHDRAWN_FIXTURE } from "./support/site";

// The Download control on /archive and the files it leads to, end to end on the production build.

const download = (page: Page) => page.getByRole("navigation", { name: "Download this search" });

/** Every id the archive lists for a search, page after page, following its "older" links. */
async function archiveIds(page: Page, search: string): Promise<string[]> {
  const ids: string[] = [];
  let next: string | null = `/archive${search}`;
  while (next) {
    await page.goto(next);
    const hrefs = await page.locator("main article :is(h2, h3) a[href^='/wires/']").evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
    ids.push(...hrefs.map((href) => href.split("/")[2]!));
    const older = page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: /Older wires/ });
    next = (await older.count()) > 0 ? await older.getAttribute("href") : null;
  }
  return [...new Set(ids)];
}

test.describe("Download", () => {
  test("the archive offers the current search as CSV and NDJSON, beside Follow", async ({ page }) => {
    await page.goto("/archive?provider=openai&code=M1");
    const nav = download(page);
    await expect(nav).toBeVisible();
    const count = (await page.getByRole("status").filter({ hasText: /wires?,/ }).locator("strong").textContent())!.trim();
    await expect(nav).toContainText(`Download this search (${count})`);
    await expect(nav.getByRole("link", { name: "CSV", exact: true })).toHaveAttribute("href", "/archive/export.csv?provider=openai&code=M1");
    await expect(nav.getByRole("link", { name: "NDJSON", exact: true })).toHaveAttribute("href", "/archive/export.ndjson?provider=openai&code=M1");
    await expect(page.getByRole("navigation", { name: "Follow this search" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("the CSV link downloads a named file holding exactly the search's wires", async ({ page }) => {
    await page.goto("/archive?provider=openai");
    const [file] = await Promise.all([page.waitForEvent("download"), download(page).getByRole("link", { name: "CSV", exact: true }).click()]);
    expect(file.suggestedFilename()).toMatch(/^ai-incident-wires-openai-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile((await file.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.id)).toEqual(await archiveIds(page, "?provider=openai"));
    const dalle = rows.find((row) => row.id === DALLE_API.id)!;
    expect(dalle.headline).toBe(DALLE_API.headline);
    expect(dalle.permalink).toMatch(new RegExp(`^http://[^/]+/wires/${DALLE_API.id}$`));
    expect(dalle.source_urls).toBe(DALLE_API.sources.map((source) => source.url).join("; "));
  });

  test("the NDJSON link gives one JSON record per line; withdrawn wires keep only their tombstone", async ({ page, request }) => {
    await page.goto("/archive");
    const href = (await download(page).getByRole("link", { name: "NDJSON", exact: true }).getAttribute("href"))!;
    const response = await request.get(href);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/x-ndjson; charset=utf-8");
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="ai-incident-wires-\d{4}-\d{2}-\d{2}\.ndjson"$/);
    const records = (await response.text()).trimEnd().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.length).toBe(Number(response.headers()["x-total-count"]));
    expect(records.map((record) => record.id)).not.toContain(MERGED_FIXTURE.id);
    const withdrawn = records.find((record) => record.id === WITHDRAWN_FIXTURE.id)!;
    expect(withdrawn).toMatchObject({ status: "withdrawn", status_note: WITHDRAWN_FIXTURE.reason, body: null, rationale: null, sources: [] });
    expect(JSON.stringify(withdrawn)).not.toContain(WITHDRAWN_FIXTURE.bodyText);
  });

  test("a search naming an unknown provider offers no download, and its address answers 400 naming the parameter", async ({ page, request }) => {
    await page.goto("/archive?provider=nosuchvendor");
    await expect(download(page)).toHaveCount(0);
    const response = await request.get("/archive/export.csv?provider=nosuchvendor");
    expect(response.status()).toBe(400);
    expect(await response.text()).toContain("provider: no provider is called “nosuchvendor”");
  });
});
