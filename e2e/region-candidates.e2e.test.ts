// 連携事業の候補 end to end through the real UI (issue 18: "Candidate projects are collected from departments … and
// shown as a pipeline with days in each step"), against the production bundle on a fresh data directory with the
// sample data: the first administrator creates an editor of 財政課 → the editor proposes a candidate for 財政課 with
// 「連携の候補を提案」 and lands on its page (提案受付, no move buttons for a department) → the administrator (a region
// manager) opens it, is refused a skip without a reason, moves it one step on to 部門と意見交換 with a note → the
// history shows both steps with their days, and the pipeline shows the card in the 部門と意見交換 column with its days;
// the sample's stalled candidates are marked; axe passes on the pipeline, the list, the candidate and the dialogs.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { checkA11y } from "./lib/chromium";
import type { RunningServer } from "./lib/server";
import { useBrowserSession } from "./lib/session";
import { setUpFirstAdmin } from "./lib/setup-admin";
import { closeFlash, gone, heading1, logIn, logOut, visible } from "./lib/ui";

const UI_TIMEOUT = 30_000;
const ADMIN = { loginId: "e2e.admin", displayName: "試験 太郎", password: "Yokogushi2025test" };
const FINANCE = { loginId: "zaisei.editor", displayName: "財政 花子", password: "Zaisei2026editor", organisation: "財政課" };
const TITLE = "圏域の公共施設予約の共通化（E2E）";

