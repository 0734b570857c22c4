// The 国際 staff picker and 「旅費の基準額で計算」 through the real UI, on a fresh data directory with the sample data:
// the first administrator (政策局, so the coordinating bureau's manager) adds a member of staff of 国際政策課 → enters a
// trip and picks that colleague as a traveller with the keyboard only (type a fragment, ArrowDown, Enter; Escape closes
// the list) → chooses the destination's 地域区分 and has the 日当・宿泊料 lines computed from the sample rates → saves;
// then on a working group registers an action whose 担当者 is picked from the owner division's staff inside the
// dialog (Escape closes the list, not the dialog). Accessibility (axe) is checked with the list open.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { checkA11y } from "./lib/chromium";
import type { RunningServer } from "./lib/server";
import { useBrowserSession } from "./lib/session";
import { setUpFirstAdmin } from "./lib/setup-admin";
import * as ui from "./lib/ui";
import { gone, heading1, UI_TIMEOUT, visible } from "./lib/ui";

const ADMIN = { loginId: "e2e.admin", displayName: "試験 太郎", password: "Yokogushi2025test" };
const COLLEAGUE = { loginId: "yamamoto.k", displayName: "山本 かおる", password: "Yamamoto2026staff", organisation: "国際政策課" };
const TRIP = "大連市との経済交流協議（E2E 旅費）";

