// 経費台帳 and the 5割 test: what the staff see for a year's costs, and the forecast of the year's end.
import { describe, expect, it } from "vitest";
import {
  buildCostLedger,
  COST_CAP_FRACTION,
  COST_CAP_RATIO,
  costLight,
  costRatio,
  fiscalYearProgress,
  forecastYear,
  sameDayLastYear,
  withinHalfRule,
  zeroAmounts,
} from "./cost-ledger";
import { buildMonthTable, compareWithLastYear, daysUntil, fiscalMonths, growthRatio, monthsBegun } from "./dashboard-figures";

describe("the 5割 test", () => {
  it("pins the fraction to the decimal limit", () => {
    expect(COST_CAP_FRACTION.numerator / COST_CAP_FRACTION.denominator).toBe(COST_CAP_RATIO);
  });

  it("passes at exactly 50% and fails one yen above", () => {
    expect(withinHalfRule(500_000, 1_000_000)).toBe(true);
    expect(withinHalfRule(500_001, 1_000_000)).toBe(false);
    // odd amounts: 50% of 1,000,001 is 500,000.5, so 500,000 passes and 500,001 does not
    expect(withinHalfRule(500_000, 1_000_001)).toBe(true);
    expect(withinHalfRule(500_001, 1_000_001)).toBe(false);
    expect(costLight(500_000, 1_000_000)).toBe("yellow");
    expect(costLight(449_999, 1_000_000)).toBe("green");
    expect(costLight(450_000, 1_000_000)).toBe("yellow");
    expect(costLight(500_001, 1_000_000)).toBe("red");
  });

  it("with no donations, passes only without costs, and gives no ratio", () => {
    expect(costRatio(0, 0)).toBeNull();
    expect(withinHalfRule(0, 0)).toBe(true);
    expect(costLight(0, 0)).toBe("green");
    expect(withinHalfRule(1, 0)).toBe(false);
    expect(costLight(1, 0)).toBe("red");
  });
});

describe("the cost ledger", () => {
  it("puts catalog costs under 調達・送付 and portal fees under 事務, adds manual entries, and shows shares", () => {
    const ledger = buildCostLedger({
      donationAmount: 10_000_000,
      computed: { procurement: 2_800_000, shipping: 700_000, portalFees: 1_000_000 },
      manual: { ...zeroAmounts(), 広報: 200_000, 事務: 150_000, 決済等: 50_000 },
    });
    const line = (category: string) => ledger.lines.find((l) => l.category === category);
    expect(ledger.lines.map((l) => l.category)).toEqual(["調達", "送付", "広報", "決済等", "事務", "その他"]);
    expect(line("調達")).toMatchObject({ computed: 2_800_000, manual: 0, total: 2_800_000, shareOfDonations: 0.28 });
    expect(line("事務")).toMatchObject({ computed: 1_000_000, portalFees: 1_000_000, manual: 150_000, total: 1_150_000 });
    expect(line("送付")?.portalFees).toBe(0);
    expect(ledger.computedTotal).toBe(4_500_000);
    expect(ledger.manualTotal).toBe(400_000);
    expect(ledger.totalCosts).toBe(4_900_000);
    expect(ledger.costRatio).toBeCloseTo(0.49, 10);
    expect(ledger.withinHalf).toBe(true);
    expect(ledger.light).toBe("yellow");
    expect(ledger.usableAmount).toBe(5_100_000);
    expect(ledger.usableRatio).toBeCloseTo(0.51, 10);
  });

  it("an empty year has no ratios and nothing usable", () => {
    const ledger = buildCostLedger({ donationAmount: 0, computed: { procurement: 0, shipping: 0, portalFees: 0 }, manual: zeroAmounts() });
    expect(ledger.totalCosts).toBe(0);
    expect(ledger.costRatio).toBeNull();
    expect(ledger.usableRatio).toBeNull();
    expect(ledger.lines.every((l) => l.shareOfDonations === null)).toBe(true);
    expect(ledger.withinHalf).toBe(true);
  });

  it("a negative manual entry (戻入) lowers the category", () => {
    const ledger = buildCostLedger({
      donationAmount: 100_000,
      computed: { procurement: 30_000, shipping: 0, portalFees: 0 },
      manual: { ...zeroAmounts(), 調達: -5_000 },
    });
    expect(ledger.lines[0].total).toBe(25_000);
    expect(ledger.usableAmount).toBe(75_000);
  });
});

