// 保存した条件 of the 国際 lists through the real UI, on a fresh data directory with the sample data, by keyboard: the
// first administrator filters the projects' list (状態: 実施中, sorted by 事業名) → 「この条件を保存」: an empty name is
// refused in Japanese, a name saves it → on the unfiltered list the menu (opened with Enter, the first view focused)
// applies it: the URL and the 「適用中」 mark show its conditions → saving other conditions under the same name asks
// before overwriting (the question takes the focus) → the management dialog renames and deletes it → the trips'
// list shows the empty state. Accessibility (axe) is checked with the menu and the dialogs open.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { checkA11y } from "./lib/chromium";
import type { RunningServer } from "./lib/server";
import { useBrowserSession } from "./lib/session";
import { setUpFirstAdmin } from "./lib/setup-admin";
import * as ui from "./lib/ui";
import { gone, heading1, UI_TIMEOUT, visible } from "./lib/ui";

const ADMIN = { loginId: "e2e.admin", displayName: "試験 太郎", password: "Yokogushi2025test" };
const VIEW = "実施中の事業（事業名順）";
const RENAMED = "実施中（名前順）";

describe("国際: saved views of the lists — save, apply, overwrite, rename, delete (browser, keyboard)", () => {
  const session = useBrowserSession(UI_TIMEOUT);
  let server: RunningServer;
  let page: Page;

  beforeAll(() => {
    ({ server, page } = session);
  });

  const go = async (path: string) => {
    await page.goto(new URL(path, page.url()).href);
  };
  const control = () => page.getByRole("button", { name: /^保存した条件/ });
  const focused = () => page.evaluate(() => document.activeElement?.textContent ?? "");
  const search = () => Object.fromEntries(new URL(page.url()).searchParams);
  /** The menu once its opening transition has ended (axe reads colours mid-fade as too faint). */
  const openMenu = async () => {
    const menu = await visible(page.getByRole("menu"));
    await expect.poll(() => menu.evaluate((el) => getComputedStyle(el).opacity), { timeout: UI_TIMEOUT }).toBe("1");
    return menu;
  };

  async function openProjects(query: string) {
    await go(`/international/projects${query}`);
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("国際関連事業");
    await visible(control());
    await expect.poll(async () => (await control().textContent()) ?? "", { timeout: UI_TIMEOUT }).toMatch(/件）/);
  }

  async function saveByKeyboard(name: string) {
    await page.getByRole("button", { name: "この条件を保存", exact: true }).focus();
    await page.keyboard.press("Enter");
    const dialog = await visible(page.getByRole("dialog", { name: "この条件を保存" }));
    const input = dialog.getByRole("textbox", { name: "名前" });
    await expect.poll(() => input.evaluate((el) => el === document.activeElement), { timeout: UI_TIMEOUT }).toBe(true);
    await page.keyboard.type(name);
    await page.keyboard.press("Enter");
    return dialog;
  }

  test("the administrator saves the projects' conditions under a name", async () => {
    await setUpFirstAdmin(page, await server.waitForSetupUrl(), ADMIN, { timeout: UI_TIMEOUT });
    await openProjects("?status=active&sort=name");

    await page.getByRole("button", { name: "この条件を保存", exact: true }).focus();
    await page.keyboard.press("Enter");
    const dialog = await visible(page.getByRole("dialog", { name: "この条件を保存" }));
    expect(await dialog.textContent()).toContain("状態: 実施中、並び順: 事業名順");
    await page.keyboard.press("Enter");
    await visible(dialog.getByText("名前を入力してください。"));
    await checkA11y(page);
    await page.keyboard.type(VIEW);
    await page.keyboard.press("Enter");
    await gone(page.getByRole("dialog"));
    await ui.closeFlash(page, `条件「${VIEW}」を保存しました。`);
    await visible(page.getByText(`適用中: ${VIEW}`));
  });

  test("the menu applies the view to the unfiltered list", async () => {
    await openProjects("");
    expect(await page.getByText(`適用中: ${VIEW}`).count()).toBe(0);
    await control().focus();
    await page.keyboard.press("Enter");
    await openMenu();
    await expect.poll(focused, { timeout: UI_TIMEOUT }).toContain(VIEW);
    await checkA11y(page);
    await page.keyboard.press("Enter");
    await expect.poll(search, { timeout: UI_TIMEOUT }).toEqual({ status: "active", sort: "name" });
    await visible(page.getByText(`適用中: ${VIEW}`));
    expect(await page.getByRole("combobox", { name: "状態" }).inputValue()).toBe("active");
  });

  test("the same name asks before overwriting, and the view then holds the new conditions", async () => {
    await openProjects("?status=planned");
    const dialog = await saveByKeyboard(VIEW);
    await visible(dialog.getByText(`「${VIEW}」という名前の条件はすでに保存されています。`));
    await expect.poll(focused, { timeout: UI_TIMEOUT }).toBe("上書きする");
    await checkA11y(page);
    await page.keyboard.press("Enter");
    await gone(page.getByRole("dialog"));
    await ui.closeFlash(page, `条件「${VIEW}」を今の条件で上書きしました。`);
    await visible(page.getByText(`適用中: ${VIEW}`));
  });

  test("the management dialog renames and deletes the view", async () => {
    await control().click();
    await (await visible(page.getByRole("menuitem", { name: /名前の変更・削除/ }))).click();
    const dialog = await visible(page.getByRole("dialog", { name: "保存した条件の名前の変更・削除" }));
    expect(await dialog.getByRole("row").nth(1).textContent()).toContain("状態: 計画中");
    await dialog.getByRole("button", { name: "名前を変更", exact: true }).click();
    const input = dialog.getByRole("textbox", { name: `「${VIEW}」の新しい名前` });
    await expect.poll(() => input.evaluate((el) => el === document.activeElement), { timeout: UI_TIMEOUT }).toBe(true);
    await page.keyboard.press("Control+A");
    await page.keyboard.type(RENAMED);
    await page.keyboard.press("Enter");
    await visible(dialog.getByRole("rowheader", { name: RENAMED }));
    await ui.closeFlash(page, `名前を「${RENAMED}」に変更しました。`);
    await checkA11y(page);

    await dialog.getByRole("button", { name: "削除", exact: true }).click();
    const confirm = await visible(page.getByRole("dialog", { name: "保存した条件を削除" }));
    await confirm.getByRole("button", { name: "削除", exact: true }).click();
    await visible(dialog.getByText("保存した条件はまだありません。"));
    await ui.closeFlash(page, `条件「${RENAMED}」を削除しました。`);
    await dialog.getByRole("button", { name: "閉じる", exact: true }).first().click();
    await gone(page.getByRole("dialog"));
    expect(await control().textContent()).toContain("（0件）");
  });

  test("the trips' list has its own views: the menu shows the empty state", async () => {
    await go("/international/trips?overdue=true");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("海外出張");
    await (await visible(control())).click();
    await visible((await openMenu()).getByText("保存した条件はまだありません。"));
    await checkA11y(page);
    await page.keyboard.press("Escape");
    const dialog = await saveByKeyboard("報告遅延");
    await gone(dialog);
    await ui.closeFlash(page, "条件「報告遅延」を保存しました。");
    await visible(page.getByText("適用中: 報告遅延"));
  });
});
