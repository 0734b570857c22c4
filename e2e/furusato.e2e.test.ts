// The ふるさと納税 flow end to end through the real UI, against the production bundle on a fresh data directory:
// first administrator via the setup link → register a supplier and its login → the supplier proposes a gift and
// submits it → staff approve it and list it on 楽天 and ANA → a cost increase breaks 3割 on 楽天 only (the row turns
// red, ANA stays fine) → staff fix the 楽天 amount → 一括出力 → the zip's 楽天 file is Shift_JIS (CP932) and holds the
// new price. Accessibility (axe) is checked on the pages the flow passes.

import { readFile } from "node:fs/promises";
import iconv from "iconv-lite";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { checkA11y } from "./lib/chromium";
import type { RunningServer } from "./lib/server";
import { useBrowserSession } from "./lib/session";
import { setUpFirstAdmin } from "./lib/setup-admin";
import * as ui from "./lib/ui";
import { gone, heading1, UI_TIMEOUT, visible } from "./lib/ui";

const ADMIN = { loginId: "e2e.admin", displayName: "試験 太郎", password: "Yokogushi2025test" };
const SUPPLIER = { code: "TST", name: "試験食品（E2E）", contactName: "試験 花子" };
const PARTNER = { loginId: "tst.partner", displayName: "試験 花子", password: "Furusato2025partner" };
const GIFT_TITLE = "試験用 小倉牛カレー詰め合わせ";
const RAKUTEN = "楽天ふるさと納税";
const ANA = "ANAのふるさと納税";

/** Today in Japan as 和暦 (令和N年M月D日), the way staff type dates. */
function todayWareki(): { wareki: string; iso: string } {
  const iso = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
  const [y, m, d] = iso.split("-").map(Number);
  return { wareki: `令和${y - 2018}年${m}月${d}日`, iso };
}

