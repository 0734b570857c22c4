import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_GRADE_RULE,
  elapsedShare,
  type GradeRule,
  gradeCounts,
  gradeIndicator,
  type IndicatorForGrading,
  proRatedTarget,
  rollUp,
  roundHalfUp,
  withRuleDefaults,
} from "./grading";

const rule = DEFAULT_GRADE_RULE;
/** Baseline 0 → target 100 by the end of FY2024, measured at the end: the actual is the achievement. */
const simple: IndicatorForGrading = {
  direction: "higher",
  baselineValue: 0,
  baselineDate: "2024-03-31",
  targetValue: 100,
  targetFiscalYear: 2024,
  exclusion: null,
};
const atEnd = (value: number) => ({ asOf: "2025-03-31", value, status: null });

function graded(indicator: IndicatorForGrading, value: number, asOf = "2025-03-31", r: GradeRule = rule) {
  const result = gradeIndicator(indicator, { asOf, value, status: null }, r);
  if (result.kind !== "graded") throw new Error(`not graded: ${result.kind}`);
  return result;
}

describe("the city's grade thresholds at their edges (A ≥120, B 100–119, C 70–99, D ≤69)", () => {
  it.each([
    [69.9, "D"],
    [70, "C"],
    [99.9, "C"],
    [100, "B"],
    [119.9, "B"],
    [120, "A"],
    [0, "D"],
    [250, "A"],
  ])("achievement %s percent is graded %s", (value, grade) => {
    const result = graded(simple, value);
    expect(result.achievement).toBe(value);
    expect(result.grade).toBe(grade);
  });

  it("rounds the achievement half up to 0.1% as the report prints it, before grading", () => {
    expect(graded(simple, 69.94).grade).toBe("D");
    expect(graded(simple, 69.95).achievement).toBe(70);
    expect(graded(simple, 69.95).grade).toBe("C");
    expect(graded(simple, 119.95).grade).toBe("A");
  });

  it("grades from a non-zero baseline as progress from the baseline to the target", () => {
    const tourists: IndicatorForGrading = { ...simple, baselineValue: 1000, targetValue: 2000 };
    expect(graded(tourists, 1699).grade).toBe("D"); // 69.9%
    expect(graded(tourists, 1700).grade).toBe("C"); // 70%
    expect(graded(tourists, 1999).grade).toBe("C"); // 99.9%
    expect(graded(tourists, 2000).grade).toBe("B");
    expect(graded(tourists, 2199).grade).toBe("B"); // 119.9%
    expect(graded(tourists, 2200).grade).toBe("A");
  });
});

describe("indicators where lower is better", () => {
  // 待機児童数: 200 → 0 (the fewer the better)
  const waiting: IndicatorForGrading = {
    direction: "lower",
    baselineValue: 200,
    baselineDate: "2024-03-31",
    targetValue: 0,
    targetFiscalYear: 2024,
    exclusion: null,
  };
  it.each([
    [60.2, "D", 69.9],
    [60, "C", 70],
    [0.2, "C", 99.9],
    [0, "B", 100],
  ])("actual %s gives %s (%s percent)", (value, grade, achievement) => {
    const result = graded(waiting, value);
    expect(result.achievement).toBe(achievement);
    expect(result.grade).toBe(grade);
  });

  it("a value that went the wrong way is D with a negative achievement", () => {
    const result = graded(waiting, 220);
    expect(result.achievement).toBe(-10);
    expect(result.grade).toBe("D");
  });

  it("the ratio formula inverts for lower-is-better (target ÷ actual)", () => {
    const ratioRule: GradeRule = { ...rule, formula: "ratio" };
    const co2: IndicatorForGrading = {
      direction: "lower",
      baselineValue: 100,
      baselineDate: "2024-03-31",
      targetValue: 80,
      targetFiscalYear: 2024,
      exclusion: null,
    };
    expect(graded(co2, 80, "2025-03-31", ratioRule)).toMatchObject({ achievement: 100, grade: "B" });
    expect(graded(co2, 114.3, "2025-03-31", ratioRule)).toMatchObject({ achievement: 70, grade: "C" });
    expect(graded(co2, 114.5, "2025-03-31", ratioRule)).toMatchObject({ achievement: 69.9, grade: "D" });
  });
});

