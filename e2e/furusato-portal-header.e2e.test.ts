// Issue 12, "Any portal's real header file", in the browser: the portals list says which shipped column sets are
// designed (not the portal's 様式); a clerk adds a portal from its comma-separated CP932 header file with a title row
// (the screen shows the detected encoding, delimiter and header row, suggests a mapping, marks empty columns), and
// replaces the designed ANA columns by ANA's current header file (UTF-8 with BOM, tab-separated).
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { sampleColumns, sampleHeaderFile } from "../src/server/testing/portal-header-samples";
import { checkA11y } from "./lib/chromium";
import type { RunningServer } from "./lib/server";
import { useBrowserSession } from "./lib/session";
import { setUpFirstAdmin } from "./lib/setup-admin";
import * as ui from "./lib/ui";
import { heading1, UI_TIMEOUT, visible } from "./lib/ui";

const ADMIN = { loginId: "e2e.admin", displayName: "試験 太郎", password: "Yokogushi2025test" };
const ANA = "ANAのふるさと納税";
const NEW_PORTAL = { code: "satofull", name: "さとふる（試験）", fee: "12" };

interface SavedPortal {
  code: string;
  template: {
    file: { encoding: string; delimiter: string; quote: string; titleLines?: string[][]; headerLines: string[][]; fileName: string };
    columns: { header: string; value: Record<string, string>; required?: boolean }[];
    origin?: { kind: string; fileName?: string };
  };
}

async function savedPortal(page: Page, code: string): Promise<SavedPortal | undefined> {
  const items = await page.evaluate(async () => (await (await fetch("/api/furusato/portals")).json()).items as unknown[]);
  return (items as SavedPortal[]).find((p) => p.code === code);
}

