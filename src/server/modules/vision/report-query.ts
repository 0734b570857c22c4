// Reads one round's report input (report-model.ts) from the vision tables: the plan's tree, its indicators, the
// round's grades with the actual each was computed from, and the rules those grades name.
import { explanation as explanationSchema, gradeRuleSchema } from "../../../common/api/vision";
import { DEFAULT_GRADE_RULE, type Exclusion, type StatusRating } from "../../../common/vision/grading";
import type { Queryable } from "../../db/database";
import { NotFound } from "../../platform/errors";
import type {
  NodeKind,
  ReportGradeInput,
  ReportIndicatorInput,
  ReportInput,
  ReportNodeInput,
  ReportRuleInput,
  ResultKind,
} from "./report-model";

/** Shown when no stored rule applies yet (a round whose grades have not been computed). */
export const BUILT_IN_RULE: ReportRuleInput = { id: "built-in", name: "既定の評価ルール", rule: DEFAULT_GRADE_RULE };

interface RoundRow {
  plan_id: string;
  plan_name: string;
  first_fiscal_year: number;
  last_fiscal_year: number;
  round_name: string;
  fiscal_year: number;
  as_of: string;
  status: "open" | "closed" | "published";
  rule_id: string | null;
  today: string;
}

interface IndicatorRow {
  id: string;
  node_id: string;
  code: string;
  name: string;
  unit: string;
  kind: "活動指標" | "成果指標";
  direction: "higher" | "lower";
  rating_mode: "numeric" | "status";
  baseline_value: number | null;
  baseline_date: string | null;
  target_value: number | null;
  target_fiscal_year: number | null;
  exclusion: Exclusion | null;
  weight: number;
  sort_order: number;
  rule_id: string | null;
  result_kind: ResultKind | null;
  grade: string | null;
  achievement: number | null;
  explanation: unknown;
  actual_value: number | null;
  actual_status: StatusRating | null;
  actual_as_of: string | null;
  actual_note: string | null;
  actual_fiscal_year: number | null;
}

async function readRound(db: Queryable, roundId: string): Promise<RoundRow> {
  const { rows } = await db.query<RoundRow>(
    `SELECT p.id AS plan_id, p.name AS plan_name, p.first_fiscal_year, p.last_fiscal_year,
            r.name AS round_name, r.fiscal_year, r.as_of, r.status, r.rule_id,
            (now() AT TIME ZONE 'Asia/Tokyo')::date AS today
       FROM vision_rounds r JOIN vision_plans p ON p.id = r.plan_id
      WHERE r.id = $1`,
    [roundId],
  );
  if (!rows[0]) throw new NotFound("報告ラウンド");
  return rows[0];
}

async function readNodes(db: Queryable, planId: string): Promise<ReportNodeInput[]> {
  const { rows } = await db.query<{
    id: string;
    parent_id: string | null;
    kind: NodeKind;
    code: string;
    title: string;
    rollup_method: "average" | "weighted";
    weight: number;
    sort_order: number;
  }>("SELECT id, parent_id, kind, code, title, rollup_method, weight, sort_order FROM vision_nodes WHERE plan_id = $1", [planId]);
  return rows.map((n) => ({
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

/**
 * The plan's indicators with their grade in the round. An indicator added after the round was closed (or
 * published) and not graded in it is left out: the report shows what the round covered. The actual is the one
 * the grade names, else the latest entry for the round's fiscal year up to its as-of date.
 */
async function readIndicators(db: Queryable, roundId: string, planId: string): Promise<IndicatorRow[]> {
  const { rows } = await db.query<IndicatorRow>(
    `SELECT i.id, i.node_id, i.code, i.name, i.unit, i.kind, i.direction, i.rating_mode,
            i.baseline_value, i.baseline_date, i.target_value, i.target_fiscal_year, i.exclusion, i.weight, i.sort_order,
            g.rule_id, g.result_kind, g.grade, g.achievement, g.explanation,
            a.value AS actual_value, a.status_rating AS actual_status, a.as_of AS actual_as_of, a.note AS actual_note,
            a.fiscal_year AS actual_fiscal_year
       FROM vision_indicators i
       JOIN vision_nodes n ON n.id = i.node_id
       JOIN vision_rounds r ON r.id = $1
       LEFT JOIN vision_grades g ON g.round_id = r.id AND g.indicator_id = i.id
       LEFT JOIN LATERAL (
         SELECT va.value, va.status_rating, va.as_of, va.note, va.fiscal_year
           FROM vision_actuals va
          WHERE CASE WHEN g.actual_id IS NOT NULL THEN va.id = g.actual_id
                     ELSE va.indicator_id = i.id AND va.fiscal_year = r.fiscal_year AND va.as_of <= r.as_of END
          ORDER BY va.created_at DESC
          LIMIT 1
       ) a ON true
      WHERE n.plan_id = $2
        AND (g.indicator_id IS NOT NULL OR i.created_at <= COALESCE(r.closed_at, r.published_at, 'infinity'::timestamptz))`,
    [roundId, planId],
  );
  return rows;
}

async function readRules(db: Queryable, roundId: string): Promise<ReportRuleInput[]> {
  const { rows } = await db.query<{ id: string; name: string; rule: unknown }>(
    `SELECT id, name, rule FROM vision_grade_rules
      WHERE id IN (SELECT rule_id FROM vision_grades WHERE round_id = $1
                   UNION SELECT rule_id FROM vision_rounds WHERE id = $1)
         OR is_current`,
    [roundId],
  );
  // a stored rule that no longer parses cannot explain its grades; the report then shows the built-in one
  return rows.flatMap((r) => {
    // a version stored before 「前年度の値」 was a choice graded the newest earlier value (withRuleDefaults)
    const parsed = gradeRuleSchema.safeParse(r.rule && typeof r.rule === "object" ? { earlierYearValue: "latest", ...r.rule } : r.rule);
    return parsed.success ? [{ id: r.id, name: r.name, rule: parsed.data }] : [];
  });
}

function gradeOf(row: IndicatorRow): ReportGradeInput | null {
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
  const round = await readRound(db, roundId);
  const [nodes, indicatorRows, allRules] = [
    await readNodes(db, round.plan_id),
    await readIndicators(db, roundId, round.plan_id),
    await readRules(db, roundId),
  ];
  const current = await db.query<{ id: string }>("SELECT id FROM vision_grade_rules WHERE is_current");
  const fallbackRule = allRules.find((r) => r.id === current.rows[0]?.id) ?? BUILT_IN_RULE;
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
