import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/a11y";
import { E2E_ACCOUNTS } from "./support/editors";
import { signInAs } from "./support/sign-in";

// The editors' dashboard: the review queue with its filters and sort, and the lists of amendments.

test("the dashboard is for editors only", async ({ page }) => {
  await page.goto("/editor");
  await expect(page).toHaveURL("/sign-in?next=/editor");
});

test("the review queue filters by code and severity, sorts, and names a malformed filter", async ({ page }) => {
  await signInAs(page, E2E_ACCOUNTS.reviewer);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Editor dashboard");
  const queue = page.getByRole("region", { name: "Needs review" });
  const items = queue.getByRole("listitem");
  expect(await items.count()).toBeGreaterThanOrEqual(5);
  await expectNoAxeViolations(page);

  await queue.getByLabel("Code").selectOption("F10");
  await queue.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/code=F10/);
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText("AIW-2022-0008");
  await expect(items.first().getByRole("link", { name: "Amend rationale of AIW-2022-0008" })).toHaveAttribute("href", "/wires/AIW-2022-0008/amend");

  await page.goto("/editor?severity=5&sort=oldest");
  await expect(queue.getByLabel("Severity")).toHaveValue("5");
  const badges = await items.locator(".sev > [aria-hidden]").allTextContents();
  expect(badges.length).toBeGreaterThan(0);
  expect(new Set(badges)).toEqual(new Set(["SEV-5"]));
  const filed = await items.locator("time").evaluateAll((times) => times.map((time) => time.getAttribute("datetime") ?? ""));
  expect(filed).toEqual([...filed].sort());

  await page.goto("/editor?sort=severity");
  const ordered = (await items.locator(".sev > [aria-hidden]").allTextContents()).map((text) => Number(text.replace("SEV-", "")));
  expect(ordered).toEqual([...ordered].sort((a, b) => a - b));

  await page.goto("/editor?severity=9&sort=sideways");
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText("severity: severity must be 1 to 5");
  await expect(alert).toContainText("sort: sort must be one of newest, oldest, severity");
});
