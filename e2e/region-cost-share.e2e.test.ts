// 負担金 end to end through the real UI (issue 18 "Must show": "a joint project's 負担金 table is computed and
// downloaded"), against the production bundle on a fresh data directory with the sample data: the first administrator
// (a region manager) opens the 負担金 of the joint project かんもんPAY as the project page links it
// (/region/cost-shares?projectId=…) → its rule 「事務費の負担（均等割・人口割）」 → 負担金を算定: 令和6年度, 総額 and a 特定財源
// typed, 北九州市's population pre-filled from the stored 住民基本台帳 (令和4年1月1日), 下関市's typed → 試算: every
// figure in the table equals what the engine computes from the same inputs → saves it → the saved table downloads as
// Excel (its 合計 equals the amount to share, and each member's share the engine's) and as PDF; axe passes on the pages.
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { computeCostShares, ruleBodySchema } from "../src/common/region/cost-share";
import { extractPdfText } from "../src/server/testing/pdf-text";
import { checkA11y } from "./lib/chromium";
import type { RunningServer } from "./lib/server";
import { useBrowserSession } from "./lib/session";
import { setUpFirstAdmin } from "./lib/setup-admin";
import { heading1, visible } from "./lib/ui";

const UI_TIMEOUT = 30_000;
const ADMIN = { loginId: "e2e.admin", displayName: "試験 太郎", password: "Yokogushi2025test" };
const RULE = "事務費の負担（均等割・人口割）";
const TOTAL = 20_000_000;
const FEES = 750_000;
const SHIMONOSEKI = 250_123;
/** 北九州市 in the sample populations (samples/populations.csv, 住民基本台帳 2022-01-01) */
const KITAKYUSHU = 936_586;

/** What the engine computes from the same inputs: the figures the page must show. */
function expected() {
  const rule = ruleBodySchema.parse({
    components: [
      { kind: "equal", label: "均等割", weight: 5000 },
      { kind: "population", label: "人口割", weight: 5000, basis: "resident_register", asOf: "2022-01-01" },
    ],
    rounding: { unit: 1, method: "floor" },
    remainderMemberId: "k",
  });
  return computeCostShares(rule, {
    members: [
      { id: "k", name: "北九州市" },
      { id: "s", name: "下関市" },
    ],
    total: TOTAL,
    deductions: [{ label: "使用料", amount: FEES }],
    figures: { "population:resident_register:2022-01-01": { k: KITAKYUSHU, s: SHIMONOSEKI } },
  });
}

const yen = (n: number) => n.toLocaleString("ja-JP");

