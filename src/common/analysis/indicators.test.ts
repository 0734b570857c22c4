// The indicator tests: a missing year is missing (never 0), a revenue of 0 gives no ratio, and peers with fewer
// years of figures than the subject are named as missing, not counted as 0.
import { describe, expect, it } from "vitest";
import {
  costPerUnitKey,
  facilityAge,
  formatIndicatorValue,
  indicatorSeries,
  indicatorsOfYear,
  type SubjectFigures,
  standingAmong,
  trendOf,
  type YearFigures,
} from "./indicators";

const year = (fiscalYear: number, items: YearFigures["items"], measures: Record<string, number> = {}): YearFigures => ({
  fiscalYear,
  items,
  measures,
});
const figures = (years: YearFigures[], extra: Partial<SubjectFigures> = {}): SubjectFigures => ({
  years,
  measures: [],
  facilities: [],
  ...extra,
});

const university = figures([
  year(2020, { "revenue.city_grant": 300, "revenue.own_tuition": 700, "expense.personnel": 600, "expense.goods": 400 }),
  year(2021, { "revenue.city_grant": 320, "revenue.own_tuition": 680, "expense.personnel": 610, "expense.goods": 390 }),
  // 2022 not entered
  year(2023, { "revenue.city_grant": 250, "revenue.own_tuition": 750, "expense.personnel": 620, "expense.goods": 380 }),
]);

describe("missing years", () => {
  it("gives a missing year null with its reason, never 0, and keeps it in the series", () => {
    const series = indicatorSeries(university, "dependency", 2020, 2023);
    expect(series.map((p) => p.fiscalYear)).toEqual([2020, 2021, 2022, 2023]);
    expect(series[2]).toEqual({ fiscalYear: 2022, value: null, missing: "収入合計が未入力" });
    expect(series[0]?.value).toBeCloseTo(30);
    expect(series[3]?.value).toBeCloseTo(25);
  });

  it("measures the trend from the first to the last known year and names the missing ones between", () => {
    const trend = trendOf(indicatorSeries(university, "dependency", 2019, 2024));
    expect(trend.from?.fiscalYear).toBe(2020);
    expect(trend.to?.fiscalYear).toBe(2023);
    expect(trend.change).toBeCloseTo(-5);
    expect(trend.direction).toBe("down");
    // 2019 and 2024 lie outside the known span: only 2022 is a gap inside it
    expect(trend.missingYears).toEqual([2022]);
  });

  it("has no trend with a single known year", () => {
    const trend = trendOf(indicatorSeries(university, "dependency", 2023, 2025));
    expect(trend.change).toBeNull();
    expect(trend.direction).toBeNull();
  });

  it("treats an item left out as missing but an entered 0 as 0", () => {
    const y = figures([year(2024, { "revenue.city_grant": 0, "revenue.own_business": 500, "expense.goods": 100 })]);
    const v = indicatorsOfYear(y, 2024);
    expect(v.dependency?.value).toBe(0);
    expect(v.personnel_ratio).toEqual({ value: null, missing: "人件費が未入力" });
    expect(v.staff_total).toEqual({ value: null, missing: "職員数が未入力" });
  });
});

describe("zero revenue", () => {
  it("gives no ratio over a revenue of 0 yen, with the reason, while the totals stay 0", () => {
    const y = figures([year(2024, { "revenue.city_grant": 0, "revenue.own_tuition": 0, "expense.personnel": 100 })]);
    const v = indicatorsOfYear(y, 2024);
    expect(v.revenue_total?.value).toBe(0);
    expect(v.dependency).toEqual({ value: null, missing: "収入合計が0のため算出できません" });
    expect(v.self_revenue).toEqual({ value: null, missing: "収入合計が0のため算出できません" });
    expect(v.balance?.value).toBe(-100);
  });

  it("gives no cost per unit over 0 units", () => {
    const measures = [{ id: "m1", name: "相談件数", unit: "件", isCostBasis: true }];
    const y = figures(
      [year(2024, { "expense.unitemised": 1_000_000 }, { m1: 0 }), year(2025, { "expense.unitemised": 1_000_000 }, { m1: 250 })],
      {
        measures,
      },
    );
    expect(indicatorsOfYear(y, 2024)[costPerUnitKey("m1")]).toEqual({ value: null, missing: "相談件数が0のため算出できません" });
    expect(indicatorsOfYear(y, 2025)[costPerUnitKey("m1")]?.value).toBe(4000);
  });
});

describe("peers with fewer years than the subject", () => {
  const peerShort = figures([year(2023, { "revenue.city_grant": 400, "revenue.own_tuition": 600 })]);
  const peerLong = figures([
    year(2021, { "revenue.city_grant": 100, "revenue.own_tuition": 900 }),
    year(2023, { "revenue.city_grant": 100, "revenue.own_tuition": 900 }),
  ]);

  it("ranks among the bodies that have the year and names the peer that has not", () => {
    const at = (f: SubjectFigures, fy: number) => indicatorsOfYear(f, fy).dependency ?? { value: null };
    const in2021 = standingAmong(at(university, 2021), [
      { id: "short", name: "横浜市立大学", ...at(peerShort, 2021) },
      { id: "long", name: "大阪公立大学", ...at(peerLong, 2021) },
    ]);
    expect(in2021.of).toBe(2);
    expect(in2021.rankHighFirst).toBe(1);
    expect(in2021.median).toBeCloseTo(21);
    expect(in2021.peersMissing).toEqual([{ id: "short", name: "横浜市立大学", missing: "収入合計が未入力" }]);

    const in2023 = standingAmong(at(university, 2023), [
      { id: "short", name: "横浜市立大学", ...at(peerShort, 2023) },
      { id: "long", name: "大阪公立大学", ...at(peerLong, 2023) },
    ]);
    expect(in2023.of).toBe(3);
    expect(in2023.rankHighFirst).toBe(2);
    expect(in2023.median).toBeCloseTo(25);
    expect(in2023.min).toBeCloseTo(10);
    expect(in2023.max).toBeCloseTo(40);
    expect(in2023.peersMissing).toEqual([]);
  });

  it("gives no rank when the subject itself has no value that year", () => {
    const s = standingAmong({ value: null, missing: "収入合計が未入力" }, [{ id: "long", name: "大阪公立大学", value: 10 }]);
    expect(s.rankHighFirst).toBeNull();
    expect(s.of).toBe(1);
  });

  it("shares a rank between equal values", () => {
    const s = standingAmong({ value: 20 }, [
      { id: "a", name: "A", value: 20 },
      { id: "b", name: "B", value: 30 },
    ]);
    expect(s.rankHighFirst).toBe(2);
  });
});

describe("facilities and formatting", () => {
  it("averages the age at the year's end by floor area, leaving out buildings not yet built", () => {
    const facilities = [
      { name: "本館", builtYear: 1990, floorAreaM2: 3000 },
      { name: "新館", builtYear: 2020, floorAreaM2: 1000 },
      { name: "未来館", builtYear: 2030, floorAreaM2: 500 },
    ];
    // at 2025-03-31: 35 and 5 years, weighted 3:1
    expect(facilityAge(facilities, 2024).value).toBeCloseTo((35 * 3000 + 5 * 1000) / 4000);
    expect(facilityAge([], 2024)).toEqual({ value: null, missing: "施設が未登録" });
  });

  it("formats a missing value as a dash, never 0", () => {
    expect(formatIndicatorValue("%", null)).toBe("—");
    expect(formatIndicatorValue("%", 29.95)).toBe("30.0%");
    expect(formatIndicatorValue("円", 1234567.4)).toBe("1,234,567円");
  });
});