describe("pro-rating in the middle of a plan period", () => {
  // 2024-03-31 → target at the end of FY2028 (2029-03-31): five years; baseline 100 → target 200
  const plan: IndicatorForGrading = {
    direction: "higher",
    baselineValue: 100,
    baselineDate: "2024-03-31",
    targetValue: 200,
    targetFiscalYear: 2028,
    exclusion: null,
  };

  it("the pro-rated target lies on the straight line from the baseline to the target", () => {
    const mid = proRatedTarget(plan, "2026-09-30", rule);
    expect(mid.elapsed).toBe(0.5); // 913 of 1,826 days
    expect(mid.value).toBeCloseTo(150, 1);
    expect(proRatedTarget(plan, "2024-03-31", rule).value).toBe(100);
    expect(proRatedTarget(plan, "2031-03-31", rule).value).toBe(200); // after the target date the target stays
  });

  it("at the end of FY2025 (2 of 5 years) 70% of the pro-rated way is C, 69.9% is D, 120% is A", () => {
    const asOf = "2026-03-31";
    expect(elapsedShare(plan.baselineDate, plan.targetFiscalYear, asOf)).toBeCloseTo(730 / 1826, 10);
    const target = proRatedTarget(plan, asOf, rule).value;
    // 2 of 5 years by days (730 of 1,826; the period holds 29 February 2028): 139.98…
    expect(target).toBeCloseTo(100 + (100 * 730) / 1826, 10);
    const c = graded(plan, 100 + (target - 100) * 0.7, asOf);
    expect(c).toMatchObject({ achievement: 70, grade: "C" });
    const d = graded(plan, 100 + (target - 100) * 0.699, asOf);
    expect(d).toMatchObject({ achievement: 69.9, grade: "D" });
    const a = graded(plan, 100 + (target - 100) * 1.2, asOf);
    expect(a).toMatchObject({ achievement: 120, grade: "A" });
    // the same value would be D against the unpro-rated final target
    expect(graded(plan, 128, asOf, { ...rule, proRate: false }).grade).toBe("D");
    expect(c.explanation.text).toContain("按分目標");
  });

  it("lower-is-better pro-rates downwards", () => {
    const co2: IndicatorForGrading = {
      direction: "lower",
      baselineValue: 100,
      baselineDate: "2024-03-31",
      targetValue: 50,
      targetFiscalYear: 2028,
      exclusion: null,
    };
    const asOf = "2026-09-30"; // half-way: pro-rated target 75
    expect(proRatedTarget(co2, asOf, rule).value).toBe(75);
    expect(graded(co2, 75, asOf)).toMatchObject({ achievement: 100, grade: "B" });
    expect(graded(co2, 82.5, asOf)).toMatchObject({ achievement: 70, grade: "C" }); // 17.5 of the planned 25 reduction
    expect(graded(co2, 83, asOf)).toMatchObject({ achievement: 68, grade: "D" });
  });
});

describe("exclusions, status ratings and what cannot be graded", () => {
  it.each(["数値目標対象外", "再掲", "事業終了", "調査中"] as const)("%s is listed but not graded", (reason) => {
    expect(gradeIndicator({ ...simple, exclusion: reason }, atEnd(150), rule)).toMatchObject({ kind: "excluded", reason });
  });

  it("a status rating is kept as the grade and rolls up as its configured achievement", () => {
    const result = gradeIndicator(simple, { asOf: "2025-03-31", value: null, status: "一部遅れ" }, rule);
    expect(result).toMatchObject({ kind: "status", grade: "一部遅れ", achievement: 85 });
  });

  it("no value, or a pro-rated target still on the baseline, is ungradable with a reason", () => {
    expect(gradeIndicator(simple, null, rule).kind).toBe("ungradable");
    expect(gradeIndicator(simple, { asOf: "2024-03-31", value: 10, status: null }, rule)).toMatchObject({ kind: "ungradable" });
  });

  it("counts grades, exclusions and ungraded", () => {
    const results = [
      graded(simple, 130),
      graded(simple, 50),
      gradeIndicator({ ...simple, exclusion: "再掲" }, atEnd(1), rule),
      gradeIndicator(simple, null, rule),
    ];
    expect(gradeCounts(results)).toEqual({ A: 1, D: 1, 対象外: 1, 未評価: 1 });
  });
});

describe("roll-up", () => {
  it("averages plainly or by weight, as chosen per node, capping outliers", () => {
    const tree = {
      id: "vision",
      method: "average" as const,
      weight: 1,
      indicators: [],
      children: [
        {
          id: "s1",
          method: "weighted" as const,
          weight: 1,
          indicators: [
            { achievement: 100, weight: 3 },
            { achievement: 60, weight: 1 },
          ],
          children: [],
        },
        {
          id: "s2",
          method: "average" as const,
          weight: 1,
          indicators: [
            { achievement: 400, weight: 1 },
            { achievement: null, weight: 1 },
          ],
          children: [],
        },
      ],
    };
    const result = rollUp(tree, rule);
    expect(result.children[0]).toMatchObject({ achievement: 90, grade: "C", count: 2 });
    expect(result.children[1]).toMatchObject({ achievement: 150, grade: "A", count: 1 }); // capped at 150
    expect(result).toMatchObject({ achievement: 120, grade: "A", count: 2 });
  });

  it("a node with nothing graded below it has no grade", () => {
    expect(
      rollUp({ id: "x", method: "average", weight: 1, indicators: [{ achievement: null, weight: 1 }], children: [] }, rule),
    ).toMatchObject({ achievement: null, grade: null });
  });
});

