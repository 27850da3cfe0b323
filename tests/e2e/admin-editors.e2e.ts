import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/a11y";
import { E2E_ACCOUNTS } from "./support/editors";
import { signInAs } from "./support/sign-in";

// Admins manage editor accounts at /editor/editors: create, disable, enable, set a password.

const PAGE = "/editor/editors";
const FAILED = /^Email or password is wrong, or sign-in is paused/;

/** An account made by the test itself, with an address no other run of it uses. */
function newAccount(label: string) {
  const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { email: `${label}-${unique}@example.test`, displayName: `New ${label} ${unique}`, password: `fresh passphrase for ${unique}` };
}

async function createAccount(page: Page, account: { email: string; displayName: string; password: string }): Promise<void> {
  const form = page.getByRole("region", { name: "New account" });
  await form.getByLabel("Email").fill(account.email);
  await form.getByLabel("Display name").fill(account.displayName);
  await form.getByLabel("Initial password").fill(account.password);
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByRole("status")).toHaveText(`Created editor ${account.displayName} (${account.email}). They can sign in now.`);
}

async function inNewBrowser<T>(browser: Browser, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

function accountItem(page: Page, email: string) {
  return page.getByRole("region", { name: /^Accounts/ }).getByRole("listitem").filter({ hasText: email });
}

test.describe("Managing editors", () => {
  test("signed out, the page asks for a sign-in; an editor who is not an admin is turned away", async ({ page }) => {
    await page.goto(PAGE);
    await expect(page).toHaveURL(`/sign-in?next=${PAGE}`);
    await signInAs(page, E2E_ACCOUNTS.editor, PAGE);
    await expect(page.getByText("Only administrators can manage editors.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Create account" })).toHaveCount(0);
  });

  test("an admin creates an editor, who can then sign in", async ({ page, browser }) => {
    await signInAs(page, E2E_ACCOUNTS.chief, PAGE);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Manage editors");
    await expect(page.getByRole("navigation", { name: "Editor" }).getByRole("link", { name: "Manage editors" })).toBeVisible();
    await expectNoAxeViolations(page);

    const account = newAccount("editor");
    await createAccount(page, account);
    await expect(accountItem(page, account.email)).toContainText("Editor · Enabled");

    await inNewBrowser(browser, async (other) => {
      await signInAs(other, account, "/archive");
      await expect(other.getByRole("banner").getByText(`Signed in as ${account.displayName}`)).toBeVisible();
    });
  });

  test("a weak password or a taken email is refused, with the rest of the form kept", async ({ page }) => {
    await signInAs(page, E2E_ACCOUNTS.chief, PAGE);
    const form = page.getByRole("region", { name: "New account" });
    const account = newAccount("weak");
    await form.getByLabel("Email").fill(account.email);
    await form.getByLabel("Display name").fill(account.displayName);
    await form.getByLabel("Initial password").fill("qwerty123456");
    await form.getByRole("button", { name: "Create account" }).click();
    await expect(form.getByRole("status")).toHaveText("Some fields need attention; no account was created.");
    await expect(form.getByLabel("Initial password")).toHaveAccessibleDescription(/commonly used passwords/);
    await expect(form.getByLabel("Email")).toHaveValue(account.email);
    await expect(form.getByLabel("Display name")).toHaveValue(account.displayName);

    await form.getByLabel("Email").fill(E2E_ACCOUNTS.editor.email.toUpperCase());
    await form.getByLabel("Initial password").fill(account.password);
    await form.getByRole("button", { name: "Create account" }).click();
    await expect(form.getByLabel("Email")).toHaveAccessibleDescription(`An editor with the email ${E2E_ACCOUNTS.editor.email} already exists.`);
    await expect(accountItem(page, account.email)).toHaveCount(0);
  });

  test("disabling an editor ends their session at once and stops them signing in; enabling lets them back", async ({ page, browser }) => {
    await signInAs(page, E2E_ACCOUNTS.chief, PAGE);
    const account = newAccount("disabled");
    await createAccount(page, account);

    const context = await browser.newContext();
    try {
      const theirs = await context.newPage();
      await signInAs(theirs, account, "/archive");

      const item = accountItem(page, account.email);
      await item.getByRole("button", { name: `Disable ${account.email}` }).click();
      await expect(item.getByRole("status").first()).toHaveText(`${account.email} is disabled; its sessions have ended.`);
      await expect(item).toContainText("Disabled since");

      await theirs.reload();
      await expect(theirs.getByRole("banner").getByText("Signed in as")).toHaveCount(0);
      await theirs.goto("/sign-in");
      await theirs.getByLabel("Email").fill(account.email);
      await theirs.getByLabel("Password").fill(account.password);
      await theirs.getByRole("button", { name: "Sign in" }).click();
      await expect(theirs.getByRole("status")).toHaveText(FAILED);

      await item.getByRole("button", { name: `Enable ${account.email}` }).click();
      await expect(item).toContainText("Enabled");
      await signInAs(theirs, account, "/archive");
    } finally {
      await context.close();
    }
  });

  test("setting a new password ends the editor's sessions; the new password works, the old one does not", async ({ page, browser }) => {
    await signInAs(page, E2E_ACCOUNTS.chief, PAGE);
    const account = newAccount("reset");
    await createAccount(page, account);
    const context = await browser.newContext();
    try {
      const theirs = await context.newPage();
      await signInAs(theirs, account, "/archive");

      const item = accountItem(page, account.email);
      const newPassword = `${account.password} and then some`;
      await item.getByLabel(`New password for ${account.email}`).fill("too short");
      await item.getByRole("button", { name: "Set password" }).click();
      await expect(item.getByLabel(`New password for ${account.email}`)).toHaveAccessibleDescription("The password must be at least 12 characters long.");
      await item.getByLabel(`New password for ${account.email}`).fill(newPassword);
      await item.getByRole("button", { name: "Set password" }).click();
      await expect(item.getByText(`New password set for ${account.email}; 1 session ended.`)).toBeVisible();

      await theirs.reload();
      await expect(theirs.getByRole("banner").getByText("Signed in as")).toHaveCount(0);
      await signInAs(theirs, { email: account.email, password: newPassword }, "/archive");
    } finally {
      await context.close();
    }
  });

  test("an admin cannot disable their own account", async ({ page }) => {
    await signInAs(page, E2E_ACCOUNTS.chief, PAGE);
    const item = accountItem(page, E2E_ACCOUNTS.chief.email);
    await expect(item).toContainText("(you)");
    await item.getByRole("button", { name: `Disable ${E2E_ACCOUNTS.chief.email}` }).click();
    await expect(item.getByText("You cannot disable your own account; ask another administrator.")).toBeVisible();
    await expect(item).toContainText("Admin · Enabled");
  });
});
