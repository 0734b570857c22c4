// 枠組みと連携事業 end to end through the real UI, against the production bundle on a fresh data directory with the
// sample data: the first administrator (a region manager) opens 連携の枠組み → 関門連携 (its members with 下関市 and its
// agreement 関門連携共同宣言) → the project 関門サイクルツーリズムの推進 → moves it back from 協議中 to 構想 (refused
// without a reason, saved with one; the history shows it with 0 days) → adds a 年度's budget whose funding adds up (the
// table shows it as 一致) → a budget that does not add up is flagged and needs its reason. axe passes on each page.
// With SCREENSHOT_DIR set, each page is also saved there as a PNG.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { checkA11y } from "./lib/chromium";
import type { RunningServer } from "./lib/server";
import { useBrowserSession } from "./lib/session";
import { setUpFirstAdmin } from "./lib/setup-admin";
import { closeFlash, heading1, visible } from "./lib/ui";

const UI_TIMEOUT = 30_000;
const ADMIN = { loginId: "e2e.admin", displayName: "試験 太郎", password: "Yokogushi2025test" };
const PROJECT = "関門サイクルツーリズムの推進";

describe("連携事業: open a framework and a project, change its status with a reason, add a budget (browser)", () => {
  const session = useBrowserSession(UI_TIMEOUT);
  let server: RunningServer;
  let page: Page;

  beforeAll(() => {
    ({ server, page } = session);
  });
  const waitHeading = (text: string) => expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe(text);
  const shot = async (name: string) => {
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
  };

  test("the frameworks list and 関門連携 with its members, agreement and projects", async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await setUpFirstAdmin(page, await server.waitForSetupUrl(), ADMIN, { timeout: UI_TIMEOUT });
    await page.goto(new URL("/region/frameworks", page.url()).href);
    await waitHeading("連携の枠組み");
    const list = await visible(page.getByRole("table", { name: "連携の枠組みの一覧" }));
    // the three frameworks under the header row
    await expect.poll(() => list.getByRole("row").count(), { timeout: UI_TIMEOUT }).toBe(4);
    await checkA11y(page);
    await shot("frameworks");
    await list.getByRole("link", { name: "関門連携" }).click();
    await waitHeading("関門連携");
    const members = await visible(page.getByRole("table", { name: "構成団体の一覧" }));
    expect(await members.getByRole("rowheader", { name: /下関市/ }).count()).toBe(1);
    const agreements = await visible(page.getByRole("table", { name: "協定・宣言の一覧" }));
    expect(await agreements.textContent()).toContain("関門連携共同宣言");
    expect(await agreements.textContent()).toContain("平成19年7月2日");
    await checkA11y(page);
    await shot("framework-kanmon");
    await page.getByRole("table", { name: "この枠組みの連携事業" }).getByRole("link", { name: PROJECT }).click();
    await waitHeading(PROJECT);
  });

  test("the project's status goes back to 構想 only with a reason, and the history shows it", async () => {
    await checkA11y(page);
    await shot("project-overview");
    await page.getByRole("button", { name: "状態を変更" }).click();
    const dialog = await visible(page.getByRole("dialog", { name: "状態の変更" }));
    await dialog.getByRole("combobox", { name: /新しい状態/ }).selectOption({ label: "構想" });
    await dialog.getByRole("textbox", { name: /変更日/ }).fill("令和8年12月1日");
    await checkA11y(page);
    await dialog.getByRole("button", { name: "保存" }).click();
    await visible(dialog.getByText("前の状態に戻す理由を入力してください。"));
    await dialog.getByRole("textbox", { name: /理由/ }).fill("ルートの安全確認をやり直すため");
    await dialog.getByRole("button", { name: "保存" }).click();
    await closeFlash(page, "状態を「構想」にしました。");
    await page.getByRole("tab", { name: "状態の履歴" }).click();
    const history = await visible(page.getByRole("table", { name: "状態の履歴と滞留日数" }));
    const last = history.getByRole("row").last();
    expect(await last.textContent()).toContain("ルートの安全確認をやり直すため");
    expect(await last.textContent()).toContain("令和8年12月1日");
    expect(await last.textContent()).toContain("（現在）");
    await checkA11y(page);
    await shot("project-history");
  });

  test("a budget whose funding adds up is saved; one that does not is flagged and needs its reason", async () => {
    await page.getByRole("tab", { name: "予算・財源" }).click();
    await page.getByRole("button", { name: "年度の予算を追加" }).click();
    let dialog = await visible(page.getByRole("dialog", { name: /の予算と財源/ }));
    await dialog.getByRole("combobox", { name: "年度" }).selectOption({ value: "2026" });
    await dialog.getByRole("textbox", { name: "総事業費（円）" }).fill("3000000");
    await dialog.getByRole("textbox", { name: "交付金" }).fill("1000000");
    await dialog.getByRole("textbox", { name: "一般財源" }).fill("2000000");
    await visible(dialog.getByText(/財源の合計 3,000,000円 ／ 総事業費 3,000,000円（一致）/));
    await checkA11y(page);
    await dialog.getByRole("button", { name: "保存" }).click();
    await closeFlash(page, "予算と財源を保存しました。");
    const table = await visible(page.getByRole("table", { name: "年度別の総事業費と財源" }));
    const row = table.getByRole("row").filter({ hasText: "令和8年度" });
    expect(await row.textContent()).toContain("3,000,000円");
    expect(await row.textContent()).toContain("一致");

    await row.getByRole("button", { name: /予算を編集/ }).click();
    dialog = await visible(page.getByRole("dialog", { name: /の予算と財源/ }));
    await dialog.getByRole("textbox", { name: "総事業費（円）" }).fill("5000000");
    await visible(dialog.getByText(/2,000,000円少なくなっています/));
    await dialog.getByRole("button", { name: "保存" }).click();
    await visible(dialog.getByText("不一致の理由を入力してください。").first());
    await dialog.getByRole("textbox", { name: /不一致の理由/ }).fill("特別交付税の額が未確定");
    await dialog.getByRole("button", { name: "保存" }).click();
    await closeFlash(page, "予算と財源を保存しました。");
    expect(await table.getByRole("row").filter({ hasText: "令和8年度" }).textContent()).toContain("特別交付税の額が未確定");
    await checkA11y(page);
    await shot("project-budget");
  });

  test("the projects list and the other tabs read without errors", async () => {
    for (const tab of ["指標", "庁内調整", "年次報告"]) {
      await page.getByRole("tab", { name: tab }).click();
      await checkA11y(page);
    }
    await page.goto(new URL("/region/projects", page.url()).href);
    await waitHeading("連携事業");
    const list = await visible(page.getByRole("table", { name: "連携事業の一覧" }));
    await visible(list.getByRole("link", { name: PROJECT }));
    await checkA11y(page);
    await shot("projects");
  });

  test("a project of the 都市圏域 shows its vision indicator with the vision module's grade, its 庁内調整 and its yearly report", async () => {
    await (await visible(page.getByRole("link", { name: "圏域観光プロモーション事業" }))).click();
    await waitHeading("圏域観光プロモーション事業");
    await page.getByRole("tab", { name: "指標" }).click();
    const indicators = await visible(page.getByRole("table", { name: "新ビジョンの指標と評価" }));
    expect(await indicators.textContent()).toContain("連携イベントの来場者数");
    await shot("project-indicators");
    await page.getByRole("tab", { name: "庁内調整" }).click();
    const steps = await visible(page.getByRole("table", { name: /庁内調整/ }));
    expect(await steps.textContent()).toContain("財政課");
    expect(await steps.textContent()).toContain("観光課");
    await checkA11y(page);
    await shot("project-steps");
    await page.getByRole("tab", { name: "年次報告" }).click();
    await visible(page.getByRole("heading", { name: /令和7年度/ }));
    await checkA11y(page);
    await shot("project-reports");
  });
});
