import { expect, test, type Locator } from "@playwright/test";
import { DALLE_API } from "./support/site";

/** The <dd> that follows the <dt> named `term` in a description list. */
const definitionOf = (scope: Locator, term: string) =>
  scope.getByRole("term").filter({ hasText: new RegExp(`^${term}$`) }).locator("xpath=following-sibling::dd[1]");

test.describe("A wire", () => {
  test("opens from the archive at its canonical address and shows its anatomy", async ({ page }) => {
    await page.goto("/archive");
    await page.getByRole("link", { name: DALLE_API.headline }).click();
    await expect(page).toHaveURL(DALLE_API.path);
    await expect(page).toHaveTitle(`${DALLE_API.headline} · AI Incident Wire`);

    const wire = page.getByRole("article", { name: DALLE_API.headline });
    await expect(wire.getByRole("heading", { level: 1 })).toHaveText(DALLE_API.headline);
    // The badge reads "SEV-3" on screen and names the severity in full for screen readers.
    await expect(wire.getByRole("link", { name: /^Severity 3 of 5/ })).toHaveText(/^SEV-3/);
    await expect(wire.getByRole("link", { name: "OpenAI", exact: true }).first()).toHaveAttribute("href", "/archive?provider=openai");
    await expect(wire.getByRole("link", { name: "2 sources · standard" })).toBeVisible();
    await expect(wire.getByText(DALLE_API.id, { exact: true })).toBeVisible();
    await expect(wire.getByText("3 November 2022", { exact: true })).toHaveAttribute("datetime", "2022-11-03");

    // The body cites its sources inline, each citation a link to one of the wire's sources.
    const citations = wire.getByRole("link", { name: "source", exact: true });
    expect(await citations.count()).toBeGreaterThanOrEqual(2);
    const cited = new Set(await citations.evaluateAll((links) => links.map((link) => link.getAttribute("href"))));
    expect([...cited].sort()).toEqual(DALLE_API.sources.map((source) => source.url).sort());

    const sources = wire.getByRole("region", { name: "Sources (2)" });
    await expect(sources.getByRole("listitem")).toHaveCount(2);
    for (const source of DALLE_API.sources) {
      await expect(sources.getByRole("link", { name: source.title, exact: true })).toHaveAttribute("href", source.url);
    }

    const rationale = wire.getByRole("region", { name: "Why this is an AI incident" });
    await expect(rationale.getByText("would not exist but for the model")).toBeVisible();
    await expect(definitionOf(rationale, "Basis")).toHaveText("Launch-archive bulk classification (10 May 2026)");
    await expect(definitionOf(rationale, "Test applied")).toContainText(/but-for/);
    await expect(definitionOf(rationale, "Version")).toHaveText("1");

    const codes = definitionOf(wire, "Codes").getByRole("list", { name: "Codes" });
    await expect(codes.getByRole("link", { name: /^M1\b/ })).toHaveAttribute("href", "/archive?code=M1");
    await expect(codes.getByRole("link", { name: /^F10\b/ })).toHaveAttribute("href", "/archive?code=F10");
    await expect(codes.getByRole("link")).toHaveCount(2);
    const providers = definitionOf(wire, "Providers").getByRole("list", { name: "Providers" });
    await expect(providers.getByRole("link")).toHaveCount(1);
    await expect(providers.getByRole("link", { name: "OpenAI" })).toHaveAttribute("href", "/archive?provider=openai");

    const events = wire.getByRole("region", { name: /^Related events/ });
    await expect(events.getByRole("link", { name: "DALL·E introduces outpainting" })).toHaveAttribute("href", "/wires/AIW-2022-0007/dall-e-outpainting");
    const guides = wire.getByRole("region", { name: /^Related guides/ });
    await expect(guides.getByRole("link", { name: "Access expansions and API launches" })).toHaveAttribute("href", "/guides/access-and-api-launches");
  });

  test("opens from Latest", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: DALLE_API.headline }).click();
    await expect(page).toHaveURL(DALLE_API.path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(DALLE_API.headline);
  });

  test("a provider link on the wire leads to the filtered archive", async ({ page }) => {
    await page.goto(DALLE_API.path);
    await page.getByRole("list", { name: "Providers" }).getByRole("link", { name: "OpenAI" }).click();
    await expect(page).toHaveURL("/archive?provider=openai");
    await expect(page.getByRole("group", { name: "Active filters" }).getByRole("link", { name: /Provider: OpenAI/ })).toBeVisible();
  });

  // The severity badge, the sourcing line and the rationale's "how it works" point into the Editor's Guide.
  for (const [link, anchor, heading] of [
    [/^Severity 3 of 5/, "severity-rubric", "Severity rubric"],
    [/^2 sources · standard$/, "sourcing-standards", "Sourcing standards"],
    [/^how it works$/, "the-counterfactual-but-for-test", 'The counterfactual "but-for" test'],
  ] as const) {
    test(`the link to the Editor's Guide #${anchor} lands on its section`, async ({ page }) => {
      await page.goto(DALLE_API.path);
      await page.getByRole("article").getByRole("link", { name: link }).click();
      await expect(page).toHaveURL(`/guides/editors-guide#${anchor}`);
      await expect(page.locator(`[id="${anchor}"]`), `an element with id="${anchor}" on the guide`).toHaveCount(1);
      await expect(page.locator(`[id="${anchor}"]`)).toHaveText(heading);
    });
  }
});
