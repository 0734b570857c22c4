// The first-administrator setup flow the browser tests start with: open the one-time setup link the first start
// prints, register the administrator, and wait until they are signed in (the header shows their menu).
import type { Page } from "playwright-core";
import { expect } from "vitest";

export type FirstAdmin = { loginId: string; displayName: string; password: string };

export type SetUpFirstAdminOptions = {
  /** How long each user-visible state may take to appear. */
  timeout?: number;
  /** Runs once the setup form is shown, before anything is typed (for example an accessibility check). */
  onFormShown?: (page: Page) => Promise<unknown>;
  /** Runs after the password is typed, before its confirmation (for example to read the password rules). */
  onPasswordFilled?: (page: Page) => Promise<unknown>;
};

export async function setUpFirstAdmin(
  page: Page,
  setupUrl: string,
  admin: FirstAdmin,
  options: SetUpFirstAdminOptions = {},
): Promise<void> {
  const timeout = options.timeout ?? 20_000;
  await page.goto(setupUrl);
  const heading = page.getByRole("heading", { level: 1 });
  await heading.waitFor({ state: "visible", timeout });
  expect(await heading.textContent()).toBe("初期設定（最初のシステム管理者の登録）");
  const loginId = page.getByRole("textbox", { name: "ログインID", exact: true });
  await loginId.waitFor({ state: "visible", timeout });
  await options.onFormShown?.(page);

  await loginId.fill(admin.loginId);
  await page.getByRole("textbox", { name: "氏名", exact: true }).fill(admin.displayName);
  await page.getByRole("textbox", { name: "パスワード", exact: true }).fill(admin.password);
  await options.onPasswordFilled?.(page);
  await page.getByRole("textbox", { name: "パスワード（確認）", exact: true }).fill(admin.password);
  await page.getByRole("button", { name: "登録してログイン" }).click();

  // Signed in: the header shows the user's menu.
  await page.getByRole("button", { name: `${admin.displayName} さんのメニュー` }).waitFor({ state: "visible", timeout });
}
