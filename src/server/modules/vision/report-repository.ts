// SQL of the round's progress report (PDF/Excel): the round with its plan, the plan's tree, the indicators with their
// grade in the round and the actual each was computed from, and the rules those grades name. report-query.ts shapes
// the rows into the report's input.
import type { Exclusion, StatusRating } from "../../../common/vision/grading";
import type { Queryable } from "../../db/database";
import { LATEST_ACTUAL_ORDER } from "./indicator-repository";
import type { NodeKind, ResultKind } from "./report-model";

export interface ReportRoundRow {
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

export async function findReportRound(db: Queryable, roundId: string): Promise<ReportRoundRow | null> {
  const { rows } = await db.query<ReportRoundRow>(
    `SELECT p.id AS plan_id, p.name AS plan_name, p.first_fiscal_year, p.last_fiscal_year,
            r.name AS round_name, r.fiscal_year, r.as_of, r.status, r.rule_id,
            (now() AT TIME ZONE 'Asia/Tokyo')::date AS today
       FROM vision_rounds r JOIN vision_plans p ON p.id = r.plan_id
      WHERE r.id = $1`,
    [roundId],
  );
  return rows[0] ?? null;
}

export interface ReportTreeNodeRow {
  id: string;
  parent_id: string | null;
  kind: NodeKind;
  code: string;
  title: string;
  rollup_method: "average" | "weighted";
  weight: number;
  sort_order: number;
}

export async function findReportNodes(db: Queryable, planId: string): Promise<ReportTreeNodeRow[]> {
  const { rows } = await db.query<ReportTreeNodeRow>(
    "SELECT id, parent_id, kind, code, title, rollup_method, weight, sort_order FROM vision_nodes WHERE plan_id = $1",
    [planId],
  );
  return rows;
}

export interface ReportGradedIndicatorRow {
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

/**
 * The plan's indicators with their grade in the round. An indicator added after the round was closed (or
 * published) and not graded in it is left out: the report shows what the round covered. The actual is the one
 * the grade names, else the latest (LATEST_ACTUAL_ORDER) for the round's fiscal year up to its as-of date.
 */
export async function findReportIndicators(db: Queryable, roundId: string, planId: string): Promise<ReportGradedIndicatorRow[]> {
  const { rows } = await db.query<ReportGradedIndicatorRow>(
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
          ORDER BY ${LATEST_ACTUAL_ORDER}
          LIMIT 1
       ) a ON true
      WHERE n.plan_id = $2
        AND (g.indicator_id IS NOT NULL OR i.created_at <= COALESCE(r.closed_at, r.published_at, 'infinity'::timestamptz))`,
    [roundId, planId],
  );
  return rows;
}

/** The rules the round's grades (and the round itself) name, and the current one; as stored, unparsed. */
export async function findReportRules(db: Queryable, roundId: string): Promise<{ id: string; name: string; rule: unknown }[]> {
  const { rows } = await db.query<{ id: string; name: string; rule: unknown }>(
    `SELECT id, name, rule FROM vision_grade_rules
      WHERE id IN (SELECT rule_id FROM vision_grades WHERE round_id = $1
                   UNION SELECT rule_id FROM vision_rounds WHERE id = $1)
         OR is_current`,
    [roundId],
  );
  return rows;
}

export async function findCurrentRuleId(db: Queryable): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>("SELECT id FROM vision_grade_rules WHERE is_current");
  return rows[0]?.id ?? null;
}
