import { describe, expect, it } from "vitest";
import { indicatorBody, indicatorErrors, indicatorValues } from "./indicator-form-values";

const filled = {
  ...indicatorValues(undefined, "00000000-0000-4000-8000-000000000001"),
  code: "K-1",
  name: "市民満足度",
  kind: "成果指標" as const,
  baselineValue: "５０",
  baselineDate: "2024-04-01",
  targetValue: "80",
  targetFiscalYear: "令和12年度",
};

describe("indicator definition form", () => {
  it("sends numbers typed in full width and the 年度 as a number", () => {
    expect(indicatorErrors(filled, undefined)).toEqual({});
    expect(indicatorBody(filled, undefined)).toMatchObject({ baselineValue: 50, targetValue: 80, targetFiscalYear: 2030, exclusion: null });
  });

  it("asks for the node, and at once for what a numeric, graded indicator needs", () => {
    const errors = indicatorErrors(indicatorValues(undefined, undefined), undefined);
    expect(errors.nodeId).toBe("ノードを選んでください。");
    expect(errors.baselineValue).toBe("数値で評価する指標には基準値が必要です。");
    expect(errors.targetFiscalYear).toBeTruthy();
  });

  it("says a number or a 年度 it cannot read", () => {
    const errors = indicatorErrors({ ...filled, weight: "重い", targetFiscalYear: "いつか" }, undefined);
    expect(errors.weight).toBe("数値で入力してください。");
    expect(errors.targetFiscalYear).toBe("年度を読み取れません（例: 令和12年度 / 2030）。");
  });
});
