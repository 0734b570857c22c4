// Steps every browser test takes the same way: waiting for what a user would see, reading the page's heading,
// logging in and out through the menu, and closing a confirmation toast.
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/** How long a user-visible state may take to appear (first loads of the bundle and lazy pages, argon2, jobs). */
export const UI_TIMEOUT = 20_000;

/** Waits until the locator is visible, then returns it (playwright-core has no `expect(locator)`). */
export async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: "visible", timeout: UI_TIMEOUT });
  return locator;
}

/** Waits until the locator matches nothing (or only hidden elements). */
export async function gone(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: "hidden", timeout: UI_TIMEOUT });
}

/**
 * The page's h1. After a navigation the previous page stays on screen until the new page's chunk has loaded, so
 * compare with `expect.poll(() => heading1(page))`, not once.
 */
export async function heading1(page: Page): Promise<string> {
  return (await (await visible(page.getByRole("heading", { level: 1 }))).textContent()) ?? "";
}

/**
 * Reads a confirmation toast ("…しました。") and closes it, as a user would: the toast sits over the top right of
 * the page (where the page's action buttons are) for 8 seconds.
 */
export async function closeFlash(page: Page, text: string): Promise<void> {
  const toast = page
    .getByRole("status")
    .filter({ has: page.getByRole("button", { name: "閉じる", exact: true }) })
    .filter({ hasText: text });
  await (await visible(toast.getByRole("button", { name: "閉じる", exact: true }))).click();
  await gone(toast);
}

export async function logOut(page: Page, displayName: string): Promise<void> {
  await page.getByRole("button", { name: `${displayName} さんのメニュー` }).click();
  await (await visible(page.getByRole("menuitem", { name: "ログアウト" }))).click();
  await page.waitForURL((url) => url.pathname === "/login");
  await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("ログイン");
  await closeFlash(page, "ログアウトしました。");
}

export async function logIn(page: Page, account: { loginId: string; password: string; displayName: string }): Promise<void> {
  await page.getByRole("textbox", { name: "ログインID", exact: true }).fill(account.loginId);
  await page.getByRole("textbox", { name: "パスワード", exact: true }).fill(account.password);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
  await visible(page.getByRole("button", { name: `${account.displayName} さんのメニュー` }));
}
