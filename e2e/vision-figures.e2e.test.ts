// Issue 12 items 1–4 in the browser, on a fresh server with the sample data: the same indicator's 達成率 (and target)
// reads the same on the council member's round page, the public progress page, the indicator page and the dashboard,
// and in the PDF and Excel report (item 1); the grade rule's choice for a round without its own 年度's value —
// 未評価 by default, or 「令和6年度の値で評価」 shown on every page (item 2); the indicator chart's unit label clear of
// the top tick and its last year label inside the picture, 按分目標 in the indicator's precision (item 3); and no
// 西暦 year on the main vision and furusato pages (item 4: 和暦 on screens, 西暦 only beside it or in data exports).
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { formatAchievement } from "../src/common/vision/format";
import { readXlsx } from "../src/server/platform/tabular/xlsx-read";
import { extractPdfText } from "../src/server/testing/pdf-text";
import { checkA11y } from "./lib/chromium";
import type { RunningServer } from "./lib/server";
import { useBrowserSession } from "./lib/session";
import { setUpFirstAdmin } from "./lib/setup-admin";
import * as ui from "./lib/ui";
import { heading1, UI_TIMEOUT, visible } from "./lib/ui";

const ADMIN = { loginId: "e2e.admin", displayName: "試験 太郎", password: "Yokogushi2025test" };
const MEMBER = { loginId: "figures.council", displayName: "数値 確認委員", password: "Council2026figures" };
/** The demo's 市内総生産（名目）: 38,000 → 42,000 億円 by 令和15年度; FY2024 105.1% (B), FY2025 92.1% (C). */
const GDP = { code: "S1-01", name: "市内総生産（名目）" };
/** The demo's 事務事業の見直し件数: FY2024 19 件, no FY2025 value. */
const REVIEWS = { code: "S3-M2-P1-02", name: "事務事業の見直し件数" };
const PUBLISHED = "令和6年度末";
const OPEN = "令和7年度末";
const PERCENT = /^\d{1,3}(,\d{3})*\.\d%$/;

/** Calls the JSON API from the page (its session cookie and CSRF token). */
async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const result = await page.evaluate(
    async ({ method, path, body }) => {
      const session = await (await fetch("/api/auth/session", { headers: { Accept: "application/json" } })).json();
      const response = await fetch(path, {
        method,
        headers: { Accept: "application/json", "Content-Type": "application/json", "X-CSRF-Token": session.csrfToken ?? "" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: await response.json().catch(() => null) };
    },
    { method, path, body },
  );
  if (result.status >= 300) throw new Error(`${method} ${path} → ${result.status} ${JSON.stringify(result.json)}`);
  return result.json as T;
}

/** Chooses the option of a select whose text starts with `prefix` (the round names carry their status after them). */
async function chooseOption(page: Page, label: string, prefix: string) {
  const select = page.getByRole("combobox", { name: label, exact: true });
  const option = select.locator("option").filter({ hasText: prefix }).first();
  await option.waitFor({ state: "attached", timeout: UI_TIMEOUT });
  await select.selectOption((await option.getAttribute("value")) ?? "");
}

/** The texts of a table row's cells, the row found by its indicator (or year) within `scope`. */
async function rowCells(scope: Page | Locator, text: string): Promise<string[]> {
  const row = scope.getByRole("row").filter({ hasText: text }).first();
  await visible(row);
  return row.locator("th, td").evaluateAll((cells) => cells.map((cell) => (cell.textContent ?? "").trim()));
}

const percentIn = (cells: string[]) => cells.find((cell) => PERCENT.test(cell)) ?? `(no 達成率 in ${JSON.stringify(cells)})`;

/** Visible text of the page that names a year in 西暦, leaving out inputs, the 西暦 shown beside a 和暦 and data exports. */
async function westernYears(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const skip = "input, select, option, textarea, .yk-western, [data-export], script, style, title";
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent ?? "";
      if (!parent || parent.closest(skip) || !/20\d\d年/.test(text)) continue;
      if (!parent.checkVisibility()) continue;
      found.push(text.trim());
    }
    return found;
  });
}