describe("the forecast of the year's end", () => {
  const base = { fiscalYear: 2025, costsSoFar: 4_000_000, donationsSoFar: 10_000_000 };

  it("scales this year so far by last year's share by the same day", () => {
    // by 30 September last year had received 25% of its year: this year's 10M becomes 40M
    const forecast = forecastYear({ ...base, today: "2025-09-30", lastYearSamePeriod: 5_000_000, lastYearTotal: 20_000_000 });
    expect(forecast.method).toBe("last-year-share");
    expect(forecast.shareOfYearSoFar).toBe(0.25);
    expect(forecast.donations).toBe(40_000_000);
    // costs so far + 40% of the 30M still to come
    expect(forecast.costs).toBe(16_000_000);
    expect(forecast.costRatio).toBeCloseTo(0.4, 10);
    expect(forecast.usableAmount).toBe(24_000_000);
    expect(forecast.withinHalf).toBe(true);
  });

  it("falls back to elapsed days when last year had nothing (or nothing by that day)", () => {
    const none = forecastYear({ ...base, today: "2025-09-30", lastYearSamePeriod: 0, lastYearTotal: 0 });
    expect(none.method).toBe("linear");
    const { elapsedDays, totalDays } = fiscalYearProgress(2025, "2025-09-30");
    expect([elapsedDays, totalDays]).toEqual([183, 365]);
    expect(none.donations).toBe(Math.round((10_000_000 * 365) / 183));
    const lateStart = forecastYear({ ...base, today: "2025-09-30", lastYearSamePeriod: 0, lastYearTotal: 3_000_000 });
    expect(lateStart.method).toBe("linear");
  });

  it("gives the actual figures once the year is over, and nothing before it begins", () => {
    const closed = forecastYear({ ...base, today: "2026-04-01", lastYearSamePeriod: 1, lastYearTotal: 2 });
    expect(closed).toMatchObject({ method: "actual", donations: 10_000_000, costs: 4_000_000 });
    const early = forecastYear({ ...base, donationsSoFar: 0, costsSoFar: 0, today: "2025-03-31", lastYearSamePeriod: 0, lastYearTotal: 0 });
    expect(early).toMatchObject({ method: "none", donations: 0, costs: 0, costRatio: null });
  });

  it("with costs but no donations yet, forecasts no donations and a red light", () => {
    const forecast = forecastYear({
      ...base,
      donationsSoFar: 0,
      costsSoFar: 300_000,
      today: "2025-05-01",
      lastYearSamePeriod: 1,
      lastYearTotal: 10,
    });
    expect(forecast).toMatchObject({ method: "none", donations: 0, costs: 300_000, light: "red", withinHalf: false });
  });

  it("never forecasts less than already received", () => {
    const forecast = forecastYear({ ...base, today: "2026-03-31", lastYearSamePeriod: 30_000_000, lastYearTotal: 20_000_000 });
    expect(forecast.donations).toBe(10_000_000);
    expect(forecast.costs).toBe(4_000_000);
  });

  it("keeps a forecast of exactly 50% within the rule", () => {
    const forecast = forecastYear({
      fiscalYear: 2025,
      today: "2025-12-31",
      donationsSoFar: 8_000_000,
      costsSoFar: 4_000_000,
      lastYearSamePeriod: 8_000_000,
      lastYearTotal: 10_000_000,
    });
    expect(forecast.donations).toBe(10_000_000);
    expect(forecast.costs).toBe(5_000_000);
    expect(forecast.withinHalf).toBe(true);
  });

  it("compares 29 February with 28 February a year earlier", () => {
    expect(sameDayLastYear("2024-02-29")).toBe("2023-02-28");
    expect(sameDayLastYear("2025-12-01")).toBe("2024-12-01");
  });
});

describe("dashboard figures", () => {
  it("lays a fiscal year out April → March, portals in the given order", () => {
    expect(fiscalMonths(2024)).toEqual([
      "2024-04",
      "2024-05",
      "2024-06",
      "2024-07",
      "2024-08",
      "2024-09",
      "2024-10",
      "2024-11",
      "2024-12",
      "2025-01",
      "2025-02",
      "2025-03",
    ]);
    const table = buildMonthTable(
      2024,
      [
        { portalCode: "b", month: "2024-12-01", count: 3, amount: 30_000 },
        { portalCode: "a", month: "2025-03-01", count: 1, amount: 10_000 },
        { portalCode: "a", month: "2024-04-01", count: 2, amount: 25_000 },
        { portalCode: "a", month: "2025-04-01", count: 9, amount: 99_000 },
      ],
      ["b", "a"],
    );
    expect(table.portals.map((p) => p.portalCode)).toEqual(["b", "a"]);
    expect(table.portals[1].amounts[0]).toBe(25_000);
    expect(table.portals[1].amounts[11]).toBe(10_000);
    expect(table.monthAmounts[8]).toBe(30_000);
    expect(table.amount).toBe(65_000);
    expect(table.count).toBe(6);
  });

  it("compares the same months with last year, and has no growth against nothing", () => {
    const current = buildMonthTable(2025, [
      { portalCode: "a", month: "2025-04-01", count: 2, amount: 20_000 },
      { portalCode: "a", month: "2025-05-01", count: 1, amount: 10_000 },
    ]);
    const previous = buildMonthTable(2024, [
      { portalCode: "a", month: "2024-04-01", count: 1, amount: 10_000 },
      { portalCode: "a", month: "2024-05-01", count: 1, amount: 10_000 },
      { portalCode: "a", month: "2024-12-01", count: 10, amount: 500_000 },
    ]);
    const months = monthsBegun(2025, "2025-05-20");
    expect(months).toBe(2);
    const comparison = compareWithLastYear(current, previous, months);
    expect(comparison).toMatchObject({ amount: 30_000, previousAmount: 20_000, count: 3, previousCount: 2 });
    expect(comparison.amountGrowth).toBeCloseTo(0.5, 10);
    expect(growthRatio(100, 0)).toBeNull();
    expect(monthsBegun(2025, "2025-03-31")).toBe(0);
    expect(monthsBegun(2025, "2026-04-01")).toBe(12);
  });

  it("counts the days to the one-stop deadline", () => {
    expect(daysUntil("2025-12-31", "2026-01-10")).toBe(10);
    expect(daysUntil("2026-01-11", "2026-01-10")).toBe(-1);
  });
});
