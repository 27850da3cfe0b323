import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { E2E_ACCOUNTS, type E2eAccount } from "./support/editors";

// An attacker's view of the editors' forms: each form is captured as the server rendered it (no
// JavaScript, so every hidden field of the Server Action is there) and posted again without a
// session, with a forged one, with a disabled editor's, with the wrong role and from another site.
// Each must be refused and change nothing; the same replay with a valid session works, which shows
// that the refusals are the checks at work and not a broken replay.

const WIRE = { id: "AIW-2023-0009", path: "/wires/AIW-2023-0009/dall-e-3-system-card" };
const FORGED = `__Host-wire-session=${"A".repeat(43)}`;

type CapturedForm = { url: string; fields: Record<string, string> };

async function signedInPage(browser: Browser, account: E2eAccount, next: string): Promise<{ page: Page; cookie: string }> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(next);
  const session = (await context.cookies()).find((cookie) => cookie.name === "__Host-wire-session");
  expect(session).toBeDefined();
  return { page, cookie: `${session!.name}=${session!.value}` };
}

/** The form that `button` submits, with its fields as the browser would send them. */
async function capture(page: Page, button: string, overrides: Record<string, string> = {}): Promise<CapturedForm> {
  const entries = await page.evaluate((name) => {
    const submitter = Array.from(document.querySelectorAll("button")).find((candidate) => candidate.textContent?.trim() === name);
    if (!submitter?.form) throw new Error(`no form with a button "${name}"`);
    const data = new FormData(submitter.form, submitter);
    return Array.from(data.entries()).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  }, button);
  return { url: new URL(page.url()).pathname + new URL(page.url()).search, fields: { ...Object.fromEntries(entries), ...overrides } };
}

async function replay(request: APIRequestContext, form: CapturedForm, headers: Record<string, string>): Promise<void> {
  const response = await request.post(form.url, { multipart: form.fields, headers, maxRedirects: 0 });
  // Whatever the refusal looks like, it never shows a reader the server's internals.
  expect(await response.text()).not.toMatch(/\bat [\w.<>]+ \(.+:\d+:\d+\)/);
}

async function rationaleVersion(page: Page): Promise<string> {
  await page.goto(WIRE.path);
  const rationale = page.getByRole("region", { name: "Why this is an AI incident" });
  return (await rationale.locator("dt", { hasText: "Version" }).locator("xpath=following-sibling::dd[1]").textContent()) ?? "";
}

test("editors' forms replayed without a valid session, with the wrong role or from another site change nothing", async ({ browser, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL!).origin;
  const request = await playwright.request.newContext({ baseURL });
  const { page: editor, cookie } = await signedInPage(browser, E2E_ACCOUNTS.guard, `/wires/${WIRE.id}/amend`);
  const { page: lapsedPage, cookie: lapsedCookie } = await signedInPage(browser, E2E_ACCOUNTS.lapsed, "/editor");
  const { page: admin, cookie: adminCookie } = await signedInPage(browser, E2E_ACCOUNTS.warden, "/editor/editors");

  // The forms, as the server rendered them for their rightful users.
  await editor.getByLabel("Rationale (Markdown)").fill("A replayed amendment that must never be saved.");
  await editor.getByLabel(/Reason for this change/).fill("Replayed by a stranger");
  const amend = await capture(editor, "Save amendment");
  const create = await capture(admin, "Create account", { email: "intruder@example.test", displayName: "Intruder", role: "ADMIN", password: "an intruder's long passphrase" });
  const signOutEverywhere = await capture(editor, "Sign out everywhere");

  // A version 2 to restore from, saved the proper way.
  const saved = await editor.request.post(`/api/v1/wires/${WIRE.id}/rationale`, {
    headers: { origin },
    data: { baseVersion: 1, text: "The system card is a provider's own account of the model's risks.", test: "Counterfactual but-for test", reason: "Version to restore over" },
  });
  expect(saved.status()).toBe(200);
  await editor.goto(`/wires/${WIRE.id}/history`);
  const restore = await capture(editor, "Restore version 1", { reason: "Replayed restore" });

  // An admin disables the lapsed editor; the session cookie they still hold must stop working.
  await admin.goto("/editor/editors");
  await admin.getByRole("button", { name: `Disable ${E2E_ACCOUNTS.lapsed.email}` }).click();
  await expect(admin.getByText(`${E2E_ACCOUNTS.lapsed.email} is disabled; its sessions have ended.`)).toBeVisible();
  await lapsedPage.close();

  const attacks: [string, Record<string, string>][] = [
    ["no session", { origin }],
    ["a forged session", { origin, cookie: FORGED }],
    ["a disabled editor's session", { origin, cookie: lapsedCookie }],
    ["another site, with a valid session", { origin: "https://evil.example", cookie }],
    ["another site without an Origin header", { "sec-fetch-site": "cross-site", cookie }],
  ];
  const adminAttacks: [string, Record<string, string>][] = [...attacks.map(([name, headers]): [string, Record<string, string>] => [name, headers.cookie === cookie ? { ...headers, cookie: adminCookie } : headers]), ["an editor who is not an admin", { origin, cookie }]];

  for (const [name, headers] of attacks) {
    await replay(request, amend, headers);
    await replay(request, restore, headers);
    expect(await rationaleVersion(editor), `amend/restore with ${name}`).toBe("2");
  }
  for (const [name, headers] of adminAttacks) {
    await replay(request, create, headers);
    await admin.goto("/editor/editors");
    await expect(admin.getByText("intruder@example.test"), `create with ${name}`).toHaveCount(0);
  }
  for (const [name, headers] of attacks) {
    await replay(request, signOutEverywhere, headers);
    await editor.goto("/editor");
    await expect(editor, `sign out everywhere with ${name}`).toHaveURL("/editor");
  }

  // Control: the very same replay with the editor's own session and origin is accepted.
  // (The amendment form was rendered at version 1 and the restore form at version 2: each names the
  // version it now starts from, or the version check would refuse it as a conflict.)
  await replay(request, { ...amend, fields: { ...amend.fields, baseVersion: "2" } }, { origin, cookie });
  expect(await rationaleVersion(editor)).toBe("3");
  await replay(request, { ...restore, fields: { ...restore.fields, baseVersion: "3" } }, { origin, cookie });
  await editor.goto(`/wires/${WIRE.id}/history`);
  await expect(editor.getByText("Replayed restore")).toBeVisible();
  await request.dispose();
});

test("the JSON amendment route refuses the same callers and leaves the rationale alone", async ({ browser, playwright, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const request = await playwright.request.newContext({ baseURL });
  const { cookie } = await signedInPage(browser, E2E_ACCOUNTS.guard, "/editor");
  const body = { baseVersion: 1, text: "Must not be saved.", test: "Counterfactual but-for test", reason: "Refused caller" };
  const cases: [string, Record<string, string>, number][] = [
    ["no session", { origin }, 401],
    ["a forged session", { origin, cookie: FORGED }, 401],
    ["another site", { origin: "https://evil.example", cookie }, 403],
    ["another site without an Origin header", { "sec-fetch-site": "cross-site", cookie }, 403],
  ];
  for (const [name, headers, status] of cases) {
    const response = await request.post("/api/v1/wires/AIW-2022-0004/rationale", { headers, data: body });
    expect(response.status(), name).toBe(status);
    expect(await response.text(), name).not.toMatch(/at .+\.(js|ts):\d+/);
  }
  const page = await browser.newPage();
  await page.goto("/wires/AIW-2022-0004/history");
  await expect(page.getByText("Refused caller")).toHaveCount(0);
  await request.dispose();
});
