// Issue 12, "Any portal's real header file": a portal's header or sample file read as the portal gives it (CSV or
// TSV, quoted or not, UTF-8 with or without BOM or CP932, a title row above the header or not, 16 to a few hundred
// columns), a suggested mapping per column, and an export that writes exactly that header.
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { HeaderFileError, inspectHeaderFile } from "../../../common/furusato/header-inspect";
import { normaliseColumnName, suggestColumn, suggestMapping, templateFromHeader } from "../../../common/furusato/header-mapping";
import type { Gift, Listing, Portal } from "../../../common/furusato/types";
import { type SampleHeaderOptions, sampleColumns, sampleHeaderFile, sampleHeaderText } from "../../testing/portal-header-samples";
import { compilePortalTemplate, type ExportRow, emptyRequiredColumns, parsePortalTemplate, renderPortalFile } from "./portal-template";
import { choiceTemplateFromHeader } from "./shipped-templates";

const gift: Gift = {
  code: "KK001",
  supplierCode: "KK",
  supplierName: "小倉畜産",
  title: "小倉牛ロースステーキ",
  catchCopy: "市内の牧場で育った小倉牛",
  description: "きめ細かなサシ。",
  contents: "200g×3枚",
  procurementCost: 9000,
  shippingCost: 1500,
  shippingSize: "80",
  temperature: "冷凍",
  handlingNotes: "",
  allergens: { 牛肉: "あり", 小麦: "なし" },
  bestBefore: "冷凍60日",
  originOfIngredients: "福岡県",
  placeOfProcessing: "北九州市",
  applicationPeriod: { from: "2024-04-01", until: null },
  deliveryPeriod: "通年",
  limitedQuantity: null,
  noshi: true,
  wrapping: false,
  imageUrls: ["https://img.example.jp/kk001-1.jpg", "https://img.example.jp/kk001-2.jpg"],
  subscription: null,
  localProductType: "1",
  localProductReason: "市内で肥育",
  evidenceCount: 1,
  rawMaterialSamePrefecture: null,
  certifications: [],
  status: "承認済",
};
const portal: Portal = { code: "ana", name: "ANAのふるさと納税", feeRatio: 0.1, grantsPoints: false, fieldLimits: {}, active: true };
const listing: Listing = {
  giftCode: "KK001",
  portalCode: "ana",
  donationAmount: 30000,
  titleVariant: "",
  state: "受付中",
  stock: null,
  listingDate: "2024-10-01",
  previousDonationAmount: null,
};
const row: ExportRow = { gift, listing, portal, action: "upsert" };

/** Every file shape the issue names: comma and tab, CP932 and UTF-8 (BOM or not), quoted or not, 16–300 columns. */
const SHAPES: (SampleHeaderOptions & { name: string })[] = [
  {
    name: "16-column CP932 CSV with a title row and sample rows",
    columns: sampleColumns(16),
    delimiter: ",",
    encoding: "cp932",
    title: "返礼品登録シート",
    sampleRows: 3,
  },
  { name: "16-column UTF-8 (BOM) TSV, header only", columns: sampleColumns(16), delimiter: "\t", encoding: "utf-8-bom" },
  {
    name: "100-column UTF-8 CSV, every cell quoted, LF",
    columns: sampleColumns(100),
    delimiter: ",",
    encoding: "utf-8",
    quoted: true,
    lineEnding: "\n",
    sampleRows: 2,
  },
  {
    name: "100-column CP932 TSV with a title row",
    columns: sampleColumns(100),
    delimiter: "\t",
    encoding: "cp932",
    title: "ふるさと納税 返礼品一括登録",
    sampleRows: 1,
  },
  { name: "300-column UTF-8 CSV", columns: sampleColumns(300), delimiter: ",", encoding: "utf-8", sampleRows: 5 },
];

