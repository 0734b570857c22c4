// 会議 end to end through the real UI (issue 18 "Must show": "a meeting's follow-up item is created, assigned and
// closed"), against the production bundle on a fresh data directory with the sample data: the first administrator
// (a region manager) adds a member of staff → opens the 北九州都市圏域 framework's meetings (the section a record's page
// embeds: the framework's own page /region/frameworks/<id>, reached from the meetings list) → 「会議を記録」
// opens the form: a 担当者会議 with its date typed in 和暦 and an attending organisation → on the meeting's page adds a
// follow-up and assigns it to the colleague with the staff picker (keyboard only) → signed in as the colleague, the
// follow-up is in 自分の担当 and the colleague closes it with a note → the list shows it done. axe passes throughout.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { checkA11y } from "./lib/chromium";
import type { RunningServer } from "./lib/server";
import { useBrowserSession } from "./lib/session";
import { setUpFirstAdmin } from "./lib/setup-admin";
import * as ui from "./lib/ui";
import { gone, heading1, UI_TIMEOUT, visible } from "./lib/ui";

const ADMIN = { loginId: "e2e.admin", displayName: "試験 太郎", password: "Yokogushi2025test" };
const COLLEAGUE = { loginId: "tanaka.m", displayName: "田中 みどり", password: "Tanaka2026staff", organisation: "国際政策課" };
const MEETING = "北九州都市圏域 担当者会議（E2E）";
const FOLLOWUP = "負担金の試算を市町に送付（E2E）";

