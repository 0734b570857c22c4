// The region hub end to end through the real UI (issue 17 "Must show": "a 市町 editor imports a CSV, fixes a problem
// row, publishes; the public page shows the item on the map and in search; the .ics downloads; axe passes on the
// public pages"), against the production bundle on a fresh data directory with the sample data: the first
// administrator creates 直方市's editor (a partner login of the organisation region-402044) → the editor lands on
// 掲載情報, imports 直方市's 観光施設一覧 (Shift_JIS, the old 推奨データセット template; three rows, one with 緯度/経度
// swapped): 2 取込, 1 保留 → opens the held row, sees the problem named, swaps the values and saves: the item exists →
// imports an イベント一覧 (UTF-8 with BOM, 正式版 headers) → publishes the four items → cannot open a 北九州市 item (the
// page says so, the API answers 404) → signed out, the hub's search finds the fixed item, the map has its point (and
// the list beside the map), its page shows it, the event's .ics downloads as text/calendar with its SUMMARY, and axe
// passes on every public page of the hub.
import { readFile } from "node:fs/promises";
import iconv from "iconv-lite";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DATASETS } from "../src/common/region/datasets";
import { checkA11y } from "./lib/chromium";
import type { RunningServer } from "./lib/server";
import { useBrowserSession } from "./lib/session";
import { setUpFirstAdmin } from "./lib/setup-admin";
import * as ui from "./lib/ui";
import { gone, heading1, visible } from "./lib/ui";

/** Several sessions share 2 cores: a little more than the default for each visible state. */
const UI_TIMEOUT = 30_000;

type Account = { loginId: string; displayName: string; password: string };
const ADMIN: Account = { loginId: "e2e.admin", displayName: "試験 太郎", password: "Yokogushi2025test" };
/** 直方市's editor: a partner login of the 市町's organisation (region-402044, named 直方市 in the sample data). */
const EDITOR = {
  loginId: "nogata.editor",
  displayName: "直方 編集",
  password: "Nogata2026editor",
  role: "外部パートナー",
  organisation: "直方市（外部団体）",
};

const NOGATA = { code: "402044", name: "直方市" };
const KITAKYUSHU = "401005";

/** Names no sample item has, so that a search for them finds only what this test imported. */
const HILL = "直方e2e試験の丘";
const GARDEN = "直方e2e試験の庭";
const BRIDGE = "直方e2e試験の橋";
const FESTIVAL = "直方e2e試験の星まつり";
/** The held row's coordinates as the file has them (緯度 and 経度 swapped) and as the editor fixes them. */
const HILL_LAT = "33.7442";
const HILL_LON = "130.7312";