describe("region candidates: a department proposes, the bureau moves it one step, the pipeline shows its days (browser)", () => {
  const session = useBrowserSession(UI_TIMEOUT);
  let server: RunningServer;
  let page: Page;
  let candidatePath = "";

  beforeAll(() => {
    ({ server, page } = session);
  });

  /** The same host as the setup link (the session cookie belongs to it). */
  const go = (path: string) => page.goto(new URL(path, page.url()).href);
  const waitHeading = (text: string) => expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe(text);

  test("the first administrator creates an editor of 財政課", async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await setUpFirstAdmin(page, await server.waitForSetupUrl(), ADMIN, { timeout: UI_TIMEOUT });
    if (new URL(page.url()).pathname !== "/admin/users") await go("/admin/users");
    await (await visible(page.getByRole("button", { name: "利用者を追加", exact: true }))).click();
    const dialog = await visible(page.getByRole("dialog", { name: "利用者を追加" }));
    await dialog.getByRole("textbox", { name: "ログインID", exact: true }).fill(FINANCE.loginId);
    await dialog.getByRole("textbox", { name: "氏名", exact: true }).fill(FINANCE.displayName);
    await dialog.getByRole("combobox", { name: "権限", exact: true }).selectOption({ label: "局編集者" });
    const organisation = dialog.getByRole("combobox", { name: "所属", exact: true });
    const option = organisation.locator("option").filter({ hasText: `${FINANCE.organisation}（課）` });
    await option.waitFor({ state: "attached", timeout: UI_TIMEOUT });
    expect(await option.count()).toBe(1);
    await organisation.selectOption((await option.getAttribute("value")) ?? "");
    await dialog.getByRole("textbox", { name: "初期パスワード", exact: true }).fill(FINANCE.password);
    await dialog.getByRole("button", { name: "保存", exact: true }).click();
    await gone(page.getByRole("dialog"));
    await closeFlash(page, "利用者を追加しました。");
    await logOut(page, ADMIN.displayName);
  });

  test("財政課's editor proposes a candidate for 財政課 and lands on its page in 提案受付", async () => {
    await logIn(page, FINANCE);
    await go("/region/candidates");
    await waitHeading("連携事業の候補");
    // the sample's stalled candidates are marked in words
    await visible(page.getByText("滞留 1件").first());
    await checkA11y(page);
    await (await visible(page.getByRole("button", { name: "連携の候補を提案", exact: true }))).click();
    const dialog = await visible(page.getByRole("dialog", { name: "連携の候補を提案" }));
    // an editor proposes for their own 課 or its 局 only
    const departments = await dialog.getByRole("combobox", { name: "提案する部門" }).locator("option").allTextContents();
    expect(departments).toEqual(["財政局", "財政局 財政課"]);
    await checkA11y(page);
    await dialog.getByRole("textbox", { name: "件名" }).fill(TITLE);
    await dialog.getByRole("combobox", { name: "提案する部門" }).selectOption({ label: "財政局 財政課" });
    await dialog.getByRole("combobox", { name: "連携の枠組み" }).selectOption({ label: "北九州都市圏域 連携中枢都市圏" });
    await dialog.getByRole("checkbox", { name: "行橋市" }).check();
    await dialog.getByRole("textbox", { name: "概要" }).fill("市町ごとの公共施設予約システムを共通化し、運用経費を分担する。");
    // 進まない理由 is required: the save is refused until one is chosen
    await dialog.getByRole("button", { name: "保存", exact: true }).click();
    await visible(dialog.getByText("進まない理由を選んでください。"));
    await dialog.getByRole("radio", { name: "経費" }).check();
    await dialog.getByRole("button", { name: "保存", exact: true }).click();
    await gone(page.getByRole("dialog"));
    await waitHeading(TITLE);
    await closeFlash(page, `「${TITLE}」を提案しました。`);
    candidatePath = new URL(page.url()).pathname;
    expect(candidatePath).toMatch(/^\/region\/candidates\/[0-9a-f-]{36}$/);
    await visible(page.getByText("財政局 財政課").first());
    // a department's editor does not move candidates
    expect(await page.getByRole("button", { name: "段階を変える" }).count()).toBe(0);
    await logOut(page, FINANCE.displayName);
  });

  test("the bureau moves it on to 部門と意見交換: a skip needs a reason, one step on does not", async () => {
    await logIn(page, ADMIN);
    await go(candidatePath);
    await waitHeading(TITLE);
    await (await visible(page.getByRole("button", { name: "段階を変える" }))).click();
    let dialog = await visible(page.getByRole("dialog", { name: "段階を変える" }));
    await checkA11y(page);
    await dialog.getByRole("combobox", { name: "移す段階" }).selectOption({ label: "予算協議（財政）" });
    await dialog.getByRole("button", { name: "保存", exact: true }).click();
    await visible(dialog.getByText("「部門と意見交換」「相手自治体と協議」を飛ばす理由を入力してください。"));
    await dialog.getByRole("button", { name: "キャンセル", exact: true }).click();
    await gone(page.getByRole("dialog"));

    await (await visible(page.getByRole("button", { name: "段階を変える" }))).click();
    dialog = await visible(page.getByRole("dialog", { name: "段階を変える" }));
    await dialog.getByRole("combobox", { name: "移す段階" }).selectOption({ label: "部門と意見交換" });
    await dialog.getByRole("textbox", { name: /^記録/ }).fill("財政課と施設予約の経費の内訳を確認した。");
    await dialog.getByRole("button", { name: "保存", exact: true }).click();
    await gone(page.getByRole("dialog"));
    await closeFlash(page, "段階を「部門と意見交換」にしました。");
    const history = page.getByRole("table", { name: /段階の履歴/ });
    await visible(history.getByRole("rowheader", { name: "部門と意見交換（今の段階）" }));
    const rows = await history.locator("tbody tr").allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain("提案受付");
    expect(rows[0]).toContain("0日");
    expect(rows[1]).toContain("財政課と施設予約の経費の内訳を確認した。");
    await checkA11y(page);
  });

  test("the pipeline shows the card in 部門と意見交換 with its days in the step; the list finds it", async () => {
    await go("/region/candidates");
    await waitHeading("連携事業の候補");
    const column = page.getByRole("region", { name: /^部門と意見交換/ });
    const card = column.getByRole("listitem").filter({ hasText: TITLE });
    await visible(card);
    expect(await card.textContent()).toContain("この段階 0日");
    expect(await card.textContent()).toContain("財政局 財政課");
    await go("/region/candidates?view=list&step=department_dialogue");
    const table = await visible(page.getByRole("table", { name: /連携事業の候補の一覧/ }));
    await visible(table.getByRole("link", { name: TITLE }));
    await checkA11y(page);
  });
});
