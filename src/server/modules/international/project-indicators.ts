// A project's indicators graded as the vision module grades its KPIs: the vision module's current rule (read through
// its index) and the pure gradeIndicator of common/vision/grading.ts. The observation is the latest 年度 with a
// result, as of that 年度's end; the baseline is taken as of the end of its 年度, so a pro-rated target grows from
// there to the end of the target 年度.
import type { ProjectIndicator } from "../../../common/api/international";
import { fiscalYearRange } from "../../../common/dates";
import { type GradeRule, gradeIndicator } from "../../../common/vision/grading";
import type { Queryable } from "../../db/database";
import { currentRule } from "../vision";
import type { IndicatorRow } from "./project-repository";

/** The rule projects are graded with: the vision module's current one (stored as its first version when there is none yet). */
export async function projectGradeRule(tx: Queryable): Promise<GradeRule> {
  return (await currentRule(tx)).rule;
}

/** grade: the rule's grade, 「未評価」 when a result cannot be graded, null when there is no result yet. */
export function gradeProjectIndicator(
  indicator: IndicatorRow,
  rule: GradeRule,
): Pick<ProjectIndicator, "grade" | "achievement" | "gradeNote"> {
  const latest = indicator.results.at(-1);
  if (!latest) return { grade: null, achievement: null, gradeNote: "実績値が未入力です" };
  const result = gradeIndicator(
    {
      direction: indicator.direction,
      baselineValue: indicator.baseline_value,
      baselineDate: fiscalYearRange(indicator.baseline_fiscal_year).end,
      targetValue: indicator.target_value,
      targetFiscalYear: indicator.target_fiscal_year,
      exclusion: null,
    },
    { asOf: fiscalYearRange(latest.fiscal_year).end, fiscalYear: latest.fiscal_year, value: latest.value, status: null },
    rule,
  );
  if (result.kind === "graded") return { grade: result.grade, achievement: result.achievement, gradeNote: result.explanation.text };
  return { grade: "未評価", achievement: null, gradeNote: result.explanation.text };
}

export function toProjectIndicator(row: IndicatorRow, rule: GradeRule): ProjectIndicator {
  return {
    id: row.id,
    name: row.name,
    unit: row.unit,
    direction: row.direction,
    baselineValue: row.baseline_value,
    baselineFiscalYear: row.baseline_fiscal_year,
    targetValue: row.target_value,
    targetFiscalYear: row.target_fiscal_year,
    results: row.results.map((r) => ({ fiscalYear: r.fiscal_year, value: r.value })),
    ...gradeProjectIndicator(row, rule),
  };
}
