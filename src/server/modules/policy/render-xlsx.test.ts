import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildPolicyDocument } from "../../testing/policy-fixture.js";
import { CHALLENGE_COLUMNS, PROGRESS_COLUMNS, renderPolicyXlsx } from "./render-xlsx.js";

type Sheets = Record<string, string[][]>;

async function readSheets(buf: Buffer): Promise<Sheets> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buf as unknown as ArrayBuffer);
  const sheets: Sheets = {};
  for (const sheet of workbook.worksheets) {
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      const cells: string[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) cells.push(row.getCell(c).text);
      rows.push(cells);
    });
    sheets[sheet.name] = rows;
  }
  return sheets;
}

describe("renderPolicyXlsx", () => {
  it("has the sheets 概要, 課題一覧 and 進捗履歴 in that order", async () => {
    expect(Object.keys(await readSheets(await renderPolicyXlsx(buildPolicyDocument())))).toEqual(["概要", "課題一覧", "進捗履歴"]);
  });

  it("lays the overview out as categories × areas with each cell's items and bullets", async () => {
    const { 概要: overview } = await readSheets(await renderPolicyXlsx(buildPolicyDocument()));
    expect(overview[0]).toEqual(["分類", "A領域", "B領域", "C領域"]);
    expect(overview[1]).toEqual([
      "成長戦略",
      "(1)ふるさと納税の寄附受入額の増加\n・事務負担の最小化を図りながら、寄附受付サイトの拡充を検討",
      "(2)SDGsの推進\n・官民の適切な役割分担の下、企業などの取組を後押し",
      "・各局の施策・事業が効果的に作用するよう、横串機能を発揮",
    ]);
    expect(overview[2][0]).toBe("外郭団体等");
    expect(overview[2][1]).toBe("");
  });

  it("lists one row per challenge with its latest progress and status", async () => {
    const { 課題一覧: rows } = await readSheets(await renderPolicyXlsx(buildPolicyDocument()));
    expect(rows[0]).toEqual([...CHALLENGE_COLUMNS]);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual([
      "A(1)",
      "A領域",
      "成長戦略",
      "ふるさと納税の寄附受入額の増加",
      "現在、楽天など6つの寄附受付サイトで受付。他都市に比べ受付サイト数が少ない。",
      "寄附受付サイトが多いほど、寄附額が増加するため、サイトの拡充が必須。\n\nサイトを増やすことを検討しているが、内部事務に追われている。",
      "返礼品の登録・変更事務を効率的に行える新しいシステムを導入。",
      "",
      "令和6年11月末時点",
      "令和6年8月に新システムを導入した。",
      "完了",
    ]);
    expect(rows[2][7]).toBe("※市政変革推進プランに基づき、令和6年度に経営分析を行う。");
    expect(rows[3][2]).toBe("外郭団体等");
    expect(rows[3][8]).toBe("令和6年11月末時点");
    expect(rows[3][10]).toBe("遅れ");
  });

  it("lists every progress entry with its date in ISO and 和暦", async () => {
    const { 進捗履歴: rows } = await readSheets(await renderPolicyXlsx(buildPolicyDocument()));
    expect(rows).toEqual([
      [...PROGRESS_COLUMNS],
      ["A(1)", "2024-05-31", "令和6年5月31日", "順調", "新システムの仕様を固めた。"],
      ["A(1)", "2024-11-30", "令和6年11月30日", "完了", "令和6年8月に新システムを導入した。"],
      ["B(2)", "2024-11-30", "令和6年11月30日", "", "認証制度を創設し、申請を受け付けている。"],
      ["B(5)", "2024-11-30", "令和6年11月30日", "遅れ", "各団体の経営分析を実施。"],
    ]);
  });

  it("as of a date, shows only what was known then", async () => {
    const sheets = await readSheets(await renderPolicyXlsx(buildPolicyDocument(), { asOf: "2024-06-30" }));
    expect(sheets.課題一覧[1].slice(8)).toEqual(["令和6年5月末時点", "新システムの仕様を固めた。", "順調"]);
    expect(sheets.課題一覧[2].slice(8)).toEqual(["", "", ""]);
    expect(sheets.進捗履歴.slice(1).map((r) => r[1])).toEqual(["2024-05-31"]);
  });

  it("keeps a formula-looking challenge name as text", async () => {
    const doc = buildPolicyDocument();
    doc.challenges[0] = { ...doc.challenges[0], name: '=HYPERLINK("http://evil.example","x")' };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderPolicyXlsx(doc)) as unknown as ArrayBuffer);
    const cell = workbook.getWorksheet("課題一覧")?.getCell(2, 4);
    expect(cell?.type).toBe(ExcelJS.ValueType.String);
  });
});
