import { describe, expect, it } from "vitest";
import { DEFAULT_GRADE_RULE, type GradeRule } from "../../../common/vision/grading";
import {
  bandRanges,
  buildReportModel,
  formatAsOf,
  formatReportNumber,
  type ReportGradeInput,
  type ReportIndicatorInput,
  type ReportInput,
  type ReportNodeInput,
} from "./report-model";

const rule = { id: "rule-1", name: "北九州市の評価基準", rule: DEFAULT_GRADE_RULE };

const node = (
  id: string,
  parentId: string | null,
  kind: ReportNodeInput["kind"],
  code: string,
  title: string,
  extra: Partial<ReportNodeInput> = {},
) => ({ id, parentId, kind, code, title, rollupMethod: "average", weight: 1, sortOrder: 0, ...extra }) satisfies ReportNodeInput;

const indicator = (id: string, nodeId: string, name: string, extra: Partial<ReportIndicatorInput> = {}): ReportIndicatorInput => ({
  id,
  nodeId,
  code: id.toUpperCase(),
  name,
  unit: "人",
  kind: "成果指標",
  direction: "higher",
  ratingMode: "numeric",
  baselineValue: 1000,
  baselineDate: "2023-03-31",
  targetValue: 2000,
  targetFiscalYear: 2028,
  exclusion: null,
  weight: 1,
  sortOrder: 0,
  ...extra,
});

const graded = (indicatorId: string, grade: string, achievement: number, extra: Partial<ReportGradeInput> = {}): ReportGradeInput => ({
  indicatorId,
  ruleId: "rule-1",
  resultKind: "graded",
  grade,
  achievement,
  proRatedTarget: 1500,
  explanationText: "",
  actual: { value: 1500, status: null, asOf: "2026-03-31", note: "" },
  ...extra,
});

/** Two strategies; the first has a measure with a project, the second indicators on the measure itself. */
function input(grades: ReportGradeInput[], extra: Partial<ReportInput> = {}): ReportInput {
  return {
    plan: { name: "北九州市・新ビジョン", firstFiscalYear: 2024, lastFiscalYear: 2028 },
    round: { name: "令和7年度末", fiscalYear: 2025, asOf: "2026-03-31", status: "closed", ruleId: "rule-1" },
    rules: [rule],
    nodes: [
      node("v", null, "vision", "V", "北九州市の未来"),
      // sort order, not insertion order, decides the sequence
      node("s2", "v", "strategy", "2", "彩りあるまち", { sortOrder: 2 }),
      node("s1", "v", "strategy", "1", "稼げるまち", { sortOrder: 1 }),
      node("m11", "s1", "measure", "1-1", "企業誘致の推進", { rollupMethod: "weighted" }),
      node("p111", "m11", "project", "1-1-1", "産業用地の整備"),
      node("m21", "s2", "measure", "2-1", "観光の振興"),
    ],
    indicators: [
      indicator("k1", "m11", "企業誘致件数", { weight: 3 }),
      indicator("k2", "p111", "分譲面積", { unit: "ha" }),
      indicator("k3", "m21", "観光客数", { sortOrder: 2 }),
      indicator("k4", "m21", "宿泊者数（再掲）", { sortOrder: 1, exclusion: "再掲" }),
      indicator("k5", "m21", "市民満足度", { sortOrder: 3, ratingMode: "status", baselineValue: null, targetValue: null }),
      indicator("k6", "m21", "待機児童数", { sortOrder: 4, direction: "lower", baselineValue: 200, targetValue: 0 }),
    ],
    grades,
    generatedOn: "2026-05-01",
    ...extra,
  };
}