describe("負担金: compute a joint project's table, save it, download Excel and PDF (browser)", () => {
  const session = useBrowserSession(UI_TIMEOUT);
  let server: RunningServer;
  let page: Page;
  let computationPath = "";

  beforeAll(() => {
    ({ server, page } = session);
  });
  // the page's own origin: the setup link's host (localhost) holds the session cookie
  const go = (path: string) => page.goto(new URL(path, page.url() === "about:blank" ? server.url : page.url()).href);
  const waitHeading = (text: string | RegExp) =>
    typeof text === "string"
      ? expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe(text)
      : expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toMatch(text);

  test("the administrator opens the 負担金 of かんもんPAY from the project's link and its rule", async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await setUpFirstAdmin(page, await server.waitForSetupUrl(), ADMIN, { timeout: UI_TIMEOUT });
    const projects = await page.evaluate(async () => (await fetch("/api/region/cost-shares")).json());
    const kanmon = (projects.projects as { id: string; name: string }[]).find((p) => p.name.startsWith("かんもんPAY"));
    expect(kanmon).toBeDefined();
    await go(`/region/cost-shares?projectId=${kanmon!.id}`);
    await waitHeading("負担金");
    const table = await visible(page.getByRole("table", { name: /算定ルール（1件）/ }));
    await checkA11y(page);
    await table.getByRole("link", { name: RULE }).click();
    await waitHeading(RULE);
    await visible(page.getByRole("table", { name: "区分と割合（第1版）" }).first());
    await checkA11y(page);
    await page.getByRole("link", { name: "負担金を算定" }).click();
    await waitHeading(`${RULE}で算定`);
  });

  test("computes 令和6年度 with the stored population of 北九州市 and 下関市's typed: the table equals the engine's", async () => {
    await expect.poll(() => page.getByRole("combobox", { name: "年度" }).inputValue(), { timeout: UI_TIMEOUT }).toBe("2024");
    await page.getByRole("textbox", { name: "総額（円）" }).fill(String(TOTAL));
    await page.getByRole("combobox", { name: "1件目の特定財源の名称" }).fill("使用料");
    await page.getByRole("textbox", { name: "1件目の特定財源の額（円）" }).fill(String(FEES));
    const inputs = await visible(page.getByRole("table", { name: "人口（住民基本台帳（令和4年1月1日現在））" }));
    // 北九州市's figure is the stored one, not an input
    await visible(inputs.getByRole("row", { name: /北九州市.*936,586/ }));
    await inputs.getByRole("textbox", { name: "下関市の人口（住民基本台帳（令和4年1月1日現在））" }).fill(String(SHIMONOSEKI));
    await checkA11y(page);
    await page.getByRole("button", { name: "試算", exact: true }).click();
    const want = expected();
    await visible(page.getByRole("heading", { name: `算定結果: 令和6年度 負担金の対象額 ${yen(want.amountToShare)}円` }));
    const result = await visible(page.getByRole("table", { name: `${RULE} 第1版` }));
    for (const m of want.members) {
      const row = result.getByRole("row", { name: new RegExp(m.name) });
      const cells = (await row.locator("td").allTextContents()).map((s) => s.trim());
      expect(cells).toContain(yen(m.lines[0].amount));
      expect(cells).toContain(yen(m.lines[1].amount));
      expect(cells).toContain(yen(m.share));
    }
    const total = (await result.getByRole("row", { name: /合計/ }).locator("td").allTextContents()).map((s) => s.trim());
    expect(total).toContain(yen(want.amountToShare));
    await checkA11y(page);
  });

  test("saves the computation and lands on its page", async () => {
    await page.getByRole("textbox", { name: "題名（任意）" }).fill("令和6年度 事務費（E2E）");
    await page.getByRole("button", { name: "算定結果を保存" }).click();
    await waitHeading("令和6年度 かんもんPAY（関門共通返礼品） 負担金");
    computationPath = new URL(page.url()).pathname;
    expect(computationPath).toMatch(/^\/region\/cost-shares\/computations\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => page.getByTestId("amount-to-share").textContent(), { timeout: UI_TIMEOUT })
      .toBe(`${yen(expected().amountToShare)}円`);
    await visible(page.getByRole("cell", { name: "入力値" }).first());
    await checkA11y(page);
  });

  test("downloads the Excel table: its 合計 equals the amount to share, and each share the engine's", async () => {
    const want = expected();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Excelで出力" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^負担金算定表_.*\.xlsx$/);
    const book = new ExcelJS.Workbook();
    const bytes = await readFile(await download.path());
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = book.getWorksheet("負担金")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const shareColumn = header.indexOf("負担額") + 1;
    expect(shareColumn).toBeGreaterThan(0);
    const last = sheet.getRow(sheet.rowCount);
    expect(last.getCell(1).value).toBe("合計");
    expect(last.getCell(shareColumn).value).toBe(want.amountToShare);
    expect(want.amountToShare).toBe(TOTAL - FEES);
    for (const [i, m] of want.members.entries()) {
      expect(sheet.getRow(i + 2).getCell(1).value).toBe(m.name);
      expect(sheet.getRow(i + 2).getCell(shareColumn).value).toBe(m.share);
    }
  });

  test("downloads the PDF table with the rule's name and version, 和暦 and the total", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "PDFで出力" }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = (await extractPdfText(pdf)).replace(/\s+/g, "");
    expect(text).toContain("令和6年度かんもんPAY（関門共通返礼品）負担金算定表");
    expect(text).toContain(`${RULE}第1版`);
    expect(text).toContain(yen(expected().amountToShare));
  });

  test("the what-if page and the rule editor pass axe", async () => {
    const list = await page.evaluate(async () => (await fetch("/api/region/cost-shares")).json());
    const fire = (list.items as { id: string; projectId: string; projectName: string }[]).find(
      (r) => r.projectName === "消防指令業務の共同運用",
    );
    await go(`/region/cost-shares/compare?projectId=${fire!.projectId}`);
    await waitHeading("ルールを比べる（what-if）");
    await checkA11y(page);
    await go(`/region/cost-shares/rules/${fire!.id}/edit`);
    await waitHeading(/第2版を作成/);
    await visible(page.getByRole("status").filter({ hasText: "割合の合計: 100%" }));
    await checkA11y(page);
  });
});