describe("ふるさと納税: supplier proposes → staff approve → cost increase → fix → 一括出力 (browser)", () => {
  const session = useBrowserSession(UI_TIMEOUT);
  let server: RunningServer;
  let page: Page;
  let giftUrl = "";
  let giftCode = "";

  beforeAll(() => {
    ({ server, page } = session);
  });

  const logOut = (displayName: string) => ui.logOut(page, displayName);
  const logIn = (account: { loginId: string; password: string; displayName: string }) => ui.logIn(page, account);
  const closeFlash = (text: string) => ui.closeFlash(page, text);

  const listings = () => page.getByRole("table", { name: "サイトごとの掲載" });
  const listingRow = (portal: string) =>
    listings()
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: portal }) });
  const findings = () => page.getByRole("region", { name: "ルールの判定" });

  test("the first start prints a setup link that registers the first administrator", async () => {
    await setUpFirstAdmin(page, await server.waitForSetupUrl(), ADMIN, { timeout: UI_TIMEOUT });
  });

  test("the administrator registers a supplier and creates its login account", async () => {
    await page.getByRole("link", { name: "ふるさと納税", exact: true }).first().click();
    await page.waitForURL((url) => url.pathname === "/furusato");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("返礼品一覧");

    const nav = page.getByRole("navigation", { name: "ふるさと納税のメニュー" });
    await nav.getByRole("link", { name: "事業者", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/furusato/suppliers");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("返礼品提供事業者");
    // The sample suppliers are listed.
    await visible(page.getByRole("table", { name: "事業者の一覧" }).getByRole("cell", { name: "KMF", exact: true }));

    await page.getByRole("button", { name: "事業者を登録" }).click();
    const dialog = await visible(page.getByRole("dialog", { name: "事業者の登録" }));
    await dialog.getByRole("textbox", { name: "事業者コード", exact: true }).fill(SUPPLIER.code.toLowerCase());
    // The code is upper-cased as it is typed.
    expect(await dialog.getByRole("textbox", { name: "事業者コード", exact: true }).inputValue()).toBe(SUPPLIER.code);
    await dialog.getByRole("textbox", { name: "事業者名", exact: true }).fill(SUPPLIER.name);
    await dialog.getByRole("textbox", { name: "担当者名", exact: true }).fill(SUPPLIER.contactName);
    await checkA11y(page);
    await dialog.getByRole("button", { name: "登録する" }).click();

    await page.waitForURL((url) => /^\/furusato\/suppliers\/[^/]+$/.test(url.pathname));
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe(SUPPLIER.name);
    await closeFlash(`事業者「${SUPPLIER.name}」を登録しました。`);

    const account = await visible(page.getByRole("region", { name: "ログインアカウントを作成" }));
    await account.getByRole("textbox", { name: "ログインID", exact: true }).fill(PARTNER.loginId);
    // The contact person's name is offered as the account's name.
    expect(await account.getByRole("textbox", { name: "氏名", exact: true }).inputValue()).toBe(PARTNER.displayName);
    await account.getByRole("textbox", { name: "初期パスワード", exact: true }).fill(PARTNER.password);
    await checkA11y(page);
    await account.getByRole("button", { name: "アカウントを作成" }).click();
    await visible(account.getByRole("status").filter({ hasText: `ログインアカウント「${PARTNER.loginId}」を作成しました。` }));
    await closeFlash(`ログインアカウント「${PARTNER.loginId}」を作成しました。`);
  });

  test("the supplier logs in, registers a gift and submits it: it is 確認中", async () => {
    await logOut(ADMIN.displayName);
    await logIn(PARTNER);
    // A supplier's login lands in the furusato module.
    await page.waitForURL((url) => url.pathname === "/furusato");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("返礼品一覧");

    await page.getByRole("link", { name: "返礼品を登録" }).click();
    await page.waitForURL((url) => url.pathname === "/furusato/gifts/new");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("返礼品の登録");
    // The supplier registers for itself: there is no supplier to choose.
    expect(await page.getByRole("combobox", { name: "事業者", exact: true }).count()).toBe(0);

    await page.getByRole("textbox", { name: "返礼品名", exact: true }).fill(GIFT_TITLE);
    await page.getByRole("textbox", { name: "キャッチコピー", exact: true }).fill("北九州の牧場から、じっくり煮込んだカレーを");
    await page.getByRole("textbox", { name: "内容量", exact: true }).fill("ビーフカレー 200g×6袋");
    await page.getByRole("combobox", { name: "温度帯", exact: true }).selectOption({ label: "常温" });
    for (const allergen of ["えび", "かに", "くるみ", "そば", "卵", "落花生"]) {
      await page.getByRole("group", { name: allergen, exact: true }).getByRole("radio", { name: "なし" }).check();
    }
    for (const allergen of ["小麦", "乳"]) {
      await page.getByRole("group", { name: allergen, exact: true }).getByRole("radio", { name: "あり" }).check();
    }
    await page.getByRole("combobox", { name: "地場産品の類型", exact: true }).selectOption({ label: "第1号" });
    await page.getByRole("textbox", { name: "地場産品に該当する理由", exact: true }).fill("市内の牧場で生産された牛肉を原材料とするため");

    const costs = page.getByRole("region", { name: "費用" });
    await costs.getByRole("textbox", { name: "調達費用（1回分・税込）", exact: true }).fill("6,000");
    await costs.getByRole("textbox", { name: "送料（1回分）", exact: true }).fill("1,000");
    await costs.getByRole("textbox", { name: "費用の適用開始日", exact: true }).fill("令和7年4月1日");
    await visible(costs.getByText("令和7年4月1日（西暦 2025-04-01）として扱います"));
    await checkA11y(page);

    await page.getByRole("button", { name: "登録する" }).click();
    await page.waitForURL((url) => /^\/furusato\/gifts\/[^/]+$/.test(url.pathname) && url.pathname !== "/furusato/gifts/new");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe(GIFT_TITLE);
    const codeBadge = await visible(page.getByText(new RegExp(`^コード\\s*${SUPPLIER.code}\\d+$`)));
    giftCode = ((await codeBadge.textContent()) ?? "").replace(/^コード\s*/, "").trim();
    expect(giftCode).toMatch(new RegExp(`^${SUPPLIER.code}\\d+$`));
    giftUrl = page.url();
    await closeFlash(`返礼品（${giftCode}）を登録しました。`);
    await visible(page.getByText("入力中", { exact: true }).first());

    await page.getByRole("button", { name: "提出", exact: true }).click();
    const dialog = await visible(page.getByRole("dialog", { name: "返礼品の提出" }));
    await dialog.getByRole("button", { name: "提出", exact: true }).click();
    await gone(page.getByRole("dialog", { name: "返礼品の提出" }));
    await closeFlash("「提出」を行いました。");
    await visible(page.getByText("確認中", { exact: true }).first());
    // Submitted: the supplier can no longer submit or edit it.
    expect(await page.getByRole("button", { name: "提出", exact: true }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "編集", exact: true }).count()).toBe(0);
    await checkA11y(page);
  });

  test("staff approve the gift and list it on 楽天 (20,000円) and ANA (25,000円) without errors", async () => {
    await logOut(PARTNER.displayName);
    await logIn(ADMIN);
    await page.getByRole("link", { name: "ふるさと納税", exact: true }).first().click();
    await page.waitForURL((url) => url.pathname === "/furusato");
    await (await visible(page.getByRole("link", { name: GIFT_TITLE, exact: true }))).click();
    await page.waitForURL((url) => url.href === giftUrl);
    await visible(page.getByText("確認中", { exact: true }).first());

    await page.getByRole("button", { name: "承認", exact: true }).click();
    const dialog = await visible(page.getByRole("dialog", { name: "返礼品の承認" }));
    await dialog.getByRole("button", { name: "承認", exact: true }).click();
    await gone(page.getByRole("dialog", { name: "返礼品の承認" }));
    await closeFlash("「承認」を行いました。");
    await visible(page.getByText("承認済", { exact: true }).first());

    for (const [portal, amount] of [
      [RAKUTEN, "20000"],
      [ANA, "25,000"],
    ] as const) {
      await listings()
        .getByRole("button", { name: `${portal}に掲載` })
        .click();
      const form = await visible(page.getByRole("form", { name: `${portal}の掲載` }));
      await form.getByRole("textbox", { name: "寄附金額（円）", exact: true }).fill(amount);
      await form.getByRole("button", { name: "保存", exact: true }).click();
      await gone(page.getByRole("form", { name: `${portal}の掲載` }));
      await closeFlash(`${portal}の掲載を保存しました。`);
    }

    await visible(listingRow(RAKUTEN).getByRole("cell", { name: "20,000円", exact: true }).first());
    await visible(listingRow(ANA).getByRole("cell", { name: "25,000円", exact: true }).first());
    // 6,000 ÷ 20,000 = 30.0% (at the limit, a warning) and 24.0% on ANA: no errors anywhere.
    await visible(listingRow(RAKUTEN).getByRole("cell", { name: "30.0%" }));
    await visible(listingRow(ANA).getByRole("cell", { name: "24.0%" }));
    expect(await listings().getByText("エラーあり").count()).toBe(0);
    expect(
      await findings()
        .getByRole("alert")
        .filter({ hasText: /^エラー（/ })
        .count(),
    ).toBe(0);
    expect(await page.getByText("公開不可", { exact: true }).count()).toBe(0);
  });

  test("a cost increase to 6,600円 turns the 楽天 row red (33%) while ANA stays fine (26.4%)", async () => {
    const today = todayWareki();
    const form = page.getByRole("form", { name: "費用を改定" });
    await form.getByRole("textbox", { name: "適用開始日", exact: true }).fill(today.wareki);
    await visible(form.getByText(`（西暦 ${today.iso}）として扱います`));
    await form.getByRole("textbox", { name: "調達費用（1回分・税込、円）", exact: true }).fill("6,600");
    await form.getByRole("button", { name: "費用を改定" }).click();
    await visible(form.getByRole("status").filter({ hasText: "費用を改定しました。判定の結果、エラーが1件あります。" }));
    await closeFlash("費用を改定しました。判定の結果、エラーが1件あります。");

    // The 楽天 row is marked as an error; ANA's is not.
    await visible(listingRow(RAKUTEN).getByText("エラーあり"));
    await visible(listingRow(RAKUTEN).getByRole("cell", { name: "33.0%" }));
    await visible(listingRow(ANA).getByRole("cell", { name: "26.4%" }));
    expect(await listingRow(ANA).getByText("エラーあり").count()).toBe(0);
    await visible(page.getByText("公開不可", { exact: true }).first());

    // The finding says what is wrong, on which portal, and by how much.
    const error = await visible(findings().getByRole("alert").filter({ hasText: "エラー（1件）" }));
    const message = (await error.textContent()) ?? "";
    expect(message).toContain("3割");
    expect(message).toContain(RAKUTEN);
    expect(message).toContain("33.0%");
    expect(message).not.toContain(ANA);
    expect(await findings().getByRole("heading", { name: RAKUTEN, exact: true }).count()).toBe(1);
    expect(await findings().getByRole("heading", { name: ANA, exact: true }).count()).toBe(0);
    // The new cost is the current one in the history.
    const history = page.getByRole("table", { name: "費用の履歴（新しい順）" });
    await visible(history.getByRole("row").filter({ hasText: "適用中" }).getByRole("cell", { name: "6,600円" }));
    await checkA11y(page);
  });

  test("staff fix the 楽天 amount to 23,000円: the error disappears", async () => {
    await listingRow(RAKUTEN)
      .getByRole("button", { name: `${RAKUTEN}の掲載を編集` })
      .click();
    const form = await visible(page.getByRole("form", { name: `${RAKUTEN}の掲載` }));
    // The form suggests an amount that meets 3割 and offers to fill it in.
    await visible(form.getByText(/^推奨額: [\d,]+円（3割基準の下限: 22,000円）$/));
    await visible(form.getByRole("button", { name: /^推奨額 [\d,]+円 を寄附金額に入れる$/ }));
    const amount = form.getByRole("textbox", { name: "寄附金額（円）", exact: true });
    expect(await amount.inputValue()).toBe("20000");
    await amount.fill("23000");
    await form.getByRole("button", { name: "保存", exact: true }).click();
    await gone(page.getByRole("form", { name: `${RAKUTEN}の掲載` }));
    await closeFlash(`${RAKUTEN}の掲載を保存しました。`);

    await visible(listingRow(RAKUTEN).getByRole("cell", { name: "23,000円", exact: true }).first());
    await visible(listingRow(RAKUTEN).getByRole("cell", { name: "28.6%" }));
    await gone(listings().getByText("エラーあり"));
    await gone(page.getByText("公開不可", { exact: true }));
    expect(
      await findings()
        .getByRole("alert")
        .filter({ hasText: /^エラー（/ })
        .count(),
    ).toBe(0);
    // A 15% change needs no second approval.
    expect(await listingRow(RAKUTEN).getByText("要承認").count()).toBe(0);
  });

  test("一括出力: the preview lists the gift for 楽天; the zip's 楽天 file is CP932 with the new price", async () => {
    await page.getByRole("navigation", { name: "ふるさと納税のメニュー" }).getByRole("link", { name: "一括出力" }).click();
    await page.waitForURL((url) => url.pathname === "/furusato/publish");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("一括出力");

    const rakuten = await visible(page.getByRole("article", { name: RAKUTEN }));
    await rakuten.getByRole("button", { name: /^新規の返礼品（\d+件）$/ }).click();
    await visible(rakuten.getByRole("link", { name: giftCode, exact: true }));
    // Nothing of this gift is held back.
    const held = page.getByRole("region", { name: "保留（今回は出力しない掲載）" });
    expect(await held.getByRole("link", { name: giftCode, exact: true }).count()).toBe(0);
    await checkA11y(page);

    await page.getByRole("button", { name: "確認して出力" }).click();
    const dialog = await visible(page.getByRole("dialog", { name: "一括出力の実行" }));
    // The zip downloads by itself when the job is done.
    const downloading = page.waitForEvent("download", { timeout: 120_000 });
    await dialog.getByRole("button", { name: "出力する" }).click();
    const download = await downloading;
    await visible(page.getByRole("heading", { name: "出力が完了しました" }));
    await visible(page.getByRole("link", { name: "zipファイルをダウンロード" }));
    await checkA11y(page);

    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const zip = await JSZip.loadAsync(await readFile(await download.path()));
    const names = Object.keys(zip.files).filter((name) => !zip.files[name].dir);
    const rakutenFile = names.find((name) => name.startsWith("rakuten"));
    expect(rakutenFile, `a 楽天 file in ${names.join(", ")}`).toBeDefined();
    const bytes = await zip.file(rakutenFile as string)?.async("nodebuffer");
    expect(bytes).toBeDefined();
    const text = iconv.decode(bytes as Buffer, "cp932");
    const giftLine = text.split("\r\n").find((line) => line.includes(GIFT_TITLE));
    expect(giftLine, "the gift's row in the 楽天 file").toBeDefined();
    expect(giftLine).toContain(`【ふるさと納税】${GIFT_TITLE}`);
    expect(giftLine).toContain('"23000"');
    expect(giftLine).not.toContain('"20000"');
    // Read as UTF-8 the same bytes do not give the title: the file really is Shift_JIS.
    expect((bytes as Buffer).toString("utf8")).not.toContain(GIFT_TITLE);
  });
});
