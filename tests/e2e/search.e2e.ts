import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/a11y";
import { DALLE_API, MONTH } from "./support/site";

const OUTPAINTING = "DALL·E introduces outpainting";

const main = (page: Page) => page.getByRole("main");
const wires = (page: Page) => main(page).getByRole("article");
const resultCount = (page: Page) => main(page).getByRole("status");
const filters = (page: Page) => page.getByRole("complementary", { name: "Filters" });
const activeFilters = (page: Page) => page.getByRole("group", { name: "Active filters" });
const searchBox = (page: Page) => page.getByRole("searchbox", { name: "Search the archive" });

/** The number in "1,234 wires, newest first". */
async function total(page: Page): Promise<number> {
  const text = (await resultCount(page).textContent()) ?? "";
  const match = /^([\d,]+) wires?/.exec(text.trim());
  expect(match, `result count "${text}"`).not.toBeNull();
  return Number(match![1]!.replace(/,/g, ""));
}

const headlines = (page: Page) => wires(page).getByRole("heading").allTextContents();

test.describe("Archive search", () => {
  test("a search ranks by relevance, without month headings, and marks the matched word", async ({ page }) => {
    await page.goto("/archive");
    await expect(resultCount(page)).toContainText("newest first");
    await searchBox(page).fill("outpainting");
    await searchBox(page).press("Enter");
    await expect(page).toHaveURL("/archive?q=outpainting");
    await expect(page).toHaveTitle("Archive: “outpainting” · AI Incident Wire");
    await expect(resultCount(page)).toHaveText(/^\d+ wires?, by relevance$/);
    await expect(activeFilters(page).getByRole("link", { name: /Search: “outpainting”/ })).toBeVisible();

    const hit = wires(page).filter({ has: page.getByRole("heading", { name: OUTPAINTING }) });
    await expect(hit).toHaveCount(1);
    await expect(hit.getByRole("heading").locator("mark")).toHaveText(["outpainting"]);
    await expect(hit.getByRole("paragraph").locator("mark").first()).toHaveText(/^outpainting$/i);
    const months = (await main(page).getByRole("heading", { level: 2 }).allTextContents()).filter((text) => MONTH.test(text.trim()));
    expect(months).toEqual([]);
  });

  test("a misspelt search offers the spelling the archive knows", async ({ page }) => {
    await page.goto("/archive?q=outpaintng");
    await main(page).getByRole("link", { name: "outpainting", exact: true }).click();
    await expect(page).toHaveURL("/archive?q=outpainting");
    await expect(wires(page).getByRole("heading", { name: OUTPAINTING })).toBeVisible();
  });

  test("provider and code checkboxes filter the results, as chips that can be removed", async ({ page }) => {
    await page.goto("/archive");
    const everything = await total(page);

    await filters(page).getByRole("checkbox", { name: /^OpenAI \(\d+\)$/ }).check();
    await expect(page).toHaveURL("/archive?provider=openai");
    await expect(activeFilters(page).getByRole("link", { name: /Provider: OpenAI/ })).toBeVisible();

    const m1 = filters(page).getByRole("checkbox", { name: /^M1 Broadened access/ });
    await m1.check();
    await expect(page).toHaveURL("/archive?provider=openai&code=M1");
    await expect(page).toHaveTitle("Archive: OpenAI · M1 · AI Incident Wire");
    await expect(activeFilters(page).getByRole("link", { name: /Code: M1/ })).toBeVisible();
    const filtered = await total(page);
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(everything);
    await expect(wires(page)).toHaveCount(filtered);
    await expect(wires(page).filter({ has: page.getByRole("link", { name: /^M1\b/ }) })).toHaveCount(filtered);
    await expect(wires(page).getByRole("link", { name: DALLE_API.headline })).toBeVisible();

    // Removing a chip unticks its checkbox too.
    await activeFilters(page).getByRole("link", { name: /Code: M1/ }).click();
    await expect(page).toHaveURL("/archive?provider=openai");
    await expect(m1).not.toBeChecked();
    await expect(filters(page).getByRole("checkbox", { name: /^OpenAI/ })).toBeChecked();
    expect(await total(page)).toBeGreaterThan(filtered);

    await activeFilters(page).getByRole("link", { name: "Clear all" }).click();
    await expect(page).toHaveURL("/archive");
    await expect(activeFilters(page)).toHaveCount(0);
    expect(await total(page)).toBe(everything);
  });

  test("a checkbox toggled from the keyboard keeps the focus while the results update", async ({ page }) => {
    await page.goto("/archive?provider=openai");
    const m1 = filters(page).getByRole("checkbox", { name: /^M1 Broadened access/ });
    await m1.focus();
    await page.keyboard.press("Space");
    await expect(page).toHaveURL("/archive?provider=openai&code=M1");
    await expect(m1).toBeChecked();
    await expect(m1).toBeFocused();
  });

  test("a whole code family is one filter, code=M", async ({ page }) => {
    await page.goto("/archive");
    await filters(page).getByRole("checkbox", { name: "All M codes" }).check();
    await expect(page).toHaveURL("/archive?code=M");
    await expect(activeFilters(page).getByRole("link", { name: /Code: all M codes/ })).toBeVisible();
    // The family's codes show as included, and every wire listed carries one of them.
    await expect(filters(page).getByRole("checkbox", { name: /^M1 Broadened access/ })).toBeChecked();
    await expect(filters(page).getByRole("checkbox", { name: /^M1 Broadened access/ })).toBeDisabled();
    const count = await total(page);
    await expect(wires(page).filter({ has: page.getByRole("link", { name: /^M\d\b/ }) })).toHaveCount(count);
  });

  test("severity, and a year link, narrow the results", async ({ page }) => {
    await page.goto("/archive");
    await filters(page).getByRole("combobox", { name: /level or a range/ }).selectOption("3");
    await expect(page).toHaveURL("/archive?severity=3");
    const count = await total(page);
    expect(count).toBeGreaterThan(0);
    await expect(wires(page).getByText("SEV-3", { exact: true })).toHaveCount(count);

    await filters(page).getByRole("list", { name: "Years" }).getByRole("link", { name: "2022" }).click();
    await expect(page).toHaveURL("/archive?severity=3&from=2022-01-01&to=2022-12-31");
    await expect(activeFilters(page).getByRole("link", { name: /Year: 2022/ })).toBeVisible();
    await expect(filters(page).getByLabel("From")).toHaveValue("2022-01-01");
    const times = await wires(page).locator("time.event-date").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("datetime") ?? ""));
    expect(times.length).toBeGreaterThan(0);
    expect(times.every((time) => time.startsWith("2022-"))).toBe(true);
  });

  test("a filter changed while the page's scripts are still loading is applied once they run", async ({ page }) => {
    let release!: () => void;
    const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/_next/static/**/*.js", async (route) => {
      await scriptsHeld;
      await route.continue();
    });
    await page.goto("/archive", { waitUntil: "domcontentloaded" });
    await filters(page).getByRole("combobox", { name: /level or a range/ }).selectOption("3");
    await filters(page).getByRole("checkbox", { name: /^OpenAI \(\d+\)$/ }).check();
    release();
    await expect(page).toHaveURL("/archive?provider=openai&severity=3");
    await expect(activeFilters(page).getByRole("link", { name: /Provider: OpenAI/ })).toBeVisible();
    await expect(filters(page).getByRole("combobox", { name: /level or a range/ })).toHaveValue("3");
    const count = await total(page);
    await expect(wires(page).getByText("SEV-3", { exact: true })).toHaveCount(count);
  });

  test("page links appear only when there are more wires than a page, and a bad page link says so", async ({ page }) => {
    // The shipped archive fits on one page.
    await page.goto("/archive");
    expect(await total(page)).toBeLessThan(25);
    await expect(main(page).getByRole("navigation", { name: "Pages" })).toHaveCount(0);

    await page.goto("/archive?provider=openai&cursor=not-a-cursor");
    const alert = main(page).getByRole("alert");
    await expect(alert).toContainText("This page link has expired or is not valid");
    await alert.getByRole("link", { name: "Go to the first page" }).click();
    await expect(page).toHaveURL("/archive?provider=openai");
    await expect(main(page).getByRole("alert")).toHaveCount(0);
  });

  test("the address is the search: opened in a new page it shows the same results", async ({ page, context }) => {
    await page.goto("/archive");
    await searchBox(page).fill("beta");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL("/archive?q=beta");
    await filters(page).getByRole("checkbox", { name: /^M1 Broadened access/ }).check();
    await expect(page).toHaveURL("/archive?q=beta&code=M1");
    const shown = await headlines(page);
    expect(shown.length).toBeGreaterThan(0);
    const count = await resultCount(page).textContent();

    const shared = await context.newPage();
    await shared.goto(page.url());
    expect(await headlines(shared)).toEqual(shown);
    await expect(resultCount(shared)).toHaveText(count ?? "");
    await expect(searchBox(shared)).toHaveValue("beta");
    await expect(filters(shared).getByRole("checkbox", { name: /^M1 Broadened access/ })).toBeChecked();
  });

  test("a malformed address names each parameter and its problem, with status 200", async ({ page }) => {
    const response = await page.goto("/archive?severity=9&from=2022-13-01&foo=1");
    expect(response?.status()).toBe(200);
    const alert = main(page).getByRole("alert");
    await expect(alert).toContainText("This archive address has a problem");
    const problems = alert.getByRole("listitem");
    await expect(problems.filter({ hasText: /^severity: / })).toHaveCount(1);
    await expect(problems.filter({ hasText: /^from: .*2022-13-01/ })).toHaveCount(1);
    await expect(problems.filter({ hasText: /^foo: unknown parameter/ })).toHaveCount(1);
    await alert.getByRole("link", { name: "Open the whole archive" }).click();
    await expect(page).toHaveURL("/archive");
    await expect(wires(page).first()).toBeVisible();
  });

  test("an unknown provider is named, with the nearest provider offered in its place", async ({ page }) => {
    await page.goto("/archive?provider=Opn%20AI");
    const alert = main(page).getByRole("alert");
    await expect(alert).toContainText("The archive has no provider “Opn AI”. Did you mean OpenAI?");
    await expect(wires(page)).toHaveCount(0);
    await alert.getByRole("link", { name: "OpenAI", exact: true }).click();
    await expect(page).toHaveURL("/archive?provider=openai");
    await expect(main(page).getByRole("alert")).toHaveCount(0);
    expect(await total(page)).toBeGreaterThan(0);
  });

  test("a misspelt word offers the headline word nearest to it, and the offer runs that search", async ({ page }) => {
    await page.goto("/archive");
    await searchBox(page).fill("outpaintng");
    await searchBox(page).press("Enter");
    await expect(page).toHaveURL("/archive?q=outpaintng");
    expect(await total(page)).toBe(0);
    await main(page).getByRole("link", { name: "outpainting", exact: true }).click();
    await expect(page).toHaveURL("/archive?q=outpainting");
    await expect(wires(page).filter({ has: page.getByRole("heading", { name: OUTPAINTING }) })).toHaveCount(1);
  });

  test("a quoted phrase shows in its chip as typed", async ({ page }) => {
    await page.goto("/archive?q=%22public+beta%22");
    await expect(activeFilters(page).getByRole("link", { name: /^Search: "public beta"/ })).toBeVisible();
    await expect(page).toHaveTitle('Archive: "public beta" · AI Incident Wire');
  });

  for (const colorScheme of ["light", "dark"] as const) {
    for (const path of ["/archive?q=outpainting", "/archive?code=M&severity=3-5&status=published", "/archive?provider=Opn%20AI&q=outpaintng", "/archive?severity=9&foo=1"]) {
      test(`${path} has no WCAG 2.1 A/AA violations, ${colorScheme}`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("Archive");
        await expectNoAxeViolations(page);
      });
    }
  }

  test("at 360 px the filters come before the results, without horizontal scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/archive?q=outpainting&provider=openai");
    await expectNoHorizontalScroll(page);
    const filtersBox = await filters(page).boundingBox();
    const resultBox = await wires(page).first().boundingBox();
    expect(filtersBox && resultBox && filtersBox.y < resultBox.y).toBe(true);
  });
});

test.describe("Archive search without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the filter form submits as a plain GET and the address stays clean", async ({ page }) => {
    await page.goto("/archive");
    const everything = await total(page);
    await filters(page).getByRole("checkbox", { name: /^OpenAI \(\d+\)$/ }).check();
    await filters(page).getByRole("checkbox", { name: /^M1 Broadened access/ }).check();
    await filters(page).getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL("/archive?provider=openai&code=M1");
    await expect(activeFilters(page).getByRole("link", { name: /Code: M1/ })).toBeVisible();
    const filtered = await total(page);
    expect(filtered).toBeLessThan(everything);
    await expect(wires(page).filter({ has: page.getByRole("link", { name: /^M1\b/ }) })).toHaveCount(filtered);

    await searchBox(page).fill("outpainting");
    await searchBox(page).press("Enter");
    await expect(page).toHaveURL("/archive?q=outpainting&provider=openai&code=M1");
    await expect(resultCount(page)).toHaveText(/by relevance$/);
  });
});
