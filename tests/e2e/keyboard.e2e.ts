import { expect, test } from "@playwright/test";
import { DALLE_API } from "./support/site";

test.describe("Keyboard", () => {
  for (const path of ["/", DALLE_API.path, "/archive"]) {
    test(`on ${path}, the first Tab reaches a visible "Skip to content" link that moves to the main content`, async ({ page }) => {
      await page.goto(path);
      await page.keyboard.press("Tab");
      const skip = page.getByRole("link", { name: "Skip to content" });
      await expect(skip).toBeFocused();
      await expect(skip).toBeVisible();
      await expect(skip).toBeInViewport();
      const box = await skip.boundingBox();
      expect(box && box.width > 20 && box.height > 10, `skip link box ${JSON.stringify(box)}`).toBe(true);

      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(new RegExp(`${path.replace(/[?]/g, "\\?")}#main$`));
      await expect(page.getByRole("main")).toBeInViewport();
    });
  }
});
