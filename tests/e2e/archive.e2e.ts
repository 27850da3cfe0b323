import { expect, test, type Page } from "@playwright/test";
import { DALLE_API, MONTH } from "./support/site";

const activeFilters = (page: Page) => page.getByRole("group", { name: "Active filters" });
const wires = (page: Page) => page.getByRole("main").getByRole("article");

test.describe("Archive", () => {
  test("groups the wires under month headings, newest month first", async ({ page }) => {
    await page.goto("/archive");
    await expect(page).toHaveTitle("Archive · AI Incident Wire");
    const headings = await page.getByRole("main").getByRole("heading", { level: 2 }).allTextContents();
    const months = headings.map((text) => text.trim()).filter((text) => MONTH.test(text));
    expect(months).toContain("November 2022");
    expect(months.length).toBeGreaterThanOrEqual(5);
    const times = months.map((month) => Date.parse(`1 ${month} UTC`));
    expect(times, `months in page order: ${months.join(", ")}`).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(months).size).toBe(months.length);

    const november = page.getByRole("region", { name: "November 2022" });
    await expect(november.getByRole("link", { name: DALLE_API.headline })).toBeVisible();
    await expect(activeFilters(page)).toHaveCount(0);
  });

  test("a provider tag on Latest leads to the archive filtered by that provider, and the filter can be removed", async ({ page }) => {
    await page.goto("/");
    const wire = page.getByRole("article").filter({ has: page.getByRole("heading", { name: DALLE_API.headline }) });
    await wire.getByRole("link", { name: "OpenAI", exact: true }).click();
    await expect(page).toHaveURL("/archive?provider=openai");
    await expect(page).toHaveTitle("Archive: OpenAI · AI Incident Wire");
    const chip = activeFilters(page).getByRole("link", { name: /Provider: OpenAI/ });
    await expect(chip).toBeVisible();
    await expect(page.getByRole("complementary", { name: "Filters" }).getByRole("checkbox", { name: /^OpenAI\b/ })).toBeChecked();
    const count = await wires(page).count();
    expect(count).toBeGreaterThan(0);
    // Every wire listed names the provider.
    await expect(wires(page).filter({ has: page.getByRole("link", { name: "OpenAI", exact: true }) })).toHaveCount(count);

    await chip.click();
    await expect(page).toHaveURL("/archive");
    await expect(activeFilters(page)).toHaveCount(0);
  });

  test("a code tag on a wire leads to the archive filtered by that code, and the filter can be removed", async ({ page }) => {
    await page.goto(DALLE_API.path);
    await page.getByRole("list", { name: "Codes" }).getByRole("link", { name: /^M1\b/ }).click();
    await expect(page).toHaveURL("/archive?code=M1");
    const chip = activeFilters(page).getByRole("link", { name: /Code: M1/ });
    await expect(chip).toBeVisible();
    const count = await wires(page).count();
    expect(count).toBeGreaterThan(1);
    // Every wire listed carries the code.
    await expect(wires(page).filter({ has: page.getByRole("link", { name: /^M1\b/ }) })).toHaveCount(count);
    await expect(wires(page).getByRole("link", { name: DALLE_API.headline })).toBeVisible();

    await chip.click();
    await expect(page).toHaveURL("/archive");
    await expect(activeFilters(page)).toHaveCount(0);
  });

  test("provider and code filters combine, and each can be removed on its own", async ({ page }) => {
    await page.goto("/archive?code=M1");
    const everyM1 = await wires(page).count();
    await page.goto("/archive?provider=openai");
    const filters = page.getByRole("complementary", { name: "Filters" });
    await filters.getByRole("checkbox", { name: /^M1\b/ }).check();
    await expect(page).toHaveURL("/archive?provider=openai&code=M1");
    await expect(activeFilters(page).getByRole("link", { name: /Provider: OpenAI/ })).toBeVisible();
    await expect(activeFilters(page).getByRole("link", { name: /Code: M1/ })).toBeVisible();
    await expect(wires(page)).toHaveCount(everyM1);
    await expect(wires(page).getByRole("link", { name: DALLE_API.headline })).toBeVisible();

    await activeFilters(page).getByRole("link", { name: /Provider: OpenAI/ }).click();
    await expect(page).toHaveURL("/archive?code=M1");
    await expect(activeFilters(page).getByRole("link", { name: /Code: M1/ })).toBeVisible();
    await expect(activeFilters(page).getByRole("link", { name: /Provider/ })).toHaveCount(0);

    await page.goto("/archive?provider=openai&code=M1");
    await activeFilters(page).getByRole("link", { name: "Clear all" }).click();
    await expect(page).toHaveURL("/archive");
  });

  test("an unknown provider says the archive has no such provider", async ({ page }) => {
    await page.goto("/archive?provider=nobody");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("The archive has no provider “nobody”");
    await expect(wires(page)).toHaveCount(0);
  });
});
