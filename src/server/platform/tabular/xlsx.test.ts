import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { TabularFormatError } from "./errors.js";
import { readXlsx } from "./xlsx-read.js";
import { writeXlsx } from "./xlsx-write.js";

async function loadBack(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe("writeXlsx / readXlsx", () => {
  it("round-trips Japanese text, multi-line cells and numbers through the first sheet", async () => {
    const buffer = await writeXlsx([
      {
        name: "課題一覧",
        header: ["課題番号", "課題名", "件数"],
        rows: [
          ["A(1)", "ふるさと納税の寄附受入額の増加", 6],
          ["B(2)", "SDGsの推進～「周知」から「実践」へ\n「官」から「民」へ～", 0],
          ["C(1)", "𠮷野家と㋿も入る", -3.5],
        ],
      },
      { name: "二枚目", header: ["x"], rows: [["読まれない"]] },
    ]);
    const table = await readXlsx(buffer);
    expect(table.header).toEqual(["課題番号", "課題名", "件数"]);
    expect(table.rows).toEqual([
      ["A(1)", "ふるさと納税の寄附受入額の増加", "6"],
      ["B(2)", "SDGsの推進～「周知」から「実践」へ\n「官」から「民」へ～", "0"],
      ["C(1)", "𠮷野家と㋿も入る", "-3.5"],
    ]);
    expect(table.rowNumbers).toEqual([2, 3, 4]);
  });

  it("writes formula-looking strings as plain strings, never as formulas", async () => {
    const attacks = ['=HYPERLINK("http://evil.example","x")', "+1", "-1", "@SUM(A1)", "\t=1+1"];
    const buffer = await writeXlsx([{ name: "s", header: ["=1+1"], rows: attacks.map((a) => [a]) }]);
    const sheet = (await loadBack(buffer)).worksheets[0];
    for (let r = 1; r <= attacks.length + 1; r++) {
      expect(sheet.getCell(r, 1).type).toBe(ExcelJS.ValueType.String);
    }
    expect((await readXlsx(buffer)).rows.map((r) => r[0])).toEqual(attacks);
  });

  it("does not turn an object like { formula } in the data into a formula", async () => {
    const buffer = await writeXlsx([{ name: "s", header: ["a"], rows: [[{ formula: "1+1" }]] }]);
    const cell = (await loadBack(buffer)).worksheets[0].getCell(2, 1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
  });

  it("makes the header bold, frozen and filterable, and applies column widths", async () => {
    const buffer = await writeXlsx([{ name: "一覧", header: ["a", "b"], rows: [["1", "2"]], columnWidths: [12, 40] }]);
    const sheet = (await loadBack(buffer)).getWorksheet("一覧");
    expect(sheet).toBeDefined();
    expect(sheet?.getCell(1, 1).font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet?.autoFilter).toBeTruthy();
    expect(sheet?.getColumn(2).width).toBe(40);
  });

  it("wraps data cells at the top when asked, leaving the header unwrapped", async () => {
    const buffer = await writeXlsx([{ name: "s", header: ["内容"], rows: [["一行目\n二行目"]], wrapText: true }]);
    const sheet = (await loadBack(buffer)).worksheets[0];
    expect(sheet.getCell(2, 1).alignment).toMatchObject({ wrapText: true, vertical: "top" });
    expect(sheet.getCell(1, 1).alignment?.wrapText).toBeFalsy();
  });

  it("strips characters XML cannot hold so Excel can still open the file", async () => {
    const buffer = await writeXlsx([{ name: "s", header: ["a"], rows: [["前\u0001\u0008後"]] }]);
    expect((await readXlsx(buffer)).rows).toEqual([["前後"]]);
  });

  it("makes sheet names Excel accepts: no forbidden characters, at most 31 characters, unique", async () => {
    const buffer = await writeXlsx([
      { name: "令和6/11 [進捗]", header: ["a"], rows: [] },
      { name: "あ".repeat(40), header: ["a"], rows: [] },
      { name: "あ".repeat(40), header: ["a"], rows: [] },
    ]);
    const names = (await loadBack(buffer)).worksheets.map((s) => s.name);
    expect(names[0]).toBe("令和6_11 _進捗_");
    expect(names[1]).toBe("あ".repeat(31));
    expect(names[2]).toBe(`${"あ".repeat(28)}(2)`);
  });

  it("reads dates, booleans, rich text and formula results as text, skipping blank rows but keeping row numbers", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("取込");
    sheet.getCell("A1").value = "時点";
    sheet.getCell("B1").value = "内容";
    sheet.getCell("A2").value = new Date(Date.UTC(2024, 10, 30));
    sheet.getCell("B2").value = { richText: [{ text: "太字", font: { bold: true } }, { text: "と普通" }] };
    sheet.getCell("A4").value = true;
    sheet.getCell("B4").value = { formula: "1+1", result: 2 };
    const table = await readXlsx(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(table.rows).toEqual([
      ["2024-11-30", "太字と普通"],
      ["TRUE", "2"],
    ]);
    expect(table.rowNumbers).toEqual([2, 4]);
  });

  it("rejects a file that is not an .xlsx with a Japanese message", async () => {
    await expect(readXlsx(new TextEncoder().encode("a,b\n1,2"))).rejects.toThrow(TabularFormatError);
  });
});
