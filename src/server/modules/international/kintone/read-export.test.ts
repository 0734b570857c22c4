// The reader on small exports written for each test: every encoding, both header kinds, the record-start column
// quoted or not, dotted and inferred subtables, check-box choice columns, multi-value cells, quoted line breaks and
// doubled quotes, the clerk's correction — and the problems, each with the row Excel shows.
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { TabularFormatError } from "../../../platform/tabular/errors";
import {
  cellValues,
  inspectKintoneExport,
  type KintoneRecord,
  type ReadKintoneOptions,
  readKintoneExport,
  scanKintoneExport,
} from "./read-export";

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));
const bom = (text: string) => new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]));
const cp932 = (text: string) => new Uint8Array(iconv.encode(text, "cp932"));
const csv = (...lines: string[]) => `${lines.join("\r\n")}\r\n`;

/** Two records by field names, subtables not dotted: 相手先 (国, 都市) and 年度別予算 (年度, 予算額). */
const NAMES = csv(
  '"レコードの開始行","レコード番号","事業名","テーマ[環境]","テーマ[観光]","国","都市","年度","予算額","添付ファイル"',
  '"*","1","姉妹都市交流（サンプル）","1","","米国","シアトル","2024","100","計画書.pdf\n内訳.xlsx"',
  '"","1","姉妹都市交流（サンプル）","1","","中国","大連","","","計画書.pdf\n内訳.xlsx"',
  '"*","2","観光PR（サンプル）","1","1","韓国","釜山","2023","200",""',
  '"","2","観光PR（サンプル）","1","1","","","2024","300",""',
  '"","2","観光PR（サンプル）","1","1","","","2025","",""',
  '"*","3","調査（サンプル）","","","","","","",""',
);

function brief(record: KintoneRecord) {
  return {
    row: record.row,
    main: record.main,
    subtables: Object.fromEntries(Object.entries(record.subtables).map(([name, rows]) => [name, rows.map((r) => [r.row, r.values])])),
  };
}

