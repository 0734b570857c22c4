// The pipeline's CSV/TSV reader: records with the line they start on. For well-formed CSV it must read exactly what
// csv-parse reads (a property over random cells with quotes, delimiters, line breaks and full-width text); beyond
// that it keeps going where csv-parse refuses the file (a quote left open, a stray quote in a cell).
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectDelimiter, readCsvRecords } from "./csv-records";

const cellText = fc.string({
  unit: fc.constantFrom("a", "1", " ", '"', ",", "\t", "\r\n", "\n", "名", "称", "（", "）", "，", "　", "#", ";"),
  maxLength: 8,
});

function serialise(cell: string, delimiter: string, forceQuote: boolean): string {
  return forceQuote || /["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

describe("readCsvRecords", () => {
  it("reads quoted quotes, delimiters and line breaks inside quotes, and numbers each record by its first line", () => {
    const text = 'a,"b ""q"" c","x\r\ny"\r\n\r\n,,\n"z"tail,é\rlast';
    expect(readCsvRecords(text, ",")).toEqual([
      { line: 1, cells: ["a", 'b "q" c', "x\r\ny"], unclosedQuote: false },
      { line: 3, cells: [""], unclosedQuote: false },
      { line: 4, cells: ["", "", ""], unclosedQuote: false },
      { line: 5, cells: ["ztail", "é"], unclosedQuote: false },
      { line: 6, cells: ["last"], unclosedQuote: false },
    ]);
  });

  it("keeps a stray quote inside an unquoted cell, and runs a quote left open to the end of the file", () => {
    expect(readCsvRecords('身長5\'8",ok\r\nx,"open\r\nrest', ",")).toEqual([
      { line: 1, cells: ["身長5'8\"", "ok"], unclosedQuote: false },
      { line: 2, cells: ["x", "open\r\nrest"], unclosedQuote: true },
    ]);
  });

  it("a trailing delimiter at the end of the file is one more empty cell; a final line break is no record", () => {
    expect(readCsvRecords("a,b,", ",").map((r) => r.cells)).toEqual([["a", "b", ""]]);
    expect(readCsvRecords("a,b\r\n", ",").map((r) => r.cells)).toEqual([["a", "b"]]);
    expect(readCsvRecords("", ",")).toEqual([]);
  });

  it("reads tab-separated text the same way, and detects tabs against commas outside quotes", () => {
    expect(readCsvRecords('名称\t説明\r\n城\t"a\tb, c"\r\n', "\t").map((r) => r.cells)).toEqual([
      ["名称", "説明"],
      ["城", "a\tb, c"],
    ]);
    expect(detectDelimiter('名称\t説明\t緯度\r\n城\t"a,b,c,d,e"\t33\r\n')).toBe("\t");
    expect(detectDelimiter("# 一覧\r\n名称,説明\r\n城,a\tb\r\n")).toBe(",");
  });

  it("property: on well-formed CSV it reads exactly what csv-parse reads, with each record's first line", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cellText, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(",", "\t"),
        fc.constantFrom("\r\n", "\n"),
        fc.boolean(),
        (rows, delimiter, lineEnd, forceQuote) => {
          // a record of one empty cell is written as an empty line, which csv-parse reads as a record of one "" too
          const lines = rows.map((cells) => cells.map((cell) => serialise(cell, delimiter, forceQuote)).join(delimiter));
          const text = lines.join(lineEnd) + lineEnd;
          const expected = parse(text, {
            delimiter,
            relax_column_count: true,
            skip_empty_lines: false,
            record_delimiter: lineEnd,
          }) as string[][];
          const records = readCsvRecords(text, delimiter as "," | "\t");
          expect(records.map((r) => r.cells)).toEqual(expected);
          let line = 1;
          for (const [index, record] of records.entries()) {
            expect(record.line).toBe(line);
            expect(record.unclosedQuote).toBe(false);
            line += 1 + (lines[index].match(/\r\n|\n/g)?.length ?? 0);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it("property: any text at all is read without an exception, every character accounted for in order", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", '"', ",", "\t", "\r", "\n", "あ", " "), maxLength: 60 }), (text) => {
        const records = readCsvRecords(text, ",");
        for (let i = 1; i < records.length; i++) expect(records[i].line).toBeGreaterThan(records[i - 1].line);
        const breaks = text.match(/\r\n|\r|\n/g)?.length ?? 0;
        if (records.length > 0) expect(records.at(-1)?.line).toBeLessThanOrEqual(breaks + 1);
      }),
      { numRuns: 400 },
    );
  });
});