const grades: ReportGradeInput[] = [
  graded("k1", "A", 130),
  graded("k2", "C", 80),
  graded("k3", "B", 100),
  {
    indicatorId: "k4",
    ruleId: "rule-1",
    resultKind: "excluded",
    grade: null,
    achievement: null,
    proRatedTarget: null,
    explanationText: "評価対象外（再掲）",
    actual: null,
  },
  {
    indicatorId: "k5",
    ruleId: "rule-1",
    resultKind: "status",
    grade: "一部遅れ",
    achievement: 85,
    proRatedTarget: null,
    explanationText: "状況による評価: 一部遅れ",
    actual: { value: null, status: "一部遅れ", asOf: "2026-03-31", note: "調査方法を見直し中" },
  },
  // k6 has no grade row at all
];

describe("the KPI達成状況 report model", () => {
  const model = buildReportModel(input(grades), rule);

  it("titles the report from the plan and round names and dates it in 和暦", () => {
    expect(model.title).toBe("北九州市・新ビジョン KPI達成状況（令和7年度末）");
    expect(model.subtitle[0]).toBe("実績の時点: 令和8年3月31日（令和7年度、締切）");
    expect(model.subtitle[1]).toBe("計画期間: 令和6年度〜令和10年度");
    expect(model.subtitle[2]).toBe("作成日: 令和8年5月1日");
  });

  it("lists the indicators strategy → measure → project in the plan's order, the node's own before its children's", () => {
    expect(model.rows.map((r) => r.code)).toEqual(["K1", "K2", "K4", "K3", "K5", "K6"]);
    expect(model.rows.map((r) => [r.strategy, r.measure, r.project])).toEqual([
      ["1 稼げるまち", "1-1 企業誘致の推進", ""],
      ["1 稼げるまち", "1-1 企業誘致の推進", "1-1-1 産業用地の整備"],
      ["2 彩りあるまち", "2-1 観光の振興", ""],
      ["2 彩りあるまち", "2-1 観光の振興", ""],
      ["2 彩りあるまち", "2-1 観光の振興", ""],
      ["2 彩りあるまち", "2-1 観光の振興", ""],
    ]);
    expect(model.rows.map((r) => r.startsStrategy)).toEqual([true, false, true, false, false, false]);
    expect(model.rows.map((r) => r.startsProject)).toEqual([true, true, true, false, false, false]);
  });

  it("prints each KPI's baseline with its date, target with its year, 按分目標, actual with its date, 達成度 and 評価", () => {
    expect(model.rows[0]).toMatchObject({
      unit: "人",
      baselineValue: 1000,
      baselineAsOf: "令和5年3月末",
      targetValue: 2000,
      targetYear: "令和10年度",
      proRatedTarget: 1500,
      actualValue: 1500,
      actualAsOf: "令和8年3月末",
      achievement: 130,
      grade: "A",
    });
  });

  it("shows exclusions, status ratings and missing grades in 評価 and 備考, never as a 達成度", () => {
    const byCode = Object.fromEntries(model.rows.map((r) => [r.code, r]));
    expect(byCode.K4).toMatchObject({ grade: "対象外", remarks: "再掲", achievement: null });
    expect(byCode.K5).toMatchObject({ grade: "一部遅れ", achievement: null, actualStatus: "一部遅れ", remarks: "調査方法を見直し中" });
    expect(byCode.K6).toMatchObject({ grade: "未評価", resultKind: "missing" });
    expect(byCode.K6.remarks).toContain("評価未算定");
    expect(byCode.K6.remarks).toContain("低いほど良い指標");
  });

  it("counts grades per strategy and measure with the rule's grades, the status ratings in use, 対象外 and 未評価", () => {
    expect(model.summary.keys).toEqual(["A", "B", "C", "D", "一部遅れ", "対象外", "未評価"]);
    const [s1, m11, s2, m21, total] = model.summary.rows;
    expect([s1.level, s1.label, m11.level, m11.label, s2.label, total.label]).toEqual([
      "strategy",
      "1 稼げるまち",
      "measure",
      "1-1 企業誘致の推進",
      "2 彩りあるまち",
      "合計",
    ]);
    expect(s1.counts).toEqual({ A: 1, B: 0, C: 1, D: 0, 一部遅れ: 0, 対象外: 0, 未評価: 0 });
    expect(m21.counts).toEqual({ A: 0, B: 1, C: 0, D: 0, 一部遅れ: 1, 対象外: 1, 未評価: 1 });
    expect(total.total).toBe(6);
    // 達成度100%以上: k1 and k3 of the three numerically graded
    expect(total.achievedShare).toBe(66.7);
  });

  it("rolls achievements up as each node says: weighted on 1-1, capped at the rule's 150%", () => {
    const [s1, m11, s2, m21, total] = model.summary.rows;
    // 1-1 weighted: k1 130 × 3 and project 1-1-1's 80 × 1 → 117.5
    expect(m11.rollupAchievement).toBe(117.5);
    expect(m11.rollupGrade).toBe("B");
    expect(s1.rollupAchievement).toBe(117.5);
    // 2-1 plain: k3 100 and k5 一部遅れ counted as 85 → 92.5
    expect(m21.rollupAchievement).toBe(92.5);
    expect(s2.rollupGrade).toBe("C");
    expect(total.rollupAchievement).toBe(105);
  });

  it("states the legend from the rule stored with the grades", () => {
    expect(model.legend.ruleName).toBe("北九州市の評価基準");
    expect(model.legend.bands).toEqual([
      { grade: "A", range: "120%以上" },
      { grade: "B", range: "100%以上120%未満" },
      { grade: "C", range: "70%以上100%未満" },
      { grade: "D", range: "70%未満" },
    ]);
    expect(model.legend.formula).toContain("按分目標");
  });

  it("uses another stored rule when the grades were made with it, and names the odd one out in 備考", () => {
    const strict: GradeRule = {
      ...DEFAULT_GRADE_RULE,
      bands: [
        { grade: "S", min: 110 },
        { grade: "A", min: 90 },
        { grade: "B", min: null },
      ],
    };
    const other = { id: "rule-2", name: "旧基準", rule: strict };
    const m = buildReportModel(
      input(
        grades.map((g) => (g.indicatorId === "k2" ? g : { ...g, ruleId: "rule-2" })),
        { rules: [rule, other] },
      ),
      rule,
    );
    expect(m.legend.ruleName).toBe("旧基準");
    expect(m.legend.bands.map((b) => b.range)).toEqual(["110%以上", "90%以上110%未満", "90%未満"]);
    expect(m.rows.find((r) => r.code === "K2")?.remarks).toContain("評価ルール: 北九州市の評価基準");
    expect(m.legend.notes.at(-1)).toContain("北九州市の評価基準");
    // the other rule's grades actually used still get their columns
    expect(m.summary.keys.slice(0, 4)).toEqual(["S", "A", "B", "C"]);
  });

  it("lists a round whose grades are not computed yet with every KPI 未評価 and the fallback rule's legend", () => {
    const m = buildReportModel(input([], { rules: [], round: { ...input([]).round, ruleId: null } }), rule);
    expect(m.rows.every((r) => r.grade === "未評価")).toBe(true);
    expect(m.legend.bands[0].range).toBe("120%以上");
    expect(m.summary.rows.at(-1)?.rollupAchievement).toBeNull();
  });
});

describe("formatting helpers", () => {
  it("formats numbers with separators and dates as 和暦 month ends", () => {
    expect(formatReportNumber(1234567.25)).toBe("1,234,567.25");
    expect(formatReportNumber(0.1 + 0.2)).toBe("0.3");
    expect(formatAsOf("2025-03-31")).toBe("令和7年3月末");
    expect(formatAsOf("2025-03-15")).toBe("令和7年3月15日");
  });

  it("writes band ranges from the rule's minimums", () => {
    expect(bandRanges({ ...DEFAULT_GRADE_RULE, bands: [{ grade: "可", min: null }] })).toEqual([{ grade: "可", range: "全て" }]);
  });
});