describe("会議: a follow-up is created, assigned and closed (browser)", () => {
  const session = useBrowserSession(UI_TIMEOUT);
  let server: RunningServer;
  let page: Page;
  let meetingPath = "";

  beforeAll(() => {
    ({ server, page } = session);
  });

  const go = async (path: string) => {
    await page.goto(new URL(path, page.url()).href);
  };

  test("the administrator adds a member of staff", async () => {
    await setUpFirstAdmin(page, await server.waitForSetupUrl(), ADMIN, { timeout: UI_TIMEOUT });
    if (new URL(page.url()).pathname !== "/admin/users") await go("/admin/users");
    await (await visible(page.getByRole("button", { name: "利用者を追加", exact: true }))).click();
    const dialog = await visible(page.getByRole("dialog", { name: "利用者を追加" }));
    await dialog.getByRole("textbox", { name: "ログインID", exact: true }).fill(COLLEAGUE.loginId);
    await dialog.getByRole("textbox", { name: "氏名", exact: true }).fill(COLLEAGUE.displayName);
    await dialog.getByRole("combobox", { name: "権限", exact: true }).selectOption({ label: "閲覧者" });
    const organisation = dialog.getByRole("combobox", { name: "所属", exact: true });
    const option = organisation.locator("option").filter({ hasText: `${COLLEAGUE.organisation}（課）` });
    await option.waitFor({ state: "attached", timeout: UI_TIMEOUT });
    await organisation.selectOption((await option.getAttribute("value")) ?? "");
    await dialog.getByRole("textbox", { name: "初期パスワード", exact: true }).fill(COLLEAGUE.password);
    await dialog.getByRole("button", { name: "保存", exact: true }).click();
    await gone(page.getByRole("dialog"));
    await ui.closeFlash(page, "利用者を追加しました。");
  });

  test("「会議を記録」 on the framework's meetings opens the form, and the meeting is recorded", async () => {
    // The sample 担当者会議 belong to the 北九州都市圏域: their owner is the framework, whose page lists its meetings.
    await go("/meetings?q=担当者会議");
    const ownerLink = await visible(page.locator('a[href^="/region/frameworks/"]').filter({ hasText: "北九州都市圏域" }).first());
    const href = (await ownerLink.getAttribute("href")) ?? "";
    expect(href).toMatch(/^\/region\/frameworks\/[0-9a-f-]{36}$/);
    await ownerLink.click();
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toMatch(/北九州都市圏域/);
    // The sample meetings are listed, with the overdue follow-up counted.
    await visible(page.getByRole("link", { name: "北九州都市圏域 担当者会議（第3回）" }));
    await visible(page.getByText(/期限切れ 1件/).first());
    await checkA11y(page);

    await (await visible(page.getByRole("link", { name: "会議を記録", exact: true }))).click();
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toMatch(/^会議を記録/);
    await page.getByRole("combobox", { name: "会議の種類", exact: true }).selectOption("working_level");
    await page.getByRole("textbox", { name: "会議名", exact: true }).fill(MEETING);
    await page.getByRole("textbox", { name: "開催日", exact: true }).fill("令和8年11月20日");
    await visible(page.getByText("2026-11-20").first());
    await page.getByRole("textbox", { name: "開始時刻", exact: true }).fill("14:00");
    await page.getByRole("textbox", { name: "終了時刻", exact: true }).fill("15:30");
    await page.getByRole("textbox", { name: "出席団体 1", exact: true }).fill("北九州市");
    await page.getByRole("textbox", { name: "出席者・役職 1", exact: true }).fill("政策局 2名");
    await page.getByRole("button", { name: "出席団体を追加", exact: true }).click();
    await page.getByRole("textbox", { name: "出席団体 2", exact: true }).fill("直方市");
    await page.getByRole("button", { name: "決定事項を追加", exact: true }).click();
    await page.getByRole("textbox", { name: "決定事項 1", exact: true }).fill("負担金は均等割と人口割で試算する。");
    await checkA11y(page);
    await page.getByRole("button", { name: "保存", exact: true }).click();

    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe(MEETING);
    meetingPath = new URL(page.url()).pathname;
    expect(meetingPath).toMatch(/^\/meetings\/[0-9a-f-]{36}$/);
    await visible(page.getByText("令和8年11月20日").first());
    await visible(page.getByRole("rowheader", { name: "直方市", exact: true }));
    await visible(page.getByText("負担金は均等割と人口割で試算する。"));
  });

  test("a follow-up is added and assigned to the colleague with the keyboard", async () => {
    await (await visible(page.getByRole("button", { name: "宿題を追加", exact: true }))).click();
    const dialog = await visible(page.getByRole("dialog", { name: "宿題を追加" }));
    await dialog.getByRole("textbox", { name: "宿題", exact: true }).fill(FOLLOWUP);
    const picker = dialog.getByRole("combobox", { name: "担当者（職員）", exact: true });
    const listId = (await picker.getAttribute("aria-controls")) ?? "";
    await picker.click();
    await picker.pressSequentially("tanaka");
    const options = page.locator(`[id="${listId}"] [role=option]`);
    await visible(options.first());
    expect(await options.allTextContents()).toEqual([`${COLLEAGUE.displayName}${COLLEAGUE.organisation}`]);
    await checkA11y(page);
    await picker.press("ArrowDown");
    await picker.press("Enter");
    expect(await picker.inputValue()).toBe(COLLEAGUE.displayName);
    await dialog.getByRole("textbox", { name: "期限", exact: true }).fill("令和8年12月25日");
    await dialog.getByRole("button", { name: "保存", exact: true }).click();
    await gone(page.getByRole("dialog"));
    await ui.closeFlash(page, "宿題を保存しました。");
    const row = page.getByRole("row").filter({ hasText: FOLLOWUP });
    await visible(row.getByText(`${COLLEAGUE.displayName}（${COLLEAGUE.organisation}）`));
    await visible(row.getByText("未完了"));
    await checkA11y(page);
  });

  test("signed in as the colleague, the follow-up is theirs and they close it; the list shows it done", async () => {
    await ui.logOut(page, ADMIN.displayName);
    await ui.logIn(page, COLLEAGUE);
    await go("/meetings/followups?scope=mine");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("宿題（フォローアップ）");
    const mine = page.getByRole("row").filter({ hasText: FOLLOWUP });
    await visible(mine.getByText("自分の担当"));
    await checkA11y(page);

    await (await visible(mine.getByRole("link", { name: MEETING }))).click();
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe(MEETING);
    // A viewer who is not a region manager may not edit the meeting, only close their own item.
    expect(await page.getByRole("link", { name: "編集", exact: true }).count()).toBe(0);
    await (await visible(page.getByRole("button", { name: `完了にする: ${FOLLOWUP}` }))).click();
    const dialog = await visible(page.getByRole("dialog", { name: `宿題を完了にする: ${FOLLOWUP}` }));
    await dialog.getByRole("textbox", { name: "結果のメモ", exact: true }).fill("18市町に送付済み。");
    await checkA11y(page);
    await dialog.getByRole("button", { name: "完了にする", exact: true }).click();
    await gone(page.getByRole("dialog"));
    await ui.closeFlash(page, "宿題を完了にしました。");
    const row = page.getByRole("row").filter({ hasText: FOLLOWUP });
    await visible(row.getByText("完了", { exact: true }));
    await visible(row.getByText("18市町に送付済み。", { exact: false }));
    await visible(row.getByRole("button", { name: `未完了に戻す: ${FOLLOWUP}` }));

    await go("/meetings/followups?scope=done");
    const done = page.getByRole("row").filter({ hasText: FOLLOWUP });
    await visible(done.getByText("完了", { exact: true }));
    await go("/meetings/followups?scope=mine");
    await visible(page.getByText("該当する宿題はありません。"));
    await checkA11y(page);
  });
});