describe("properties", () => {
  it("rounding is half up in decimal for any value with one more digit", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100000, max: 100000 }), (n) => {
        const value = n / 100; // two decimals
        const expected = (Math.sign(n) * Math.round(Math.abs(n) / 10 + 1e-9)) / 10;
        expect(roundHalfUp(value, 1)).toBeCloseTo(expected, 10);
      }),
    );
  });

  it("a higher actual never gets a worse grade (higher is better)", () => {
    const order = ["D", "C", "B", "A"];
    fc.assert(
      fc.property(fc.double({ min: 0, max: 300, noNaN: true }), fc.double({ min: 0, max: 300, noNaN: true }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(order.indexOf(graded(simple, high).grade)).toBeGreaterThanOrEqual(order.indexOf(graded(simple, low).grade));
      }),
    );
  });
});

describe("issue 12 item 2: a round whose 年度 has no value yet (the rule's 前年度の値)", () => {
  // FY2024 value 130 at the end of FY2024; the round is 令和7年度末 (FY2025)
  const lastYear = { asOf: "2025-03-31", fiscalYear: 2024, value: 130, status: null };
  const twoYears: IndicatorForGrading = { ...simple, targetFiscalYear: 2025 };

  it("item 2: by default an earlier year's value is not used: 未評価, saying which 年度 is missing", () => {
    expect(DEFAULT_GRADE_RULE.earlierYearValue).toBe("ungraded");
    const result = gradeIndicator(twoYears, lastYear, DEFAULT_GRADE_RULE, 2025);
    expect(result).toMatchObject({ kind: "ungradable", unusedObservation: true });
    expect(result.kind === "ungradable" && result.reason).toBe("令和7年度の実績値が未入力です（令和6年度の値では評価しません）");
    expect(gradeCounts([result])).toEqual({ 未評価: 1 });
  });

  it("item 2: 「直近の値で評価」 grades the earlier value and says which 年度 it was", () => {
    const result = gradeIndicator(twoYears, lastYear, { ...DEFAULT_GRADE_RULE, earlierYearValue: "latest" }, 2025);
    expect(result.kind).toBe("graded");
    expect(result.explanation.valueFiscalYear).toBe(2024);
    expect(result.explanation.text.startsWith("令和6年度の値で評価: 達成度")).toBe(true);
    // the same grade as that year's own round would give: 130 ÷ 50 (the pro-rated target at the end of FY2024)
    expect(result).toMatchObject({ grade: "A", achievement: 260 });
  });

  it("item 2: the round's own 年度's value is graded the same under either choice, with no note", () => {
    const own = { asOf: "2026-03-31", fiscalYear: 2025, value: 100, status: null };
    for (const earlierYearValue of ["ungraded", "latest"] as const) {
      const result = gradeIndicator(twoYears, own, { ...DEFAULT_GRADE_RULE, earlierYearValue }, 2025);
      expect(result).toMatchObject({ kind: "graded", grade: "B", achievement: 100 });
      expect(result.explanation.valueFiscalYear).toBeUndefined();
    }
  });

  it("item 2: a status rating from an earlier 年度 follows the same choice", () => {
    const status = { asOf: "2025-03-31", fiscalYear: 2024, value: null, status: "順調" as const };
    expect(gradeIndicator(twoYears, status, DEFAULT_GRADE_RULE, 2025).kind).toBe("ungradable");
    const carried = gradeIndicator(twoYears, status, { ...DEFAULT_GRADE_RULE, earlierYearValue: "latest" }, 2025);
    expect(carried).toMatchObject({ kind: "status", grade: "順調" });
    expect(carried.explanation.text).toBe("令和6年度の値で評価: 状況による評価: 順調");
  });

  it("item 2: a rule stored before the choice existed reads as it graded (the newest earlier value)", () => {
    const { earlierYearValue: _, ...old } = DEFAULT_GRADE_RULE;
    expect(withRuleDefaults(old).earlierYearValue).toBe("latest");
    expect(withRuleDefaults(DEFAULT_GRADE_RULE).earlierYearValue).toBe("ungraded");
  });
});
