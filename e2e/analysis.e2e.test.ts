// 経営分析 end to end through the real UI (issue 19 "Must show": "a browser test that imports two years of the
// university's figures, sees the dependency trend chart and the peer comparison, records a decision and downloads the
// report"), against the production bundle on a fresh data directory with the sample data: the first administrator
// (an analysis manager) opens 公立大学法人北九州市立大学 from the home → imports 令和6・7年度 from a CSV (the years in the
// file replace the sample's) → the dependency trend chart has the two years' points at the imported values, and the
// peer comparison ranks the university among its peers for 令和7年度 (a peer without 令和7年度 figures shown as
// 「データなし」, not 0) → starts the 令和8年度 analysis → a finding, the options, the decision (継続, with its date) →
// downloads the report as PDF (its text names the university) → axe passes on the subject and analysis pages.
import { readFile } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { extractPdfText } from "../src/server/testing/pdf-text";
import { checkA11y } from "./lib/chromium";
import type { RunningServer } from "./lib/server";
import { useBrowserSession } from "./lib/session";
import { setUpFirstAdmin } from "./lib/setup-admin";
import { heading1, visible } from "./lib/ui";

const UI_TIMEOUT = 30_000;
const ADMIN = { loginId: "e2e.admin", displayName: "試験 太郎", password: "Yokogushi2025test" };
const UNIVERSITY = "公立大学法人北九州市立大学";

/**
 * Two fiscal years of the university's figures as a user would import them: 年度 written two ways, the city's money
 * chosen so that the dependency is exactly 40% (令和6年度) and 45% (令和7年度) of a 5,000,000,000円 revenue.
 */
const IMPORT_CSV = [
  "年度,運営費交付金（市）,補助金（市）,授業料,入学金・検定料,人件費,物件費,光熱水費,学生数",
  "令和6年度,1900000000,100000000,2500000000,500000000,3300000000,1500000000,280000000,6330",
  "R7,2100000000,150000000,2300000000,450000000,3350000000,1450000000,270000000,6300",
].join("\r\n");

