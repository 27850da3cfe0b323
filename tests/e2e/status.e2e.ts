import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/a11y";
import { DALLE_API, MERGED_FIXTURE, WITHDRAWN_FIXTURE } from "./support/site";

// Withdrawn and merged wires, end to end. The two wires are fixtures (tests/e2e/fixtures/wires/) that the
// test server imports along with the shipped content; their headlines start "Fixture:".

/** The status and Location of one response, without following the redirect. */
async function redirectOf(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  const location = response.headers()["location"];
  const target = location ? new URL(location, "http://localhost") : undefined;
  return { status: response.status(), location: target && `${target.pathname}${target.search}` };
}

const listed = (page: Page) => page.getByRole("main").getByRole("article");

test.describe("A withdrawn wire", () => {
  test("keeps its address and id, and shows the tombstone with the reason instead of the text", async ({ page }) => {
    const response = await page.goto(WITHDRAWN_FIXTURE.path);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(`Withdrawn: ${WITHDRAWN_FIXTURE.headline} · AI Incident Wire`);

    const wire = page.getByRole("article", { name: WITHDRAWN_FIXTURE.headline });
    await expect(wire.getByRole("heading", { level: 1 })).toHaveText(WITHDRAWN_FIXTURE.headline);
    await expect(wire.getByText(WITHDRAWN_FIXTURE.id, { exact: true })).toBeVisible();

    const tombstone = wire.getByRole("note", { name: "This wire was withdrawn" });
    await expect(tombstone.getByRole("heading", { level: 2, name: "This wire was withdrawn" })).toBeVisible();
    await expect(tombstone.getByText(WITHDRAWN_FIXTURE.reason, { exact: true })).toBeVisible();

    // Neither the body nor the rationale is published any more, nor the source list.
    await expect(page.getByText(WITHDRAWN_FIXTURE.bodyText)).toHaveCount(0);
    await expect(page.getByText(WITHDRAWN_FIXTURE.rationaleText)).toHaveCount(0);
    await expect(wire.getByRole("region", { name: "Why this is an AI incident" })).toHaveCount(0);
    await expect(wire.getByRole("region", { name: /^Sources/ })).toHaveCount(0);
    await expect(wire.getByRole("link", { name: "source", exact: true })).toHaveCount(0);
  });

  test("its text is not in the page's HTML either", async ({ request }) => {
    const response = await request.get(WITHDRAWN_FIXTURE.path);
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).toContain("This wire was withdrawn");
    expect(html).toContain(WITHDRAWN_FIXTURE.reason);
    expect(html).not.toContain(WITHDRAWN_FIXTURE.bodyText);
    expect(html).not.toContain(WITHDRAWN_FIXTURE.rationaleText);
  });

  test("its id alone still leads to it", async ({ page, request }) => {
    expect(await redirectOf(request, `/wires/${WITHDRAWN_FIXTURE.id}`)).toEqual({ status: 308, location: WITHDRAWN_FIXTURE.path });
    await page.goto(`/wires/${WITHDRAWN_FIXTURE.id}`);
    await expect(page).toHaveURL(WITHDRAWN_FIXTURE.path);
    await expect(page.getByRole("heading", { level: 2, name: "This wire was withdrawn" })).toBeVisible();
  });

  test("is not in Latest", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Latest wires" })).toBeVisible();
    await expect(listed(page).getByRole("link", { name: DALLE_API.headline })).toBeVisible();
    await expect(page.getByRole("main").getByText(WITHDRAWN_FIXTURE.headline)).toHaveCount(0);
    await expect(page.getByRole("main").getByText(WITHDRAWN_FIXTURE.id, { exact: true })).toHaveCount(0);
  });

  test("is in the Archive, marked Withdrawn, and opens from there", async ({ page }) => {
    await page.goto("/archive");
    const month = page.getByRole("region", { name: WITHDRAWN_FIXTURE.month });
    const wire = month.getByRole("article").filter({ has: page.getByRole("heading", { name: WITHDRAWN_FIXTURE.headline }) });
    await expect(wire).toHaveCount(1);
    await expect(wire.getByText("Withdrawn", { exact: true })).toBeVisible();
    await expect(wire.getByText(WITHDRAWN_FIXTURE.id, { exact: true })).toBeVisible();
    // The published wires carry no status label.
    const dalle = listed(page).filter({ has: page.getByRole("heading", { name: DALLE_API.headline }) });
    await expect(dalle.getByText("Withdrawn", { exact: true })).toHaveCount(0);

    await wire.getByRole("link", { name: WITHDRAWN_FIXTURE.headline }).click();
    await expect(page).toHaveURL(WITHDRAWN_FIXTURE.path);
    await expect(page.getByRole("heading", { level: 2, name: "This wire was withdrawn" })).toBeVisible();
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`its page has no WCAG 2.1 A/AA violations, ${colorScheme} color scheme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(WITHDRAWN_FIXTURE.path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(WITHDRAWN_FIXTURE.headline);
      await expect(page.getByRole("heading", { level: 2, name: "This wire was withdrawn" })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
});

test.describe("A merged wire", () => {
  for (const path of [
    `/wires/${MERGED_FIXTURE.id}`,
    `/wires/${MERGED_FIXTURE.id}/any-slug`,
    `/wires/${MERGED_FIXTURE.id}/${MERGED_FIXTURE.slug}`,
    `/wires/${MERGED_FIXTURE.id.toLowerCase()}/${MERGED_FIXTURE.slug}`,
  ]) {
    test(`${path} redirects permanently to the surviving wire's canonical address`, async ({ page, request }) => {
      expect(await redirectOf(request, path)).toEqual({ status: 308, location: DALLE_API.path });
      await page.goto(path);
      await expect(page).toHaveURL(DALLE_API.path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(DALLE_API.headline);
    });
  }

  test("is not listed in Latest or the Archive", async ({ page }) => {
    for (const path of ["/", "/archive", "/archive?provider=openai&code=M1"]) {
      await page.goto(path);
      await expect(listed(page).getByRole("link", { name: DALLE_API.headline }), `the surviving wire on ${path}`).toBeVisible();
      await expect(page.getByRole("main").getByText(MERGED_FIXTURE.headline), `the merged wire on ${path}`).toHaveCount(0);
      await expect(page.getByRole("main").getByText(MERGED_FIXTURE.id, { exact: true }), `the merged wire's id on ${path}`).toHaveCount(0);
    }
    // The surviving wire is listed once, not once for itself and once for the wire merged into it.
    await page.goto("/archive");
    await expect(listed(page).filter({ has: page.getByRole("heading", { name: DALLE_API.headline }) })).toHaveCount(1);
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`the page its address lands on has no WCAG 2.1 A/AA violations, ${colorScheme} color scheme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(`/wires/${MERGED_FIXTURE.id}`);
      await expect(page).toHaveURL(DALLE_API.path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(DALLE_API.headline);
      await expectNoAxeViolations(page);
    });
  }
});

test("the surviving wire's related events list neither the withdrawn nor the merged wire", async ({ page }) => {
  await page.goto(DALLE_API.path);
  const events = page.getByRole("region", { name: /^Related events/ });
  await expect(events.getByRole("link", { name: "DALL·E introduces outpainting" })).toBeVisible();
  await expect(events.getByText(WITHDRAWN_FIXTURE.headline)).toHaveCount(0);
  await expect(events.getByText(MERGED_FIXTURE.headline)).toHaveCount(0);
});
