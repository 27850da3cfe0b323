import { expect, test } from "@playwright/test";
import { DALLE_API } from "./support/site";

test.describe("Providers", () => {
  test("/providers/openai describes the provider and lists its wires", async ({ page }) => {
    await page.goto("/providers/openai");
    await expect(page).toHaveTitle("OpenAI: AI incidents · AI Incident Wire");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("OpenAI");
    await expect(page.getByRole("main")).toContainText("Also known as");
    await expect(page.getByRole("main")).toContainText("Open AI, OpenAI LP");
    await expect(page.getByRole("article").getByRole("link", { name: DALLE_API.headline })).toBeVisible();
    await page.getByRole("link", { name: "filter the archive by OpenAI" }).click();
    await expect(page).toHaveURL("/archive?provider=openai");
  });

  for (const alias of ["/providers/open-ai", "/providers/Open%20AI", "/providers/OpenAI"]) {
    test(`${alias} (another spelling) redirects to /providers/openai`, async ({ page, request }) => {
      const response = await request.get(alias, { maxRedirects: 0 });
      expect(response.status()).toBe(308);
      expect(new URL(response.headers()["location"] ?? "", "http://localhost").pathname).toBe("/providers/openai");
      await page.goto(alias);
      await expect(page).toHaveURL("/providers/openai");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("OpenAI");
    });
  }

  test("an unknown provider page is a 404", async ({ page }) => {
    const response = await page.goto("/providers/nobody");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Nothing at this address" })).toBeVisible();
  });
});

test.describe("Codes", () => {
  test("/codes/M1 defines the code and lists its wires", async ({ page }) => {
    await page.goto("/codes/M1");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("M1 Broadened access");
    await expect(page.getByRole("article").getByRole("link", { name: DALLE_API.headline })).toBeVisible();
    await page.getByRole("link", { name: "filter the archive by M1" }).click();
    await expect(page).toHaveURL("/archive?code=M1");
  });

  test("/codes/m1 redirects to /codes/M1", async ({ page, request }) => {
    const response = await request.get("/codes/m1", { maxRedirects: 0 });
    expect(response.status()).toBe(308);
    await page.goto("/codes/m1");
    await expect(page).toHaveURL("/codes/M1");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("M1 Broadened access");
  });
});

test.describe("Guides", () => {
  test("/guides lists the guides, the Editor's Guide among them", async ({ page }) => {
    await page.goto("/guides");
    await expect(page).toHaveTitle("Guides · AI Incident Wire");
    await expect(page.getByRole("heading", { level: 1, name: "Guides" })).toBeVisible();
    await page.getByRole("main").getByRole("link", { name: "Editor's Guide" }).click();
    await expect(page).toHaveURL("/guides/editors-guide");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Editor's Guide");
  });

  test("the Editor's Guide has its rubric sections and the generated list of codes", async ({ page }) => {
    await page.goto("/guides/editors-guide");
    const guide = page.getByRole("article", { name: "Editor's Guide" });
    for (const name of ["Severity rubric", "Sourcing standards", "Code taxonomy", 'The counterfactual "but-for" test']) {
      await expect(guide.getByRole("heading", { level: 2, name, exact: true })).toBeVisible();
    }
    const codes = guide.getByRole("region", { name: "The codes" });
    await expect(codes.getByRole("link", { name: "M1", exact: true })).toHaveAttribute("href", "/codes/M1");
    await expect(codes.getByRole("link", { name: "F10", exact: true })).toHaveAttribute("href", "/codes/F10");
    await expect(codes.getByText("Broadened access")).toBeVisible();
  });

  test("an unknown guide is a 404", async ({ page }) => {
    const response = await page.goto("/guides/no-such-guide");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Nothing at this address" })).toBeVisible();
  });
});
