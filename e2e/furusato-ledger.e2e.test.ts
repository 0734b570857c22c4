// The ふるさと納税 donation ledger end to end through the real UI, against the production bundle on a fresh data
// directory with the demo data: first administrator via the setup link → the dashboard of 令和8年度 → import the
// shipped 楽天 sample (CP932) and the generic (ANA) sample through 寄附データの取込, and the 楽天 file once more (it is
// recognised as already imported) → the per-portal chart grew by exactly the files' non-cancelled amounts → the
// administrator creates a login for the supplier of an imported gift and sends it the 出荷依頼 → the supplier enters
// the 発送予定日, carrier and tracking number and marks one shipment 発送済, and cannot open the ledger.
// Accessibility (axe) is checked on the import page, the dashboard and both shipment pages.

import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { checkA11y } from "./lib/chromium";
import type { RunningServer } from "./lib/server";
import { useBrowserSession } from "./lib/session";
import { setUpFirstAdmin } from "./lib/setup-admin";
import * as ui from "./lib/ui";
import { gone, heading1, UI_TIMEOUT, visible } from "./lib/ui";

const ADMIN = { loginId: "e2e.admin", displayName: "試験 太郎", password: "Yokogushi2025test" };
/** The demo supplier of WKM001 (若松トマト園), a gift both the demo data and the 楽天 sample file hold. */
const SUPPLIER = { code: "WKM", name: "若松トマト園（サンプル）", giftCode: "WKM001" };
const PARTNER = { loginId: "wkm.partner", displayName: "若松 次郎", password: "Furusato2026partner" };
const RAKUTEN = { code: "rakuten", name: "楽天ふるさと納税", mapping: "楽天ふるさと納税 受注CSV" };
const ANA = { code: "ana", name: "ANAのふるさと納税", mapping: "汎用レイアウト（ANAのふるさと納税）" };
/** 令和8年度: the current fiscal year of the demo data and of the sample files' orders. */
const FISCAL_YEAR = 2026;
const FISCAL_YEAR_LABEL = "令和8年度（2026年度）";
const TRACKING_NUMBER = "123456789012";

const SAMPLES = fileURLToPath(new URL("../src/server/modules/furusato/ledger/samples/", import.meta.url));
const RAKUTEN_FILE = `${SAMPLES}rakuten-orders-sample.csv`;
const GENERIC_FILE = `${SAMPLES}generic-donations-sample.csv`;

/** The fiscal year (April → March) of an ISO date. */
function fiscalYearOf(iso: string): number {
  const [year, month] = iso.split("-").map(Number);
  return month >= 4 ? year : year - 1;
}

