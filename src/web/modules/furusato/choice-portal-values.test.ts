// The ふるさとチョイス header import without the screen: first choices per column, the check before saving, and where
// the server's errors go.
import { describe, expect, it } from "vitest";
import { chosen, columnValues, initialChoices, NO_CHOICE, selectValue, serverErrors } from "./choice-portal-values";
import { fm } from "./messages";
import type { Portal } from "./portalForm";

describe("initialChoices", () => {
  it("keeps the portal's current setting for a column of the same name, else suggests, and reads 必須 in the name", () => {
    const current = {
      template: { columns: [{ header: "お礼の品名", value: { const: "固定" }, required: true }] },
    } as unknown as Portal;
    const [kept, none, required] = initialChoices(["お礼の品名", "", "【必須】謎の列"], current);
    expect(kept).toMatchObject({ kind: "const", constant: "固定", required: true, note: fm.choice.kept });
    expect(none).toEqual(NO_CHOICE);
    expect(required.required).toBe(true);
  });
});

describe("the select", () => {
  it("goes to and from a choice", () => {
    expect(chosen("field:gift.title")).toEqual({ kind: "field", field: "gift.title", note: "" });
    expect(chosen("expr")).toEqual({ kind: "expr", note: "" });
    expect(chosen("")).toEqual({ kind: "none", note: "" });
    expect(selectValue({ ...NO_CHOICE, kind: "field", field: "gift.title" })).toBe("field:gift.title");
    expect(selectValue({ ...NO_CHOICE, kind: "const" })).toBe("const");
    expect(selectValue(NO_CHOICE)).toBe("");
  });
});

describe("columnValues", () => {
  it("gives each column's value in order and asks for an empty 式", () => {
    const { values, errors } = columnValues([
      { ...NO_CHOICE, kind: "field", field: "gift.title", required: true },
      { ...NO_CHOICE, kind: "const", constant: "" },
      { ...NO_CHOICE, kind: "expr", expr: "  " },
      NO_CHOICE,
    ]);
    expect(values).toEqual([
      { value: { field: "gift.title" }, required: true },
      { value: { const: "" }, required: false },
      { value: { expr: "" }, required: false },
      { value: null, required: false },
    ]);
    expect(errors).toEqual({ "column.2": fm.choice.exprRequired });
  });
});

describe("serverErrors", () => {
  it("puts the basics under their inputs, a column's under its row (joined), the file name's and the rest under the file", () => {
    expect(
      serverErrors({
        code: "コードが使われています。",
        "fieldLimits.title": "上限が不正です。",
        "template.columns.3.value": "式が不正です。",
        "template.columns.3.header": "見出しが長すぎます。",
        "template.file.fileName": "ファイル名が不正です。",
        "template.file.encoding": "文字コードが不正です。",
      }),
    ).toEqual({
      code: "コードが使われています。",
      "fieldLimits.title": "上限が不正です。",
      "column.3": `式が不正です。${fm.listSep}見出しが長すぎます。`,
      fileName: "ファイル名が不正です。",
      headerFile: "文字コードが不正です。",
    });
  });
});