/** A day counted from today in Japan (YYYY-MM-DD): the event lies a few days ahead whatever day the test runs. */
function dayInJapan(offsetDays: number): string {
  return new Date(Date.now() + 9 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}
const FESTIVAL_DAY = dayInJapan(5);

/** The old 推奨データセット 観光施設一覧 template's 30 headers (README: what real files look like). */
const OLD_TOURISM_HEADER = [
  "都道府県コード又は市区町村コード",
  "NO",
  "都道府県名",
  "市区町村名",
  "名称",
  "名称_カナ",
  "名称_英語",
  "POIコード",
  "住所",
  "方書",
  "緯度",
  "経度",
  "利用可能曜日",
  "開始時間",
  "終了時間",
  "利用可能日時特記事項",
  "料金（基本）",
  "料金（詳細）",
  "説明",
  "説明_英語",
  "アクセス方法",
  "駐車場情報",
  "バリアフリー情報",
  "連絡先名称",
  "連絡先電話番号",
  "連絡先内線番号",
  "画像",
  "画像_ライセンス",
  "URL",
  "備考",
];

function csvLine(cells: string[]): string {
  return cells.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(",");
}

function rowOf(header: string[], values: Record<string, string>): string[] {
  const unknown = Object.keys(values).filter((name) => !header.includes(name));
  if (unknown.length) throw new Error(`fixture: no such column ${unknown.join(", ")}`);
  return header.map((name) => values[name] ?? "");
}

/** 直方市's 観光施設一覧 in Shift_JIS with the old template's headers: three rows, the second with 緯度/経度 swapped. */
function tourismCsv(): Buffer {
  const place = (values: Record<string, string>) =>
    rowOf(OLD_TOURISM_HEADER, {
      都道府県コード又は市区町村コード: NOGATA.code,
      都道府県名: "福岡県",
      市区町村名: NOGATA.name,
      利用可能曜日: "月火水木金土日",
      開始時間: "9:00",
      終了時間: "17:00",
      "料金（基本）": "無料",
      連絡先名称: "直方市 観光課（試験）",
      連絡先電話番号: "0949-25-2000",
      ...values,
    });
  const rows = [
    place({
      NO: "E2E-0001",
      名称: GARDEN,
      名称_カナ: "ノオガタイーツーイーシケンノニワ",
      住所: "福岡県直方市殿町1番1号",
      緯度: "33.7365",
      経度: "130.7410",
      説明: "ブラウザー試験のための架空の庭園です。",
    }),
    place({
      NO: "E2E-0002",
      名称: HILL,
      名称_カナ: "ノオガタイーツーイーシケンノオカ",
      名称_英語: "Nogata E2E Test Hill",
      住所: "福岡県直方市殿町7番1号",
      // swapped, as real files sometimes have them
      緯度: HILL_LON,
      経度: HILL_LAT,
      説明: "ブラウザー試験のための架空の丘です。遠賀川を見下ろします。",
      説明_英語: "A fictional hill for the browser test.",
    }),
    place({
      NO: "E2E-0003",
      名称: BRIDGE,
      名称_カナ: "ノオガタイーツーイーシケンノハシ",
      住所: "福岡県直方市新町1番1号",
      緯度: "33.7520",
      経度: "130.7220",
      説明: "ブラウザー試験のための架空の橋です。",
    }),
  ];
  const text = `${[OLD_TOURISM_HEADER, ...rows].map(csvLine).join("\r\n")}\r\n`;
  return iconv.encode(text, "Shift_JIS");
}

/** 直方市's イベント一覧 in UTF-8 with BOM and the 正式版 headers: one event a few days ahead, at the hill. */
function eventCsv(): Buffer {
  const header = DATASETS.event.columns.map((column) => column.name);
  const row = rowOf(header, {
    全国地方公共団体コード: NOGATA.code,
    ID: "E2E-EV-0001",
    地方公共団体名: NOGATA.name,
    イベント名: FESTIVAL,
    イベント名_英字: "Nogata E2E Test Star Festival",
    開始日: FESTIVAL_DAY,
    終了日: FESTIVAL_DAY,
    開始時間: "18:00",
    終了時間: "21:00",
    説明: "ブラウザー試験のための架空の星空観察会です。",
    主催者: "直方市（試験）",
    場所名称: "殿町ふれあい広場（試験）",
    所在地_連結表記: "福岡県直方市殿町7番1号",
    緯度: HILL_LAT,
    経度: HILL_LON,
  });
  const text = `\uFEFF${[header, row].map(csvLine).join("\r\n")}\r\n`;
  return Buffer.from(text, "utf8");
}

describe("region: a 市町 editor imports, fixes a held row and publishes; the public hub shows it (browser)", () => {
  const session = useBrowserSession(UI_TIMEOUT);
  let server: RunningServer;
  let page: Page;
  let hillId = "";
  let festivalId = "";
  let kitakyushuItemId = "";

  beforeAll(async () => {
    ({ server, page } = session);
    await page.setViewportSize({ width: 1280, height: 900 });
    // a published 北九州市 sample item: what 直方市's editor must not open
    const response = await fetch(`${server.url}/api/public/region/items?municipality=${KITAKYUSHU}&pageSize=1`);
    const body = (await response.json()) as { items: { id: string }[] };
    kitakyushuItemId = body.items[0]?.id ?? "";
  });

  const go = async (path: string) => {
    await page.goto(new URL(path, server.url).href);
  };
  const waitHeading = (text: string | RegExp, on: Page = page) =>
    expect
      .poll(() => heading1(on), { timeout: UI_TIMEOUT })
      .toMatch(typeof text === "string" ? new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) : text);

  test("the first administrator creates 直方市's editor: a partner login of 直方市's organisation", async () => {
    await setUpFirstAdmin(page, await server.waitForSetupUrl(), ADMIN, { timeout: UI_TIMEOUT });
    if (new URL(page.url()).pathname !== "/admin/users") await go("/admin/users");
    await (await visible(page.getByRole("button", { name: "利用者を追加", exact: true }))).click();
    const dialog = await visible(page.getByRole("dialog", { name: "利用者を追加" }));
    await dialog.getByRole("textbox", { name: "ログインID", exact: true }).fill(EDITOR.loginId);
    await dialog.getByRole("textbox", { name: "氏名", exact: true }).fill(EDITOR.displayName);
    await dialog.getByRole("combobox", { name: "権限", exact: true }).selectOption({ label: EDITOR.role });
    const organisation = dialog.getByRole("combobox", { name: "所属", exact: true });
    const option = organisation.locator("option").filter({ hasText: EDITOR.organisation });
    await option.waitFor({ state: "attached", timeout: UI_TIMEOUT });
    expect(await option.count()).toBe(1);
    await organisation.selectOption((await option.getAttribute("value")) ?? "");
    await dialog.getByRole("textbox", { name: "初期パスワード", exact: true }).fill(EDITOR.password);
    await dialog.getByRole("button", { name: "保存", exact: true }).click();
    await gone(page.getByRole("dialog"));
    await ui.closeFlash(page, "利用者を追加しました。");
    await ui.logOut(page, ADMIN.displayName);
  });

  /** A figure of an import's result (取り込んだ 2 …): the number beside its label, inside `scope`. */
  async function figure(scope: ReturnType<Page["getByRole"]>, label: string): Promise<string> {
    const value = scope.getByText(label, { exact: true }).locator("xpath=following-sibling::*[1]");
    return ((await (await visible(value)).textContent()) ?? "").trim();
  }

  /** 取込: the editor's own 市町 is fixed; choose the dataset, attach the file, 取り込む; returns the result's section. */
  async function importFile(dataset: string, file: { name: string; buffer: Buffer }) {
    await page.getByRole("navigation", { name: "情報ハブの編集" }).getByRole("link", { name: "取込", exact: true }).click();
    await waitHeading("取込");
    const form = await visible(page.getByRole("form", { name: "ファイルを取り込む" }));
    const municipality = form.getByRole("combobox", { name: /^市町/ });
    await expect.poll(() => municipality.inputValue(), { timeout: UI_TIMEOUT }).toBe(NOGATA.code);
    expect(await municipality.isDisabled()).toBe(true);
    expect(await municipality.locator("option:checked").textContent()).toBe(`${NOGATA.name}（あなたの市町）`);
    await form.getByRole("combobox", { name: /^データセット/ }).selectOption({ label: dataset });
    await form.locator('input[type="file"]').setInputFiles({ name: file.name, mimeType: "text/csv", buffer: file.buffer });
    await form.getByRole("button", { name: "取り込む", exact: true }).click();
    const section = page.getByRole("region", { name: "ファイルを取り込む" });
    await visible(section.getByRole("link", { name: "取込の詳細と保留行を見る" }));
    return section;
  }

  /** 公開 on an item's page (the confirmation dialog, the toast), then the status reads 公開中. */
  async function publishOpenItem() {
    const header = page.locator(".yk-page-header");
    await (await visible(page.getByRole("button", { name: "公開", exact: true }))).click();
    const dialog = await visible(page.getByRole("dialog", { name: "公開" }));
    await dialog.getByRole("button", { name: "実行する", exact: true }).click();
    await gone(page.getByRole("dialog"));
    await ui.closeFlash(page, "公開しました。");
    await visible(header.getByText("公開中", { exact: true }));
  }

  /** Opens an item of 直方市 from 掲載情報 by its name (the list's keyword search). */
  async function openItemByName(name: string): Promise<string> {
    await go(`/region/items?q=${encodeURIComponent(name)}`);
    await waitHeading("掲載情報");
    const table = page.getByRole("table", { name: "掲載情報の一覧" });
    await (await visible(table.getByRole("link", { name, exact: true }))).click();
    await page.waitForURL((url) => /^\/region\/items\/[0-9a-f-]{36}$/.test(url.pathname));
    await waitHeading(name);
    return new URL(page.url()).pathname.split("/").at(-1) ?? "";
  }

  test("直方市's editor lands on their 掲載情報, imports a Shift_JIS 観光施設一覧 (old template): 2 取り込んだ, 1 保留", async () => {
    await go("/login");
    await ui.logIn(page, EDITOR);
    // their start page, their own 市町 only
    await page.waitForURL((url) => url.pathname === "/region/items");
    await waitHeading("掲載情報");
    await visible(page.getByText(/^直方市の掲載情報です。/));
    const municipalityFilter = page.getByRole("combobox", { name: "市町", exact: true });
    expect(await municipalityFilter.isDisabled()).toBe(true);
    expect(await municipalityFilter.locator("option:checked").textContent()).toBe(NOGATA.name);

    const result = await importFile("観光施設一覧", { name: `${NOGATA.code}_tourism.csv`, buffer: tourismCsv() });
    await visible(result.getByText("Shift_JIS（CP932）", { exact: true }));
    await visible(result.getByText("旧 推奨データセット（2017年〜）", { exact: true }));
    expect(await figure(result, "読んだ行")).toBe("3");
    expect(await figure(result, "取り込んだ")).toBe("2");
    expect(await figure(result, "保留")).toBe("1");
    await checkA11y(page);

    // the import's page lists the held row with its problem named
    await result.getByRole("link", { name: "取込の詳細と保留行を見る" }).click();
    await waitHeading("直方市 観光施設一覧の取込");
    const held = page.getByRole("table", { name: "保留行" });
    const row = held.getByRole("row").filter({ hasText: HILL });
    await visible(row.getByText(/緯度「130\.7312」と経度「33\.7442」が入れ替わっているようです/));
    await checkA11y(page);
    await row.getByRole("link", { name: "3行" }).click();
    await page.waitForURL((url) => /^\/region\/problems\/[0-9a-f-]{36}$/.test(url.pathname));
  });

  test("the held row names the problem; the editor swaps 緯度 and 経度 and saves: the item exists as a draft", async () => {
    await waitHeading(`保留行: ${NOGATA.code}_tourism.csv 3行目`);
    const problems = page.getByRole("region", { name: "問題", exact: true });
    await visible(problems.getByText(/入れ替わっているようです/));
    // the row as the file had it, beside the form
    const original = page.getByRole("table", { name: "元の行" });
    await visible(original.getByRole("row", { name: /^緯度 130\.7312$/ }));
    await checkA11y(page);

    const fix = page.getByRole("form", { name: "値を直す" });
    const lat = fix.getByRole("textbox", { name: "緯度", exact: true });
    const lon = fix.getByRole("textbox", { name: "経度", exact: true });
    expect(await lat.inputValue()).toBe(HILL_LON);
    expect(await lon.inputValue()).toBe(HILL_LAT);
    // the form carries the file's English name (the old template's 名称_英語 is the 正式版's 名称_英字) to the server
    expect(await fix.getByRole("textbox", { name: "名称_英字", exact: true }).inputValue()).toBe("Nogata E2E Test Hill");
    await lat.fill(HILL_LAT);
    await lon.fill(HILL_LON);
    await fix.getByRole("button", { name: "修正して取り込む", exact: true }).click();
    await ui.closeFlash(page, "修正して取り込みました。");
    // the row is resolved: the form gives way to who fixed it, and a link to the item it became
    const resolved = await visible(page.getByRole("status").filter({ hasText: `修正して取り込み済み（${EDITOR.displayName}）` }));
    expect(await fix.count()).toBe(0);
    await resolved.getByRole("link", { name: "掲載情報を開く" }).click();
    await page.waitForURL((url) => /^\/region\/items\/[0-9a-f-]{36}$/.test(url.pathname));
    hillId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    await waitHeading(HILL);
    const header = page.locator(".yk-page-header");
    await visible(header.getByText("下書き", { exact: true }));
    await visible(page.getByText(`緯度 ${HILL_LAT} / 経度 ${HILL_LON}`));
    // the file's English name (名称_英語 → 名称_英字) came through the fix: the fix form showed it, and the item keeps it
    await visible(header.getByText("Nogata E2E Test Hill", { exact: true }));
    expect(await page.getByRole("textbox", { name: "名称（英語）", exact: true }).inputValue()).toBe("Nogata E2E Test Hill");
  });

  test("the editor publishes the fixed item and the two imported ones, and imports and publishes an イベント一覧 (UTF-8 BOM, 正式版)", async () => {
    await publishOpenItem();
    for (const name of [GARDEN, BRIDGE]) {
      await openItemByName(name);
      await publishOpenItem();
    }

    const result = await importFile("イベント一覧", { name: `${NOGATA.code}_event.csv`, buffer: eventCsv() });
    await visible(result.getByText("UTF-8（BOM付き）", { exact: true }));
    await visible(result.getByText("正式版（所在地_連結表記）", { exact: true }));
    expect(await figure(result, "取り込んだ")).toBe("1");
    expect(await figure(result, "保留")).toBe("0");
    festivalId = await openItemByName(FESTIVAL);
    await publishOpenItem();
    await checkA11y(page);

    // the list shows all four published
    await go(`/region/items?q=${encodeURIComponent("直方e2e試験")}&status=published`);
    await waitHeading("掲載情報");
    const table = page.getByRole("table", { name: "掲載情報の一覧" });
    for (const name of [HILL, GARDEN, BRIDGE, FESTIVAL]) await visible(table.getByRole("link", { name, exact: true }));
  });

  test("the editor cannot open another 市町's item: the page says it is not found, and the API answers 404 to reading and publishing it", async () => {
    expect(kitakyushuItemId).toMatch(/^[0-9a-f-]{36}$/);
    await go(`/region/items/${kitakyushuItemId}`);
    await visible(page.getByRole("status").filter({ hasText: "掲載情報が見つかりません。" }));
    expect(await page.getByRole("button", { name: "公開停止", exact: true }).count()).toBe(0);
    const read = await page.request.get(new URL(`/api/region/items/${kitakyushuItemId}`, server.url).href);
    expect(read.status()).toBe(404);
    // a write with the editor's own session and CSRF token: still 404 (it learns nothing of the record)
    const sessionInfo = (await (await page.request.get(new URL("/api/auth/session", server.url).href)).json()) as { csrfToken: string };
    const write = await page.request.post(new URL(`/api/region/items/${kitakyushuItemId}/unpublish`, server.url).href, {
      headers: { "content-type": "application/json", "x-csrf-token": sessionInfo.csrfToken },
      data: { version: 1 },
    });
    expect(write.status()).toBe(404);
    // and the item is still public
    const stillPublic = await fetch(`${server.url}/api/public/region/items/${kitakyushuItemId}`);
    expect(stillPublic.status).toBe(200);
    await ui.logOut(page, EDITOR.displayName);
  });

  describe("signed out: the hub's public pages", () => {
    let visitor: BrowserContext;
    let tab: Page;

    beforeAll(async () => {
      visitor = await session.browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo", acceptDownloads: true });
      visitor.setDefaultTimeout(UI_TIMEOUT);
      tab = await visitor.newPage();
      await tab.setViewportSize({ width: 1280, height: 900 });
    });
    afterAll(async () => {
      await visitor?.close();
    });

    const open = async (path: string) => {
      await tab.goto(new URL(path, server.url).href);
    };

    test("the hub passes axe; a search for the fixed item's name finds it (and only it), and the results pass axe", async () => {
      await open("/public/region");
      await waitHeading("北九州都市圏域 情報ハブ", tab);
      await visible(tab.getByRole("status").filter({ hasText: /件見つかりました/ }));
      await checkA11y(tab);

      const search = tab.getByRole("search", { name: "検索条件" });
      await search.getByRole("textbox", { name: "キーワード" }).fill(HILL);
      await search.getByRole("button", { name: "検索", exact: true }).click();
      await tab.waitForURL((url) => url.pathname === "/public/region" && url.searchParams.get("q") === HILL);
      await visible(tab.getByRole("status").filter({ hasText: "1件見つかりました" }));
      const results = tab.getByRole("list", { name: "検索結果" });
      const link = await visible(results.getByRole("link", { name: HILL, exact: true }));
      expect(await link.getAttribute("href")).toBe(`/public/region/items/${hillId}`);
      await checkA11y(tab);
    });

    test("the map has the fixed item's point (and it is in the list beside the map); the point opens the item; axe passes", async () => {
      await open("/public/region/map");
      await waitHeading("地図で探す", tab);
      const point = tab.getByRole("link", { name: `${HILL}（観光施設・${NOGATA.name}）`, exact: true });
      await visible(point);
      expect(await point.getAttribute("data-item")).toBe(hillId);
      await checkA11y(tab);
      // the list alternative names the same item
      await tab.getByText("地図の点の一覧", { exact: true }).click();
      const list = await visible(tab.getByRole("list", { name: "地図の点の一覧" }));
      expect(await list.getByRole("link", { name: HILL, exact: true }).getAttribute("href")).toBe(`/public/region/items/${hillId}`);
      // by keyboard, as the page says: focus the point, Enter opens the item
      await point.focus();
      await tab.keyboard.press("Enter");
      await tab.waitForURL((url) => url.pathname === `/public/region/items/${hillId}`);
      await waitHeading(HILL, tab);
    });

    test("the item's page shows it with its place, and passes axe", async () => {
      await open(`/public/region/items/${hillId}`);
      await waitHeading(HILL, tab);
      const main = tab.getByRole("main");
      await visible(main.getByText("福岡県直方市殿町7番1号"));
      await visible(main.getByText(/遠賀川を見下ろします/));
      await visible(main.getByText(NOGATA.name, { exact: true }).first());
      await visible(main.getByRole("heading", { name: "場所", exact: true }));
      await checkA11y(tab);
    });

    test("the event's page links its .ics: it downloads as text/calendar with BEGIN:VCALENDAR and the event's SUMMARY", async () => {
      await open(`/public/region/items/${festivalId}`);
      await waitHeading(FESTIVAL, tab);
      await checkA11y(tab);
      const link = await visible(tab.getByRole("link", { name: "カレンダーに追加（.ics）" }));
      const [download] = await Promise.all([tab.waitForEvent("download"), link.click()]);
      expect(download.suggestedFilename()).toMatch(/\.ics$/);
      const ics = await readFile(await download.path(), "utf8");
      expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
      // unfold (RFC 5545 3.1) before looking for the event's name
      const unfolded = ics.replace(/\r\n[ \t]/g, "");
      expect(unfolded).toContain("BEGIN:VEVENT\r\n");
      expect(unfolded).toContain(`SUMMARY:${FESTIVAL}\r\n`);
      expect(unfolded).toContain(`DTSTART;TZID=Asia/Tokyo:${FESTIVAL_DAY.replace(/-/g, "")}T180000`);
      expect(unfolded.trimEnd().endsWith("END:VCALENDAR")).toBe(true);
      // the server says what it is
      const response = await visitor.request.get(new URL((await link.getAttribute("href")) ?? "", server.url).href);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toMatch(/^text\/calendar/);
    });

    test("the calendar shows the event in its month, and passes axe", async () => {
      await open(`/public/region/calendar?month=${FESTIVAL_DAY.slice(0, 7)}`);
      await waitHeading("イベントカレンダー", tab);
      await tab.getByText("この月のイベント一覧", { exact: true }).click();
      const list = await visible(tab.getByRole("list", { name: "この月のイベント一覧" }));
      await visible(list.getByRole("link", { name: FESTIVAL, exact: true }));
      await checkA11y(tab);
    });

    test("the English pages (hub, map, calendar, item) pass axe and show the English name", async () => {
      await open("/public/region/en");
      await waitHeading("Kitakyushu Metropolitan Region Hub (English)", tab);
      await visible(tab.getByRole("status").filter({ hasText: /results?$/ }));
      await checkA11y(tab);
      await open("/public/region/en/map");
      await waitHeading("Map", tab);
      await visible(tab.getByRole("link", { name: "Nogata E2E Test Star Festival (Events, Nogata City)", exact: true }));
      await checkA11y(tab);
      await open(`/public/region/en/calendar?month=${FESTIVAL_DAY.slice(0, 7)}`);
      await waitHeading("Event calendar", tab);
      await checkA11y(tab);
      await open(`/public/region/en/items/${festivalId}`);
      await waitHeading("Nogata E2E Test Star Festival", tab);
      await checkA11y(tab);
      // the held row's English name, from the file's 名称_英語 column, is the English page's title
      await open(`/public/region/en/items/${hillId}`);
      await waitHeading("Nogata E2E Test Hill", tab);
      await checkA11y(tab);
    });

    test("外部送信について and オープンデータ一覧 pass axe", async () => {
      await open("/public/region/privacy");
      await waitHeading("外部送信について（北九州都市圏域 情報ハブ）", tab);
      await checkA11y(tab);
      await open("/public/region/opendata");
      await waitHeading("オープンデータ一覧（北九州都市圏域 情報ハブ）", tab);
      await checkA11y(tab);
    });
  });
});
