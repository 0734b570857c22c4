import { describe, expect, it } from "vitest";
import { readCsv } from "./csv-read.js";
import { errorReportFileName, writeImportErrorReport } from "./error-report.js";

describe("writeImportErrorReport", () => {
  it("writes 行, 列, 内容 as a UTF-8 CSV with a BOM that reads back", () => {
    const bytes = writeImportErrorReport([
      { row: 1, message: "必須の列がありません: 「課題番号」" },
      { row: 11, column: "時点", message: "日付の形式が正しくありません（例: 令和6年11月30日 / 2024-11-30）" },
    ]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const table = readCsv(bytes);
    expect(table.header).toEqual(["行", "列", "内容"]);
    expect(table.rows).toEqual([
      ["1", "", "必須の列がありません: 「課題番号」"],
      ["11", "時点", "日付の形式が正しくありません（例: 令和6年11月30日 / 2024-11-30）"],
    ]);
  });

  it("can be written as CP932 for users whose Excel expects Shift_JIS", () => {
    const bytes = writeImportErrorReport([{ row: 2, column: "課題名", message: "必須です" }], { encoding: "cp932" });
    const table = readCsv(bytes);
    expect(table.encoding).toBe("cp932");
    expect(table.rows).toEqual([["2", "課題名", "必須です"]]);
  });

  it("neutralises a message that echoes a formula-like heading", () => {
    const bytes = writeImportErrorReport([{ row: 1, column: "=cmd()", message: "列「=cmd()」が複数あります" }]);
    expect(readCsv(bytes).rows[0][1]).toBe("'=cmd()");
  });

  it("names the report after the uploaded file", () => {
    expect(errorReportFileName("課題一覧.xlsx")).toBe("課題一覧_エラー.csv");
    expect(errorReportFileName("進捗.2024.csv")).toBe("進捗.2024_エラー.csv");
    expect(errorReportFileName("")).toBe("取込_エラー.csv");
  });
});
