import { describe, expect, it } from "vitest";
import { decimalsOf, formatAchievement, formatIndicatorValue, indicatorPrecision } from "./format";

describe("formatAchievement (達成率 on every vision page and report)", () => {
  it("reads a stored percent as it is: 100.1 → 「100.1%」, never multiplied by 100", () => {
    expect(formatAchievement(100.1)).toBe("100.1%");
    expect(formatAchievement(150)).toBe("150.0%");
    expect(formatAchievement(65)).toBe("65.0%");
  });
  it("uses the grade rule's decimals when given, and 「—」 (or the given text) when there is none", () => {
    expect(formatAchievement(112.5, 0)).toBe("113%");
    expect(formatAchievement(112.54, 2)).toBe("112.54%");
    expect(formatAchievement(null)).toBe("—");
    expect(formatAchievement(undefined)).toBe("—");
    expect(formatAchievement(null, 1, "")).toBe("");
  });
});

describe("按分目標 in the indicator's own precision", () => {
  it("counts the decimals a value is written with", () => {
    expect(decimalsOf(38000)).toBe(0);
    expect(decimalsOf(12.5)).toBe(1);
    expect(decimalsOf(0.125)).toBe(3);
    expect(decimalsOf(0.1 + 0.2)).toBe(1);
    expect(decimalsOf(1e-7)).toBe(7);
  });
  it("takes the most decimals of 基準値 and 目標値, at most 4", () => {
    expect(indicatorPrecision({ baselineValue: 37000, targetValue: 40000 })).toBe(0);
    expect(indicatorPrecision({ baselineValue: 37000.5, targetValue: 40000 })).toBe(1);
    expect(indicatorPrecision({ baselineValue: null, targetValue: 1.25 })).toBe(2);
    expect(indicatorPrecision({ baselineValue: null, targetValue: null })).toBe(0);
    expect(indicatorPrecision({ baselineValue: 0.123456, targetValue: 1 })).toBe(4);
  });
  it("shows 38,799.5619 億円 as 「38,800 億円」 for an indicator written in whole 億円, 「38,799.6 億円」 for one decimal", () => {
    expect(formatIndicatorValue(38799.5619, "億円", 0)).toBe("38,800 億円");
    expect(formatIndicatorValue(38799.5619, "億円", 1)).toBe("38,799.6 億円");
    expect(formatIndicatorValue(8, "回", 1)).toBe("8.0 回");
    expect(formatIndicatorValue(-0.4, "", 0)).toBe("0");
    expect(formatIndicatorValue(null, "回", 0)).toBe("—");
  });
});