describe("ふるさと納税: a portal from its real header file (browser)", () => {
  const session = useBrowserSession(UI_TIMEOUT);
  let server: RunningServer;
  let page: Page;

  beforeAll(() => {
    ({ server, page } = session);
  });

  const portalRow = (name: string) =>
    page
      .getByRole("table", { name: "寄附受付サイトの一覧" })
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: new RegExp(name.replace(/[()（）]/g, ".")) }) });
  const detected = () => page.getByRole("table", { name: "読み取った形式（出力も同じ形式で書きます）" });
  const detectedValue = async (label: string) =>
    (
      (await detected()
        .getByRole("row")
        .filter({ has: page.getByRole("rowheader", { name: label, exact: true }) })
        .getByRole("cell")
        .first()
        .textContent()) ?? ""
    ).trim();
  const mapping = () => page.getByRole("table", { name: "見出しの列と対応する項目" });
  const mappingRow = (column: string) =>
    mapping()
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: column, exact: true }) });

  test("the first start prints a setup link that registers the first administrator", async () => {
    await setUpFirstAdmin(page, await server.waitForSetupUrl(), ADMIN, { timeout: UI_TIMEOUT });
  });

  test("item header file: the portals list labels the designed column sets as not the portal's 様式", async () => {
    await page.goto(new URL("/furusato/portals", page.url()).href);
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("寄附受付サイト");
    const ana = await visible(portalRow(ANA));
    expect(await ana.textContent()).toContain("設計した列構成（実際の様式ではありません）");
    expect(await portalRow("LedgHOME").textContent()).toContain("設計した列構成（実際の様式ではありません）");
    expect(await portalRow("楽天ふるさと納税").textContent()).toContain("旧形式の一部の列（現在の様式ではありません）");
    await checkA11y(page);
  });

  test("item header file: adds a portal from a comma-separated CP932 header file with a title row", async () => {
    await page.getByRole("link", { name: "見出しファイルから追加" }).click();
    await page.waitForURL((url) => url.pathname === "/furusato/portals/choice");
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe("見出しファイルからサイトを追加");

    await page.getByRole("textbox", { name: "コード", exact: true }).fill(NEW_PORTAL.code);
    await page.getByRole("textbox", { name: "サイト名", exact: true }).fill(NEW_PORTAL.name);
    await page.getByRole("textbox", { name: /^手数料率/ }).fill(NEW_PORTAL.fee);
    const file = sampleHeaderFile({
      columns: sampleColumns(16),
      delimiter: ",",
      encoding: "cp932",
      title: "返礼品登録シート",
      sampleRows: 2,
    });
    await page
      .locator('input[type="file"][name="headerFile"]')
      .setInputFiles({ name: "satofull_header.csv", mimeType: "text/csv", buffer: file });
    await visible(page.getByText("「satofull_header.csv」を読み込みました: 16列。"));

    // The detected format, shown as it will be written.
    expect(await detectedValue("文字コード")).toBe("Shift_JIS（CP932）");
    expect(await detectedValue("区切り文字")).toBe("カンマ（,）");
    expect(await detected().getByRole("combobox", { name: "見出し行" }).inputValue()).toBe("2");
    expect(await detectedValue("タイトル行")).toBe("1行（返礼品登録シート）");
    expect(await detectedValue("列数")).toBe("16");
    expect(await page.getByRole("textbox", { name: "出力するファイル名" }).inputValue()).toBe("satofull_header.csv");

    // Suggested mapping: one select per column, empty columns marked, 必須 from the column's name.
    expect(await mapping().getByRole("combobox").count()).toBe(16);
    expect(await mappingRow("寄附金額（税込）").getByRole("combobox").inputValue()).toBe("field:listing.donationAmount");
    expect(await mappingRow("提供事業者名").getByRole("combobox").inputValue()).toBe("field:gift.supplierName");
    expect(await mappingRow("【必須】返礼品名").getByRole("combobox").inputValue()).toBe("expr");
    expect(await mappingRow("【必須】返礼品名").getByRole("checkbox").isChecked()).toBe(true);
    expect(await mappingRow("備考 ※社内用").getByRole("combobox").inputValue()).toBe("");
    expect(await mappingRow("備考 ※社内用").textContent()).toContain("空欄で出力");
    await visible(page.getByText("16列のうち14列を対応づけています（2列は空欄で出力）。"));
    await checkA11y(page);

    // The clerk changes one column and marks another required.
    await mappingRow("備考 ※社内用").getByRole("combobox").selectOption("const");
    await mappingRow("備考 ※社内用").getByRole("textbox").fill("E2E");
    await mappingRow("画像1").getByRole("checkbox").check();
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/furusato/portals");
    await ui.closeFlash(page, `寄附受付サイト「${NEW_PORTAL.name}」を保存しました。`);
    expect(await (await visible(portalRow(NEW_PORTAL.name))).textContent()).toContain("サイトの見出しファイル「satofull_header.csv」から");

    const saved = await savedPortal(page, NEW_PORTAL.code);
    expect(saved?.template.file).toMatchObject({ encoding: "cp932", delimiter: ",", quote: "minimal", fileName: "satofull_header.csv" });
    expect(saved?.template.file.titleLines).toEqual([["返礼品登録シート", ...Array(15).fill("")]]);
    expect(saved?.template.file.headerLines).toEqual([sampleColumns(16)]);
    expect(saved?.template.columns.find((c) => c.header === "備考 ※社内用")?.value).toEqual({ const: "E2E" });
    expect(saved?.template.columns.filter((c) => c.required).map((c) => c.header)).toEqual(["【必須】返礼品名", "画像1"]);
  });

  test("item header file: replaces ANA's designed columns by ANA's current header file (UTF-8 BOM, tab)", async () => {
    await portalRow(ANA)
      .getByRole("link", { name: `${ANA}の列を見出しファイルで置き換え` })
      .click();
    await page.waitForURL((url) => url.pathname === "/furusato/portals/choice" && url.search.includes("code=ana"));
    await expect.poll(() => heading1(page), { timeout: UI_TIMEOUT }).toBe(`${ANA}の列を見出しファイルで置き換え`);
    // The portal's settings are kept and its code cannot change.
    expect(await page.getByRole("textbox", { name: "サイト名", exact: true }).inputValue()).toBe(ANA);
    expect(await page.getByRole("textbox", { name: "出力するファイル名" }).inputValue()).toBe("henreihin.csv");

    const columns = ["返礼品コード", "返礼品名", "寄附金額", "お届け時期", "アレルギー", "在庫タイプ"];
    const file = sampleHeaderFile({ columns, delimiter: "\t", encoding: "utf-8-bom" });
    await page
      .locator('input[type="file"][name="headerFile"]')
      .setInputFiles({ name: "ana_2025.tsv", mimeType: "text/tab-separated-values", buffer: file });
    await visible(page.getByText("「ana_2025.tsv」を読み込みました: 6列。"));
    expect(await detectedValue("文字コード")).toBe("UTF-8（BOM付き）");
    expect(await detectedValue("区切り文字")).toBe("タブ");
    // A column of the same name keeps ANA's current setting; others get a suggestion.
    expect(await mappingRow("返礼品名").textContent()).toContain("今の設定を引き継ぎ");
    expect(await mappingRow("お届け時期").getByRole("combobox").inputValue()).toBe("field:gift.deliveryPeriod");
    expect(await mappingRow("在庫タイプ").textContent()).toContain("空欄で出力");
    await checkA11y(page);
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/furusato/portals");
    await ui.closeFlash(page, `寄附受付サイト「${ANA}」を保存しました。`);
    const row = await visible(portalRow(ANA));
    expect(await row.textContent()).toContain("サイトの見出しファイル「ana_2025.tsv」から");
    expect(await row.textContent()).not.toContain("設計した列構成");
    const saved = await savedPortal(page, "ana");
    expect(saved?.template.file).toMatchObject({
      encoding: "utf-8-bom",
      delimiter: "\t",
      headerLines: [columns],
      fileName: "henreihin.csv",
    });
  });
});