/** "2026/10/02 10:01:00" or "2026/10/02" → "2026-10-02". */
function isoDate(text: string): string {
  const [y, m, d] = text.trim().split(" ")[0].split("/");
  return `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
}

type FileFigures = { rows: number; donations: number; amount: number; orders: { orderNumber: string; giftCode: string }[] };

/**
 * What an import of a sample file should add to the dashboard: the sum of the orders' amounts, キャンセル/取消
 * left out, and only orders of 令和8年度 (by 入金日, else the application date).
 */
function figuresOf(
  text: string,
  columns: { order: string; amount: string; status: string; appliedOn: string; paidOn: string; giftCode: string },
  cancelled: string,
): FileFigures {
  const records: Record<string, string>[] = parse(text, { columns: true, bom: true, skip_empty_lines: true });
  const figures: FileFigures = { rows: records.length, donations: 0, amount: 0, orders: [] };
  for (const record of records) {
    if (record[columns.status] === cancelled) continue;
    const date = isoDate(record[columns.paidOn] || record[columns.appliedOn]);
    if (fiscalYearOf(date) !== FISCAL_YEAR) continue;
    figures.donations += 1;
    figures.amount += Number(record[columns.amount]);
    figures.orders.push({ orderNumber: record[columns.order], giftCode: record[columns.giftCode] });
  }
  return figures;
}

/** The chart's figures, read from its data attributes. */
type ChartFigures = { total: number; count: number; portals: Record<string, number> };

describe("ふるさと納税 寄附台帳: import → dashboard → 出荷依頼 → the supplier marks 発送済 (browser)", () => {
  const session = useBrowserSession(UI_TIMEOUT);
  let server: RunningServer;
  let page: Page;
  let rakutenFile: FileFigures;
  let genericFile: FileFigures;
  let before: ChartFigures;
  let tableBefore: { rakuten: number; ana: number };
  /** The imported 楽天 order of the supplier's gift that the supplier ships in this test. */
  let orderNumber = "";

  beforeAll(async () => {
    ({ server, page } = session);
    rakutenFile = figuresOf(
      iconv.decode(await readFile(RAKUTEN_FILE), "cp932"),
      {
        order: "受注番号",
        amount: "合計金額",
        status: "受注ステータス",
        appliedOn: "注文日時",
        paidOn: "入金日",
        giftCode: "商品管理番号",
      },
      "キャンセル",
    );
    genericFile = figuresOf(
      await readFile(GENERIC_FILE, "utf8"),
      { order: "受付番号", amount: "寄附金額", status: "入金状況", appliedOn: "申込日", paidOn: "入金日", giftCode: "返礼品コード" },
      "取消",
    );
    orderNumber = rakutenFile.orders.find((order) => order.giftCode === SUPPLIER.giftCode)?.orderNumber ?? "";
  });

  const logOut = (displayName: string) => ui.logOut(page, displayName);
  const logIn = (account: { loginId: string; password: string; displayName: string }) => ui.logIn(page, account);
  const closeFlash = (text: string) => ui.closeFlash(page, text);

  const nav = () => page.getByRole("navigation", { name: "ふるさと納税のメニュー" });
  const chart = () => page.getByTestId("portal-month-chart");
  const portalTable = () => page.getByRole("table", { name: "寄附受付サイト別・月別の寄附額（円）と件数" });

  async function openDashboard() {
    await nav().getByRole("link", { name: "ダッシュボード", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/furusato/dashboard");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("ダッシュボード");
    const year = page.getByRole("combobox", { name: "年度", exact: true });
    if ((await year.inputValue()) !== String(FISCAL_YEAR)) {
      await year.selectOption({ label: FISCAL_YEAR_LABEL });
      await page.waitForURL((url) => url.searchParams.get("fiscalYear") === String(FISCAL_YEAR));
    }
    await visible(chart());
    await visible(portalTable());
  }

  async function readChart(): Promise<ChartFigures> {
    const [total, count, portals] = await Promise.all(
      ["data-total", "data-count", "data-portals"].map(async (name) => (await chart().getAttribute(name)) ?? ""),
    );
    return {
      total: Number(total),
      count: Number(count),
      portals: Object.fromEntries(
        portals
          .split(",")
          .filter(Boolean)
          .map((entry) => {
            const [code, amount] = entry.split(":");
            return [code, Number(amount)];
          }),
      ),
    };
  }

  /** The 合計 column of a portal's row of the table: "12,345,000円（700件）" → 12345000. */
  async function tableTotal(portalName: string): Promise<number> {
    const row = portalTable()
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: portalName, exact: true }) });
    const text = (await row.getByRole("cell").last().textContent()) ?? "";
    const match = /^([\d,]+)円/.exec(text.trim());
    expect(match, `the 合計 of ${portalName}: "${text}"`).not.toBeNull();
    return Number((match as RegExpExecArray)[1].replaceAll(",", ""));
  }

  /** Chooses a 取込設定 and a file, sends it, and waits for the job's outcome heading. */
  async function importFile(mapping: string, file: string, outcome: string) {
    await page.getByRole("combobox", { name: "取込設定", exact: true }).selectOption({ label: mapping });
    await page.getByLabel("取り込むファイル").setInputFiles(file);
    await page.getByRole("button", { name: "取り込む", exact: true }).click();
    return visible(page.getByRole("heading", { name: outcome, exact: true }));
  }

  test("the first start prints a setup link that registers the first administrator", async () => {
    await setUpFirstAdmin(page, await server.waitForSetupUrl(), ADMIN, { timeout: UI_TIMEOUT });
  });

  test("the dashboard of 令和8年度 shows the demo donations per portal", async () => {
    // The sample files hold orders of 令和8年度 only: the cancelled 楽天 order is left out, every other one counts.
    expect(rakutenFile.rows).toBe(40);
    expect(rakutenFile.donations).toBe(39);
    expect(genericFile.rows).toBe(30);
    expect(genericFile.donations).toBe(30);
    expect(orderNumber).not.toBe("");

    await page.getByRole("link", { name: "ふるさと納税", exact: true }).first().click();
    await page.waitForURL((url) => url.pathname === "/furusato");
    await openDashboard();
    expect(await page.getByRole("combobox", { name: "年度", exact: true }).inputValue()).toBe(String(FISCAL_YEAR));
    before = await readChart();
    expect(before.total).toBeGreaterThan(0);
    expect(before.portals[RAKUTEN.code]).toBeGreaterThan(0);
    expect(before.portals[ANA.code]).toBeGreaterThan(0);
    // The table holds the same figures as the chart.
    tableBefore = { rakuten: await tableTotal(RAKUTEN.name), ana: await tableTotal(ANA.name) };
    expect(tableBefore).toEqual({ rakuten: before.portals[RAKUTEN.code], ana: before.portals[ANA.code] });
    await visible(page.getByRole("img", { name: /令和8年度の寄附受付サイト別・月別の寄附額/ }));
    await checkA11y(page);
  });

  test("寄附データの取込: the 楽天 sample (CP932) and the generic sample are imported; the 楽天 file again changes nothing", async () => {
    await nav().getByRole("link", { name: "取込", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/furusato/donations/import");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("寄附データの取込");
    await visible(page.getByRole("combobox", { name: "取込設定", exact: true }));
    await checkA11y(page);

    const success = await importFile(RAKUTEN.mapping, RAKUTEN_FILE, "取り込みました");
    const result = page.getByRole("alert").filter({ has: success });
    await visible(result.getByText(`新規 ${rakutenFile.rows}件・更新 0件・変更なし 0件`, { exact: true }));
    await visible(result.getByText(`ファイルの行数: ${rakutenFile.rows}行`, { exact: true }));
    await checkA11y(page);

    await importFile(ANA.mapping, GENERIC_FILE, "取り込みました");
    await visible(page.getByText(`新規 ${genericFile.rows}件・更新 0件・変更なし 0件`, { exact: true }));

    // The same 楽天 file once more: recognised, nothing imported.
    await importFile(RAKUTEN.mapping, RAKUTEN_FILE, "同じファイルは既に取り込まれています");
    await visible(page.getByText("このファイルと同じ内容のファイルが既に取り込まれているため、何も変更していません。"));
    expect(await page.getByRole("heading", { name: "取り込みました", exact: true }).count()).toBe(0);

    // A file with one bad amount (row 3) is rejected whole: the summary, the report and the row in the error table.
    const lines = (await readFile(GENERIC_FILE, "utf8")).split("\r\n");
    const cells = lines[2].split(",");
    cells[4] = "一万円";
    lines[2] = cells.join(",");
    await page.getByRole("combobox", { name: "取込設定", exact: true }).selectOption({ label: ANA.mapping });
    await page
      .getByLabel("取り込むファイル")
      .setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\r\n")) });
    await page.getByRole("button", { name: "取り込む", exact: true }).click();
    await visible(page.getByRole("heading", { name: "取り込めませんでした", exact: true }));
    await visible(page.getByRole("link", { name: "エラー報告（CSV）をダウンロード" }));
    const errors = page.getByRole("table", { name: "取込できなかった行" });
    await visible(errors.getByRole("rowheader", { name: "3行目", exact: true }));
    await visible(errors.getByRole("cell", { name: "寄附金額", exact: true }));
    await checkA11y(page);

    // The history lists both files once each.
    const history = page.getByRole("table", { name: "寄附データの取込履歴" });
    await visible(history.getByRole("rowheader", { name: "generic-donations-sample.csv", exact: true }));
    await visible(history.getByRole("rowheader", { name: "rakuten-orders-sample.csv", exact: true }).first());
    await checkA11y(page);
  });

  test("the dashboard grew by exactly the imported, non-cancelled amounts: 楽天 and ANA", async () => {
    await openDashboard();
    const expectedTotal = before.total + rakutenFile.amount + genericFile.amount;
    // The dashboard may show the figures it had before for a moment, then the fresh ones.
    await page
      .waitForFunction(
        (total) => document.querySelector('[data-testid="portal-month-chart"]')?.getAttribute("data-total") === String(total),
        expectedTotal,
        { timeout: UI_TIMEOUT },
      )
      .catch(async (error: Error) => {
        throw new Error(`the chart's data-total did not become ${expectedTotal}: ${JSON.stringify(await readChart())} (${error.message})`);
      });
    const after = await readChart();
    expect(after.total).toBe(expectedTotal);
    expect(after.count).toBe(before.count + rakutenFile.donations + genericFile.donations);
    expect(after.portals[RAKUTEN.code]).toBe(before.portals[RAKUTEN.code] + rakutenFile.amount);
    expect(after.portals[ANA.code]).toBe(before.portals[ANA.code] + genericFile.amount);
    for (const [code, amount] of Object.entries(before.portals)) {
      if (code !== RAKUTEN.code && code !== ANA.code) expect(after.portals[code]).toBe(amount);
    }
    // The table says the same; the 楽天 row grew.
    expect(await tableTotal(RAKUTEN.name)).toBe(tableBefore.rakuten + rakutenFile.amount);
    expect(await tableTotal(ANA.name)).toBe(tableBefore.ana + genericFile.amount);
    await visible(page.getByRole("img", { name: new RegExp(`合計 ${expectedTotal.toLocaleString("ja-JP")}円`) }));
    await checkA11y(page);
  });

  test("the administrator creates the supplier's login and sends it the 出荷依頼", async () => {
    await nav().getByRole("link", { name: "事業者", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/furusato/suppliers");
    await (await visible(page.getByRole("link", { name: SUPPLIER.name, exact: true }))).click();
    await page.waitForURL((url) => /^\/furusato\/suppliers\/[^/]+$/.test(url.pathname));
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe(SUPPLIER.name);

    const account = await visible(page.getByRole("region", { name: "ログインアカウントを作成" }));
    await account.getByRole("textbox", { name: "ログインID", exact: true }).fill(PARTNER.loginId);
    await account.getByRole("textbox", { name: "氏名", exact: true }).fill(PARTNER.displayName);
    await account.getByRole("textbox", { name: "初期パスワード", exact: true }).fill(PARTNER.password);
    await account.getByRole("button", { name: "アカウントを作成" }).click();
    await visible(account.getByRole("status").filter({ hasText: `ログインアカウント「${PARTNER.loginId}」を作成しました。` }));
    await closeFlash(`ログインアカウント「${PARTNER.loginId}」を作成しました。`);

    await nav().getByRole("link", { name: "出荷依頼", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/furusato/shipments");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("出荷依頼");
    const backlog = page.getByRole("table", { name: "事業者ごとの未発送の件数" });
    const supplierRow = backlog.getByRole("row").filter({ has: page.getByRole("rowheader", { name: SUPPLIER.name, exact: true }) });
    // The imported 楽天 orders of the supplier's gift are waiting to be requested (with the demo's recent ones).
    const importedOfSupplier = rakutenFile.orders.filter((order) => order.giftCode === SUPPLIER.giftCode).length;
    const requestAll = await visible(supplierRow.getByRole("button", { name: new RegExp(`^${SUPPLIER.name}に未依頼の\\d+件を依頼する$`) }));
    const unrequested = Number(/未依頼の(\d+)件/.exec((await requestAll.getAttribute("aria-label")) ?? "")?.[1]);
    expect(unrequested).toBeGreaterThanOrEqual(importedOfSupplier);

    // The shipments list, narrowed to the supplier's 未依頼: the imported order is there.
    const filters = page.getByRole("form", { name: "絞り込み" });
    await filters.getByRole("combobox", { name: "事業者", exact: true }).selectOption({ label: SUPPLIER.name });
    await filters.getByRole("combobox", { name: "状態", exact: true }).selectOption({ label: "未依頼" });
    await filters.getByRole("button", { name: "表示", exact: true }).click();
    const list = page.getByRole("table", { name: "出荷の一覧" });
    await visible(list.getByRole("rowheader", { name: orderNumber, exact: true }));
    await checkA11y(page);

    await requestAll.click();
    const dialog = await visible(page.getByRole("dialog", { name: `依頼を出す（${unrequested}件）` }));
    await visible(dialog.getByText(`${SUPPLIER.name}に未依頼の出荷 ${unrequested}件の発送を依頼します。`, { exact: false }));
    await dialog.getByRole("button", { name: "実行する", exact: true }).click();
    await gone(page.getByRole("dialog"));
    await closeFlash(`${unrequested}件を依頼しました`);
    // Nothing of the supplier is left to request; the order is 依頼済.
    await gone(supplierRow.getByRole("button", { name: /に未依頼の\d+件を依頼する$/ }));
    await visible(list.getByText("条件に合う出荷はありません。", { exact: true }));
    await filters.getByRole("combobox", { name: "状態", exact: true }).selectOption({ label: "依頼済" });
    await filters.getByRole("button", { name: "表示", exact: true }).click();
    const row = list.getByRole("row").filter({ has: page.getByRole("rowheader", { name: orderNumber, exact: true }) });
    await visible(row.getByText("依頼済", { exact: true }));
  });

  test("the supplier enters the 発送予定日, ヤマト運輸 and the tracking number and marks the shipment 発送済", async () => {
    await logOut(ADMIN.displayName);
    await logIn(PARTNER);
    // A supplier's login lands in the furusato module.
    await page.waitForURL((url) => url.pathname === "/furusato");
    await nav().getByRole("link", { name: "出荷", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/furusato/my-shipments");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("出荷（発送のご依頼）");

    const list = page.getByRole("table", { name: "ご依頼の出荷" });
    const row = () => list.getByRole("row").filter({ has: page.getByRole("rowheader", { name: orderNumber, exact: true }) });
    // The requests are listed by 発送期限; the ones requested today come last.
    await visible(list.getByRole("rowheader").first());
    if ((await row().count()) === 0) await page.getByRole("button", { name: "最後のページ" }).click();
    await visible(row().getByText("依頼済", { exact: true }));
    // The supplier sees where to send it.
    await checkA11y(page);

    await row().getByRole("button", { name: "詳細を表示" }).click();
    const form = await visible(page.getByRole("form", { name: `受付番号 ${orderNumber} の発送の入力` }));
    await form.getByRole("textbox", { name: "発送予定日", exact: true }).fill("令和8年11月27日");
    await visible(form.getByText("令和8年11月27日（西暦 2026-11-27）として扱います"));
    await form.getByRole("combobox", { name: "配送業者", exact: true }).selectOption({ label: "ヤマト運輸" });
    await form.getByRole("textbox", { name: "伝票番号", exact: true }).fill(TRACKING_NUMBER);
    await form.getByRole("checkbox", { name: "発送済みにする", exact: true }).check();
    await visible(form.getByRole("textbox", { name: "発送日", exact: true }));
    await checkA11y(page);
    await form.getByRole("button", { name: "保存", exact: true }).click();
    await closeFlash(`受付番号 ${orderNumber} の出荷を保存しました。`);
    // Sent: it leaves the list of what is still to send …
    await gone(row());

    // … and is listed among the sent ones, with the carrier and the tracking number.
    await page.getByText("発送済み", { exact: true }).click();
    // (The list of what is still to send stays until the sent ones arrive: wait for a 発送済 row.)
    await visible(list.getByText("発送済", { exact: true }).first());
    // Sent ones are listed by 発送期限 too: the one requested today is on the last page.
    if ((await row().count()) === 0) await page.getByRole("button", { name: "最後のページ" }).click();
    await visible(row().getByText("発送済", { exact: true }));
    await visible(row().getByText(TRACKING_NUMBER));
    await visible(row().getByText("ヤマト運輸"));
    await checkA11y(page);
  });

  test("the supplier cannot open the donation ledger: no link, and its address is refused", async () => {
    expect(await nav().getByRole("link", { name: "寄附台帳", exact: true }).count()).toBe(0);
    expect(await nav().getByRole("link", { name: "取込", exact: true }).count()).toBe(0);
    expect(await nav().getByRole("link", { name: "ダッシュボード", exact: true }).count()).toBe(0);
    // Typed in, the address gets the API's refusal and no donations (the same origin as the page: the session
    // cookie belongs to the host the setup link named).
    await page.goto(new URL("/furusato/donations", page.url()).href);
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("寄附台帳");
    await visible(page.getByRole("alert").filter({ hasText: "この操作を行う権限がありません。" }));
    const list = page.getByRole("table", { name: "寄附の一覧" });
    expect(await list.getByRole("rowheader").count()).toBe(0);
    expect(await page.getByText(orderNumber).count()).toBe(0);
  });
});
