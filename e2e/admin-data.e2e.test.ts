// Issue 12, items 8 and 12 and "national figures without the command line", through the real UI on a fresh server:
// - 全国比較 starts empty and points the administrator to 「全国比較の参考データ」, where the 総務省 files are uploaded
//   and loaded by a job with progress, a file with a bad row refused by its row, the others loaded;
// - a supplier's 連絡先 and 振込先 are edited (checked, then saved; the 口座番号 shown masked), and the supplier's own
//   login edits its own contact;
// - the audit log speaks Japanese: pickers for 利用者・種類・操作, labels instead of codes, names and links instead of UUIDs.
// Accessibility (axe) is checked on each screen.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { surveyWorkbook } from "../src/server/modules/furusato/reference/survey-fixture";
import { checkA11y } from "./lib/chromium";
import type { RunningServer } from "./lib/server";
import { useBrowserSession } from "./lib/session";
import { setUpFirstAdmin } from "./lib/setup-admin";
import * as ui from "./lib/ui";
import { heading1, UI_TIMEOUT, visible } from "./lib/ui";

const ADMIN = { loginId: "e2e.admin", displayName: "試験 太郎", password: "Yokogushi2025test" };
const PARTNER = { loginId: "kmf.partner", displayName: "関門 花子", password: "Furusato2025partner" };
const SUPPLIER = "関門ふぐ加工（サンプル）";
const REAL_R2 = fileURLToPath(new URL("../../shared/data/furusato/donations/R2_gain.xlsx", import.meta.url));
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const JOB_TIMEOUT = 120_000; // parsing a 1.5 MB 現況調査 workbook on a busy 2-core machine

