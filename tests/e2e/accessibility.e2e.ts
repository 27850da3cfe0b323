import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/a11y";
import { DALLE_API } from "./support/site";

/** Every kind of page a reader can reach, with the heading that shows it has rendered. */
const PAGES = [
  { name: "Latest", path: "/", heading: "Latest wires" },
  { name: "Archive", path: "/archive", heading: "Archive" },
  { name: "Archive by provider", path: "/archive?provider=openai", heading: "Archive" },
  { name: "Archive by provider and code", path: "/archive?provider=openai&code=M1", heading: "Archive" },
  { name: "Archive, unknown provider", path: "/archive?provider=nobody", heading: "Archive" },
  { name: "Wire", path: DALLE_API.path, heading: DALLE_API.headline },
  { name: "Provider", path: "/providers/openai", heading: "OpenAI" },
  { name: "Code", path: "/codes/M1", heading: "M1 Broadened access" },
  { name: "Guides", path: "/guides", heading: "Guides" },
  { name: "Editor's Guide", path: "/guides/editors-guide", heading: "Editor's Guide" },
  { name: "Topic guide", path: "/guides/access-and-api-launches", heading: "Access expansions and API launches" },
  { name: "Not found", path: "/no-such-page", heading: "Nothing at this address" },
  { name: "Wire not found", path: "/wires/AIW-1999-0001", heading: "Nothing at this address" },
];

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`axe-core, ${colorScheme} color scheme`, () => {
    for (const { name, path, heading } of PAGES) {
      test(`${name} (${path}) has no WCAG 2.1 A/AA violations`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
        expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(colorScheme === "dark");
        await expectNoAxeViolations(page);
      });
    }
  });
}

test.describe("360 px wide", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const { name, path, heading } of PAGES) {
    test(`${name} (${path}) fits without horizontal scrolling`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await expectNoHorizontalScroll(page);
    });
  }

  for (const colorScheme of ["light", "dark"] as const) {
    for (const { name, path } of PAGES.filter((p) => p.name === "Latest" || p.name === "Wire" || p.name === "Archive")) {
      test(`${name} (${path}) has no axe violations at 360 px, ${colorScheme}`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.goto(path);
        await expectNoAxeViolations(page);
      });
    }
  }
});
