import { describe, expect, it } from "vitest";
import { ANALYTICS_MAX_DAYS, addDays, daysInPeriod, eachDay, periodProblem, presetPeriod } from "./analytics-period";

describe("the dashboard's periods", () => {
  it("直近30日, 今月, 先月 and 今年度 (April to March) on a given day", () => {
    expect(presetPeriod("last30", "2026-12-07")).toEqual({ from: "2026-11-08", to: "2026-12-07" });
    expect(presetPeriod("thisMonth", "2026-12-07")).toEqual({ from: "2026-12-01", to: "2026-12-07" });
    expect(presetPeriod("lastMonth", "2026-12-07")).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(presetPeriod("thisFiscalYear", "2026-12-07")).toEqual({ from: "2026-04-01", to: "2026-12-07" });
  });

  it("across year ends, fiscal year ends and leap years", () => {
    expect(presetPeriod("lastMonth", "2027-01-15")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(presetPeriod("lastMonth", "2028-03-01")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    // January to March belong to the 年度 that began the April before
    expect(presetPeriod("thisFiscalYear", "2027-03-31")).toEqual({ from: "2026-04-01", to: "2027-03-31" });
    expect(presetPeriod("thisFiscalYear", "2027-04-01")).toEqual({ from: "2027-04-01", to: "2027-04-01" });
    // 2028 is a leap year: 29 days of February and 1 March are the 30 days
    expect(presetPeriod("last30", "2028-03-01").from).toBe("2028-02-01");
  });

  it("counts and lists the days, both ends included", () => {
    expect(daysInPeriod({ from: "2026-11-01", to: "2026-11-30" })).toBe(30);
    expect(daysInPeriod({ from: "2026-11-02", to: "2026-11-01" })).toBe(0);
    expect(eachDay({ from: "2026-12-30", to: "2027-01-02" })).toEqual(["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]);
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("refuses an end before the start, and more than two years", () => {
    expect(periodProblem({ from: "2026-11-02", to: "2026-11-01" })).toBe("期間の終わりが始まりより前です。");
    expect(periodProblem({ from: "2025-04-01", to: addDays("2025-04-01", ANALYTICS_MAX_DAYS - 1) })).toBeNull();
    expect(periodProblem({ from: "2025-04-01", to: addDays("2025-04-01", ANALYTICS_MAX_DAYS) })).toContain("2年");
  });
});
