import { describe, expect, it } from "vitest";
import { z } from "zod";
import { zJapaneseDate, zNumberCell } from "../../../common/zod-japanese.js";
import { readCsv } from "./csv-read.js";
import { type ImportSpec, validateRows } from "./import-rows.js";

interface ProgressRow {
  code: string;
  asOf: string;
  budget?: number;
  status: "未着手" | "順調" | "遅れ";
  note?: string;
}

const spec: ImportSpec<ProgressRow> = {
  columns: [
    { key: "code", label: "課題番号", required: true },
    { key: "asOf", label: "時点", required: true, aliases: ["基準日"] },
    { key: "budget", label: "予算額" },
    { key: "status", label: "状況", required: true },
    { key: "note", label: "備考" },
  ],
  row: z.object({
    code: z.string().regex(/^[A-Z]\(\d+\)$/, { message: "課題番号は A(1) の形で入力してください" }),
    asOf: zJapaneseDate,
    budget: zNumberCell(z.number().int().min(0)).optional(),
    status: z.enum(["未着手", "順調", "遅れ"]),
    note: z.string().max(10).optional(),
  }),
};

const header = ["課題番号", "時点", "予算額", "状況", "備考"];

describe("validateRows", () => {
  it("returns typed rows with 和暦 dates as ISO and numbers parsed from '1,234' and full-width digits", () => {
    const result = validateRows(
      {
        header,
        rows: [
          ["A(1)", "令和6年11月末", "1,234", "順調", ""],
          ["B(2)", "R6.4.1", "５００", "未着手", "メモ"],
          ["C(1)", "2024-11-30", "", "遅れ", ""],
        ],
      },
      spec,
    );
    expect(result).toEqual({
      ok: true,
      rows: [
        { code: "A(1)", asOf: "2024-11-30", budget: 1234, status: "順調", note: undefined },
        { code: "B(2)", asOf: "2024-04-01", budget: 500, status: "未着手", note: "メモ" },
        { code: "C(1)", asOf: "2024-11-30", budget: undefined, status: "遅れ", note: undefined },
      ],
    });
  });

  it("validates 1,000 rows and reports exactly the three bad ones, with their Excel row numbers", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [`A(${i + 1})`, "令和6年11月30日", String(i * 1000), "順調", ""]);
    rows[9] = ["A(10)", "令和6年13月1日", "0", "順調", ""]; // Excel row 11
    rows[499] = ["", "2024-11-30", "0", "順調", ""]; // Excel row 501
    rows[998] = ["A(999)", "2024-11-30", "たくさん", "順調", ""]; // Excel row 1000
    const result = validateRows({ header, rows }, spec);
    expect(result).toEqual({
      ok: false,
      errors: [
        { row: 11, column: "時点", message: "日付の形式が正しくありません（例: 令和6年11月30日 / 2024-11-30）" },
        { row: 501, column: "課題番号", message: "必須です" },
        { row: 1000, column: "予算額", message: "数値で入力してください" },
      ],
    });
  });

  it("reports every bad cell of a row in Japanese, keeping the schema's own message", () => {
    const result = validateRows({ header, rows: [["A1", "", "-5", "完了", "十文字を超える備考です"]] }, spec);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { row: 2, column: "課題番号", message: "課題番号は A(1) の形で入力してください" },
      { row: 2, column: "時点", message: "必須です" },
      { row: 2, column: "予算額", message: "0以上の値を入力してください" },
      { row: 2, column: "状況", message: "次のいずれかを入力してください: 未着手、順調、遅れ" },
      { row: 2, column: "備考", message: "10文字以内で入力してください" },
    ]);
  });

  it("says 整数で入力してください for a fraction where an integer is expected", () => {
    const result = validateRows({ header, rows: [["A(1)", "2024-11-30", "1.5", "順調", ""]] }, spec);
    expect(result).toEqual({ ok: false, errors: [{ row: 2, column: "予算額", message: "整数で入力してください" }] });
  });

  it("reports all missing required headings as one error and imports nothing", () => {
    const result = validateRows({ header: ["予算額", "備考"], rows: [["1", "x"]] }, spec);
    expect(result).toEqual({
      ok: false,
      errors: [{ row: 1, message: "必須の列がありません: 「課題番号」「時点」「状況」。見出し行を確認してください" }],
    });
  });

  it("accepts aliases, column order changes, spacing, full-width and 「（必須）」 marks in headings", () => {
    const result = validateRows({ header: ["状況（必須）", " 課題 番号 ", "基準日*"], rows: [["順調", "A(1)", "令和6年11月30日"]] }, spec);
    expect(result).toEqual({
      ok: true,
      rows: [{ code: "A(1)", asOf: "2024-11-30", budget: undefined, status: "順調", note: undefined }],
    });
  });

  it("refuses a heading given twice", () => {
    const result = validateRows({ header: [...header, "状況"], rows: [["A(1)", "2024-11-30", "", "順調", "", "遅れ"]] }, spec);
    expect(result).toEqual({ ok: false, errors: [{ row: 1, column: "状況", message: "列「状況」が複数あります" }] });
  });

  it("refuses a file with a header but no data rows", () => {
    expect(validateRows({ header, rows: [] }, spec)).toEqual({
      ok: false,
      errors: [{ row: 2, message: "取り込むデータ行がありません" }],
    });
  });

  it("uses the row numbers a reader kept, so skipped blank lines do not shift the report", () => {
    const csv = "課題番号,時点,予算額,状況,備考\n\nA(1),2024-11-30,,順調,\n\n\nA(2),2024-02-30,,順調,\n";
    const result = validateRows(readCsv(new TextEncoder().encode(csv)), spec);
    expect(result).toEqual({
      ok: false,
      errors: [{ row: 6, column: "時点", message: "日付の形式が正しくありません（例: 令和6年11月30日 / 2024-11-30）" }],
    });
  });

  it("reports a whole-row rule without a column", () => {
    const rowRule: ImportSpec<{ from: string; to: string }> = {
      columns: [
        { key: "from", label: "開始日", required: true },
        { key: "to", label: "終了日", required: true },
      ],
      row: z
        .object({ from: zJapaneseDate, to: zJapaneseDate })
        .refine((r) => r.from <= r.to, { message: "終了日は開始日以降にしてください" }),
    };
    expect(validateRows({ header: ["開始日", "終了日"], rows: [["令和6年5月1日", "令和6年4月1日"]] }, rowRule)).toEqual({
      ok: false,
      errors: [{ row: 2, message: "終了日は開始日以降にしてください" }],
    });
  });
});
