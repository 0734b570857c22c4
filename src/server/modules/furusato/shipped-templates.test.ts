import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import type { Gift, Listing, Portal } from "../../../common/furusato/types";
import { ValidationError } from "../../platform/errors";
import { type ExportRow, type PortalTemplate, parsePortalTemplate, renderPortalFile } from "./portal-template";
import {
  anaTemplate,
  choiceTemplateFromHeader,
  ledgHomeTemplate,
  rakutenItemTemplate,
  SHIPPED_PORTALS,
  soumuLocalProductsTemplate,
} from "./shipped-templates";

const buildGift = (overrides: Partial<Gift> = {}): Gift => ({
  code: "KK001",
  supplierCode: "KK",
  supplierName: "小倉畜産",
  title: "小倉牛ロースステーキ 600g",
  catchCopy: "市内の牧場で育った小倉牛",
  description: "きめ細かなサシが特長の小倉牛ロースです。",
  contents: "ロース 200g×3枚",
  procurementCost: 9000,
  shippingCost: 1500,
  shippingSize: "80",
  temperature: "冷凍",
  handlingNotes: "到着後は冷凍庫で保管してください。",
  allergens: { 牛肉: "あり", 小麦: "なし" },
  bestBefore: "冷凍60日",
  originOfIngredients: "福岡県北九州市",
  placeOfProcessing: "北九州市小倉北区",
  applicationPeriod: { from: "2025-04-01", until: "2026-03-31" },
  deliveryPeriod: "通年",
  limitedQuantity: 100,
  noshi: true,
  wrapping: true,
  imageUrls: ["https://img.example.jp/kk001-1.jpg", "https://img.example.jp/kk001-2.jpg"],
  subscription: null,
  localProductType: "1",
  localProductReason: "市内で肥育された牛肉である。",
  evidenceCount: 1,
  rawMaterialSamePrefecture: null,
  certifications: [],
  status: "承認済",
  ...overrides,
});

const buildPortal = (overrides: Partial<Portal> = {}): Portal => ({
  code: "rakuten",
  name: "楽天ふるさと納税",
  feeRatio: 0.1,
  grantsPoints: false,
  fieldLimits: {},
  active: true,
  ...overrides,
});

function buildRow(
  gift: Partial<Gift> = {},
  extra: { listing?: Partial<Listing>; action?: ExportRow["action"]; isNew?: boolean } = {},
): ExportRow {
  const g = buildGift(gift);
  return {
    gift: g,
    listing: {
      giftCode: g.code,
      portalCode: "rakuten",
      donationAmount: 30000,
      titleVariant: "",
      state: extra.action === "stop" ? "停止" : "受付中",
      stock: null,
      listingDate: "2025-10-01",
      previousDonationAmount: null,
      ...extra.listing,
    },
    portal: buildPortal(),
    action: extra.action ?? "upsert",
    isNew: extra.isNew,
  };
}

const cp932Text = (bytes: Uint8Array) => iconv.decode(Buffer.from(bytes), "cp932");
const table = (text: string, delimiter: "," | "\t" = ",") => parse(text, { delimiter, relax_column_count: false }) as string[][];
const columnOf = (template: PortalTemplate, header: string) => template.columns.findIndex((c) => c.header === header);

