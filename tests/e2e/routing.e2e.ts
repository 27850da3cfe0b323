import { expect, test, type APIRequestContext } from "@playwright/test";
import { DALLE_API } from "./support/site";

/** The status and Location of one response, without following the redirect. */
async function redirectOf(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  const location = response.headers()["location"];
  const target = location ? new URL(location, "http://localhost") : undefined;
  return { status: response.status(), location: target && `${target.pathname}${target.search}` };
}

test.describe("Addresses", () => {
  for (const path of ["/wires/AIW-2022-0008", "/wires/aiw-2022-0008/wrong-slug", "/wires/AIW-2022-0008/wrong-slug"]) {
    test(`${path} redirects permanently to the wire's canonical address`, async ({ page, request }) => {
      expect(await redirectOf(request, path)).toEqual({ status: 308, location: DALLE_API.path });
      await page.goto(path);
      await expect(page).toHaveURL(DALLE_API.path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(DALLE_API.headline);
    });
  }

  test("an unknown wire id gives the 404 page", async ({ page }) => {
    const response = await page.goto("/wires/AIW-1999-0001");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Nothing at this address" })).toBeVisible();
    await expect(page).toHaveTitle("Not found · AI Incident Wire");
  });

  test("an unknown wire id with a slug gives the 404 page", async ({ page }) => {
    const response = await page.goto("/wires/AIW-1999-0001/some-slug");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Nothing at this address" })).toBeVisible();
  });

  test("a random path gives the 404 page, with links back into the archive", async ({ page }) => {
    const response = await page.goto(`/no-such-page-${Date.now().toString(36)}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Nothing at this address" })).toBeVisible();
    await page.getByRole("main").getByRole("link", { name: "Archive" }).click();
    await expect(page).toHaveURL("/archive");
  });
});