describe("kintone export reader", () => {
  it("reads names, the quoted record-start column, two inferred subtables, choice columns and multi-value cells", () => {
    const read = readKintoneExport(cp932(NAMES));
    expect(read).toMatchObject({ encoding: "cp932", headerKind: "names", problems: [] });
    expect(read.subtables).toEqual([
      { name: "国 ほか", rows: 3, fields: ["国", "都市"], inferred: true },
      { name: "年度 ほか", rows: 4, fields: ["年度", "予算額"], inferred: true },
    ]);
    expect(read.records.map(brief)).toEqual([
      {
        row: 2,
        main: { レコード番号: ["1"], 事業名: ["姉妹都市交流（サンプル）"], テーマ: ["環境"], 添付ファイル: ["計画書.pdf", "内訳.xlsx"] },
        subtables: {
          "国 ほか": [
            [2, { 国: ["米国"], 都市: ["シアトル"] }],
            [3, { 国: ["中国"], 都市: ["大連"] }],
          ],
          "年度 ほか": [[2, { 年度: ["2024"], 予算額: ["100"] }]],
        },
      },
      {
        row: 4,
        main: { レコード番号: ["2"], 事業名: ["観光PR（サンプル）"], テーマ: ["環境", "観光"], 添付ファイル: [] },
        subtables: {
          "国 ほか": [[4, { 国: ["韓国"], 都市: ["釜山"] }]],
          "年度 ほか": [
            [4, { 年度: ["2023"], 予算額: ["200"] }],
            [5, { 年度: ["2024"], 予算額: ["300"] }],
            [6, { 年度: ["2025"], 予算額: [] }],
          ],
        },
      },
      // a record without subtable rows still has its one line, which is no row
      {
        row: 7,
        main: { レコード番号: ["3"], 事業名: ["調査（サンプル）"], テーマ: [], 添付ファイル: [] },
        subtables: { "国 ほか": [], "年度 ほか": [] },
      },
    ]);
  });

  it("reads UTF-8 with and without BOM and CP932 to the same records, and says which it was", () => {
    const forms = [
      [utf8(NAMES), "utf-8"],
      [bom(NAMES), "utf-8-bom"],
      [cp932(NAMES), "cp932"],
    ] as const;
    const reads = forms.map(([bytes]) => readKintoneExport(bytes));
    expect(reads.map((r) => r.encoding)).toEqual(forms.map(([, e]) => e));
    expect(reads[1].records).toEqual(reads[0].records);
    expect(reads[2].records).toEqual(reads[0].records);
  });

  it("reads codes with an unquoted `*`, dotted subtables, quoted line breaks and doubled quotes", () => {
    const text = csv(
      "*,record_no,summary,members,partners.partner_country,budgets.budget_fy,updated_at",
      '*,1,"第1段落 ""交流""\n第2段落","tanaka\nsuzuki",US,2024,2024-05-01',
      ',1,"第1段落 ""交流""\n第2段落","tanaka\nsuzuki",,2025,2024-05-01',
      '"*",2,"一行",,FR,,2024-05-02',
    );
    const read = readKintoneExport(utf8(text));
    expect(read).toMatchObject({ headerKind: "codes", problems: [] });
    expect(read.subtables).toEqual([
      { name: "partners", rows: 2, fields: ["partner_country"], inferred: false },
      { name: "budgets", rows: 2, fields: ["budget_fy"], inferred: false },
    ]);
    expect(read.records[0].main).toEqual({
      record_no: ["1"],
      summary: ['第1段落 "交流"', "第2段落"],
      members: ["tanaka", "suzuki"],
      updated_at: ["2024-05-01"],
    });
    expect(read.records[0].subtables.budgets.map((r) => r.values.budget_fy)).toEqual([["2024"], ["2025"]]);
    expect(read.records[1].main.members).toEqual([]);
  });

  it("finds the record-start column quoted or not, by name or as *, and its * marks quoted or not", () => {
    const body = ['"*",1,"a（サンプル）",US', ",1,a（サンプル）,FR", "*,2,b（サンプル）,"];
    const variants = [
      '"レコードの開始行",id,title,country',
      "レコードの開始行,id,title,country",
      '"*",id,title,country',
      "*,id,title,country",
    ];
    const reads = variants.map((header) => readKintoneExport(utf8(csv(header, ...body))));
    expect(reads.map((r) => r.headerKind)).toEqual(["names", "names", "codes", "codes"]);
    for (const read of reads) {
      expect(read.problems).toEqual([]);
      expect(read.records.map((r) => [r.row, r.main.title, r.subtables.country?.map((x) => x.values.country)])).toEqual([
        [2, ["a（サンプル）"], [["US"], ["FR"]]],
        [4, ["b（サンプル）"], []],
      ]);
    }
  });

  it("numbers records by Excel row (a quoted line break does not start a row) and also gives the text line", () => {
    const text = csv("*,record_no,summary,partners.city", '*,1,"a\nb\nc",X', ',1,"a\nb\nc",Y', "*,2,one,Z");
    const read = readKintoneExport(utf8(text));
    expect(read.records.map((r) => [r.row, r.line])).toEqual([
      [2, 2],
      [4, 8],
    ]);
    expect(read.records[0].subtables.partners.map((r) => [r.row, r.line])).toEqual([
      [2, 2],
      [3, 5],
    ]);
  });

  it("reports a continuation line whose main field differs, by Excel row, naming the text line when it differs", () => {
    const text = csv("*,record_no,summary,partners.city", '*,1,"a\nb",X', ',1,"a\nB",Y', ',1,"a\nb",Z', "*,2,one,W");
    expect(inspectKintoneExport(utf8(text)).problems).toEqual([
      {
        row: 3,
        column: "summary",
        problem: "同じレコードの続きの行なのに「summary」の値が最初の行（2行目）と違います（テキストエディタでは4行目）",
      },
    ]);
  });

  it("reports a record-start cell that is neither * nor empty, a first line without *, a duplicate header and a too-long line", () => {
    const text = csv("レコードの開始行,事業名,国,国", ",A（サンプル）,米国,米国", "*,B（サンプル）,仏,仏", "x,C（サンプル）,独,独,余分");
    const read = readKintoneExport(utf8(text));
    expect(read.problems).toEqual([
      { row: 1, column: "国", problem: "見出し「国」が重複しています（4列目は読みません）" },
      { row: 2, column: null, problem: "最初のデータ行にレコードの開始行の印（*）がありません（新しいレコードとして読みました）" },
      { row: 4, column: null, problem: "レコードの開始行の列は「*」か空欄のはずですが「x」です（新しいレコードとして読みました）" },
      { row: 4, column: null, problem: "見出しより列の多い行です" },
    ]);
    expect(read.records.map((r) => r.main.事業名)).toEqual([["A（サンプル）"], ["B（サンプル）"], ["C（サンプル）"]]);
  });

  it("takes the clerk's correction: columns regrouped and renamed, and a main field checked again", () => {
    const corrected = readKintoneExport(utf8(NAMES), {
      subtableOf: { 国: "相手先", 都市: "相手先", 年度: "年度別予算", 予算額: "年度別予算" },
    });
    expect(corrected.subtables).toEqual([
      { name: "相手先", rows: 3, fields: ["国", "都市"], inferred: false },
      { name: "年度別予算", rows: 4, fields: ["年度", "予算額"], inferred: false },
    ]);
    // 都市 called a main field: its value differs on the records' later lines (empty there), which is now a problem.
    const wrong = inspectKintoneExport(utf8(NAMES), { subtableOf: { 都市: null } });
    expect(wrong.problems).toEqual([
      {
        row: 3,
        column: "都市",
        problem: "同じレコードの続きの行なのに「都市」の値が最初の行（2行目）と違います（テキストエディタでは4行目）",
      },
      {
        row: 5,
        column: "都市",
        problem: "同じレコードの続きの行なのに「都市」の値が最初の行（4行目）と違います（テキストエディタでは7行目）",
      },
      {
        row: 6,
        column: "都市",
        problem: "同じレコードの続きの行なのに「都市」の値が最初の行（4行目）と違います（テキストエディタでは8行目）",
      },
    ]);
    expect(wrong.subtables).toEqual([
      { name: "国", rows: 3 },
      { name: "年度 ほか", rows: 4 },
    ]);
  });

  it("reads an export without the record-start column (no subtables) as one record per line", () => {
    const read = readKintoneExport(utf8(csv("record_no,project_name", "1,A（サンプル）", "2,B（サンプル）")));
    expect(read).toMatchObject({ headerKind: "codes", subtables: [], problems: [] });
    expect(read.records.map((r) => [r.row, r.main.project_name])).toEqual([
      [2, ["A（サンプル）"]],
      [3, ["B（サンプル）"]],
    ]);
  });

  it("hands the records on one by one the same as it reads them whole", () => {
    const streamed: KintoneRecord[] = [];
    const summary = scanKintoneExport(utf8(NAMES), {}, (r) => streamed.push(r));
    expect(summary.recordCount).toBe(3);
    expect(streamed).toEqual(readKintoneExport(utf8(NAMES)).records);
  });

  it("inspects to what it reads, whichever way the file is parsed (header decides, lines decide, the clerk decides part)", () => {
    const dotted = csv(
      "*,record_no,summary,partners.city,budgets.fy",
      '*,1,"a\nb",X,2024',
      ',1,"a\nb",Y,',
      ",1,changed,,",
      "x,2,one,,2025",
    );
    const cases: [Uint8Array, ReadKintoneOptions][] = [
      [utf8(NAMES), {}],
      [utf8(NAMES), { subtableOf: { 国: "相手先" } }],
      [utf8(NAMES), { subtableOf: { 都市: null, 予算額: "年度別予算" } }],
      [cp932(NAMES.replace("国,都市", "国,国")), {}],
      [utf8(dotted), {}],
      [utf8(dotted), { subtableOf: { "budgets.fy": null } }],
    ];
    for (const [bytes, options] of cases) {
      const read = readKintoneExport(bytes, options);
      const scanned = scanKintoneExport(bytes, options);
      const { records, ...rest } = read;
      expect(scanned).toEqual({ ...rest, recordCount: records.length });
      expect(inspectKintoneExport(bytes, options)).toEqual({
        encoding: read.encoding,
        headerKind: read.headerKind,
        records: records.length,
        subtables: read.subtables.map((t) => ({ name: t.name, rows: t.rows })),
        problems: read.problems,
      });
    }
  });

  it("refuses a file it cannot read: no header, an unknown encoding, an unclosed quote", () => {
    expect(() => readKintoneExport(new Uint8Array())).toThrow(TabularFormatError);
    expect(() => readKintoneExport(new Uint8Array([0x82, 0xa0, 0xff, 0xfe, 0x80, 0x81, 0xfd]))).toThrow("文字コードを判別できません");
    expect(() => readKintoneExport(utf8('*,a\r\n*,"unclosed\r\n'))).toThrow(TabularFormatError);
  });

  it("splits a cell into its values at any line break", () => {
    expect(cellValues("")).toEqual([]);
    expect(cellValues("a")).toEqual(["a"]);
    expect(cellValues("a\r\nb\nc\rd")).toEqual(["a", "b", "c", "d"]);
  });
});
