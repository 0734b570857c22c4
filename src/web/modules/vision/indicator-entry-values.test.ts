import { describe, expect, it } from "vitest";
import { emptyEntry, entryBody, entryErrors } from "./indicator-entry-values";

describe("indicator value entry", () => {
  it("sends a numeric value typed with full-width digits and commas, and an empty 時点 as null", () => {
    const values = { ...emptyEntry(2024), value: "１,２３４", note: "速報値" };
    expect(entryErrors(values, true)).toEqual({});
    expect(entryBody(values, true)).toEqual({ fiscalYear: 2024, asOf: null, value: 1234, statusRating: null, note: "速報値" });
  });

  it("asks for a number when the text is not one, and for a value when it is empty", () => {
    expect(entryErrors({ ...emptyEntry(2024), value: "たくさん" }, true).value).toBe("実績値を数値で入力してください。");
    expect(entryErrors(emptyEntry(2024), true).value).toBe("実績値か状況を入力してください。");
  });

  it("puts the missing-status message on the status select of a status indicator", () => {
    const errors = entryErrors(emptyEntry(2024), false);
    expect(errors.statusRating).toBe("実績値か状況を入力してください。");
    expect(entryBody({ ...emptyEntry(2024), statusRating: "順調" }, false)).toMatchObject({ value: null, statusRating: "順調" });
  });
});
