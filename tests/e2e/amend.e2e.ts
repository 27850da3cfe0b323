import { expect, test, type Page } from "@playwright/test";
import { XSS_PAYLOADS } from "../helpers/xss-payloads";
import { expectNoAxeViolations } from "./support/a11y";
import { E2E_ACCOUNTS } from "./support/editors";
import { signInAs } from "./support/sign-in";

// Editors amend a wire's rationale: preview, save, conflict, and text that must stay inert.
// Each test amends a wire of its own, so that tests running in parallel never meet.

const rationaleOf = (page: Page) => page.getByRole("region", { name: "Why this is an AI incident" });
const textField = (page: Page) => page.getByLabel("Rationale (Markdown)");
const reasonField = (page: Page) => page.getByLabel(/Reason for this change/);

test.describe("Amending a rationale", () => {
  test("with a live preview, then readers see it on the wire page and in the history", async ({ page }) => {
    const wire = { id: "AIW-2022-0005", path: "/wires/AIW-2022-0005/dall-e-2-diversity-technique" };
    await page.goto(wire.path);
    await expect(page.getByRole("link", { name: "Amend rationale" })).toHaveCount(0);

    await signInAs(page, E2E_ACCOUNTS.amender, wire.path);
    await page.getByRole("link", { name: "Amend rationale" }).click();
    await expect(page).toHaveURL(`/wires/${wire.id}/amend`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Amend rationale");
    await expect(page.getByText("You are amending version 1")).toBeVisible();
    const original = await textField(page).inputValue();
    expect(original.length).toBeGreaterThan(50);

    const preview = page.getByRole("region", { name: "Preview, as readers will see it" });
    await textField(page).fill("The change **altered what users saw** when a prompt named no group.\n\n- one\n- two");
    await expect(preview.locator("strong")).toHaveText("altered what users saw");
    await expect(preview.getByRole("listitem")).toHaveText(["one", "two"]);
    await expect(page.getByText(/characters \(\d+ now\)/)).toContainText("(80 now)");
    await expectNoAxeViolations(page);

    // A reason of spaces alone is no reason: the form says so at the field and keeps the text.
    await reasonField(page).fill("      ");
    await page.getByRole("button", { name: "Save amendment" }).click();
    await expect(page.getByText("Some fields need attention; nothing was saved.")).toBeVisible();
    await expect(reasonField(page)).toHaveAttribute("aria-invalid", "true");
    await expect(reasonField(page)).toHaveAccessibleDescription(/The reason must be at least 5 characters/);
    await expect(textField(page)).toHaveValue(/altered what users saw/);

    await reasonField(page).fill("Says what users saw, not only what changed");
    await page.getByRole("button", { name: "Save amendment" }).click();
    await expect(page).toHaveURL(`${wire.path}?amended=2#rationale`);
    await expect(page.getByRole("status").filter({ hasText: "Saved: the rationale is now version 2." })).toBeVisible();
    const rationale = rationaleOf(page);
    await expect(rationale.locator("strong")).toHaveText("altered what users saw");
    await expect(rationale.getByText(/^Amended by an editor \(/)).toBeVisible();
    await expect(rationale.getByRole("link", { name: "History (2 versions)" })).toBeVisible();

    // A reader, signed out, sees the same text at once.
    const reader = await page.context().browser()!.newPage();
    await reader.goto(wire.path);
    await expect(rationaleOf(reader).locator("strong")).toHaveText("altered what users saw");
    // Latest marks the wire's card as amended.
    await reader.goto("/");
    const card = reader.getByRole("article", { name: /adjusts images of people/ });
    await expect(card).toContainText(/Rationale amended \d{1,2} \w{3} \d{4} \(version 2\)/);
    await reader.goto(`/wires/${wire.id}/history`);
    await expect(reader.getByText("Says what users saw, not only what changed")).toBeVisible();
    await expect(reader.getByText("Amy Amender").first()).toBeVisible();
    await reader.close();

    // The dashboard lists it among the editor's own amendments.
    await page.goto("/editor");
    const mine = page.getByRole("region", { name: "Your amendments" });
    await expect(mine.getByRole("link", { name: /diversity/i }).first()).toBeVisible();
    await expect(mine.getByText("Reason: Says what users saw, not only what changed")).toBeVisible();
  });

  test("the Preview button works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/sign-in?next=/wires/AIW-2022-0001/amend");
    await page.getByLabel("Email").fill(E2E_ACCOUNTS.amender.email);
    await page.getByLabel("Password").fill(E2E_ACCOUNTS.amender.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL("/wires/AIW-2022-0001/amend");
    await textField(page).fill("Plain *emphasis* from a browser without scripts");
    await reasonField(page).fill("Checking the preview without scripts");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("region", { name: "Preview, as readers will see it" }).locator("em")).toHaveText("emphasis");
    // Everything typed is still there, and nothing was saved.
    await expect(textField(page)).toHaveValue("Plain *emphasis* from a browser without scripts");
    await expect(reasonField(page)).toHaveValue("Checking the preview without scripts");
    await expect(page.getByText("You are amending version 1")).toBeVisible();
    await context.close();
  });

  test("two editors at once: the second gets the conflict screen, keeps their text, merges and saves", async ({ browser }) => {
    const wire = { id: "AIW-2022-0006", amend: "/wires/AIW-2022-0006/amend" };
    const first = await (await browser.newContext()).newPage();
    const second = await (await browser.newContext()).newPage();
    await signInAs(first, E2E_ACCOUNTS.amender, wire.amend);
    await signInAs(second, E2E_ACCOUNTS.rival, wire.amend);
    await expect(first.getByText("You are amending version 1")).toBeVisible();
    await expect(second.getByText("You are amending version 1")).toBeVisible();

    await second.getByLabel("Rationale (Markdown)").fill("Rival's version: the beta widened access to a million waitlisted users.");
    await second.getByLabel(/Reason for this change/).fill("Rival tightens the wording");
    await second.getByRole("button", { name: "Save amendment" }).click();
    await expect(second).toHaveURL(/\?amended=2#rationale$/);

    const mine = "Amy's version: the beta opened paid credits to a million people.";
    await textField(first).fill(mine);
    await reasonField(first).fill("Amy clarifies the capability");
    await first.getByRole("button", { name: "Save amendment" }).click();
    const conflict = first.getByRole("region", { name: "Someone else saved this rationale first" });
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText("Version 2 was saved by Rory Rival");
    await expect(conflict).toContainText("Rival tightens the wording");
    await expect(conflict.getByText("Rival's version: the beta widened access to a million waitlisted users.")).toBeVisible();
    const diff = conflict.getByRole("group", { name: "Changes from the current version to your text" });
    await expect(diff.locator("ins").first()).toBeVisible();
    await expect(diff.locator("del").first()).toBeVisible();
    // Nothing typed is lost.
    await expect(textField(first)).toHaveValue(mine);
    await expect(reasonField(first)).toHaveValue("Amy clarifies the capability");
    await expectNoAxeViolations(first);

    await textField(first).fill(`${mine} Rival’s point stands: access widened to a million users.`);
    await first.getByRole("button", { name: "Save over version 2" }).click();
    await expect(first).toHaveURL(/\?amended=3#rationale$/);
    await expect(rationaleOf(first)).toContainText("Rival’s point stands");

    await first.goto(`/wires/${wire.id}/history`);
    await expect(first.getByText("Rival tightens the wording")).toBeVisible();
    await expect(first.getByText("Amy clarifies the capability")).toBeVisible();
    await first.context().close();
    await second.context().close();
  });

  test(`${XSS_PAYLOADS.length} script-injection attempts in rationale and reason stay inert in the browser`, async ({ page }) => {
    const wire = { id: "AIW-2022-0002", path: "/wires/AIW-2022-0002/dall-e-2-research-preview-widens" };
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signInAs(page, E2E_ACCOUNTS.prober, `/wires/${wire.id}/amend`);
    const origin = new URL(page.url()).origin;
    // The preview renders each attempt through the readers' pipeline as it is typed.
    for (const [, markdown] of XSS_PAYLOADS.slice(0, 8)) {
      await textField(page).fill(`${markdown}\n\nPreview probe`);
      await expect(page.getByRole("region", { name: "Preview, as readers will see it" })).toContainText("Preview probe");
    }
    let version = 1;
    for (const [name, markdown] of XSS_PAYLOADS) {
      const response = await page.request.post(`/api/v1/wires/${wire.id}/rationale`, {
        headers: { origin },
        data: { baseVersion: version, text: `${markdown}\n\nProbe: ${name}`, test: "Counterfactual but-for test", reason: `Probe ${name}: ${markdown}` },
      });
      expect(response.status(), name).toBe(200);
      version = ((await response.json()) as { version: number }).version;
    }
    await page.goto(wire.path);
    await expect(rationaleOf(page)).toContainText(`Probe: ${XSS_PAYLOADS.at(-1)![0]}`);
    await page.goto(`/wires/${wire.id}/history`);
    // The newest reasons come first; the history pages back to the oldest.
    await expect(page.getByText(`Probe ${XSS_PAYLOADS.at(-1)![0]}:`, { exact: false })).toBeVisible();
    for (const path of [wire.path, `/wires/${wire.id}/history`, `/wires/${wire.id}/history?from=2&to=${version}`, "/editor"]) {
      await page.goto(path);
      await page.mouse.move(300, 300);
      const injected = await page.evaluate(() => {
        const main = document.querySelector("main");
        if (!main) return ["no main element"];
        const found: string[] = [];
        for (const element of Array.from(main.querySelectorAll("*"))) {
          const tag = element.tagName.toLowerCase();
          // The wire page's structured data is the one script allowed in main: data, never run.
          // It must carry nothing but its type and parse as JSON, payloads and all.
          if (tag === "script" && element.getAttribute("type") === "application/ld+json" && element.attributes.length === 1) {
            try {
              JSON.parse(element.textContent ?? "");
            } catch {
              found.push("script[type=application/ld+json] that is not JSON");
            }
            continue;
          }
          if (["script", "iframe", "object", "embed", "style", "svg", "math", "form", "meta", "base"].includes(tag) && !element.closest("form[action], [data-allowed]")) found.push(tag);
          for (const attribute of Array.from(element.attributes)) {
            if (/^on/i.test(attribute.name)) found.push(`${tag}[${attribute.name}]`);
            if (/^\s*(javascript|vbscript|data):/i.test(attribute.value) && ["href", "src", "action", "formaction", "data"].includes(attribute.name)) found.push(`${tag}[${attribute.name}=${attribute.value}]`);
          }
        }
        return found;
      });
      expect(injected, path).toEqual([]);
    }
    expect(dialogs).toEqual([]);
  });
});
