// The report's model without a database: a year without figures is a column of 「—」 (never 0), an indicator without
// any value gets no empty chart and the figures stay numbered one after the other, years are in 和暦, and the chart's
// size is read from its SVG.
import { describe, expect, it } from "vitest";
import { trendChartSvg } from "../../../common/analysis/charts";
import type { SubjectIndicatorsView } from "../../../common/api/analysis-figures";
import type { ReviewDetail } from "../../../common/api/analysis-reviews";
import { chartYears, type ReportInput, reportModel, sizeOf, yearLabel } from "./report-model";

const review: ReviewDetail = {
  id: "r1",
  subject: {
    id: "s1",
    name: "テスト事業",
    kind: "programme",
    kindLabel: "事業・拠点",
    isAffiliatedBody: false,
    affiliateLabel: null,
    leadOrganisationName: "企画課",
    bureauName: "政策局",
    analysisFiscalYear: 2024,
  },
  fiscalYear: 2024,
  summary: "",
  status: "draft",
  statusLabel: "分析中",
  findings: [],
  options: [],
  chosenOption: null,
  chosenOptionLabel: null,
  decision: "",
  decidedOn: null,
  decidedBy: "",
  actions: [],
  canManage: false,
  version: 1,
  isSample: false,
  createdAt: "2024-04-01T00:00:00Z",
  updatedAt: "2024-04-01T00:00:00Z",
};

const point = (fiscalYear: number, value: number | null) => ({ fiscalYear, value });

function indicator(key: string, label: string, values: (number | null)[]): SubjectIndicatorsView["indicators"][number] {
  return {
    key,
    label,
    unit: "%",
    formula: "",
    series: values.map((v, i) => point(2022 + i, v)),
    trend: { fromYear: null, toYear: null, change: null, direction: null, missingYears: [] },
    peers: [],
    standing: null,
  };
}

function input(indicators: SubjectIndicatorsView["indicators"]): ReportInput {
  return {
    review,
    outline: { purpose: "", cityRole: "", cityStakePercent: null, foundedYear: null },
    figures: {
      measures: [],
      years: [
        { fiscalYear: 2022, items: [{ code: "expense.goods", value: 1_000_000, source: "entered" }], measures: [] },
        { fiscalYear: 2024, items: [{ code: "expense.goods", value: 2_000_000, source: "entered" }], measures: [] },
      ],
    },
    indicators: { subjectId: "s1", fromYear: 2022, toYear: 2024, standingYear: 2024, indicators, sources: [] },
    today: "2025-04-01",
  };
}

describe("the report's model", () => {
  it("shows a year without figures as a column of 「—」, in 和暦, amounts in 千円", () => {
    const model = reportModel(input([]));
    expect(model.figures.table?.header).toEqual(["項目", "令和4年度", "令和5年度", "令和6年度"]);
    expect(model.figures.table?.rows).toEqual([["支出：物件費（千円）", "1,000", "—", "2,000"]]);
    expect(model.meta).toBe("作成日：令和7年4月1日");
  });

  it("draws no chart for an indicator without any value, and numbers the charts drawn one after the other", () => {
    const model = reportModel(
      input([
        indicator("dependency", "市財政への依存度", [null, null, null]),
        indicator("self_revenue", "自主財源比率", [20, null, 28]),
        indicator("personnel_ratio", "人件費比率", [60, 55, null]),
      ]),
    );
    expect(model.indicators.map((i) => [i.label, i.charts.map((c) => c.number)])).toEqual([
      ["市財政への依存度", []],
      ["自主財源比率", ["図1"]],
      ["人件費比率", ["図2"]],
    ]);
    expect(model.indicators[0]?.trend).toBe("値のある年度がありません。");
  });

  it("spans a chart from the first to the last year with a value, up to the analysis year", () => {
    expect(chartYears([[point(2020, null), point(2021, 5), point(2023, null), point(2024, 6), point(2025, 7)]], 2024)).toEqual({
      from: 2021,
      to: 2024,
    });
    expect(chartYears([[point(2024, null)], []], 2024)).toBeNull();
  });

  it("names a founding year in 和暦 and reads a chart's size from its SVG", () => {
    expect(yearLabel(1989)).toBe("平成元年（1989年）");
    expect(yearLabel(2019)).toBe("令和元年（2019年）");
    const svg = trendChartSvg({ title: "t", unit: "%", series: [{ name: "a", points: [point(2024, 1)] }], width: 640 });
    expect(sizeOf(svg)).toEqual({ width: 640, height: 318 });
  });
});
