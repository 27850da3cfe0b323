import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The WCAG 2.1 A and AA rules the archive promises to meet. */
const TAGS = ["wcag2a", "wcag2aa", "wcag21aa"];

/** Runs axe-core on the page as it is and fails with a readable list: rule, impact, elements. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const report = results.violations.map((violation) => {
    const nodes = violation.nodes.map((node) => `    ${node.target.join(" ")}\n      ${node.failureSummary?.replace(/\n/g, "\n      ")}`);
    return `${violation.id} (${violation.impact}): ${violation.help}\n${nodes.join("\n")}`;
  });
  expect(report, `axe violations on ${page.url()}`).toEqual([]);
}

/** The page fits the viewport: nothing forces a horizontal scroll bar. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, viewport } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  expect(scrollWidth, `document wider than the ${viewport} px viewport on ${page.url()}`).toBeLessThanOrEqual(viewport);
}
