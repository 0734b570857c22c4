import { describe, expect, it } from "vitest";
import type { GradeRuleVersion } from "../../../common/api/vision";
import { gradeRuleBody, gradeRuleErrors, gradeRuleValues } from "./grade-rule-values";

const version = {
  name: "標準",
  rule: {
    formula: "progress",
    bands: [
      { grade: "A", min: 100 },
      { grade: "B", min: 70 },
      { grade: "C", min: null },
    ],
    decimals: 1,
    proRate: false,
    statusAchievement: { 順調: 100, 一部遅れ: 70, 大幅遅れ: 30, 完了: 100, 中止: null, 評価困難: null },
    rollupCap: 150,
    earlierYearValue: "ungraded",
  },
} as unknown as GradeRuleVersion;

describe("grade rule form", () => {
  it("round-trips the saved rule, shaped like the API's body", () => {
    const values = gradeRuleValues(version);
    expect(gradeRuleErrors(values)).toEqual({});
    expect(gradeRuleBody(values).rule.bands).toEqual(version.rule.bands);
  });

  it("keys a number it cannot read by the same path as the server's errors", () => {
    const values = gradeRuleValues(version);
    values.rule.bands[1].min = "七十";
    values.rule.decimals = "";
    const errors = gradeRuleErrors(values);
    expect(errors["rule.bands.1.min"]).toBe("数値で入力してください。");
    expect(errors["rule.decimals"]).toBe("数値で入力してください。");
    expect(errors["rule.bands.2.min"]).toBeUndefined();
  });
});
