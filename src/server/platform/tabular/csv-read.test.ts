import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { readCsv } from "./csv-read.js";
import { TabularFormatError } from "./errors.js";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("readCsv", () => {
  it("reads a header and rows from UTF-8 with a BOM", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("課題番号,課題名\r\nA(1),ふるさと納税\r\n")]);
    const result = readCsv(bytes);
    expect(result).toEqual({
      header: ["課題番号", "課題名"],
      rows: [["A(1)", "ふるさと納税"]],
      rowNumbers: [2],
      encoding: "utf-8-bom",
    });
  });

  it("keeps newlines and commas inside quoted fields (CRLF file)", () => {
    const csv = '課題番号,内容\r\nA(1),"一行目\r\n二行目, と続き"\r\nA(2),"""引用""あり"\r\n';
    const result = readCsv(utf8(csv));
    expect(result.rows).toEqual([
      ["A(1)", "一行目\r\n二行目, と続き"],
      ["A(2)", '"引用"あり'],
    ]);
    expect(result.rowNumbers).toEqual([2, 3]);
  });

  it("drops trailing empty lines and Excel's ',,,' blank rows but keeps row numbers as Excel shows them", () => {
    const csv = "a,b\n1,2\n,\n\n3,4\n\n\n,,\n";
    const result = readCsv(utf8(csv));
    expect(result.rows).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(result.rowNumbers).toEqual([2, 5]);
  });

  it("pads short rows to the header's width", () => {
    expect(readCsv(utf8("a,b,c\n1\n")).rows).toEqual([["1", "", ""]]);
  });

  it("reads Shift_JIS (CP932) uploads", () => {
    const bytes = iconv.encode("課題名,状況\r\n特区制度を活用したルールメイキング,順調\r\n", "cp932");
    const result = readCsv(new Uint8Array(bytes));
    expect(result.encoding).toBe("cp932");
    expect(result.rows).toEqual([["特区制度を活用したルールメイキング", "順調"]]);
  });

  it("reads tab-separated text", () => {
    const result = readCsv(utf8("課題番号\t課題名\nB(1)\t特区, 規制改革\n"), { delimiter: "\t" });
    expect(result.rows).toEqual([["B(1)", "特区, 規制改革"]]);
  });

  it("trims header cells and returns nothing for an empty file", () => {
    expect(readCsv(utf8(" 課題名 \nx")).header).toEqual(["課題名"]);
    expect(readCsv(new Uint8Array())).toMatchObject({ header: [], rows: [] });
  });

  it("reports an unclosed quote as a Japanese format error", () => {
    expect(() => readCsv(utf8('a,b\n1,"never closed\n2,3\n'))).toThrow(TabularFormatError);
    expect(() => readCsv(utf8('a,b\n1,"never closed\n2,3\n'))).toThrow(/引用符/);
  });
});