describe("inspectHeaderFile", () => {
  for (const shape of SHAPES) {
    it(`header file: detects encoding, delimiter, header row and columns — ${shape.name}`, () => {
      const found = inspectHeaderFile(sampleHeaderFile(shape));
      expect(found).toMatchObject({
        encoding: shape.encoding,
        delimiter: shape.delimiter,
        lineEnding: shape.lineEnding ?? "\r\n",
        headerRow: shape.title === undefined ? 1 : 2,
        quoted: shape.quoted === true,
        sampleRows: shape.sampleRows ?? 0,
      });
      expect(found.columns).toEqual(shape.columns);
      expect(found.titleRows).toEqual(shape.title === undefined ? [] : [[shape.title, ...shape.columns.slice(1).map(() => "")]]);
    });
  }

  it("header file: a comma-separated header is many columns, not one (the old path split on tabs only)", () => {
    const found = inspectHeaderFile(iconv.encode("返礼品コード,返礼品名,寄附金額\r\n", "cp932"));
    expect(found.columns).toEqual(["返礼品コード", "返礼品名", "寄附金額"]);
    expect(found.encoding).toBe("cp932");
  });

  it("header file: reads quoted cells holding the delimiter, quotes and line breaks", () => {
    const text = '"商品名\r\n（必須）","価格,税込","説明""HTML"""\r\nA,1,x\r\n';
    const found = inspectHeaderFile(Buffer.from(text, "utf8"));
    expect(found.columns).toEqual(["商品名\r\n（必須）", "価格,税込", '説明"HTML"']);
    expect(found.delimiter).toBe(",");
    expect(found.quoted).toBe(true);
  });

  it("header file: a note line and a blank line above the header are title rows; the clerk may choose another header row", () => {
    const text = "※は必須項目です\r\n\r\nコード,名前,金額\r\nA1,りんご,10000\r\nA2,みかん,12000\r\n";
    const found = inspectHeaderFile(Buffer.from(text));
    expect(found.headerRow).toBe(3);
    expect(found.titleRows).toEqual([["※は必須項目です"], [""]]);
    expect(inspectHeaderFile(Buffer.from(text), { headerRow: 4 }).columns).toEqual(["A1", "りんご", "10000"]);
    expect(() => inspectHeaderFile(Buffer.from(text), { headerRow: 2 })).toThrow(/空の行/);
  });

  it("header file: a UTF-8 file read only in part (cut inside a character) is still UTF-8", () => {
    const bytes = Buffer.from("返礼品コード,返礼品名\r\nA1,りんご\r\n", "utf8");
    expect(inspectHeaderFile(bytes.subarray(0, bytes.length - 4)).encoding).toBe("utf-8");
  });

  it("header file: refuses an empty file, an .xlsx and UTF-16 with a Japanese message saying what to do", () => {
    expect(() => inspectHeaderFile(new Uint8Array())).toThrow(HeaderFileError);
    expect(() => inspectHeaderFile(Buffer.from("\r\n\r\n"))).toThrow(/空のファイル/);
    expect(() => inspectHeaderFile(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toThrow(/CSV（カンマ区切り）か TSV で保存/);
    expect(() => inspectHeaderFile(Buffer.from([0xff, 0xfe, 0x41, 0]))).toThrow(/UTF-16/);
    expect(() => inspectHeaderFile(Buffer.from(sampleColumns(501).join(",")))).toThrow(/列が多すぎます（501列/);
  });
});

describe("suggestMapping", () => {
  it("mapping: suggests catalog fields for portals' wordings (寄付金額/寄附金額, 返礼品名/商品名, 提供事業者, アレルギー, 賞味期限, 配送, 画像)", () => {
    const value = (name: string) => suggestColumn(name)?.value ?? null;
    expect(value("寄付金額")).toEqual({ field: "listing.donationAmount" });
    expect(value("寄附金額（税込）")).toEqual({ field: "listing.donationAmount" });
    expect(value("返礼品名")).toEqual({ expr: "default(listing.titleVariant, gift.title)" });
    expect(value("【必須】商品名")).toEqual({ expr: "default(listing.titleVariant, gift.title)" });
    expect(value("提供事業者")).toEqual({ field: "gift.supplierName" });
    expect(value("提供事業者コード")).toEqual({ field: "gift.supplierCode" });
    expect(value("アレルギー表示")).toEqual({ expr: 'if(gift.allergensPresent, join(gift.allergensPresent, "・"), "なし")' });
    expect(value("賞味期限・消費期限")).toEqual({ field: "gift.bestBefore" });
    expect(value("配送温度帯")).toEqual({ field: "gift.temperature" });
    expect(value("配送時期")).toEqual({ field: "gift.deliveryPeriod" });
    expect(value("配送方法")).toEqual({ field: "gift.deliveryPeriod" }); // contains 配送
    expect(value("画像")).toEqual({ expr: 'join(gift.imageUrls, " ")' });
    expect(value("画像２")).toEqual({ expr: "item(gift.imageUrls, 2)" });
    expect(value("商品画像URL 3")).toEqual({ expr: "item(gift.imageUrls, 3)" });
    expect(suggestColumn("返礼品コード")?.how).toBe("exact");
    expect(suggestColumn("返礼品コード（半角英数）")?.value).toEqual({ field: "gift.code" });
  });

  it("mapping: leaves unknown columns and portals' code columns (在庫タイプ, 送料区分) unmapped", () => {
    expect(suggestMapping(["備考 ※社内用", "在庫タイプ", "送料区分", "（必須）", ""])).toEqual([null, null, null, null, null]);
    expect(normaliseColumnName(" 寄附金額【必須】(円) ")).toBe("寄附金額");
  });

  it("mapping: every suggestion is a valid template value", () => {
    const names = sampleColumns(16).concat([
      "商品管理番号",
      "のし",
      "数量限定",
      "返礼割合",
      "公開状態",
      "受付開始日",
      "定期便",
      "地場産品類型",
    ]);
    const suggestions = suggestMapping(names);
    expect(suggestions.filter(Boolean).length).toBeGreaterThanOrEqual(20);
    const template = parsePortalTemplate({
      file: { encoding: "utf-8", delimiter: ",", lineEnding: "\r\n", quote: "minimal", headerLines: [names], fileName: "x.csv" },
      columns: names.map((header, i) => ({ header, value: suggestions[i]?.value ?? { const: "" } })),
    });
    const text = new TextDecoder().decode(renderPortalFile(template, [row]).bytes);
    expect(text).toContain("小倉牛ロースステーキ,30000,小倉畜産");
    expect(text).toContain("牛肉");
    expect(text).toContain("https://img.example.jp/kk001-1.jpg,https://img.example.jp/kk001-2.jpg");
  });
});

describe("an export written from an inspected header", () => {
  for (const shape of SHAPES) {
    it(`header file: the export starts with exactly the file's header bytes — ${shape.name}`, () => {
      const file = sampleHeaderFile(shape);
      const inspected = inspectHeaderFile(file);
      const choices = suggestMapping(inspected.columns).map((s) => ({ value: s?.value ?? null }));
      const template = parsePortalTemplate(
        templateFromHeader(inspected, choices, { fileName: "upload.csv", sourceFileName: "sample.csv" }),
      );
      const bytes = Buffer.from(renderPortalFile(template, [row]).bytes);
      // The header part of the sample: everything before its first sample row.
      const headerOnly = sampleHeaderFile({ ...shape, sampleRows: 0 });
      expect(bytes.subarray(0, headerOnly.length).equals(headerOnly)).toBe(true);
      const text = shape.encoding === "cp932" ? iconv.decode(bytes, "cp932") : bytes.toString("utf8").replace(/^\uFEFF/, "");
      const dataLine = text.slice(sampleHeaderText({ ...shape, sampleRows: 0 }).length);
      expect(dataLine.startsWith(shape.quoted ? '"KK001"' : "KK001")).toBe(true);
      expect(dataLine.split(shape.delimiter)).toHaveLength(shape.columns.length);
      expect(template.origin).toEqual({ kind: "portal-file", fileName: "sample.csv" });
    });
  }
});

describe("required columns (必須) as data", () => {
  it("header file: names the required columns a gift leaves empty", () => {
    const inspected = inspectHeaderFile(sampleHeaderFile({ columns: sampleColumns(16), delimiter: ",", encoding: "utf-8" }));
    const choices = suggestMapping(inspected.columns).map((s, i) => ({ value: s?.value ?? null, required: i < 3 || i === 15 }));
    const compiled = compilePortalTemplate(
      parsePortalTemplate(templateFromHeader(inspected, choices, { fileName: "a.csv", sourceFileName: "a.csv" })),
    );
    expect(compiled.required.filter(Boolean)).toHaveLength(4);
    // 備考 ※社内用 is required but nothing is mapped to it
    expect(emptyRequiredColumns(compiled, row)).toEqual(["備考 ※社内用"]);
    expect(emptyRequiredColumns(compiled, { ...row, gift: { ...gift, title: "" } })).toEqual(["【必須】返礼品名", "備考 ※社内用"]);
  });

  it("header file: title rows are checked like header lines (no formula starts), and origin must be known", () => {
    const base = { encoding: "utf-8", delimiter: ",", lineEnding: "\r\n", quote: "minimal", headerLines: [["a"]], fileName: "x.csv" };
    expect(() =>
      parsePortalTemplate({ file: { ...base, titleLines: [["=HYPERLINK()"]] }, columns: [{ header: "a", value: { const: "" } }] }),
    ).toThrow(/タイトル行「=HYPERLINK\(\)」は = \+ - @ で始められません/);
    expect(() =>
      parsePortalTemplate({ file: base, columns: [{ header: "a", value: { const: "" } }], origin: { kind: "official" } }),
    ).toThrow(/origin.kind/);
  });
});

describe("ふるさとチョイス path (headerLine through the API)", () => {
  it("header file: a comma-separated header line is split on commas, not saved as one column", () => {
    const template = choiceTemplateFromHeader('"返礼品名","寄附金額","備考"\r\n', { 返礼品名: { field: "gift.title" } });
    expect(template.columns.map((c) => c.header)).toEqual(["返礼品名", "寄附金額", "備考"]);
    expect(template.file).toMatchObject({ delimiter: ",", quote: "all", fileName: "choice_items.csv" });
    const text = new TextDecoder().decode(renderPortalFile(template, [row]).bytes);
    expect(text.split("\r\n")[0]).toBe('"返礼品名","寄附金額","備考"');
  });
});
