// Screens that were hard to read (issue 12 items 7, 9 and 10), on a fresh server with the sample data at 1280 px wide:
// the 寄附台帳 is dense (one line a row, headings that stay in view, a column chooser remembered per user), the
// dashboard's monthly table is never cut off, /public lists every public page under its own title, and the Action宣言
// board names a declaration's division once. Badges and console errors on every page: every-page.e2e.test.ts.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { checkA11y } from "./lib/chromium";
import type { RunningServer } from "./lib/server";
import { useBrowserSession } from "./lib/session";
import { setUpFirstAdmin } from "./lib/setup-admin";
import { heading1, UI_TIMEOUT, visible } from "./lib/ui";

const ADMIN = { loginId: "e2e.admin", displayName: "試験 太郎", password: "Yokogushi2025test" };
const LEDGER_CAPTION = "寄附の一覧";

describe("readable screens: dense ledger, dashboard table, public home, lobby board (browser)", () => {
  const session = useBrowserSession(UI_TIMEOUT);
  let server: RunningServer;
  let page: Page;
  let base = "";

  beforeAll(async () => {
    ({ server, page } = session);
    await page.setViewportSize({ width: 1280, height: 900 });
    await setUpFirstAdmin(page, await server.waitForSetupUrl(), ADMIN, { timeout: UI_TIMEOUT });
    base = new URL(page.url()).origin;
  });

  async function openLedger() {
    await page.goto(new URL("/furusato/donations", base).href);
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("寄附台帳");
    const table = page.getByRole("table", { name: LEDGER_CAPTION });
    await visible(table.getByRole("row").nth(40));
    return table;
  }

  test("item 7: the ledger shows 40 rows in less than 40 × 45 px, 受付番号 on one line", async () => {
    const table = await openLedger();
    const heights = await table
      .locator("tbody tr")
      .evaluateAll((rows) => rows.slice(0, 40).map((row) => row.getBoundingClientRect().height));
    expect(heights).toHaveLength(40);
    const total = heights.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThan(40 * 45);
    // One line a row: the 受付番号 cell is no taller than one line of its text.
    const orderCell = table.locator("tbody tr").first().locator("th");
    const { height, lineHeight } = await orderCell.evaluate((cell) => {
      const link = cell.querySelector("a") as HTMLElement;
      return { height: link.getBoundingClientRect().height, lineHeight: Number.parseFloat(getComputedStyle(link).lineHeight) };
    });
    expect(height).toBeLessThan(lineHeight * 1.5);
    await checkA11y(page);
  });

  test("item 7: the ledger's headings stay in view while its rows scroll", async () => {
    const table = await openLedger();
    const region = page.getByRole("region", { name: LEDGER_CAPTION });
    const header = table.locator("thead th").first();
    const before = await header.boundingBox();
    await region.evaluate((element) => {
      element.scrollTop = 800;
    });
    await expect.poll(() => region.evaluate((element) => element.scrollTop)).toBeGreaterThan(400);
    const regionBox = await region.boundingBox();
    const after = await header.boundingBox();
    // The heading row is still at the top of the scrolled region, and row 20 has gone under it.
    expect(before && regionBox && after).toBeTruthy();
    expect(Math.abs((after?.y ?? 0) - (regionBox?.y ?? 0))).toBeLessThan(4);
    const hiddenRow = await table.locator("tbody tr").nth(5).boundingBox();
    expect((hiddenRow?.y ?? 0) + (hiddenRow?.height ?? 0)).toBeLessThan(after?.y ?? 0);
  });

  test("item 7: hiding a column in 表示する列 hides it, and the choice is remembered", async () => {
    let table = await openLedger();
    expect(await table.getByRole("columnheader", { name: "決済方法" }).count()).toBe(1);
    await page.getByRole("button", { name: /^表示する列/ }).click();
    const chooser = page.getByRole("group", { name: `「${LEDGER_CAPTION}」に表示する列` });
    await (await visible(chooser.getByRole("checkbox", { name: "決済方法" }))).uncheck();
    await expect.poll(() => table.getByRole("columnheader", { name: "決済方法" }).count()).toBe(0);
    // The row header (受付番号) cannot be hidden.
    expect(await chooser.getByRole("checkbox", { name: "受付番号" }).count()).toBe(0);
    await page.keyboard.press("Escape");
    await visible(page.getByRole("button", { name: "表示する列（1列を非表示）" }));

    table = await openLedger();
    expect(await table.getByRole("columnheader", { name: "決済方法" }).count()).toBe(0);
    expect(await table.getByRole("columnheader", { name: "寄附金額" }).count()).toBe(1);
    await page.getByRole("button", { name: /^表示する列/ }).click();
    await (await visible(page.getByRole("button", { name: "すべて表示" }))).click();
    await expect.poll(() => table.getByRole("columnheader", { name: "決済方法" }).count()).toBe(1);
  });

  test("item 7: the dashboard's monthly table is not cut off at 1280 px", async () => {
    await page.goto(new URL("/furusato/dashboard", base).href);
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("ダッシュボード");
    const region = await visible(page.getByRole("region", { name: "寄附受付サイト別・月別の寄附額（円）と件数" }));
    const table = region.getByRole("table");
    const measure = () =>
      region.evaluate((element) => {
        const box = element.getBoundingClientRect();
        const main = (document.querySelector("#main") as HTMLElement).getBoundingClientRect();
        const cells = [...element.querySelectorAll<HTMLElement>("th, td")];
        const rowHeader = element.querySelector<HTMLElement>("tbody th") as HTMLElement;
        const lastHeader = [...element.querySelectorAll<HTMLElement>("thead th")].at(-1) as HTMLElement;
        return {
          clipped: cells.filter((cell) => cell.scrollWidth > cell.clientWidth + 1).map((cell) => cell.textContent),
          fits: element.scrollWidth <= element.clientWidth + 1,
          insideMain: box.left >= main.left - 1 && box.right <= main.right + 1,
          rowHeaderLeft: rowHeader.getBoundingClientRect().left - box.left,
          lastHeaderRight: box.right - lastHeader.getBoundingClientRect().right,
          describedBy: element.getAttribute("aria-describedby"),
        };
      });
    const first = await measure();
    expect(first.clipped).toEqual([]);
    expect(first.insideMain).toBe(true);
    if (!first.fits) {
      // It scrolls: a visible hint says so, and scrolled to the end the 合計 column shows with the portals beside it.
      expect(first.describedBy).toBeTruthy();
      expect(await page.locator(`[id="${first.describedBy}"]`).textContent()).toContain("横にスクロール");
      await region.evaluate((element) => {
        element.scrollLeft = element.scrollWidth;
      });
      const scrolled = await measure();
      expect(Math.abs(scrolled.rowHeaderLeft)).toBeLessThan(2);
      expect(scrolled.lastHeaderRight).toBeGreaterThanOrEqual(-1);
    }
    expect(await table.getByRole("rowheader", { name: "合計", exact: true }).count()).toBe(1);
    await checkA11y(page);
  });

  test("item 9: /public lists every public page, and each has its own heading and document title", async () => {
    const visitor = await session.browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
    try {
      const tab = await visitor.newPage();
      tab.setDefaultTimeout(UI_TIMEOUT);
      await tab.goto(new URL("/public", base).href);
      expect(await heading1(tab)).toBe("公開ページ");
      await checkA11y(tab);
      const list = tab.getByRole("list", { name: "公開しているページ" });
      const titles = (await list.getByRole("link").allTextContents()).map((text) => text.trim());
      expect(titles).toEqual([
        "公開中の局区方針",
        "新ビジョンの進捗",
        "職員の Action宣言",
        "国際交流・国際協力の事業",
        "サステナブル経営認証 認証企業一覧",
        "サステナブル経営認証 申請企業のアカウント登録",
        "SDGsステーション イベント・お知らせ",
        "北九州都市圏域 情報ハブ",
        "Kitakyushu Metropolitan Region Hub (English)",
        "外部送信について（北九州都市圏域 情報ハブ）",
        "オープンデータ一覧（北九州都市圏域 情報ハブ）",
      ]);
      for (const title of titles) {
        await tab.goto(new URL("/public", base).href);
        await (await visible(list.getByRole("link", { name: title, exact: true }))).click();
        await expect.poll(() => heading1(tab), { timeout: UI_TIMEOUT }).toBe(title);
        expect(await tab.title()).toBe(`${title} | 横串 Yokogushi`);
        // The header names the public site, not one module's pages.
        expect(await tab.locator("header").first().textContent()).not.toContain("局区方針 公開ページ");
        // And the breadcrumbs lead back to the public home.
        await visible(tab.getByRole("navigation", { name: "パンくずリスト" }).getByRole("link", { name: "公開ページ" }));
      }
    } finally {
      await visitor.close();
    }
  });

  test("item 10: the lobby board and the public page name a declaration's division once", async () => {
    const visitor = await session.browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo", reducedMotion: "reduce" });
    try {
      const board = await visitor.newPage();
      board.setDefaultTimeout(UI_TIMEOUT);
      await board.goto(new URL("/vision/board", base).href);
      expect(await heading1(board)).toBe("わたしたちの Action宣言");
      const quote = await visible(board.locator("blockquote"));
      const authors: string[] = [];
      const count = Number((await board.getByText(/^\d+ \/ \d+$/).textContent())?.split("/")[1] ?? "0");
      for (let i = 0; i < Math.max(count, 1); i++) {
        authors.push((await quote.locator("xpath=following-sibling::p[1]").textContent()) ?? "");
        await board.keyboard.press("ArrowRight");
      }
      expect(authors.length).toBeGreaterThan(1);
      for (const author of authors) {
        const words = author.split(/[\s　]+/).filter((word) => word.endsWith("課") || word.endsWith("局"));
        expect(new Set(words).size, author).toBe(words.length);
      }

      await board.goto(new URL("/public/vision/declarations", base).href);
      await visible(board.getByRole("list", { name: "掲示中の Action宣言" }).getByRole("listitem").first());
      const cards = await board.getByRole("list", { name: "掲示中の Action宣言" }).getByRole("listitem").allTextContents();
      for (const card of cards) expect(card).not.toMatch(/(\S+課)[\s　]+\1/);
    } finally {
      await visitor.close();
    }
  });
});
