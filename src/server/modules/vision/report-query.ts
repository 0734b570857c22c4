// One round's report input (report-model.ts) from the rows report-repository.ts reads: the plan's tree, its
// indicators, the round's grades with the actual each was computed from, and the rules those grades name.
import { explanation as explanationSchema, gradeRuleSchema } from "../../../common/api/vision";
import { DEFAULT_GRADE_RULE } from "../../../common/vision/grading";
import type { Queryable } from "../../db/database";
import { NotFound } from "../../platform/errors";
import type { ReportGradeInput, ReportIndicatorInput, ReportInput, ReportNodeInput, ReportRuleInput } from "./report-model";
import {
  findCurrentRuleId,
  findReportIndicators,
  findReportNodes,
  findReportRound,
  findReportRules,
  type ReportGradedIndicatorRow,
} from "./report-repository";

/** Shown when no stored rule applies yet (a round whose grades have not been computed). */
export const BUILT_IN_RULE: ReportRuleInput = { id: "built-in", name: "既定の評価ルール", rule: DEFAULT_GRADE_RULE };

async function readNodes(db: Queryable, planId: string): Promise<ReportNodeInput[]> {
  return (await findReportNodes(db, planId)).map((n) => ({
    id: n.id,
    parentId: n.parent_id,
    kind: n.kind,
    code: n.code,
    title: n.title,
    rollupMethod: n.rollup_method,
    weight: n.weight,
    sortOrder: n.sort_order,
  }));
}

async function readRules(db: Queryable, roundId: string): Promise<ReportRuleInput[]> {
  // a stored rule that no longer parses cannot explain its grades; the report then shows the built-in one
  return (await findReportRules(db, roundId)).flatMap((r) => {
    // a version stored before 「前年度の値」 was a choice graded the newest earlier value (withRuleDefaults)
    const parsed = gradeRuleSchema.safeParse(r.rule && typeof r.rule === "object" ? { earlierYearValue: "latest", ...r.rule } : r.rule);
    return parsed.success ? [{ id: r.id, name: r.name, rule: parsed.data }] : [];
  });
}

function gradeOf(row: ReportGradedIndicatorRow): ReportGradeInput | null {
  if (row.result_kind === null || row.rule_id === null) return null;
  const explanation = explanationSchema.safeParse(row.explanation);
  return {
    indicatorId: row.id,
    ruleId: row.rule_id,
    resultKind: row.result_kind,
    grade: row.grade,
    achievement: row.achievement,
    proRatedTarget: explanation.success ? (explanation.data.proRatedTarget ?? null) : null,
    explanationText: explanation.success ? explanation.data.text : "",
    actual:
      row.actual_as_of === null
        ? null
        : {
            value: row.actual_value,
            status: row.actual_status,
            asOf: row.actual_as_of,
            fiscalYear: row.actual_fiscal_year ?? undefined,
            note: row.actual_note ?? "",
          },
  };
}

/** The report input of one round, and the rule to fall back on when no stored rule applies. */
export async function readReportInput(db: Queryable, roundId: string): Promise<{ input: ReportInput; fallbackRule: ReportRuleInput }> {
  const round = await findReportRound(db, roundId);
  if (!round) throw new NotFound("報告ラウンド");
  const [nodes, indicatorRows, allRules] = [
    await readNodes(db, round.plan_id),
    await findReportIndicators(db, roundId, round.plan_id),
    await readRules(db, roundId),
  ];
  const currentId = await findCurrentRuleId(db);
  const fallbackRule = allRules.find((r) => r.id === currentId) ?? BUILT_IN_RULE;
  const indicators: ReportIndicatorInput[] = indicatorRows.map((r) => ({
    id: r.id,
    nodeId: r.node_id,
    code: r.code,
    name: r.name,
    unit: r.unit,
    kind: r.kind,
    direction: r.direction,
    ratingMode: r.rating_mode,
    baselineValue: r.baseline_value,
    baselineDate: r.baseline_date,
    targetValue: r.target_value,
    targetFiscalYear: r.target_fiscal_year,
    exclusion: r.exclusion,
    weight: r.weight,
    sortOrder: r.sort_order,
  }));
  return {
    input: {
      plan: { name: round.plan_name, firstFiscalYear: round.first_fiscal_year, lastFiscalYear: round.last_fiscal_year },
      round: { name: round.round_name, fiscalYear: round.fiscal_year, asOf: round.as_of, status: round.status, ruleId: round.rule_id },
      rules: allRules,
      nodes,
      indicators,
      grades: indicatorRows.flatMap((r) => gradeOf(r) ?? []),
      generatedOn: round.today,
    },
    fallbackRule,
  };
}
