import { expect, test } from "@playwright/test";
import { DALLE_API } from "./support/site";

// Every page is server-rendered HTML with plain links: a reader without JavaScript loses nothing.
test.use({ javaScriptEnabled: false });

test.describe("Without JavaScript", () => {
  test("Latest, the archive filters and a wire all work", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Latest wires" })).toBeVisible();
    const wire = page.getByRole("article").filter({ has: page.getByRole("heading", { name: DALLE_API.headline }) });
    await expect(wire.getByText("2 sources · standard")).toBeVisible();

    await wire.getByRole("link", { name: "OpenAI", exact: true }).click();
    await expect(page).toHaveURL("/archive?provider=openai");
    const filters = page.getByRole("group", { name: "Active filters" });
    await expect(filters.getByRole("link", { name: /Provider: OpenAI/ })).toBeVisible();

    // The filter panel is a plain GET form: tick a box, then Apply.
    const panel = page.getByRole("complementary", { name: "Filters" });
    await panel.getByRole("checkbox", { name: /^M1\b/ }).check();
    await panel.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL("/archive?provider=openai&code=M1");
    await expect(filters.getByRole("link", { name: /Code: M1/ })).toBeVisible();

    await filters.getByRole("link", { name: /Provider: OpenAI/ }).click();
    await expect(page).toHaveURL("/archive?code=M1");
    await filters.getByRole("link", { name: /Code: M1/ }).click();
    await expect(page).toHaveURL("/archive");
    await expect(page.getByRole("region", { name: "November 2022" })).toBeVisible();

    await page.getByRole("link", { name: DALLE_API.headline }).click();
    await expect(page).toHaveURL(DALLE_API.path);
    const article = page.getByRole("article", { name: DALLE_API.headline });
    await expect(article.getByRole("region", { name: "Sources (2)" }).getByRole("listitem")).toHaveCount(2);
    await expect(article.getByRole("region", { name: "Why this is an AI incident" })).toContainText("Launch-archive bulk classification (10 May 2026)");
    await expect(article.getByRole("region", { name: /^Related events/ })).toBeVisible();
  });

  test("a wrong-case id and an old slug redirect to the canonical address", async ({ page }) => {
    await page.goto("/wires/aiw-2022-0008/wrong-slug");
    await expect(page).toHaveURL(DALLE_API.path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(DALLE_API.headline);
  });

  for (const path of ["/no-such-page", "/wires/AIW-1999-0001", "/providers/nobody"]) {
    test(`the 404 page for ${path} is in the HTML itself`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Nothing at this address" })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
    });
  }

  test("the guides and the code and provider pages render", async ({ page }) => {
    await page.goto("/guides/editors-guide");
    await expect(page.getByRole("heading", { level: 2, name: "Severity rubric" })).toBeVisible();
    await page.getByRole("region", { name: "The codes" }).getByRole("link", { name: "M1", exact: true }).click();
    await expect(page).toHaveURL("/codes/M1");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("M1 Broadened access");
    await page.goto("/providers/open-ai");
    await expect(page).toHaveURL("/providers/openai");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("OpenAI");
  });

  test("a provider or code page whose cursor cannot be read says so and shows the newest wires", async ({ page }) => {
    for (const path of ["/providers/openai?cursor=zzz", "/codes/M1?cursor=d1_2&dir=sideways"]) {
      await page.goto(path);
      await expect(page.getByRole("alert")).toContainText("cannot read");
      await expect(page.getByRole("alert").getByRole("link", { name: "first page" })).toHaveAttribute("href", path.split("?")[0]!);
      await expect(page.locator("article").first()).toBeVisible();
    }
  });
});
