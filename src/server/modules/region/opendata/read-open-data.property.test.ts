// Issue 17, "a property test that every row of any CSV either imports or yields a named problem": for random files —
// headers drawn from the datasets' names and the old spellings (full-width and marked too) plus junk, comment, title
// and empty lines above, random cells with quotes, delimiters, line breaks, full-width text, dates, times and
// coordinates — readOpenData never throws anything but a file-level TabularFormatError, and the header line, the
// skipped lines, the items and the problem rows account for every record of the file exactly once; every problem row
// has a named problem with a Japanese message, and no item has one; an item's fields, checked again, are unchanged.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DATASET_KEYS, DATASETS } from "../../../../common/region/datasets";
import { TabularFormatError } from "../../../platform/tabular/errors";
import { PROBLEM_CODES } from "./problems";
import { readOpenData } from "./read-open-data";
import { checkItemFields } from "./row-fields";
import type { OpenDataReadResult } from "./types";

const OFFICIAL_NAMES = [...new Set(DATASET_KEYS.flatMap((key) => DATASETS[key].columns.map((c) => c.name)))];
const OLD_NAMES = [
  "都道府県コード又は市区町村コード",
  "市区町村コード",
  "NO",
  "都道府県名",
  "市区町村名",
  "住所",
  "方書",
  "名称_英語",
  "料金(基本)",
  "説明_英語",
];
const VARIANTS = (name: string) => [
  name,
  name.normalize("NFKC") === name ? `※${name}` : name,
  `◎${name}`,
  name.replace("_", "＿"),
  ` ${name} `,
];
const JUNK = ["列1", "列2", "備考2", "開館時間", "", "Column3", "ﾒﾓ"];

interface HeaderCell {
  /** the name as known (a 正式版 name or an old spelling); null for junk */
  base: string | null;
  written: string;
}

const headerCell: fc.Arbitrary<HeaderCell> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .constantFrom(...OFFICIAL_NAMES, ...OLD_NAMES)
      .chain((base) => fc.constantFrom(...VARIANTS(base)).map((written) => ({ base, written }))),
  },
  { weight: 1, arbitrary: fc.constantFrom(...JUNK).map((written) => ({ base: null, written })) },
);

const randomCell = fc.oneof(
  fc.string({
    unit: fc.constantFrom(
      "a",
      "Z",
      "1",
      "0",
      " ",
      '"',
      ",",
      "\t",
      "\r\n",
      "\n",
      "名",
      "城",
      "（",
      "）",
      "，",
      "　",
      "#",
      ";",
      "-",
      "/",
      ":",
      "ｱ",
      "９",
    ),
    maxLength: 10,
  }),
  fc.constantFrom("", "401005", "40100", "401006", "0001", "2022-01-18", "2026/10/10", "令和8年10月10日", "2026/02/30", "9:00", "25:00"),
  fc.constantFrom(
    "月火水木金土日",
    "平日",
    "月～金（祝日除く）",
    "1",
    "有",
    "無",
    "0",
    "999",
    "33.8845",
    "130.8741",
    "-91",
    "1,200",
    "https://example.jp/",
  ),
);

const TYPE_OF = new Map(DATASET_KEYS.flatMap((key) => DATASETS[key].columns.map((c) => [c.name, c.type] as const)));
const VALID_BY_TYPE: Record<string, string> = {
  code: "401005",
  date: "2026/10/10",
  time: "9:00",
  lat: "33.88",
  lon: "130.87",
  days: "平日",
  list: "城内;室町",
  flag: "1",
  integer: "1,200",
  url: "https://example.jp/",
  phone: "093-582-2054",
};
const VALID_OLD: Record<string, string> = {
  都道府県コード又は市区町村コード: "40100",
  市区町村コード: "401005",
  都道府県名: "福岡県",
  市区町村名: "北九州市",
};

/** A value the column takes as it is (IDs unique per row). */
function validValue(base: string, row: number): string {
  if (base === "ID" || base === "NO") return String(row).padStart(4, "0");
  return VALID_OLD[base] ?? VALID_BY_TYPE[TYPE_OF.get(base) ?? "text"] ?? `値${row}`;
}

/** What was written: the file's text, and the first line of each record (pre-header lines, header, rows). */
interface Written {
  text: string;
  recordLines: number[];
  dataset: (typeof DATASET_KEYS)[number];
}

function quote(value: string, delimiter: string): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
}