describe("issue 12: national figures upload, suppliers' contacts, the audit log in Japanese (browser)", () => {
  const session = useBrowserSession(UI_TIMEOUT);
  let server: RunningServer;
  let page: Page;

  beforeAll(() => {
    ({ server, page } = session);
  });

  // The page's own origin (the setup link's host), where the session cookie lives.
  const go = (to: string) => page.goto(new URL(to, page.url()).href);

  async function openSupplier(name: string) {
    await go("/furusato/suppliers");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("返礼品提供事業者");
    await (await visible(page.getByRole("link", { name, exact: true }))).click();
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe(name);
  }

  const info = () => page.getByRole("region", { name: "事業者の情報" });

  test("the first start registers the first administrator", async () => {
    await setUpFirstAdmin(page, await server.waitForSetupUrl(), ADMIN, { timeout: UI_TIMEOUT });
  });

  test("national figures without the command line: 全国比較's empty state leads to the upload, a job loads the files", async () => {
    await go("/furusato/comparison");
    await visible(page.getByText("参考データが読み込まれていません"));
    await checkA11y(page);
    await page.getByRole("link", { name: "「全国比較の参考データ」を開いて読み込む" }).click();
    await page.waitForURL((url) => url.pathname === "/admin/furusato-reference");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("全国比較の参考データ");
    await visible(page.getByText("まだ読み込まれていません。"));
    await checkA11y(page);

    // Nothing chosen: the field says so and keeps the focus.
    await page.getByRole("button", { name: "読み込む", exact: true }).click();
    await visible(page.getByText("読み込むファイルを選んでください。"));
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe("file");

    // The year 令和元年度 written small, with words in one body's count; 令和2年度 the ministry's own file when present.
    const broken = await surveyWorkbook("令和元年度", [
      ["400009", "福岡県", 0, 10, 1_000_000, 100_000],
      ["401005", "福岡県", "北九州市", "不明", 1_000_000, 100_000],
    ]);
    const r2 = existsSync(REAL_R2)
      ? { name: "R2_gain.xlsx", buffer: await readFile(REAL_R2) }
      : {
          name: "R2_gain.xlsx",
          buffer: Buffer.from(
            await surveyWorkbook("令和２年度", [["401005", "福岡県", "北九州市", 65_474, 1_200_666_242, 531_893_628]], 6),
          ),
        };
    const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    await page.getByLabel("総務省 現況調査の Excel ファイル（.xlsx、複数可）").setInputFiles([
      { ...r2, mimeType: xlsx },
      { name: "R1_gain.xlsx", mimeType: xlsx, buffer: Buffer.from(broken) },
    ]);
    await visible(page.getByText("選んだファイル: R2_gain.xlsx、R1_gain.xlsx"));
    await page.getByRole("button", { name: "読み込む", exact: true }).click();
    await visible(page.getByRole("progressbar"));
    const results = page.getByRole("table", { name: "ファイルごとの結果" });
    await results.waitFor({ state: "visible", timeout: JOB_TIMEOUT });
    await visible(page.getByText("2ファイル中 1ファイルを読み込みました。"));
    const row = (name: string) => results.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
    expect(await row("R2_gain.xlsx").textContent()).toContain("読み込みました");
    expect(await row("R1_gain.xlsx").textContent()).toContain("R1_gain.xlsx 5行目: 寄附件数が数値ではありません（不明）。");
    // The loaded year is listed (in 和暦), the refused one is not.
    const years = page.getByRole("table", { name: "年度ごとの読込状況" });
    await visible(years.getByRole("rowheader", { name: /令和2年度/ }));
    expect(await years.getByRole("rowheader", { name: /令和元年度/ }).count()).toBe(0);
    await checkA11y(page);

    // 全国比較 now has figures.
    await page.getByRole("link", { name: "全国比較を開く" }).click();
    await page.waitForURL((url) => url.pathname === "/furusato/comparison");
    await visible(page.getByText("北九州市").first());
    expect(await page.getByText("参考データが読み込まれていません").count()).toBe(0);
  });

  test("item 12: a manager edits a supplier's 連絡先 and 振込先, checked before saving; the 口座番号 is shown masked", async () => {
    await openSupplier(SUPPLIER);
    await page.getByRole("button", { name: "連絡先を編集" }).click();
    const contact = await visible(page.getByRole("form", { name: "連絡先の編集" }));
    await checkA11y(page);
    await contact.getByRole("textbox", { name: "担当者名" }).fill(PARTNER.displayName);
    const phone = contact.getByRole("textbox", { name: "電話番号" });
    await phone.fill("093-331-12AB");
    await contact.getByRole("button", { name: "連絡先を保存" }).click();
    await visible(contact.getByText("電話番号は数字とハイフンで、10桁か11桁で入力してください（例: 093-582-2102）。"));
    expect(await phone.evaluate((el) => el === document.activeElement)).toBe(true);
    await phone.fill("093-331-1234");
    await contact.getByRole("textbox", { name: "メールアドレス" }).fill("hanako@example.jp");
    await contact.getByRole("button", { name: "連絡先を保存" }).click();
    await ui.closeFlash(page, "連絡先を保存しました。");
    await visible(info().getByText("093-331-1234"));
    await visible(info().getByText("hanako@example.jp"));

    await page.getByRole("button", { name: "振込先を編集" }).click();
    const bank = await visible(page.getByRole("form", { name: "振込先の編集" }));
    await bank.getByRole("textbox", { name: "金融機関名" }).fill("北九州銀行");
    await bank.getByRole("textbox", { name: "支店名" }).fill("門司支店");
    await bank.getByRole("combobox", { name: "口座種別" }).selectOption("普通");
    await bank.getByRole("textbox", { name: "口座番号" }).fill("123456");
    await bank.getByRole("textbox", { name: "口座名義（カナ）" }).fill("関門ふぐ");
    await bank.getByRole("button", { name: "振込先を保存" }).click();
    await visible(bank.getByText("口座番号は7桁の数字で入力してください。"));
    await visible(bank.getByText("口座名義はカタカナで入力してください（例: キタキユウシユウシヨクヒン）。"));
    await checkA11y(page);
    await bank.getByRole("textbox", { name: "口座番号" }).fill("1234567");
    await bank.getByRole("textbox", { name: "口座名義（カナ）" }).fill("ｶﾝﾓﾝﾌｸﾞｶｺｳ");
    await bank.getByRole("button", { name: "振込先を保存" }).click();
    await ui.closeFlash(page, "振込先を保存しました。");
    const shown = info().getByRole("table", { name: "振込先" });
    await visible(shown.getByText("＊＊＊＊567"));
    await visible(shown.getByText("カンモンフグカコウ"));
    expect(await shown.textContent()).not.toContain("1234567");
  });

  test("item 12: the supplier's own login edits its own contact (and sees no 振込先 form)", async () => {
    await openSupplier(SUPPLIER);
    const account = page.getByRole("region", { name: "ログインアカウントを作成" });
    await account.getByRole("textbox", { name: "ログインID" }).fill(PARTNER.loginId);
    await account.getByRole("textbox", { name: "氏名" }).fill(PARTNER.displayName);
    await account.getByRole("textbox", { name: "初期パスワード", exact: true }).fill(PARTNER.password);
    await account.getByRole("button", { name: "アカウントを作成" }).click();
    await ui.closeFlash(page, PARTNER.loginId);
    await ui.logOut(page, ADMIN.displayName);
    await ui.logIn(page, PARTNER);

    await openSupplier(SUPPLIER);
    expect(await page.getByRole("button", { name: "振込先を編集" }).count()).toBe(0);
    await page.getByRole("button", { name: "連絡先を編集" }).click();
    const contact = await visible(page.getByRole("form", { name: "連絡先の編集" }));
    await contact.getByRole("textbox", { name: "電話番号" }).fill("０９３－３３１－９９９９");
    await contact.getByRole("button", { name: "連絡先を保存" }).click();
    await ui.closeFlash(page, "連絡先を保存しました。");
    // 全角 is stored as 半角
    await visible(info().getByText("093-331-9999"));
    await checkA11y(page);
    await ui.logOut(page, PARTNER.displayName);
    await ui.logIn(page, ADMIN);
  });

  test("item 8: the audit log has Japanese pickers and labels, and names or links instead of UUIDs", async () => {
    await go("/admin/audit");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("監査ログ");
    const table = page.getByRole("table", { name: "監査ログの一覧（新しい順）" });
    await visible(table.getByRole("row").nth(1));
    expect(UUID.test((await table.textContent()) ?? "")).toBe(false);
    await checkA11y(page);

    // 利用者: search the picker by name, choose the supplier's login; 種類: 返礼品提供事業者; 操作: 変更.
    const actor = page.getByRole("combobox", { name: "利用者", exact: true });
    await actor.click();
    await actor.fill("関門");
    await (await visible(page.getByRole("option", { name: `${PARTNER.displayName}（${PARTNER.loginId}）` }))).click();
    const kind = page.getByRole("combobox", { name: "対象の種類", exact: true });
    await kind.click();
    await kind.fill("事業者");
    await (await visible(page.getByRole("option", { name: "返礼品提供事業者", exact: true }))).click();
    const action = page.getByRole("combobox", { name: "操作", exact: true });
    await action.click();
    await action.fill("変更");
    await (await visible(page.getByRole("option", { name: "変更", exact: true }))).click();
    await checkA11y(page);
    await page.getByRole("button", { name: "検索する" }).click();

    const rows = table.getByRole("row").filter({ hasText: "連絡先を変更" });
    await expect.poll(() => rows.count(), { timeout: UI_TIMEOUT }).toBe(1);
    const text = (await rows.first().textContent()) ?? "";
    expect(text).toContain(PARTNER.displayName); // the actor by name
    expect(text).toContain("変更"); // the action in Japanese
    expect(text).toContain("返礼品提供事業者"); // the record kind in Japanese
    expect(text).not.toMatch(UUID);
    expect(text).not.toMatch(/\bupdate\b|furusato_supplier/);
    // The record is a link, not an id.
    await rows.first().getByRole("link", { name: "この返礼品提供事業者を開く" }).click();
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe(SUPPLIER);
  });
});
