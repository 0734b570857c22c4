// Subtables worked out from the lines: main fields are repeated on every line of a record, each subtable's rows go
// down from its first line, and columns that reach different depths belong to different subtables.
import { describe, expect, it } from "vitest";
import { SubtableInference } from "./subtables";

/** One record as lines; `main` repeated, then each subtable's rows (cells by column), padded with empty cells. */
function record(main: string[], ...tables: string[][][]): string[][] {
  const depth = Math.max(1, ...tables.map((t) => t.length));
  const widths = tables.map((t) => t[0]?.length ?? 0);
  return Array.from({ length: depth }, (_, i) => [...main, ...tables.flatMap((t, k) => t[i] ?? Array<string>(widths[k] ?? 0).fill(""))]);
}

function infer(records: string[][][], columns: number): number[][] {
  const inference = new SubtableInference(Array.from({ length: columns }, (_, i) => i));
  for (const r of records) inference.add(r);
  return inference.groups();
}

describe("subtable inference", () => {
  it("two subtables, each longer than the other in some record, come out apart; repeated columns are main fields", () => {
    // columns: 0 事業名, 1 分野 | 2 国, 3 都市, 4 締結日 (often empty) | 5 年度, 6 予算額
    const records = [
      record(
        ["A", "交流"],
        [
          ["米国", "シアトル", ""],
          ["中国", "大連", "2016-01-01"],
        ],
        [["2024", "100"]],
      ),
      record(
        ["B", "観光"],
        [["韓国", "釜山", ""]],
        [
          ["2023", "200"],
          ["2024", "300"],
          ["2025", ""],
        ],
      ),
      record(["C", "交流"], [], [["2024", "100"]]),
      record(
        ["D", "会議"],
        [
          ["仏", "リヨン", ""],
          ["独", "ミュンヘン", ""],
        ],
        [
          ["2024", "100"],
          ["2025", "100"],
        ],
      ),
    ];
    expect(infer(records, 7)).toEqual([
      [2, 3, 4],
      [5, 6],
    ]);
  });

  it("a column that is often empty joins the subtable whose depth it matches, not the nearer column of the other", () => {
    // 締結日 (4) sits next to 年度 (5) and never reaches deeper than either subtable; it matches the partners' depth.
    const records = [
      record(
        ["A"],
        [
          ["米国", "2015"],
          ["中国", "2016"],
          ["韓国", "2017"],
        ],
        [["2024"]],
      ),
      record(["B"], [["仏", "2001"]], [["2023"], ["2024"], ["2025"], ["2026"]]),
      record(
        ["C"],
        [
          ["独", "2002"],
          ["英", ""],
        ],
        [["2023"], ["2024"], ["2025"]],
      ),
    ];
    // columns: 0 main | 1 国, 2 締結日 | 3 年度
    expect(infer(records, 4)).toEqual([[1, 2], [3]]);
  });

  it("records of one line tell nothing: every column stays a main field", () => {
    expect(infer([record(["A"], [["米国"]]), record(["B"], [["仏"]])], 2)).toEqual([]);
  });

  it("two subtables with the same number of rows in every record cannot be told apart and come out as one", () => {
    const records = [record(["A"], [["米国"], ["中国"]], [["2024"], ["2025"]]), record(["B"], [["仏"], ["独"]], [["2023"], ["2024"]])];
    expect(infer(records, 3)).toEqual([[1, 2]]);
  });
});
