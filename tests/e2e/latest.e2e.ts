import { expect, test } from "@playwright/test";
import { DALLE_API, NEWEST_HEADLINE, isNonIncreasing } from "./support/site";

test.describe("Latest", () => {
  test("lists the wires newest first, each with its severity, provider, sourcing, headline, summary, codes and date", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveTitle("Latest · AI Incident Wire");
    await expect(page.getByRole("heading", { level: 1, name: "Latest wires" })).toBeVisible();

    const wires = page.getByRole("main").getByRole("article");
    expect(await wires.count()).toBeGreaterThanOrEqual(10);
    await expect(wires.first().getByRole("heading", { level: 2 })).toHaveText(NEWEST_HEADLINE);
    const dates = await wires.locator("time.event-date").evaluateAll((times) => times.map((time) => time.getAttribute("datetime") ?? ""));
    expect(dates.length).toBe(await wires.count());
    expect(isNonIncreasing(dates), `dates in page order: ${dates.join(", ")}`).toBe(true);

    const wire = wires.filter({ has: page.getByRole("heading", { name: DALLE_API.headline }) });
    await expect(wire).toHaveCount(1);
    await expect(wire.getByText("SEV-3", { exact: true })).toBeVisible();
    await expect(wire.getByRole("link", { name: "OpenAI", exact: true })).toHaveAttribute("href", "/archive?provider=openai");
    await expect(wire.getByText("2 sources · standard", { exact: true })).toBeVisible();
    await expect(wire.getByRole("link", { name: DALLE_API.headline })).toHaveAttribute("href", DALLE_API.path);
    await expect(wire.getByText(DALLE_API.summary)).toBeVisible();
    await expect(wire.locator("time.event-date")).toHaveText("3 Nov 2022");
    const codes = wire.getByRole("list", { name: "Codes" });
    await expect(codes.getByRole("link", { name: /^M1\b/ })).toHaveAttribute("href", "/archive?code=M1");
    await expect(codes.getByRole("link", { name: /^F10\b/ })).toHaveAttribute("href", "/archive?code=F10");
    await expect(wire.getByText(DALLE_API.id, { exact: true })).toBeVisible();
  });

  test("the site navigation reaches the archive and the guides", async ({ page }) => {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Archive" }).click();
    await expect(page).toHaveURL("/archive");
    await expect(page.getByRole("heading", { level: 1, name: "Archive" })).toBeVisible();
    await nav.getByRole("link", { name: "Guides", exact: true }).click();
    await expect(page).toHaveURL("/guides");
    await expect(page.getByRole("heading", { level: 1, name: "Guides" })).toBeVisible();
  });
});
