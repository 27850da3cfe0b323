import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/a11y";
import { E2E_ACCOUNTS } from "./support/editors";
import { signInAs } from "./support/sign-in";
import { DALLE_API, MERGED_FIXTURE, WITHDRAWN_FIXTURE } from "./support/site";

// The public history of a wire's rationale. The test server starts from the shipped content, where
// every rationale is at version 1, as the launch-archive classification run wrote it.

const HISTORY = `/wires/${DALLE_API.id}/history`;

const versionsList = (page: Page) => page.getByRole("region", { name: /^All versions/ });
const version = (page: Page, n: number) => versionsList(page).getByRole("article", { name: new RegExp(`^Version ${n}\\b`) });

test.describe("Rationale history", () => {
  test("the wire page links to its rationale's history", async ({ page }) => {
    await page.goto(DALLE_API.path);
    const rationale = page.getByRole("region", { name: "Why this is an AI incident" });
    await rationale.getByRole("link", { name: "History (1 version)" }).click();
    await expect(page).toHaveURL(HISTORY);
    await expect(page).toHaveTitle(`Rationale history: ${DALLE_API.headline} · AI Incident Wire`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rationale history");
    await page.getByRole("link", { name: "← Back to the wire" }).click();
    await expect(page).toHaveURL(DALLE_API.path);
  });

  test("lists the imported first version: when, from which run, why, and its text", async ({ page }) => {
    const response = await page.goto(HISTORY);
    expect(response?.status()).toBe(200);
    await expect(versionsList(page).getByRole("heading", { level: 2 })).toHaveText("All versions (1)");
    const first = version(page, 1);
    await expect(first.getByRole("heading", { level: 3 })).toHaveText(/^Version 1 · imported\s*Current$/);
    await expect(first.getByText("from Launch-archive bulk classification")).toBeVisible();
    await expect(first.locator("time")).toHaveAttribute("datetime", "2026-05-10T09:08:00.000Z");
    await expect(first.getByText(/^Reason: Imported from .*AIW-2022-0008\.md$/)).toBeVisible();
    await expect(first.getByText("Text of the first version")).toBeVisible();
    await expect(first.getByText(/would not exist but for the model/)).toBeVisible();
    await expect(first.getByText(/^Test applied: Counterfactual "but-for" test/)).toBeVisible();
    // Readers see no editing controls.
    await expect(page.getByRole("button", { name: /Restore/ })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test("an id typed in lower case lands on the canonical address, keeping the comparison asked for", async ({ page }) => {
    await page.goto(`/wires/${DALLE_API.id.toLowerCase()}/history?from=1&to=2`);
    await expect(page).toHaveURL(`${HISTORY}?from=1&to=2`);
  });

  test("a comparison that cannot be made says why, on the page", async ({ page }) => {
    const response = await page.goto(`${HISTORY}?from=abc&to=9`);
    expect(response?.status()).toBe(200);
    const compare = page.getByRole("region", { name: "Compare two versions" });
    await expect(compare.getByText("“abc” is not a version number: choose the version to compare from.")).toBeVisible();
    await expect(compare.getByText("There is no version 9: this rationale has only version 1.")).toBeVisible();
    // Each message is tied to its field.
    await expect(compare.getByLabel("From", { exact: true })).toHaveAccessibleDescription("“abc” is not a version number: choose the version to compare from.");
    await expect(compare.getByLabel("To", { exact: true })).toHaveAccessibleDescription("There is no version 9: this rationale has only version 1.");

    await page.goto(`${HISTORY}?from=1&to=1`);
    await expect(page.getByText("Choose two different versions: both are version 1.")).toBeVisible();
  });

  test("a wire that does not exist has no history", async ({ page }) => {
    const response = await page.goto("/wires/AIW-1999-0001/history");
    expect(response?.status()).toBe(404);
  });

  test("a withdrawn wire keeps its record of changes but not its texts", async ({ page, request }) => {
    await page.goto(`/wires/${WITHDRAWN_FIXTURE.id}/history`);
    await expect(page.getByRole("note")).toContainText("This wire was withdrawn: its rationale’s texts are no longer published.");
    await expect(version(page, 1).getByText("from Fixture classification run")).toBeVisible();
    const html = await (await request.get(`/wires/${WITHDRAWN_FIXTURE.id}/history?from=1&to=1`)).text();
    expect(html).not.toContain(WITHDRAWN_FIXTURE.rationaleText);
  });

  test("a merged wire's history stays, pointing to the wire it was merged into", async ({ page }) => {
    await page.goto(`/wires/${MERGED_FIXTURE.id}/history`);
    const note = page.getByRole("note");
    await expect(note).toContainText("This wire was merged into");
    await note.getByRole("link", { name: DALLE_API.id }).click();
    await expect(page).toHaveURL(DALLE_API.path);
  });
});

// Amending and restoring change the wire for every test after them: these run in order, on a wire
// no other browser test reads (the pre-training mitigations wire), as the everyday editor.
const EDITED = {
  id: "AIW-2022-0003",
  path: "/wires/AIW-2022-0003/dall-e-2-pre-training-mitigations",
  history: "/wires/AIW-2022-0003/history",
  test: `Counterfactual "but-for" test per the Editor's Guide`,
};

test.describe.serial("Amending, comparing and restoring, in the open", () => {
  let editor: BrowserContext;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    editor = await browser.newContext();
    page = await editor.newPage();
    await signInAs(page, E2E_ACCOUNTS.editor);
  });
  test.afterAll(async () => {
    await editor.close();
  });

  /** Saves an amendment through the editors' form, replacing one word and adding a paragraph. */
  async function amend(on: Page, from: string, to: string, reason: string, testApplied = EDITED.test) {
    await on.goto(`/wires/${EDITED.id}/amend`);
    const text = on.getByLabel("Rationale (Markdown)");
    const current = await text.inputValue();
    expect(current).toContain(from);
    await text.fill(`${current.replace(from, to)}\n\nAn editor's added paragraph (${reason}).`);
    await on.getByLabel("Test applied").fill(testApplied);
    await on.getByLabel("Reason for this change (required, public)").fill(reason);
    await on.getByRole("button", { name: "Save amendment" }).click();
    await expect(on).toHaveURL(new RegExp(`^[^?]*${EDITED.path}\\?amended=\\d+`));
  }

  test("an amendment shows in the public history with its author, reason and a word diff", async ({ page: reader }) => {
    await amend(page, "readily produce", "easily produce", "Plainer wording", `${EDITED.test}, as amended`);

    // A reader, not signed in.
    await reader.goto(EDITED.path);
    await reader.getByRole("link", { name: "History (2 versions)" }).click();
    await expect(reader).toHaveURL(EDITED.history);
    await expect(versionsList(reader).getByRole("heading", { level: 2 })).toHaveText("All versions (2)");
    const latest = version(reader, 2);
    await expect(latest.getByRole("heading", { level: 3 })).toHaveText(/^Version 2 · amended\s*Current$/);
    await expect(latest.getByText(`by ${E2E_ACCOUNTS.editor.displayName}, editor`)).toBeVisible();
    await expect(latest.getByText("Reason: Plainer wording", { exact: true })).toBeVisible();
    await expect(latest.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);

    // Added and removed words: marked in words for screen readers, and by underline and strike-through.
    const removed = latest.locator("del", { hasText: "readily" });
    const added = latest.locator("ins", { hasText: "easily" });
    await expect(removed).toHaveText("[removed: readily]");
    await expect(added).toHaveText("[added: easily]");
    await expect(removed).toHaveCSS("text-decoration-line", "line-through");
    await expect(added).toHaveCSS("text-decoration-line", "underline");
    await expect(latest.locator("ins", { hasText: "An editor's added paragraph" })).toBeVisible();
    // The change of test is shown too.
    await expect(latest.getByText("Test applied changed:")).toBeVisible();
    await expect(latest.locator("ins", { hasText: "as amended" })).toBeVisible();
    await expect(reader.getByRole("button", { name: /Restore/ })).toHaveCount(0);
    await expectNoAxeViolations(reader);
    // The diff's colours hold their contrast in the dark theme too.
    await reader.emulateMedia({ colorScheme: "dark" });
    await expectNoAxeViolations(reader);
  });

  test("any two versions can be compared, and the comparison is an address", async ({ page: reader }) => {
    await reader.goto(EDITED.history);
    const compare = reader.getByRole("region", { name: "Compare two versions" });
    await compare.getByLabel("From", { exact: true }).selectOption("2");
    await compare.getByLabel("To", { exact: true }).selectOption("1");
    await compare.getByRole("button", { name: "Compare" }).click();
    await expect(reader).toHaveURL(`${EDITED.history}?from=2&to=1#compare`);
    const diff = compare.getByRole("group", { name: "Changes from version 2 to version 1" });
    await expect(diff.locator("del", { hasText: "easily" })).toBeVisible();
    await expect(diff.locator("ins", { hasText: "readily" })).toBeVisible();
    await expect(compare.getByLabel("From", { exact: true })).toHaveValue("2");
    await expect(compare.getByLabel("To", { exact: true })).toHaveValue("1");
  });

  test("an editor restores an older version, with a reason, as a new version", async () => {
    await page.goto(EDITED.history);
    const first = version(page, 1);
    await first.getByText("Restore this version").click();

    // Spaces alone are no reason: the server says so, next to the field, and keeps the input.
    const reason = first.getByLabel("Reason for restoring version 1 (required, public)");
    await reason.fill("      ");
    await first.getByRole("button", { name: "Restore version 1" }).click();
    await expect(reason).toHaveAccessibleDescription(/The reason must be at least 5 characters\./);
    await expect(reason).toHaveAttribute("aria-invalid", "true");

    await reason.fill("The classification run's wording was clearer.");
    await first.getByRole("button", { name: "Restore version 1" }).click();
    await expect(page).toHaveURL(`${EDITED.history}?restored=3#version-3`);
    await expect(page.getByRole("status").filter({ hasText: "Restored" })).toHaveText("Restored: version 3 is saved and is now the current rationale.");
    const restored = version(page, 3);
    await expect(restored.getByRole("heading", { level: 3 })).toHaveText(/^Version 3 · restored from version 1\s*Current$/);
    await expect(restored.getByText("Reason: The classification run's wording was clearer.")).toBeVisible();
    await expect(restored.locator("ins", { hasText: "readily" })).toBeVisible();
    // Nothing was deleted: every version is still listed.
    await expect(versionsList(page).getByRole("heading", { level: 2 })).toHaveText("All versions (3)");

    await page.goto(EDITED.path);
    const rationale = page.getByRole("region", { name: "Why this is an AI incident" });
    await expect(rationale.getByText(/readily produce/)).toBeVisible();
    await expect(rationale.getByRole("link", { name: "History (3 versions)" })).toBeVisible();
  });

  test("a restore from a page that has gone stale is refused, and says which version is current", async () => {
    await page.goto(EDITED.history);
    // Meanwhile, in another tab, the rationale is amended again.
    const other = await editor.newPage();
    await amend(other, "readily produce", "quickly produce", "Another wording");
    await other.close();

    const second = version(page, 2);
    await second.getByText("Restore this version").click();
    await second.getByLabel("Reason for restoring version 2 (required, public)").fill("Bring back the plainer wording.");
    await second.getByRole("button", { name: "Restore version 2" }).click();
    await expect(second.getByRole("status")).toContainText(`version 4 is now current (saved by ${E2E_ACCOUNTS.editor.displayName}`);
    await expect(second.getByRole("status")).toContainText("Nothing was restored.");
    await expect(second.getByLabel("Reason for restoring version 2 (required, public)")).toHaveValue("Bring back the plainer wording.");
    await page.goto(EDITED.history);
    await expect(versionsList(page).getByRole("heading", { level: 2 })).toHaveText("All versions (4)");
  });

  test("restoring works without JavaScript", async ({ browser }) => {
    const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await editor.storageState() });
    const plain = await noScript.newPage();
    await plain.goto(EDITED.history);
    const second = version(plain, 2);
    await second.getByText("Restore this version").click();
    await second.getByLabel("Reason for restoring version 2 (required, public)").fill("Back to the plainer wording, without scripts.");
    await second.getByRole("button", { name: "Restore version 2" }).click();
    await expect(plain).toHaveURL(`${EDITED.history}?restored=5#version-5`);
    await expect(version(plain, 5).getByRole("heading", { level: 3 })).toHaveText(/^Version 5 · restored from version 2\s*Current$/);
    await noScript.close();
  });
});