describe("国際: travellers and action owners picked from the staff, 日当・宿泊料 computed from the rates (browser)", () => {
  const session = useBrowserSession(UI_TIMEOUT);
  let server: RunningServer;
  let page: Page;

  beforeAll(() => {
    ({ server, page } = session);
  });

  const go = async (path: string) => {
    await page.goto(new URL(path, page.url()).href);
  };
  /** The suggestions of a combobox: the options of the listbox its aria-controls names. */
  let listId = "";
  const suggestions = () => page.locator(`[id="${listId}"] [role=option]`);
  const pickerOf = async (input: ReturnType<Page["getByRole"]>) => {
    listId = (await input.getAttribute("aria-controls")) ?? "";
    return input;
  };

  test("the administrator adds a member of staff of 国際政策課", async () => {
    await setUpFirstAdmin(page, await server.waitForSetupUrl(), ADMIN, { timeout: UI_TIMEOUT });
    if (new URL(page.url()).pathname !== "/admin/users") await go("/admin/users");
    await (await visible(page.getByRole("button", { name: "利用者を追加", exact: true }))).click();
    const dialog = await visible(page.getByRole("dialog", { name: "利用者を追加" }));
    await dialog.getByRole("textbox", { name: "ログインID", exact: true }).fill(COLLEAGUE.loginId);
    await dialog.getByRole("textbox", { name: "氏名", exact: true }).fill(COLLEAGUE.displayName);
    await dialog.getByRole("combobox", { name: "権限", exact: true }).selectOption({ label: "局編集者" });
    const organisation = dialog.getByRole("combobox", { name: "所属", exact: true });
    const option = organisation.locator("option").filter({ hasText: `${COLLEAGUE.organisation}（課）` });
    await option.waitFor({ state: "attached", timeout: UI_TIMEOUT });
    await organisation.selectOption((await option.getAttribute("value")) ?? "");
    await dialog.getByRole("textbox", { name: "初期パスワード", exact: true }).fill(COLLEAGUE.password);
    await dialog.getByRole("button", { name: "保存", exact: true }).click();
    await gone(page.getByRole("dialog"));
    await ui.closeFlash(page, "利用者を追加しました。");
  });

  test("a traveller is picked with the keyboard, and the 日当・宿泊料 are computed from the rates", async () => {
    await go("/international/trips/new");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("海外出張の登録");
    await page.getByRole("textbox", { name: "件名", exact: true }).fill(TRIP);
    await page.getByRole("textbox", { name: "出発日", exact: true }).fill("令和7年5月12日");
    await page.getByRole("textbox", { name: "帰着日", exact: true }).fill("令和7年5月16日");

    await page.getByRole("button", { name: "出張者を追加", exact: true }).click();
    const row = await visible(page.getByRole("group", { name: "出張者 2行目", exact: true }));
    const name = await pickerOf(row.getByRole("combobox", { name: "氏名", exact: true }));
    await name.click();
    await name.pressSequentially("yamamoto");
    await visible(suggestions().first());
    expect(await suggestions().allTextContents()).toEqual([`${COLLEAGUE.displayName}${COLLEAGUE.organisation}`]);
    expect(await name.getAttribute("aria-expanded")).toBe("true");
    await checkA11y(page);
    // Escape closes the list and keeps the text; ArrowDown opens it again with the first suggestion highlighted.
    await name.press("Escape");
    expect(await name.getAttribute("aria-expanded")).toBe("false");
    await name.press("ArrowDown");
    await visible(suggestions().first());
    expect(await name.getAttribute("aria-activedescendant")).toBe(await suggestions().first().getAttribute("id"));
    await name.press("Enter");
    expect(await name.inputValue()).toBe(COLLEAGUE.displayName);
    expect(await name.getAttribute("aria-expanded")).toBe("false");
    // Enter chose the suggestion: the form was not submitted.
    expect(new URL(page.url()).pathname).toBe("/international/trips/new");

    // Without a 地域区分 the computation says what it needs and changes nothing.
    await page.getByRole("button", { name: "旅費の基準額で計算", exact: true }).click();
    await visible(page.getByText("行き先の地域区分を選んでから計算してください。"));
    expect(await page.getByRole("group", { name: /^経費 1行目$/ }).count()).toBe(0);

    await page.getByRole("combobox", { name: "行き先の地域区分", exact: true }).selectOption({ label: "甲地方" });
    await page.getByRole("button", { name: "旅費の基準額で計算", exact: true }).click();
    await visible(page.getByText(/^日当・宿泊料を計算しました/));
    const daily = page.getByRole("group", { name: "経費 1行目", exact: true });
    const lodging = page.getByRole("group", { name: "経費 2行目", exact: true });
    const dailyText = await daily.getByRole("textbox", { name: "内訳", exact: true }).inputValue();
    const lodgingText = await lodging.getByRole("textbox", { name: "内訳", exact: true }).inputValue();
    expect(dailyText).toMatch(/^日当（甲地方）[\d,]+円 × 5日 × 2名$/);
    expect(lodgingText).toMatch(/^宿泊料（甲地方）[\d,]+円 × 4泊 × 2名$/);
    const amountIn = (text: string) => Number((/([\d,]+)円/.exec(text)?.[1] ?? "").replace(/,/g, ""));
    const planned = async (group: typeof daily) =>
      Number((await group.getByRole("textbox", { name: "予定額（円）", exact: true }).inputValue()).replace(/,/g, ""));
    expect(await planned(daily)).toBe(amountIn(dailyText) * 5 * 2);
    expect(await planned(lodging)).toBe(amountIn(lodgingText) * 4 * 2);
    await checkA11y(page);

    await page.getByRole("button", { name: "計画として登録する", exact: true }).click();
    await page.waitForURL((url) => /^\/international\/trips\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith("/new"));
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe(TRIP);
    await visible(page.getByText(COLLEAGUE.displayName).first());
    await visible(page.getByText(dailyText).first());
  });

  test("a working-group action's owner is picked from the owner division's staff inside the dialog", async () => {
    await go("/international/groups");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("テーマ別ワーキンググループ");
    await (await visible(page.getByRole("table").getByRole("link").first())).click();
    await (await visible(page.getByRole("button", { name: "アクションを登録", exact: true }))).click();
    const dialog = await visible(page.getByRole("dialog", { name: "アクションを登録" }));
    const owner = await pickerOf(dialog.getByRole("combobox", { name: "担当者", exact: true }));
    expect(await owner.isDisabled()).toBe(true);
    await dialog.getByRole("textbox", { name: "アクション", exact: true }).fill("経済交流の成果指標を整理する（E2E）");
    await dialog.getByRole("combobox", { name: "担当課", exact: true }).selectOption({ label: COLLEAGUE.organisation });
    await owner.click();
    await owner.press("ArrowDown");
    await visible(suggestions().first());
    // the division's staff only, with nothing typed
    expect(await suggestions().allTextContents()).toEqual([`${COLLEAGUE.displayName}${COLLEAGUE.organisation}`]);
    await checkA11y(page);
    await owner.press("Escape");
    expect(await dialog.isVisible()).toBe(true);
    expect(await owner.getAttribute("aria-expanded")).toBe("false");
    await owner.press("ArrowDown");
    await visible(suggestions().first());
    await owner.press("Enter");
    expect(await owner.inputValue()).toBe(COLLEAGUE.displayName);
    await dialog.getByRole("textbox", { name: "期限", exact: true }).fill("令和9年3月31日");
    await dialog.getByRole("button", { name: "保存", exact: true }).click();
    await gone(page.getByRole("dialog"));
    await visible(page.getByText(`（${COLLEAGUE.displayName}）`).first());
  });
});
