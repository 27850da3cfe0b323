import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/a11y";
import { E2E_ACCOUNTS } from "./support/editors";
import { signInAs } from "./support/sign-in";

// Editors sign in with an email and password; readers never need to. Accounts: support/editors.ts.

const FAILED = /^Email or password is wrong, or sign-in is paused/;
const editorBar = (page: Page) => page.getByRole("navigation", { name: "Editor" });

test.describe("Signing in", () => {
  test("from the footer link, in and out again", async ({ page }) => {
    const account = E2E_ACCOUNTS.signIn;
    await page.goto("/archive");
    await expect(page.getByRole("banner").getByText("Signed in as")).toHaveCount(0);
    await page.getByRole("contentinfo").getByRole("link", { name: "Editor sign-in" }).click();
    await expect(page).toHaveURL("/sign-in");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Editor sign-in");
    await expectNoAxeViolations(page);

    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL("/editor");
    await expect(page.getByRole("banner").getByText(`Signed in as ${account.displayName}`)).toBeVisible();
    await expect(editorBar(page).getByRole("link", { name: "Editor dashboard" })).toHaveAttribute("href", "/editor");
    await expect(page.getByRole("contentinfo").getByRole("link", { name: "Editor sign-in" })).toHaveCount(0);

    // The session cookie: script cannot read it, other sites' requests do not carry it.
    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({ name: "__Host-wire-session", httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
    expect(cookie!.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await page.evaluate(() => document.cookie)).toBe("");

    // Signed in, the sign-in page sends you on.
    await page.goto("/sign-in?next=/guides");
    await expect(page).toHaveURL("/guides");

    await editorBar(page).getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL("/sign-in?signed-out=here");
    await expect(page.getByText("You are signed out.")).toBeVisible();
    await expect(page.getByRole("banner").getByText("Signed in as")).toHaveCount(0);
    expect(await page.context().cookies()).toEqual([]);
    await page.goto("/editor");
    await expect(page).toHaveURL("/sign-in?next=/editor");
  });

  test("a wrong password gets the one generic message, and the email stays filled in", async ({ page }) => {
    const account = E2E_ACCOUNTS.signIn;
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill("not the right passphrase at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    const status = page.getByRole("status");
    await expect(status).toHaveText(FAILED);
    await expect(page).toHaveURL("/sign-in");
    await expect(page.getByLabel("Email")).toHaveValue(account.email);
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expect(page.getByLabel("Password")).toHaveAccessibleDescription(FAILED);
    await expectNoAxeViolations(page);

    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL("/editor");
  });

  test("empty fields are pointed out, without counting as a failed sign-in", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Enter your email address.");
    await expect(page.getByLabel("Password")).toHaveAccessibleDescription("Enter your password.");
  });

  test("after signing in, only a path on this site is followed", async ({ page }) => {
    const account = E2E_ACCOUNTS.signIn;
    await page.goto(`/sign-in?next=${encodeURIComponent("https://evil.example/")}`);
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL("/editor");

    await page.context().clearCookies();
    await signInAs(page, account, "/archive?q=dall-e");
  });

  test("sign out everywhere ends the session in another browser too", async ({ browser }) => {
    const account = E2E_ACCOUNTS.everywhere;
    const laptop = await browser.newContext();
    const phone = await browser.newContext();
    try {
      const onLaptop = await laptop.newPage();
      const onPhone = await phone.newPage();
      await signInAs(onLaptop, account, "/archive");
      await signInAs(onPhone, account, "/archive");
      await expect(onPhone.getByRole("banner").getByText(`Signed in as ${account.displayName}`)).toBeVisible();

      await editorBar(onLaptop).getByRole("button", { name: "Sign out everywhere" }).click();
      await expect(onLaptop).toHaveURL("/sign-in?signed-out=everywhere");
      await expect(onLaptop.getByText("You are signed out on every browser and device.")).toBeVisible();

      await onPhone.reload();
      await expect(onPhone.getByRole("banner").getByText("Signed in as")).toHaveCount(0);
      await onPhone.goto("/editor");
      await expect(onPhone).toHaveURL("/sign-in?next=/editor");
    } finally {
      await laptop.close();
      await phone.close();
    }
  });
});

test.describe("Signing in without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form works as a plain form, failures included", async ({ page }) => {
    const account = E2E_ACCOUNTS.signIn;
    await page.goto("/sign-in?next=/guides");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill("still not the right passphrase");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("status")).toHaveText(FAILED);
    await expect(page.getByLabel("Email")).toHaveValue(account.email);

    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL("/guides");
    await expect(page.getByRole("banner").getByText(`Signed in as ${account.displayName}`)).toBeVisible();
    await editorBar(page).getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page.getByText("You are signed out.")).toBeVisible();
  });
});