describe("issue 12: figures, grades and 和暦 on every page (browser)", () => {
  const session = useBrowserSession(UI_TIMEOUT);
  let server: RunningServer;
  let page: Page;
  let base = "";
  const ids = { plan: "", published: "", open: "", gdp: "", reviews: "" };

  const go = async (path: string, on: Page = page) => {
    await on.goto(new URL(path, base).href, { waitUntil: "networkidle" });
  };

  beforeAll(async () => {
    ({ server, page } = session);
    await page.setViewportSize({ width: 1280, height: 900 });
    await setUpFirstAdmin(page, await server.waitForSetupUrl(), ADMIN, { timeout: UI_TIMEOUT });
    base = new URL(page.url()).origin;
    const plans = await api<{ items: { id: string }[] }>(page, "GET", "/api/vision/plans");
    ids.plan = plans.items[0].id;
    const rounds = await api<{ items: { id: string; name: string }[] }>(page, "GET", `/api/vision/plans/${ids.plan}/rounds`);
    ids.published = rounds.items.find((r) => r.name === PUBLISHED)?.id ?? "";
    ids.open = rounds.items.find((r) => r.name === OPEN)?.id ?? "";
    const indicators = await api<{ items: { id: string; code: string }[] }>(page, "GET", `/api/vision/plans/${ids.plan}/indicators`);
    ids.gdp = indicators.items.find((i) => i.code === GDP.code)?.id ?? "";
    ids.reviews = indicators.items.find((i) => i.code === REVIEWS.code)?.id ?? "";
    for (const [name, id] of Object.entries(ids)) expect(id, `sample data has ${name}`).not.toBe("");
  });

  afterAll(async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  test("item 1: one indicator's 達成率 reads the same on the council, public, indicator and dashboard pages and in the PDF and Excel report", async () => {
    const seen: Record<string, string> = {};

    // the public progress page (no sign-in needed; the newest published round is 令和6年度末)
    const visitor = await session.browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
    try {
      const pub = await visitor.newPage();
      await go("/public/vision", pub);
      await expect.poll(() => heading1(pub), { timeout: UI_TIMEOUT }).not.toBe("");
      const cells = await rowCells(pub, `${GDP.code} ${GDP.name}`);
      seen.public = percentIn(cells);
      seen.publicTarget = cells.find((c) => c.includes("億円（令和")) ?? "";
    } finally {
      await visitor.close();
    }

    // the indicator page, graded in 令和6年度末
    await go(`/vision/indicators/${ids.gdp}`);
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe(`${GDP.code} ${GDP.name}`);
    await chooseOption(page, "評価を表示するラウンド", PUBLISHED);
    await visible(page.getByText(`${PUBLISHED} の評価`, { exact: true }));
    seen.indicator = ((await page.getByTestId("indicator-achievement").textContent()) ?? "").replace(/^達成度\s*/, "").trim();
    // …and its table of values by year (the 令和6年度 row)
    seen.indicatorTable = percentIn(await rowCells(page.getByRole("region", { name: "年度別の実績と按分目標" }), "令和6年度"));

    // the dashboard's trend list names the 令和6年度 achievement of an indicator moving away from its target
    await go("/vision");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("新ビジョン ダッシュボード");
    const trend = page.getByRole("listitem").filter({ hasText: `${GDP.code} ${GDP.name}` });
    const trendText = ((await (await visible(trend)).textContent()) ?? "").replace(/\s+/g, " ");
    seen.dashboard = /令和6年度 (\S+%)/.exec(trendText)?.[1] ?? `(no 令和6年度 figure in 「${trendText}」)`;

    // the council member's own page of the round
    const member = await api<{ id: string }>(page, "POST", "/api/vision/council/members", {
      name: MEMBER.displayName,
      affiliation: "大学教授",
      isChair: false,
    });
    await api(page, "POST", `/api/vision/council/members/${member.id}/login`, { loginId: MEMBER.loginId, password: MEMBER.password });
    const memberContext = await session.browser.newContext({
      locale: "ja-JP",
      timezoneId: "Asia/Tokyo",
      viewport: { width: 1280, height: 900 },
    });
    try {
      const tab = await memberContext.newPage();
      await go("/login", tab);
      await ui.logIn(tab, MEMBER);
      await go("/vision/council/member", tab);
      await chooseOption(tab, "報告ラウンドを選ぶ", PUBLISHED);
      const cells = await rowCells(tab, `${GDP.code} ${GDP.name}`);
      seen.council = percentIn(cells);
      seen.councilTarget = cells.find((c) => c.includes("億円（")) ?? "";
      await checkA11y(tab);
    } finally {
      await memberContext.close();
    }

    // the report of the round, as the public page offers it: the Excel cell and the PDF's row
    const xlsx = await page.request.get(new URL(`/api/public/vision/rounds/${ids.published}/report?format=xlsx`, base).href);
    expect(xlsx.status()).toBe(200);
    const sheet = await readXlsx(await xlsx.body());
    const row = sheet.rows.map((r) => Object.fromEntries(sheet.header.map((h, i) => [h, r[i]]))).find((r) => r.指標番号 === GDP.code);
    seen.excel = formatAchievement(Number(row?.["達成度（%）"]));
    const pdf = await page.request.get(new URL(`/api/public/vision/rounds/${ids.published}/report?format=pdf`, base).href);
    expect(pdf.status()).toBe(200);
    const text = (await extractPdfText(await pdf.body())).replace(/\s+/g, "");
    const start = text.indexOf(`${GDP.code}${GDP.name}`);
    expect(start, "the PDF lists the indicator").toBeGreaterThanOrEqual(0);
    // the row runs up to the next indicator's code
    const rowText = text.slice(start, text.indexOf("S1-M1-01", start));
    const inPdf = rowText.match(/\d{1,3}(,\d{3})*\.\d%/g) ?? [];
    expect(inPdf, `達成率 in the PDF row 「${rowText}」`).toHaveLength(1);
    seen.pdf = inPdf[0] ?? "";

    expect(seen.public).toMatch(PERCENT);
    // 105.1%, the share of the pro-rated way: never a ratio read as percent (10510.0%)
    expect(Number.parseFloat(seen.public)).toBeGreaterThan(100);
    expect(Number.parseFloat(seen.public)).toBeLessThan(120);
    expect(seen).toEqual({
      public: seen.public,
      publicTarget: "42,000 億円（令和15年度）",
      indicator: seen.public,
      indicatorTable: seen.public,
      dashboard: seen.public,
      council: seen.public,
      councilTarget: "42,000 億円（令和15年度）",
      excel: seen.public,
      pdf: seen.public,
    });
  });

  test("item 2: a round without its own 年度's value is 未評価 by default; 「直近の値で評価」 shows 「令和6年度の値で評価」", async () => {
    // the default rule: 未評価, and no 令和6年度 figure borrowed
    await go(`/vision/indicators/${ids.reviews}`);
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe(`${REVIEWS.code} ${REVIEWS.name}`);
    await chooseOption(page, "評価を表示するラウンド", OPEN);
    const grade = page.getByTestId("indicator-grade");
    await visible(grade.getByText("令和7年度の実績値が未入力です（令和6年度の値では評価しません）", { exact: true }));
    expect(await grade.getAttribute("data-grade")).toBe("");
    expect(await page.getByTestId("earlier-year-note").count()).toBe(0);

    // the manager chooses the other way on the grade rule page, keyboard first
    await go("/vision/rule");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("評価ルール");
    const choice = page.getByRole("group", { name: "ラウンドの年度の実績値がまだないとき" });
    expect(await choice.getByRole("radio", { name: "前年度の値で代用しない（未評価）" }).isChecked()).toBe(true);
    await choice.getByRole("radio", { name: "直近の値で評価し、使った年度を表示" }).check();
    await page.getByRole("textbox", { name: "ルールの名前", exact: true }).fill("直近の値で評価するルール");
    await page.getByRole("button", { name: "新しい版として保存", exact: true }).click();
    await ui.closeFlash(page, "評価ルールを保存しました（新しい版）。");
    await visible(page.getByRole("row").filter({ hasText: "直近の値で評価するルール" }).getByText("直近の値で評価し、使った年度を表示"));
    await checkA11y(page);
    // the open round is graded again with the rule of today
    await api(page, "POST", `/api/vision/rounds/${ids.open}/recompute`, {});

    await go(`/vision/indicators/${ids.reviews}`);
    await chooseOption(page, "評価を表示するラウンド", OPEN);
    await visible(page.locator('[data-testid="indicator-grade"][data-grade="C"]'));
    await visible(grade.getByTestId("earlier-year-note").getByText("令和6年度の値で評価", { exact: true }));
    await visible(grade.getByText(/^令和6年度の値で評価: 達成度 \(19 − 0\)/));
    await checkA11y(page);

    // the bureau's page of the round for the council says it too
    await go(`/vision/council/rounds/${ids.open}`);
    const councilRow = page.getByRole("row").filter({ hasText: `${REVIEWS.code} ${REVIEWS.name}` });
    await visible(councilRow.getByTestId("earlier-year-note").getByText("令和6年度の値で評価", { exact: true }));
    // and the node page's list of indicators
    const nodeLink = await api<{ nodeId: string }>(page, "GET", `/api/vision/indicators/${ids.reviews}`);
    await go(`/vision/nodes/${nodeLink.nodeId}`);
    await chooseOption(page, "評価を表示するラウンド", OPEN);
    await visible(page.getByRole("row").filter({ hasText: REVIEWS.name }).getByTestId("earlier-year-note"));
    // and the round's Excel report, in 備考
    const xlsx = await page.request.get(new URL(`/api/vision/rounds/${ids.open}/report?format=xlsx`, base).href);
    const sheet = await readXlsx(await xlsx.body());
    const row = sheet.rows.map((r) => Object.fromEntries(sheet.header.map((h, i) => [h, r[i]]))).find((r) => r.指標番号 === REVIEWS.code);
    expect(row?.備考).toContain("令和6年度の値で評価");
  });

  test("item 3: the chart's unit clears the top tick, the last year label stays inside, 按分目標 in the indicator's precision", async () => {
    await go(`/vision/indicators/${ids.gdp}`);
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe(`${GDP.code} ${GDP.name}`);
    const chart = page.getByTestId("indicator-chart");
    await visible(chart.locator("svg[role='img']"));
    const boxes = await chart.evaluate((root) => {
      const rect = (el: Element | null) => {
        const r = el?.getBoundingClientRect();
        return r ? { left: r.left, right: r.right, top: r.top, bottom: r.bottom } : null;
      };
      const svg = root.querySelector("svg[role='img']");
      const ticks = [...root.querySelectorAll("[data-testid='chart-y-tick']")].map(rect);
      const top = ticks.reduce((a, b) => (a && b && a.top <= b.top ? a : b), ticks[0] ?? null);
      const labels = [...root.querySelectorAll("[data-testid='chart-x-label']")].map(rect);
      return { svg: rect(svg), unit: rect(root.querySelector("[data-testid='chart-unit']")), top, labels };
    });
    expect(boxes.unit, "the chart shows its unit").not.toBeNull();
    const { svg, unit, top } = boxes as { svg: DOMRectLike; unit: DOMRectLike; top: DOMRectLike };
    const overlap = unit.left < top.right && top.left < unit.right && unit.top < top.bottom && top.top < unit.bottom;
    expect(overlap, `unit ${JSON.stringify(unit)} and top tick ${JSON.stringify(top)} must not intersect`).toBe(false);
    expect(boxes.labels.length).toBeGreaterThan(1);
    for (const label of boxes.labels as DOMRectLike[]) {
      expect(label.left, "a year label starts inside the chart").toBeGreaterThanOrEqual(svg.left - 0.5);
      expect(label.right, `a year label ends inside the chart (${JSON.stringify(label)} in ${JSON.stringify(svg)})`).toBeLessThanOrEqual(
        svg.right + 0.5,
      );
    }
    // 按分目標 of 令和7年度 is 38,799.5619…: in whole 億円, as its 基準値 and 目標値 are written
    const cells = await rowCells(page.getByRole("region", { name: "年度別の実績と按分目標" }), "令和7年度");
    expect(cells).toContain("38,800 億円");
    expect(cells.join(" ")).not.toMatch(/38,799\.\d/);
  });

  test("item 4: the vision and furusato pages write years in 和暦 (西暦 only beside it or in data exports)", async () => {
    const paths = [
      "/vision",
      "/vision/plan",
      `/vision/indicators/${ids.gdp}`,
      "/vision/todo",
      "/vision/rounds",
      "/vision/rule",
      "/vision/council",
      `/vision/council/rounds/${ids.published}`,
      "/vision/declarations",
      "/vision/outreach",
      "/public/vision",
      "/furusato",
      "/furusato/dashboard",
      "/furusato/donations",
      "/furusato/shipments",
      "/furusato/one-stop",
      "/furusato/certificates",
      "/furusato/costs",
      "/furusato/comparison",
    ];
    const findings: string[] = [];
    for (const path of paths) {
      await go(path);
      await visible(page.getByRole("heading", { level: 1 }).first());
      await page
        .locator(".mantine-Loader-root:visible")
        .first()
        .waitFor({ state: "detached", timeout: UI_TIMEOUT })
        .catch(() => undefined);
      for (const text of await westernYears(page)) findings.push(`${path}: 「${text}」`);
    }
    expect(findings.join("\n")).toBe("");
  });
});

interface DOMRectLike {
  left: number;
  right: number;
  top: number;
  bottom: number;
}