const file: fc.Arbitrary<Written> = fc.constantFrom(...DATASET_KEYS).chain((dataset) =>
  fc
    .record({
      above: fc.array(fc.constantFrom("# 観光施設一覧", "観光施設一覧（北九州市）", "", ",,,,", "＃メモ"), { maxLength: 3 }),
      // half the files carry the dataset's required (◎) columns, so that rows can import
      withRequired: fc.boolean(),
      header: fc.uniqueArray(headerCell, { minLength: 2, maxLength: 14, selector: (c) => c.written }),
      // per row and column: a value the column takes, or a random cell; sometimes fewer or more cells than the header
      rows: fc.array(
        fc.record({
          valid: fc.array(fc.boolean(), { maxLength: 40 }),
          random: fc.array(randomCell, { maxLength: 40 }),
          width: fc.integer({ min: -3, max: 2 }),
        }),
        { maxLength: 12 },
      ),
      delimiter: fc.constantFrom(",", "\t"),
      lineEnd: fc.constantFrom("\r\n", "\n"),
    })
    .map(({ above, withRequired, header, rows, delimiter, lineEnd }): Written => {
      const required = withRequired
        ? DATASETS[dataset].columns.filter((c) => c.required).map((c) => ({ base: c.name, written: c.name }))
        : [];
      const columns = [...required, ...header.filter((h) => !required.some((r) => r.written === h.written))];
      const cells = rows.map(({ valid, random, width }, row) =>
        columns
          .slice(0, Math.max(0, columns.length + width))
          .map((column, i) => (valid[i] !== false && column.base ? validValue(column.base, row) : (random[i] ?? ""))),
      );
      const records = [...above.map((line) => [line.replace(/,/g, delimiter)]), columns.map((c) => c.written), ...cells];
      const recordLines: number[] = [];
      let line = 1;
      const lines = records.map((record, index) => {
        const written = index < above.length ? record[0] : record.map((c) => quote(c, delimiter)).join(delimiter);
        recordLines.push(line);
        line += 1 + (written.match(/\r\n|\n/g)?.length ?? 0);
        return written;
      });
      return { text: lines.join(lineEnd) + lineEnd, recordLines, dataset };
    }),
);

const JAPANESE = /[ぁ-んァ-ン一-龥]/u;

function checkAccounting(result: OpenDataReadResult, recordLines: readonly number[] | null): void {
  const lines = [
    result.headerLine,
    ...result.skipped.map((s) => s.line),
    ...result.items.map((i) => i.rowNumber),
    ...result.problemRows.map((r) => r.rowNumber),
  ];
  expect(new Set(lines).size, "no line is counted twice").toBe(lines.length);
  if (recordLines) expect([...lines].sort((a, b) => a - b)).toEqual(recordLines.filter((l) => l >= 1));
  const problemRowLines = new Set(result.problemRows.map((r) => r.rowNumber));
  for (const row of result.problemRows)
    expect(
      result.problems.some((p) => p.row === row.rowNumber),
      `row ${row.rowNumber} has a problem`,
    ).toBe(true);
  for (const problem of [...result.problems, ...result.headerProblems]) {
    expect(PROBLEM_CODES).toContain(problem.code);
    expect(problem.message).toMatch(JAPANESE);
  }
  for (const problem of result.problems) expect(problemRowLines.has(problem.row), `problem on row ${problem.row} has its row`).toBe(true);
  for (const item of result.items) expect(result.problems.some((p) => p.row === item.rowNumber)).toBe(false);
  for (const item of result.items) {
    expect(item.original.rowNumber).toBe(item.rowNumber);
    // an item's fields are canonical: checked again (as the curation checks an editor's save) they stay as they are
    const again = checkItemFields(result.dataset, item.fields, item.rowNumber);
    expect(again.problems).toEqual([]);
    expect(again.notes).toEqual([]);
    expect(again.fields).toEqual(item.fields);
  }
}

describe("readOpenData property", () => {
  it("every record of a generated file is the header, a skipped line, an item or a problem row with a named problem", () => {
    let read = 0;
    let items = 0;
    let problemRows = 0;
    let skipped = 0;
    fc.assert(
      fc.property(file, ({ text, recordLines, dataset }) => {
        let result: OpenDataReadResult;
        try {
          result = readOpenData(new TextEncoder().encode(text), { fileName: "upload.csv", dataset });
        } catch (error) {
          // a whole-file refusal (no header, another dataset's file) is allowed; anything else is a bug
          expect(error).toBeInstanceOf(TabularFormatError);
          return;
        }
        read++;
        items += result.items.length;
        problemRows += result.problemRows.length;
        skipped += result.skipped.length;
        // the header is the first record that is neither skipped above it nor a comment/title/empty line
        const headerIndex = recordLines.indexOf(result.headerLine);
        expect(headerIndex).toBeGreaterThanOrEqual(0);
        checkAccounting(result, recordLines);
      }),
      { numRuns: 500 },
    );
    // most generated files are read (the property is not satisfied by refusing everything)
    expect(read).toBeGreaterThan(250);
    expect({ items: items > 50, problemRows: problemRows > 50, skipped: skipped > 50 }).toEqual({
      items: true,
      problemRows: true,
      skipped: true,
    });
  });

  it("any text at all (broken quotes, stray delimiters) is read or refused with TabularFormatError, never a crash", () => {
    const header = "ID,地方公共団体名,名称,所在地_連結表記,緯度,経度,開始時間,利用可能曜日\n";
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "1", '"', ",", "\t", "\r", "\n", "名", "#", "９", ":", " ", "\u0000"), maxLength: 120 }),
        (body) => {
          let result: OpenDataReadResult;
          try {
            result = readOpenData(new TextEncoder().encode(header + body), { fileName: "401005_tourism.csv" });
          } catch (error) {
            expect(error).toBeInstanceOf(TabularFormatError);
            return;
          }
          checkAccounting(result, null);
        },
      ),
      { numRuns: 500 },
    );
  });
});