test.describe("Security headers", () => {
  test("pages carry a nonce-based Content-Security-Policy, and scripts run under it", async ({ page }) => {
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    const response = await page.goto("/sign-in");
    const headers = response!.headers();
    const policy = headers["content-security-policy"]!;
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    for (const directive of ["script-src 'self'", "'strict-dynamic'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'"]) {
      expect(policy).toContain(directive);
    }
    expect(headers).toMatchObject({
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
      "x-frame-options": "DENY",
      "permissions-policy": "camera=(), microphone=(), geolocation=()",
    });
    // Every script Next.js rendered carries this response's nonce, and the next page gets a new one.
    const scriptNonces = await page.locator("script").evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
    const again = await page.request.get("/sign-in");
    expect(/'nonce-([^']+)'/.exec(again.headers()["content-security-policy"]!)?.[1]).not.toBe(nonce);

    // The app's scripts ran: Next.js's client bootstrap announced itself, and the form works through it.
    await page.waitForFunction(() => typeof (window as { next?: { version?: string } }).next?.version === "string");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Enter your email address.");
    expect(errors.filter((text) => /Content Security Policy|Refused to/.test(text))).toEqual([]);
  });

  test("a page from the page cache has a nonce of its own, and its scripts run under it", async ({ page }) => {
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    // A reader without a session asks first; the next one gets that page from the cache.
    const path = "/archive?severity=1-2";
    const first = await page.request.get(path);
    expect(first.status()).toBe(200);
    const response = await page.goto(path);
    const headers = response!.headers();
    expect(headers["x-page-cache"]).toBe("hit");
    const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"]!)?.[1];
    expect(nonce).toBeTruthy();
    expect(nonce).not.toBe(/'nonce-([^']+)'/.exec(first.headers()["content-security-policy"]!)?.[1]);
    const scriptNonces = await page.locator("script").evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
    // The scripts ran: Next.js's client bootstrap announced itself, and a filter updates the results in place.
    await page.waitForFunction(() => typeof (window as { next?: { version?: string } }).next?.version === "string");
    await page.evaluate(() => ((window as { beforeFilter?: boolean }).beforeFilter = true));
    await page.getByRole("complementary", { name: "Filters" }).getByRole("checkbox").first().check();
    await expect(page).not.toHaveURL(path);
    expect(await page.evaluate(() => (window as { beforeFilter?: boolean }).beforeFilter)).toBe(true);
    // Nothing refused by the policy, and nothing missing (the site's icon included).
    expect(errors).toEqual([]);
  });

  test("a write from another site is refused before it reaches the app", async ({ request }) => {
    const account = E2E_ACCOUNTS.signIn;
    const forged = await request.post("/sign-in", {
      headers: { Origin: "https://evil.example" },
      form: { email: account.email, password: account.password, next: "/editor" },
    });
    expect(forged.status()).toBe(403);
    expect(await forged.text()).toContain("another site");
    const sameSiteTool = await request.post("/sign-in", { headers: { "Sec-Fetch-Site": "cross-site" }, form: { email: "x" } });
    expect(sameSiteTool.status()).toBe(403);
  });
});
