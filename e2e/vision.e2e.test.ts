// 新ビジョン progress end to end through the real UI (issue 6: "an owner enters a value, the grade and the strategy
// roll-up change, the board shows a new approved declaration"), against the production bundle on a fresh data
// directory with the demo data: first administrator via the setup link → an editor (局編集者) of 財政課 through the
// users page → the open round 令和7年度末 lists 財政課 as not updated and reminded → the dashboard's 安らぐまち card
// before → the editor's to-do list shows the indicator with its 督促 → the editor enters the FY2025 value: the
// indicator's grade in the round goes from 未評価 (no FY2025 value: the grade rule does not take last year's) to A with its explanation, the chart gains the point → the 安らぐまち roll-up
// moves to the value the demo data gives → the editor posts a named Action宣言 for 安らぐまち → the administrator
// approves it → the lobby board (no sign-in) shows it, reached with the pause and next controls.
// Accessibility (axe) is checked on the to-do, indicator, dashboard, declarations and board pages.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { checkA11y } from "./lib/chromium";
import type { RunningServer } from "./lib/server";
import { useBrowserSession } from "./lib/session";
import { setUpFirstAdmin } from "./lib/setup-admin";
import * as ui from "./lib/ui";
import { gone, heading1, UI_TIMEOUT, visible } from "./lib/ui";

const ADMIN = { loginId: "e2e.admin", displayName: "試験 太郎", password: "Yokogushi2025test" };
/** An editor of 財政課 (demo organisation code zaisei-zaisei), the owner reminded in the demo's open round. */
const OWNER = { loginId: "zaisei.editor", displayName: "財政 花子", password: "Zaisei2026editor" };
const OWNER_ORGANISATION = "財政課";
const ROUND = "令和7年度末";
/**
 * The demo's S3-M2-P1-02 事務事業の見直し件数 (project 市政変革推進事業 under 持続可能な行財政運営, strategy S3 安らぐまち,
 * owned by 財政課): baseline 0 on 2024-03-31, target 200 in FY2033, FY2024 value 19, FY2025 not yet entered.
 */
const INDICATOR = { code: "S3-M2-P1-02", name: "事務事業の見直し件数", unit: "件", fy2024: 19 };
/**
 * The FY2025 value the owner enters. At the end of FY2025 (2026-03-31) 730 of the plan's 3,652 days have passed, so the
 * pro-rated target is 200 × 730 / 3652 = 39.9781 and the achievement (56 − 0) ÷ (39.9781 − 0) = 140.1% → A.
 */
const VALUE = 56;
const EXPLANATION = "達成度 (56 − 0) ÷ (39.9781 − 0) = 140.1% → A（按分目標 39.9781、計画期間の20%経過）";
/**
 * Until then the open round grades it 未評価: the city's grade rule does not put FY2024's 19 in place of the missing
 * FY2025 value (issue 12 item 2; 「直近の値で評価し、使った年度を表示」 is the rule's other choice).
 */
const EXPLANATION_BEFORE = "令和7年度の実績値が未入力です（令和6年度の値では評価しません）";
/**
 * The S3 安らぐまち roll-up of the open round (plain averages, each node rounded half up to 0.1; the demo's values,
 * indicators without a FY2025 value 未評価 as above and left out of the averages):
 * S3 = avg(S3-01 92.9, S3-M1 91.7, S3-M2), S3-M1 = avg(S3-M1-01 95.1, S3-M1-02 120.1, S3-M1-P1 60),
 * S3-M2 = avg(S3-M2-01 110.1, S3-M2-P1) (S3-M2-02 未評価), S3-M2-P1 = avg(S3-M2-P1-01 一部遅れ → 85, S3-M2-P1-02).
 * Before: S3-M2-P1 = 85 → S3-M2 = 97.6 → S3 = 94.1% (C).
 * After: S3-M2-P1 = avg(85, 140.1) = 112.6 → S3-M2 = 111.4 → S3 = 98.7% (still C: the roll-up grade moves at 100%).
 */
const STRATEGY = { code: "S3", title: "安らぐまち" };
const ROLLUP_BEFORE = { achievement: "94.1", grade: "C" };
const ROLLUP_AFTER = { achievement: "98.7", grade: "C" };
const PLEDGE = "事務事業の見直しを毎月一件、所属で話し合って進めます（E2E）";

