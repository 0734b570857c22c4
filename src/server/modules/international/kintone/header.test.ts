// The header line alone: names or codes, where the record-start column is, dotted subtable headers and check-box
// choice columns, and the clerk's correction winning over both.
import { describe, expect, it } from "vitest";
import { analyzeHeader } from "./header";

describe("kintone export header", () => {
  it("names: 「レコードの開始行」 says field names, and headers without dots leave the subtable to the lines", () => {
    const a = analyzeHeader(["レコードの開始行", "レコード番号", "事業名", "国", "都市"]);
    expect(a).toMatchObject({ headerKind: "names", recordStart: 0, dotted: false, problems: [] });
    expect(a.columns.map((c) => [c.index, c.field, c.subtable])).toEqual([
      [1, "レコード番号", undefined],
      [2, "事業名", undefined],
      [3, "国", undefined],
      [4, "都市", undefined],
    ]);
  });

  it("codes: `*` says field codes; dotted headers name the subtable and make every other column a main field", () => {
    const a = analyzeHeader(["*", "record_no", "partners.partner_country", "partners.since", "budgets.budget", "updated_at"]);
    expect(a).toMatchObject({ headerKind: "codes", recordStart: 0, dotted: true });
    expect(a.columns.map((c) => [c.header, c.field, c.subtable])).toEqual([
      ["record_no", "record_no", null],
      ["partners.partner_country", "partner_country", "partners"],
      ["partners.since", "since", "partners"],
      ["budgets.budget", "budget", "budgets"],
      ["updated_at", "updated_at", null],
    ]);
  });

  it("a check-box choice column folds into its field, also inside a dotted subtable; a dot at a name's end is no prefix", () => {
    const a = analyzeHeader([
      "レコードの開始行",
      "テーマ[環境]",
      "テーマ[人材育成]",
      "No.",
      "相手先.関係[協定]",
      "相手先.関係[その他]",
      "予算[千円]",
    ]);
    expect(a.columns.map((c) => [c.field, c.choice, c.subtable])).toEqual([
      ["テーマ", "環境", null],
      ["テーマ", "人材育成", null],
      ["No.", null, null],
      ["関係", "協定", "相手先"],
      ["関係", "その他", "相手先"],
      // one bracketed column alone is a field whose name has brackets: a check box has a column per choice
      ["予算[千円]", null, null],
    ]);
  });

  it("without a record-start column the kind is guessed from the headers (codes are letters, digits and _)", () => {
    expect(analyzeHeader(["record_no", "project_name", "themes[環境]", "themes[経済]"])).toMatchObject({
      headerKind: "codes",
      recordStart: null,
    });
    expect(analyzeHeader(["レコード番号", "事業名"])).toMatchObject({ headerKind: "names", recordStart: null });
  });

  it("the clerk's correction wins over the dots and decides an undotted column", () => {
    const a = analyzeHeader(["*", "record_no", "partners.partner_country", "memo.text", "partner_city"], {
      "memo.text": null,
      partner_city: "partners",
      "partners.partner_country": "相手先",
    });
    expect(a.columns.map((c) => [c.field, c.subtable])).toEqual([
      ["record_no", null],
      ["partner_country", "相手先"],
      ["memo.text", null],
      ["partner_city", "partners"],
    ]);
    expect(a.dotted).toBe(true);
    // A dot the clerk calls part of a main field's name leaves the other columns to the lines.
    const b = analyzeHeader(["*", "record_no", "memo.text"], { "memo.text": null });
    expect(b.dotted).toBe(false);
    expect(b.columns.map((c) => c.subtable)).toEqual([undefined, null]);
  });

  it("names an empty header and a record-start column that is not first", () => {
    const a = analyzeHeader(["レコード番号", "", "*"]);
    expect(a.recordStart).toBe(2);
    expect(a.problems.map((p) => p.problem)).toEqual([
      "「*」の列が先頭にありません（kintone の書き出しでは1列目です）",
      "2列目の見出しが空欄です",
    ]);
  });
});
