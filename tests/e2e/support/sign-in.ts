import { expect, type Page } from "@playwright/test";
import type { E2eAccount } from "./editors";

/** Signs in through the sign-in page, as a person would, and waits for the page it leads to. */
export async function signInAs(page: Page, account: Pick<E2eAccount, "email" | "password">, next = "/editor"): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(next);
}