describe("経営分析: import the university's figures, see the indicators, decide, download the report (browser)", () => {
  const session = useBrowserSession(UI_TIMEOUT);
  let server: RunningServer;
  let page: Page;
  let subjectPath = "";

  beforeAll(() => {
    ({ server, page } = session);
  });
  // the page's own origin: the setup link's host (localhost) holds the session cookie
  const go = (path: string) => page.goto(new URL(path, page.url() === "about:blank" ? server.url : page.url()).href);
  const waitHeading = (text: string) => expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe(text);
  const dependencyCard = () => page.locator('[data-testid="indicator"][data-key="dependency"]');
  const dialog = () => page.getByRole("dialog");

  /** The cells of the row whose header starts with `rowHeader` (a figure's header also carries its origin badge). */
  async function cellsOf(table: Locator, rowHeader: string): Promise<string[]> {
    const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${rowHeader}`) }) });
    return (await row.locator("td").allTextContents()).map((s) => s.trim());
  }

  test("the administrator opens the university from the 経営分析 home", async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await setUpFirstAdmin(page, await server.waitForSetupUrl(), ADMIN, { timeout: UI_TIMEOUT });
    await go("/analysis");
    await waitHeading("経営分析");
    await (await visible(page.getByRole("link", { name: UNIVERSITY }))).click();
    await waitHeading(UNIVERSITY);
    subjectPath = new URL(page.url()).pathname;
    expect(subjectPath).toMatch(/^\/analysis\/subjects\/[0-9a-f-]{36}$/);
  });

  test("imports 令和6・7年度 from a CSV: all rows taken, the two years replaced", async () => {
    await page
      .getByLabel("取り込むファイル")
      .setInputFiles({ name: "analysis-university-figures.csv", mimeType: "text/csv", buffer: Buffer.from(IMPORT_CSV, "utf8") });
    await page.getByRole("button", { name: "取り込む", exact: true }).click();
    await visible(page.getByRole("heading", { name: "取り込みました", exact: true }));
    const figures = await visible(page.getByRole("table", { name: `${UNIVERSITY}の年度別数値（空欄は未入力）` }));
    // newest year first: the imported years hold the file's figures, marked 取込; the sample's 令和5年度 is untouched
    const grant = await cellsOf(figures, "運営費交付金（市）");
    expect(grant.slice(0, 2)).toEqual(["2,100,000,000円（取込）", "1,900,000,000円（取込）"]);
    expect(grant[2]).toBe("1,864,000,000円");
    // an item the file left out is no longer entered for the imported years (missing, not 0)
    const business = await cellsOf(figures, "事業収入");
    expect(business.slice(0, 3)).toEqual(["—未入力", "—未入力", "345,000,000円"]);
  });

  test("the dependency trend chart has the two imported years' points, at 40% and 45%", async () => {
    const card = await visible(dependencyCard());
    const chart = card.locator('[data-testid="trend-chart"]');
    // the subject's line (emphasised, drawn with larger points) through the imported values
    const subjectSeries = chart
      .locator("svg g[data-series]")
      .filter({ has: page.locator('circle[data-fiscal-year="2024"][data-value="40"]') });
    await expect.poll(() => subjectSeries.count(), { timeout: UI_TIMEOUT }).toBe(1);
    expect(await subjectSeries.locator('circle[data-fiscal-year="2024"]').getAttribute("r")).toBe("4");
    expect(await subjectSeries.locator('circle[data-fiscal-year="2025"]').getAttribute("data-value")).toBe("45");
    // the same figures in the chart's table, in 和暦
    const table = chart.getByRole("table", { name: "市財政への依存度の数値" });
    expect((await cellsOf(table, "令和6年度"))[0]).toBe("40.0%");
    expect((await cellsOf(table, "令和7年度"))[0]).toBe("45.0%");
  });

  test("the peer comparison ranks the university among its peers for 令和7年度; a peer without figures is 「データなし」", async () => {
    const card = dependencyCard();
    const peers = await visible(card.getByRole("table", { name: "市財政への依存度（令和7年度）の数値" }));
    const rows = (await peers.getByRole("row").allTextContents()).map((s) => s.replace(/\s+/g, ""));
    expect(rows.find((r) => r.includes("（分析対象）"))).toContain("45.0%");
    expect(rows.find((r) => r.includes("公立大学法人下関市立大学"))).toContain("14.1%");
    expect(rows.find((r) => r.includes("公立大学法人福岡女子大学"))).toContain("65.6%");
    // 高崎経済大学's figures end in 令和6年度
    expect(rows.find((r) => r.includes("公立大学法人高崎経済大学"))).toContain("データなし");
    // 65.6% > 45.0% > 14.1%: the university is second of the three bodies with a value
    await expect.poll(() => card.getByTestId("standing").textContent(), { timeout: UI_TIMEOUT }).toBe("3団体中2位（値の大きい順）");
    await checkA11y(page);
  });

  test("starts the 令和8年度 analysis from the subject page", async () => {
    await page.getByRole("button", { name: "経営分析を始める" }).click();
    const form = await visible(dialog());
    await expect.poll(() => form.getByRole("combobox", { name: "分析する年度" }).inputValue()).toBe("2026");
    await form.getByRole("textbox", { name: "概要（分析のねらい・範囲）" }).fill("運営費交付金と施設の老朽化を中心に分析する（E2E）。");
    await form.getByRole("button", { name: "始める" }).click();
    await waitHeading(`${UNIVERSITY} 令和8年度 経営分析`);
    expect(new URL(page.url()).pathname).toMatch(/^\/analysis\/reviews\/[0-9a-f-]{36}$/);
  });

  test("records a finding and the options, then the decision 継続 with its date", async () => {
    await page.getByRole("button", { name: "財務の所見を追加" }).click();
    let form = await visible(dialog());
    await form.getByRole("textbox", { name: "所見" }).fill("市財政への依存度は令和7年度に45.0%へ上がった（E2E）。");
    await form.getByRole("radio", { name: "課題あり" }).check();
    await form.getByRole("button", { name: "保存" }).click();
    await visible(page.getByText("市財政への依存度は令和7年度に45.0%へ上がった（E2E）。"));

    await page.getByRole("button", { name: "選択肢の検討を編集" }).click();
    form = await visible(dialog());
    await form.getByRole("textbox", { name: "継続の検討" }).fill("教育研究の水準を保ちつつ、自主財源の拡大を条件に継続する。");
    await form.getByRole("button", { name: "保存" }).click();
    await visible(page.getByText("教育研究の水準を保ちつつ、自主財源の拡大を条件に継続する。"));

    await page.getByRole("button", { name: "決定を記録" }).click();
    form = await visible(dialog());
    await form.getByRole("radio", { name: "継続" }).check();
    await form.getByRole("textbox", { name: "決定の内容" }).fill("継続。自主財源比率の目標を中期計画に定める。");
    await form.getByRole("textbox", { name: "決定日" }).fill("令和8年12月4日");
    await form.getByRole("button", { name: "決定を記録" }).click();
    await visible(page.getByText("決定済みのため、所見・選択肢・概要は変更できません。変更するには決定を取り消してください。"));
    await visible(page.getByText("令和8年12月4日").first());
    await checkA11y(page);
  });

  test("downloads the report as PDF: a PDF naming the university and the decision", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "報告書（PDF）" }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = (await extractPdfText(pdf)).replace(/\s+/g, "");
    expect(text).toContain(UNIVERSITY);
    expect(text).toContain("継続。自主財源比率の目標を中期計画に定める。");
  });

  test("the subject page lists the decided analysis and passes axe", async () => {
    await go(subjectPath);
    await waitHeading(UNIVERSITY);
    const reviews = await visible(page.getByRole("table", { name: "この対象の経営分析（年度の新しい順）" }));
    const row = (await reviews.getByRole("row").allTextContents()).map((s) => s.replace(/\s+/g, "")).find((r) => r.includes("令和8年度"));
    expect(row).toContain("決定済み");
    expect(row).toContain("継続");
    await checkA11y(page);
  });
});
