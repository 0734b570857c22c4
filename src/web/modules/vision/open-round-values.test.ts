import { describe, expect, it } from "vitest";
import { openRoundBody, openRoundErrors, openRoundValues } from "./open-round-values";

describe("opening a reporting round", () => {
  it("starts with the year's name and a week's grace, and sends the typed days as a number", () => {
    const values = { ...openRoundValues(2024), asOf: "令和7年3月31日", deadline: "令和7年5月31日", graceDays: "１４" };
    expect(values.name).toBe("令和6年度末");
    expect(openRoundErrors(values)).toEqual({});
    expect(openRoundBody(values)).toMatchObject({ fiscalYear: 2024, graceDays: 14 });
  });

  it("asks for both dates and for a number of grace days", () => {
    const errors = openRoundErrors({ ...openRoundValues(2024), graceDays: "" });
    expect(errors.asOf).toBe("評価の時点を入力してください（例: 令和8年3月末）。");
    expect(errors.deadline).toBeTruthy();
    expect(errors.graceDays).toBe("猶予日数を整数で入力してください。");
  });
});