describe("新ビジョン: an owner enters a value → the grade and the strategy roll-up change → the board shows the approved declaration (browser)", () => {
  const session = useBrowserSession(UI_TIMEOUT);
  let server: RunningServer;
  let page: Page;
  let indicatorPath = "";

  beforeAll(async () => {
    ({ server, page } = session);
  });

  const logOut = (displayName: string) => ui.logOut(page, displayName);
  const logIn = (account: { loginId: string; password: string; displayName: string }) => ui.logIn(page, account);
  const closeFlash = (text: string) => ui.closeFlash(page, text);

  /** The same host as the setup link (the session cookie belongs to it). */
  const go = async (path: string) => {
    await page.goto(new URL(path, page.url()).href);
  };

  const strategyCard = () => page.locator(`[data-testid="strategy-rollup"][data-code="${STRATEGY.code}"]`);

  /** Opens the dashboard and waits until the strategy's card shows the roll-up expected, then checks its text. */
  async function expectRollup(expected: { achievement: string; grade: string }) {
    await go("/vision");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("新ビジョン ダッシュボード");
    await visible(page.getByRole("heading", { level: 2, name: `${STRATEGY.code} ${STRATEGY.title}` }));
    // The open round is the one the dashboard grades by default.
    await visible(page.getByText(`評価のもと: ${ROUND}`, { exact: true }));
    const card = strategyCard();
    await visible(card);
    const settled = page.locator(
      `[data-testid="strategy-rollup"][data-code="${STRATEGY.code}"][data-achievement="${expected.achievement}"][data-grade="${expected.grade}"]`,
    );
    await settled.waitFor({ state: "visible", timeout: UI_TIMEOUT }).catch(async (error: Error) => {
      throw new Error(
        `the ${STRATEGY.title} card did not show ${JSON.stringify(expected)}: data-achievement="${await card.getAttribute("data-achievement")}" data-grade="${await card.getAttribute("data-grade")}" (${error.message})`,
      );
    });
    // What a reader sees: the roll-up grade badge and the achievement written out.
    expect(((await card.getByTestId("strategy-achievement").textContent()) ?? "").trim()).toBe(`達成度 ${expected.achievement}%`);
    await visible(card.getByText(`評価 ${expected.grade}`, { exact: true }));
    return (await card.getByTestId("strategy-achievement").textContent()) ?? "";
  }

  let rollupTextBefore = "";

  test("the first administrator creates an editor (局編集者) of 財政課 on the users page", async () => {
    await setUpFirstAdmin(page, await server.waitForSetupUrl(), ADMIN, { timeout: UI_TIMEOUT });
    if (new URL(page.url()).pathname !== "/admin/users") await go("/admin/users");
    await (await visible(page.getByRole("button", { name: "利用者を追加", exact: true }))).click();
    const dialog = await visible(page.getByRole("dialog", { name: "利用者を追加" }));
    await dialog.getByRole("textbox", { name: "ログインID", exact: true }).fill(OWNER.loginId);
    await dialog.getByRole("textbox", { name: "氏名", exact: true }).fill(OWNER.displayName);
    await dialog.getByRole("combobox", { name: "権限", exact: true }).selectOption({ label: "局編集者" });
    const organisation = dialog.getByRole("combobox", { name: "所属", exact: true });
    // The options are indented by depth ("　　財政課（課）"): pick the one that names the division.
    const option = organisation.locator("option").filter({ hasText: `${OWNER_ORGANISATION}（課）` });
    await option.waitFor({ state: "attached", timeout: UI_TIMEOUT });
    expect(await option.count()).toBe(1);
    await organisation.selectOption((await option.getAttribute("value")) ?? "");
    await dialog.getByRole("textbox", { name: "初期パスワード", exact: true }).fill(OWNER.password);
    await dialog.getByRole("button", { name: "保存", exact: true }).click();
    await gone(page.getByRole("dialog"));
    await closeFlash("利用者を追加しました。");
    await visible(page.getByText(OWNER.loginId, { exact: true }).first());
  });

  test("the administrator sees 財政課 behind in 令和7年度末 and reads the 安らぐまち roll-up on the dashboard", async () => {
    await go("/vision/rounds");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("報告ラウンド");
    const status = await visible(page.getByRole("region", { name: `${ROUND} の状況` }));
    const owners = status.getByRole("table", { name: "所管組織ごとの更新状況" });
    const row = owners.getByRole("row").filter({ has: page.getByRole("rowheader", { name: OWNER_ORGANISATION, exact: true }) });
    await visible(row);
    // The indicator is among 財政課's pending ones, and the demo has reminded 財政課 once.
    const cells = (await row.getByRole("cell").allTextContents()).join(" | ");
    expect(cells).toContain(INDICATOR.code);
    expect(cells).toContain("未更新");
    expect(cells).toMatch(/1回/);

    rollupTextBefore = await expectRollup(ROLLUP_BEFORE);
    await checkA11y(page);
  });

  test("the owner's to-do list shows the indicator, not updated and reminded", async () => {
    await logOut(ADMIN.displayName);
    await logIn(OWNER);
    await go("/vision/todo");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("更新が必要な指標");
    const round = await visible(page.getByRole("region", { name: ROUND, exact: true }));
    await visible(round.getByText("督促あり", { exact: true }));
    const tasks = round.getByRole("table", { name: `${ROUND} の更新依頼` });
    const task = tasks
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: `${INDICATOR.code} ${INDICATOR.name}`, exact: true }) });
    await visible(task.getByText("未更新", { exact: true }));
    await visible(task.getByText("督促 1回", { exact: true }));
    await checkA11y(page);

    await task.getByRole("link", { name: `入力する: ${INDICATOR.name}`, exact: true }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/vision/indicators/"));
    indicatorPath = new URL(page.url()).pathname;
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe(`${INDICATOR.code} ${INDICATOR.name}`);
  });

  test("the owner enters the FY2025 value: the round's grade goes from 未評価 to A with its explanation, and the chart gains the point", async () => {
    expect(indicatorPath, "the to-do step must have opened the indicator").not.toBe("");
    const grade = page.getByTestId("indicator-grade");
    const chart = page.getByTestId("indicator-chart");
    // Before: no FY2025 value, so the open round leaves it 未評価; the chart holds FY2024 only.
    await visible(grade.getByText(`${ROUND} の評価`, { exact: true }));
    expect(await grade.getAttribute("data-grade")).toBe("");
    expect(await grade.getAttribute("data-achievement")).toBe("");
    await visible(grade.getByText(EXPLANATION_BEFORE, { exact: true }));
    await visible(chart);
    expect(await chart.getAttribute("data-points")).toBe(`2024:${INDICATOR.fy2024}`);
    await visible(
      chart.getByRole("img", { name: `${INDICATOR.name} の年度別実績（1年度分）と按分目標の線のグラフ。同じ値を下の表に示します。` }),
    );
    await checkA11y(page);

    const form = await visible(page.getByRole("region", { name: "実績値を入力" }));
    // The open round's year is the form's default.
    const year = form.getByRole("combobox", { name: "年度", exact: true });
    expect(await year.inputValue()).toBe("2025");
    await form.getByRole("textbox", { name: `実績値（${INDICATOR.unit}）`, exact: true }).fill(String(VALUE));
    await form.getByRole("textbox", { name: "備考", exact: true }).fill("E2E: 令和7年度の見直し件数");
    await form.getByRole("button", { name: "実績値を登録", exact: true }).click();
    await closeFlash("実績値を登録しました。評価を更新しました。");

    // After: graded A with the explanation of how, and a second point on the chart.
    await visible(page.locator('[data-testid="indicator-grade"][data-grade="A"]'));
    expect(await grade.getAttribute("data-achievement")).toBe("140.1");
    await visible(grade.getByText("A", { exact: true }));
    await visible(grade.getByText("達成度 140.1%", { exact: true }));
    await visible(grade.getByText(EXPLANATION, { exact: true }));
    await visible(page.locator(`[data-testid="indicator-chart"][data-points="2024:${INDICATOR.fy2024},2025:${VALUE}"]`));
    await visible(
      chart.getByRole("img", { name: `${INDICATOR.name} の年度別実績（2年度分）と按分目標の線のグラフ。同じ値を下の表に示します。` }),
    );
    const history = page.getByRole("table", { name: "実績値の履歴（新しい順）" });
    await visible(
      history
        .getByRole("row")
        .filter({ hasText: `${VALUE} ${INDICATOR.unit}` })
        .getByText(OWNER.displayName),
    );
    await checkA11y(page);
  });

  test("the dashboard's 安らぐまち roll-up moved to what the new grade gives", async () => {
    const after = await expectRollup(ROLLUP_AFTER);
    expect(after).not.toBe(rollupTextBefore);
    await checkA11y(page);

    // The to-do list now shows the indicator updated, with its value.
    await go("/vision/todo");
    const task = page
      .getByRole("table", { name: `${ROUND} の更新依頼` })
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: `${INDICATOR.code} ${INDICATOR.name}`, exact: true }) });
    await visible(task.getByText("更新済", { exact: true }));
    await visible(task.getByText(`${VALUE} ${INDICATOR.unit}`, { exact: true }));
  });

  test("the owner posts a named Action宣言 for 安らぐまち, waiting for approval", async () => {
    await go("/vision/declarations");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("Action宣言");
    await (await visible(page.getByRole("textbox", { name: "宣言" }))).fill(PLEDGE);
    await page.getByRole("radio", { name: "名前を表示する" }).check();
    await page.getByRole("combobox", { name: "関連する重点戦略" }).selectOption({ label: `${STRATEGY.code} ${STRATEGY.title}` });
    await page.getByRole("button", { name: "宣言を投稿", exact: true }).click();
    await closeFlash("宣言を投稿しました。担当者の確認をお待ちください。");
    const mine = page.getByRole("region", { name: "わたしが投稿した宣言" });
    const row = mine.getByRole("row").filter({ hasText: PLEDGE });
    await visible(row.getByText("承認待ち", { exact: true }));
    await visible(row.getByText(`${STRATEGY.code} ${STRATEGY.title}`, { exact: true }));
    await visible(row.getByText(OWNER.displayName, { exact: true }));
    // An owner is no moderator.
    expect(await page.getByRole("region", { name: "Action宣言の確認" }).count()).toBe(0);
    await checkA11y(page);
  });

  test("the administrator approves it (掲示中) in the moderation queue", async () => {
    await logOut(OWNER.displayName);
    await logIn(ADMIN);
    await go("/vision/declarations");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("Action宣言");
    const queue = await visible(page.getByRole("region", { name: "Action宣言の確認" }));
    const row = queue.getByRole("row").filter({ hasText: PLEDGE });
    await visible(row.getByText(OWNER_ORGANISATION, { exact: true }));
    await visible(row.getByText(STRATEGY.title, { exact: true }));
    await checkA11y(page);
    await row.getByRole("button", { name: /^掲示する/ }).click();
    const dialog = await visible(page.getByRole("dialog", { name: "宣言を「掲示中」にする" }));
    await (await visible(dialog.getByRole("textbox", { name: /コメント/ }))).fill("掲示します");
    await dialog.getByRole("button", { name: "掲示する", exact: true }).click();
    await gone(page.getByRole("dialog"));
    await closeFlash("「掲示中」にしました。");
    // Approved, it leaves the 承認待ち queue.
    await gone(row);
  });

  test("the lobby board, without signing in, shows the new declaration: paused and stepped with the next key", async () => {
    const lobby = await session.browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
    lobby.setDefaultTimeout(UI_TIMEOUT);
    const board = await lobby.newPage();
    try {
      await board.goto(new URL("/vision/board", page.url()).href);
      expect(await heading1(board)).toBe("わたしたちの Action宣言");
      const controls = board.getByRole("navigation", { name: "ボードの操作" });
      const quote = await visible(board.locator("blockquote"));
      // It cycles on its own: pause it, so that it stays where the keys take it.
      await (await visible(controls.getByRole("button", { name: "一時停止", exact: true }))).click();
      const play = await visible(controls.getByRole("button", { name: "再生", exact: true }));
      expect(await play.getAttribute("aria-pressed")).toBe("true");

      const position = controls.getByText(/^\d+ \/ \d+$/);
      const [, first, total] = /^(\d+) \/ (\d+)$/.exec((await (await visible(position)).textContent()) ?? "") ?? [];
      const count = Number(total);
      expect(count).toBeGreaterThan(0);
      let at = Number(first);
      for (let step = 0; step < count && (await quote.textContent()) !== PLEDGE; step++) {
        await board.keyboard.press("ArrowRight");
        at = (at % count) + 1;
        await visible(controls.getByText(`${at} / ${count}`, { exact: true }));
      }
      expect(await quote.textContent()).toBe(PLEDGE);
      // Its strategy above it and its author (named, with the division) below.
      const card = quote.locator("xpath=..");
      await visible(card.getByText(STRATEGY.title, { exact: true }));
      await visible(card.getByText(`${OWNER_ORGANISATION}　${OWNER.displayName}`, { exact: true }));
      // Still paused: the state the keys chose stays.
      expect(await controls.getByRole("button", { name: "再生", exact: true }).getAttribute("aria-pressed")).toBe("true");
      // The card fades in on each change: let the fade end before axe reads the colours.
      await board.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
      await checkA11y(board);
    } finally {
      await lobby.close();
    }
  });
});