describe("楽天 RMS item.csv", () => {
  const template = rakutenItemTemplate({ directoryId: "000000" });
  const headerLine =
    '"コントロールカラム","商品管理番号（商品URL）","商品番号","全商品ディレクトリID","PC用キャッチコピー","商品名","販売価格","送料","倉庫指定","のし対応",' +
    '"PC用商品説明文","スマートフォン用商品説明文","PC用販売説明文","商品画像URL","在庫タイプ","在庫数"\r\n';

  it("starts with the exact header bytes, in CP932, every field quoted, CRLF", () => {
    const { bytes } = renderPortalFile(template, [buildRow({}, { isNew: true })]);
    // "コントロールカラム", written out by hand in Shift_JIS so the check does not depend on iconv-lite
    expect([...bytes.subarray(0, 21)]).toEqual([
      0x22, 0x83, 0x52, 0x83, 0x93, 0x83, 0x67, 0x83, 0x8d, 0x81, 0x5b, 0x83, 0x8b, 0x83, 0x4a, 0x83, 0x89, 0x83, 0x80, 0x22, 0x2c,
    ]);
    const header = iconv.encode(headerLine, "cp932");
    expect(Buffer.from(bytes.subarray(0, header.length)).equals(header)).toBe(true);
    const text = cp932Text(bytes);
    expect(text.split("\r\n")).toHaveLength(3); // header, one row, and the empty rest after the final CRLF
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("writes n for a new listing, u for an update, and a stop as u with 倉庫指定 = 1", () => {
    const text = cp932Text(
      renderPortalFile(template, [
        buildRow({ code: "KK001" }, { isNew: true }),
        buildRow({ code: "KK002" }, { isNew: false }),
        buildRow({ code: "KK003" }, { action: "stop" }),
      ]).bytes,
    );
    const rows = table(text).slice(1);
    const [control, url, warehouse] = [0, 1, columnOf(template, "倉庫指定")];
    expect(rows.map((r) => [r[control], r[url], r[warehouse]])).toEqual([
      ["n", "kk001", "0"],
      ["u", "kk002", "0"],
      ["u", "kk003", "1"],
    ]);
    // every field quoted, the empty ones too
    expect(text.split("\r\n")[1]).toMatch(/^"n","kk001","KK001","000000",/);
  });

  it("fills the item from the catalog: 【ふるさと納税】 title, price, HTML description, images, stock", () => {
    const row = buildRow({ description: "一行目\n<二行目> & 三行目", limitedQuantity: null }, { isNew: true });
    const cells = table(cp932Text(renderPortalFile(template, [row]).bytes))[1];
    const cell = (h: string) => cells[columnOf(template, h)];
    expect(cell("商品名")).toBe("【ふるさと納税】小倉牛ロースステーキ 600g");
    expect(cell("販売価格")).toBe("30000");
    expect(cell("送料")).toBe("1");
    expect(cell("のし対応")).toBe("1");
    expect(cell("PC用商品説明文")).toBe(
      "一行目<br>&lt;二行目&gt; &amp; 三行目<br><br>■内容量<br>ロース 200g×3枚<br>■賞味期限<br>冷凍60日<br>■配送時期<br>通年<br>■提供事業者<br>小倉畜産",
    );
    expect(cell("PC用販売説明文")).toBe("温度帯: 冷凍<br>アレルギー: 牛肉<br>到着後は冷凍庫で保管してください。");
    expect(cell("商品画像URL")).toBe("https://img.example.jp/kk001-1.jpg https://img.example.jp/kk001-2.jpg");
    expect(cell("在庫数")).toBe("9999");
    expect(
      table(cp932Text(renderPortalFile(template, [buildRow({}, { listing: { stock: 12 } })]).bytes))[1][columnOf(template, "在庫数")],
    ).toBe("12");
  });

  it("cuts the title to the portal's limit, counting 【ふるさと納税】", () => {
    const limited = { ...buildRow({}, { isNew: true }), portal: buildPortal({ fieldLimits: { title: 12 } }) };
    expect(table(cp932Text(renderPortalFile(template, [limited]).bytes))[1][columnOf(template, "商品名")]).toBe("【ふるさと納税】小倉牛ロ");
  });

  it("doubles quotes and keeps commas inside quoted fields", () => {
    const text = cp932Text(renderPortalFile(template, [buildRow({ catchCopy: '極上,"霜降り"' }, { isNew: true })]).bytes);
    expect(text).toContain('"極上,""霜降り"""');
    expect(table(text)[1][columnOf(template, "PC用キャッチコピー")]).toBe('極上,"霜降り"');
  });

  it("neutralises a formula in a field that starts a cell", () => {
    const text = cp932Text(renderPortalFile(template, [buildRow({ catchCopy: '=HYPERLINK("http://evil.example")' })]).bytes);
    expect(table(text)[1][columnOf(template, "PC用キャッチコピー")]).toBe('\'=HYPERLINK("http://evil.example")');
  });

  it("maps 〜 to ～ and reports 𠮷 (written as 〓, never '?')", () => {
    const { bytes, unencodable } = renderPortalFile(template, [
      buildRow({ code: "KK001", title: "あまおう 〜博多の苺〜" }),
      buildRow({ code: "KK002", title: "𠮷田農園の米" }),
    ]);
    const rows = table(cp932Text(bytes));
    const title = columnOf(template, "商品名");
    expect(rows[1][title]).toBe("【ふるさと納税】あまおう ～博多の苺～");
    expect(rows[2][title]).toBe("【ふるさと納税】〓田農園の米");
    expect(unencodable).toEqual([{ row: 3, column: title + 1, char: "𠮷", header: "商品名", giftCode: "KK002" }]);
  });
});

describe("ふるさとチョイス (header supplied by the portal)", () => {
  // An illustrative header: the real one comes from the portal's own file, uploaded by the city.
  const uploaded = "\uFEFFお礼の品ID\tお礼の品名\t必要寄附金額\t説明\t容量\t配送\r\n";
  const mapping = {
    お礼の品ID: { field: "gift.code" },
    お礼の品名: { expr: "default(listing.titleVariant, gift.title)" },
    必要寄附金額: { field: "listing.donationAmount" },
    説明: { field: "gift.description" },
  };

  it("writes the uploaded header back byte for byte (without its BOM) as UTF-8 TSV, unmapped columns empty", () => {
    const template = choiceTemplateFromHeader(uploaded, mapping);
    const { bytes } = renderPortalFile(template, [buildRow({ description: "タブ\t入り" })]);
    const header = Buffer.from("お礼の品ID\tお礼の品名\t必要寄附金額\t説明\t容量\t配送\r\n", "utf8");
    expect(bytes[0]).not.toBe(0xef); // no BOM
    expect(Buffer.from(bytes.subarray(0, header.length)).equals(header)).toBe(true);
    expect(new TextDecoder().decode(bytes.subarray(header.length))).toBe('KK001\t小倉牛ロースステーキ 600g\t30000\t"タブ\t入り"\t\t\r\n');
  });

  it("keeps the uploaded file's LF line ending", () => {
    const template = choiceTemplateFromHeader("ID\t名前\n", { ID: { field: "gift.code" } });
    expect(new TextDecoder().decode(renderPortalFile(template, [buildRow()]).bytes)).toBe("ID\t名前\nKK001\t\n");
  });

  it("refuses a mapping to a column the header lacks, or to a field that does not exist, in Japanese", () => {
    expect(() => choiceTemplateFromHeader(uploaded, { 返礼品名: { field: "gift.title" } })).toThrow(/見出しにない列です: 返礼品名/);
    expect(() => choiceTemplateFromHeader(uploaded, { お礼の品名: { field: "gift.name" } })).toThrow(ValidationError);
    expect(() => choiceTemplateFromHeader("A\tA\n", { A: { field: "gift.code" } })).toThrow(/同じ名前の列が複数/);
    expect(() => choiceTemplateFromHeader("\r\n", {})).toThrow(/見出し行が空です/);
  });
});

describe("ANA 返礼品登録CSV", () => {
  const template = anaTemplate();

  it("starts with a UTF-8 BOM and the exact header, comma separated, CRLF", () => {
    const { bytes } = renderPortalFile(template, [buildRow()]);
    const expected = Buffer.from(
      "\uFEFF返礼品コード,返礼品名,寄附金額,キャッチコピー,説明文,内容量,事業者名,配送温度帯,配送時期,賞味期限,アレルギー表示,定期便,申込受付開始日,申込受付終了日,のし対応,画像URL,公開状態\r\n",
      "utf8",
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(Buffer.from(bytes.subarray(0, expected.length)).equals(expected)).toBe(true);
  });

  it("quotes a field holding a comma, a quote or a newline, and hides a stopped gift", () => {
    const text = new TextDecoder().decode(
      renderPortalFile(template, [
        buildRow({ description: '一行目\n二行目, "特選"', subscription: { deliveries: 3, schedule: "毎月" } }),
        buildRow({ code: "KK002" }, { action: "stop" }),
      ]).bytes,
    );
    expect(text).toContain(',"一行目\n二行目, ""特選""",');
    const rows = table(text.slice(1));
    expect(rows[1][columnOf(template, "説明文")]).toBe('一行目\n二行目, "特選"');
    expect(rows[1][columnOf(template, "定期便")]).toBe("毎月（全3回）");
    expect(rows[1][columnOf(template, "申込受付開始日")]).toBe("2025/04/01");
    expect(rows[1][columnOf(template, "公開状態")]).toBe("公開");
    expect(rows[2][columnOf(template, "公開状態")]).toBe("非公開");
  });

  it("keeps 𠮷 in UTF-8 (nothing to report)", () => {
    const { bytes, unencodable } = renderPortalFile(template, [buildRow({ title: "𠮷田農園の米" })]);
    expect(unencodable).toEqual([]);
    expect(new TextDecoder().decode(bytes)).toContain("𠮷田農園の米");
  });
});

describe("LedgHOME 謝礼品リスト", () => {
  const template = ledgHomeTemplate();

  it("is CP932 with the exact header bytes, and marks a stop as 受付停止", () => {
    const { bytes } = renderPortalFile(template, [
      buildRow({ handlingNotes: "要冷凍,\r\n到着後すぐに" }),
      buildRow({ code: "KK002" }, { action: "stop" }),
    ]);
    const header = iconv.encode(
      "謝礼品コード,謝礼品名,事業者コード,事業者名,寄附金額,調達価格,送料,配送サイズ,温度帯,定期便回数,数量限定,のし,内容量,受付状態,備考\r\n",
      "cp932",
    );
    expect(Buffer.from(bytes.subarray(0, header.length)).equals(header)).toBe(true);
    const rows = table(cp932Text(bytes));
    expect(rows[1]).toEqual([
      "KK001",
      "小倉牛ロースステーキ 600g",
      "KK",
      "小倉畜産",
      "30000",
      "9000",
      "1500",
      "80",
      "冷凍",
      "1",
      "100",
      "可",
      "ロース 200g×3枚",
      "受付中",
      "要冷凍,\r\n到着後すぐに",
    ]);
    expect(rows[2][columnOf(template, "受付状態")]).toBe("受付停止");
  });

  it("neutralises a formula-like supplier name", () => {
    const rows = table(cp932Text(renderPortalFile(template, [buildRow({ supplierName: "@SUM(A1)" })]).bytes));
    expect(rows[1][columnOf(template, "事業者名")]).toBe("'@SUM(A1)");
  });
});

describe("総務省提出用 地場産品リスト", () => {
  const template = soumuLocalProductsTemplate();

  it("is CP932 with the exact header bytes", () => {
    const { bytes } = renderPortalFile(template, [buildRow()]);
    const header = iconv.encode(
      "返礼品コード,返礼品名,事業者名,内容量,地場産品類型,該当理由,調達費用,寄附金額,返礼割合,定期便回数,送料（1回あたり）,掲載開始日,状態\r\n",
      "cp932",
    );
    expect(Buffer.from(bytes.subarray(0, header.length)).equals(header)).toBe(true);
  });

  it("counts every delivery of a 定期便 in 調達費用 and 返礼割合, and dates in 和暦", () => {
    const row = buildRow(
      { procurementCost: 3000, subscription: { deliveries: 3, schedule: "隔月" }, localProductType: "3イ" },
      { listing: { donationAmount: 29000 } },
    );
    const cells = table(cp932Text(renderPortalFile(template, [row]).bytes))[1];
    const cell = (h: string) => cells[columnOf(template, h)];
    expect(cell("地場産品類型")).toBe("3イ");
    expect(cell("調達費用")).toBe("9000");
    expect(cell("寄附金額")).toBe("29000");
    expect(cell("返礼割合")).toBe("31.0%"); // 9000 ÷ 29000 = 0.3103…: over 30%, which the rule engine flags
    expect(cell("定期便回数")).toBe("3");
    expect(cell("掲載開始日")).toBe("令和7年10月1日");
    expect(cell("状態")).toBe("提供中");
  });

  it("maps − and 〜 in the reason and reports ㋿", () => {
    const { bytes, unencodable } = renderPortalFile(template, [buildRow({ localProductReason: "標高−100m〜の畑で栽培（㋿7年）" })]);
    expect(table(cp932Text(bytes))[1][columnOf(template, "該当理由")]).toBe("標高－100m～の畑で栽培（〓7年）");
    expect(unencodable).toEqual([
      { row: 2, column: columnOf(template, "該当理由") + 1, char: "㋿", header: "該当理由", giftCode: "KK001" },
    ]);
  });
});

describe("SHIPPED_PORTALS", () => {
  it("registers portals whose templates pass the same validation as a template made in the UI", () => {
    expect(SHIPPED_PORTALS.map((p) => p.code)).toEqual(["rakuten", "ana", "ledghome", "soumu"]);
    for (const p of SHIPPED_PORTALS) {
      expect(parsePortalTemplate(JSON.parse(JSON.stringify(p.template)))).toEqual(p.template);
      expect(renderPortalFile(p.template, [{ ...buildRow(), portal: p }]).unencodable).toEqual([]);
    }
  });
});
