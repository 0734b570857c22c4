import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { TabularFormatError } from "./errors.js";
import { readXlsx } from "./xlsx-read.js";
import { bombWorkbook, largeWorkbook, rowXml, xlsxFile } from "./xlsx-test-files.js";
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

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

describe("readXlsx on workbooks as Excel writes them", () => {
  it("leaves out ふりがな, and reads shared strings stored after the sheet", async () => {
    const file = xlsxFile({
      sheetFirst: true,
      sharedStrings: `<sst xmlns="${MAIN_NS}" count="3" uniqueCount="3"><si><t>氏名</t></si><si><t>山田太郎</t><rPh sb="0" eb="2"><t>ヤマダ</t></rPh><rPh sb="2" eb="4"><t>タロウ</t></rPh><phoneticPr fontId="1"/></si><si><r><rPr><b/></rPr><t>改行</t></r><r><t xml:space="preserve">_x000D_
あり</t></r></si></sst>`,
      sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c></row>',
    });
    const table = await readXlsx(file);
    expect(table.header).toEqual(["氏名"]);
    expect(table.rows).toEqual([["山田太郎", "改行\r\nあり"]]);
  });

  it("reads cells without addresses and tags with a namespace prefix", async () => {
    const sheet = `<x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>b</x:t></x:is></x:c></x:row><x:row><x:c><x:v>1</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const table = await readXlsx(xlsxFile({ sheetData: sheet, sheetIsWhole: true }));
    expect(table).toEqual({ header: ["a", "b"], rows: [["1", "TRUE"]], rowNumbers: [2] });
  });

  it("turns date-formatted numbers into dates: built-in formats (和暦 too), custom ones, and the 1904 system", async () => {
    const styles = `<styleSheet xmlns="${MAIN_NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="58"/><xf numFmtId="164"/><xf numFmtId="3"/></cellXfs></styleSheet>`;
    const cells =
      '<c r="A2" s="1"><v>45626</v></c><c r="B2" s="2"><v>45626</v></c><c r="C2" s="3"><v>45626.5</v></c><c r="D2" s="4"><v>45626</v></c>';
    const sheetData = `${rowXml(1, ["a", "b", "c", "d"])}<row r="2">${cells}</row>`;
    expect((await readXlsx(xlsxFile({ sheetData, styles }))).rows).toEqual([["2024-11-30", "2024-11-30", "2024-11-30 12:00:00", "45626"]]);
    const in1904 = await readXlsx(xlsxFile({ sheetData, styles, workbookPr: '<workbookPr date1904="1"/>' }));
    expect(in1904.rows[0][0]).toBe("2028-12-01");
  });

  it("repeats a merged range's value in each of its cells", async () => {
    const sheet = `<worksheet xmlns="${MAIN_NS}"><sheetData>${rowXml(1, ["区分", "", "金額"])}${rowXml(2, ["ふるさと納税", "", 1000])}</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;
    const table = await readXlsx(xlsxFile({ sheetData: sheet, sheetIsWhole: true }));
    expect(table.header).toEqual(["区分", "区分", "金額"]);
  });

  it("reads the first sheet in the workbook's order, whatever the part names", async () => {
    const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const file = xlsxFile({
      sheetData: rowXml(1, ["二枚目"]),
      parts: [
        {
          name: "xl/workbook.xml",
          data: Buffer.from(
            `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL}"><sheets><sheet name="表紙" sheetId="2" r:id="rId9"/><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
          ),
        },
        {
          name: "xl/_rels/workbook.xml.rels",
          data: Buffer.from(
            `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId9" Type="${REL}/worksheet" Target="/xl/worksheets/cover.xml"/></Relationships>`,
          ),
        },
        {
          name: "xl/worksheets/cover.xml",
          data: Buffer.from(`<worksheet xmlns="${MAIN_NS}"><sheetData>${rowXml(1, ["表紙"])}</sheetData></worksheet>`),
        },
      ],
    });
    expect((await readXlsx(file)).header).toEqual(["表紙"]);
  });

  it("refuses XML with a DOCTYPE's entities (no billion laughs) as a broken file", async () => {
    const sheet = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>`;
    await expect(readXlsx(xlsxFile({ sheetData: sheet, sheetIsWhole: true }))).rejects.toMatchObject({ code: "malformed_xlsx" });
  });
});

describe("finding 4: limits on what a workbook may expand to", () => {
  const small = { maxExpandedBytes: 50 * 1024 * 1024, maxCells: 1000 };

  it("finding 4: refuses a workbook whose parts declare more than the limit, before inflating them", async () => {
    const bomb = await bombWorkbook(60 * 1024 * 1024);
    const started = performance.now();
    const error = await readXlsx(bomb, small).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TabularFormatError);
    expect(error).toMatchObject({
      code: "xlsx_too_large",
      message: "Excel ファイルの展開後の大きさが上限（50MB）を超えています。CSV で保存して取り込んでください。",
    });
    expect(performance.now() - started).toBeLessThan(200); // nothing was inflated
  });

  it("finding 4: stops inflating a part that grows past the size its headers declared", async () => {
    const liar = await bombWorkbook(60 * 1024 * 1024, 64 * 1024);
    await expect(readXlsx(liar, small)).rejects.toMatchObject({ code: "xlsx_too_large" });
  });

  it("finding 4: refuses more cells than the limit, with a Japanese message", async () => {
    const error = await readXlsx(largeWorkbook(200), small).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "xlsx_too_many_cells",
      message: "Excel ファイルのセルの数が上限（1000セル）を超えています。ファイルを分けるか、CSV で保存して取り込んでください。",
    });
    expect((await readXlsx(largeWorkbook(100), small)).rows).toHaveLength(100); // 606 cells pass
  });

  it("finding 4: counts the empty cells a far-right heading makes every row hold", async () => {
    // One heading in column XFD: 40 rows padded to 16,384 columns would be 655,360 cells.
    const sheetData = `<row r="1"><c r="A1" t="inlineStr"><is><t>番号</t></is></c><c r="XFD1" t="inlineStr"><is><t>端</t></is></c></row>${Array.from({ length: 40 }, (_, i) => rowXml(i + 2, [i])).join("")}`;
    await expect(readXlsx(xlsxFile({ sheetData }), { maxExpandedBytes: small.maxExpandedBytes, maxCells: 100_000 })).rejects.toMatchObject({
      code: "xlsx_too_many_cells",
    });
  });
});

describe("finding 4: merged ranges cannot make the reader work past the limit", () => {
  it("finding 4: refuses merges whose areas add up past the cell limit, even over empty rows", async () => {
    const merges = Array.from({ length: 50 }, (_, i) => `<mergeCell ref="B${i * 100 + 2}:B${i * 100 + 90}"/>`).join("");
    const sheet = `<worksheet xmlns="${MAIN_NS}"><sheetData>${rowXml(1, ["見出し"])}</sheetData><mergeCells>${merges}</mergeCells></worksheet>`;
    const file = xlsxFile({ sheetData: sheet, sheetIsWhole: true });
    await expect(readXlsx(file, { maxExpandedBytes: 1024 * 1024, maxCells: 1000 })).rejects.toMatchObject({ code: "xlsx_too_many_cells" });
    expect((await readXlsx(file, { maxExpandedBytes: 1024 * 1024, maxCells: 10_000 })).header).toEqual(["見出し"]);
  });
});
