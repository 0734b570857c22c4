// A small 新ビジョン plan for the engagement tests, written straight to the tables: vision → 3 strategies → a measure
// with two indicators (one counts 出前講演), a closed round with one grade, and an open round. The city of
// buildCity with the vision bureau (app setting vision.bureauId) set to its 政策局.
import { DEFAULT_GRADE_RULE } from "../../common/vision/grading";
import type { Queryable } from "../db/database";
import type { buildCity } from "./factories";

export async function buildVisionPlan(db: Queryable, city: Awaited<ReturnType<typeof buildCity>>) {
  await db.query(
    "INSERT INTO app_settings (key, value) VALUES ('vision.bureauId', to_jsonb($1::text)) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
    [city.bureau.id],
  );
  const plan = await db.query<{ id: string }>(
    "INSERT INTO vision_plans (name, first_fiscal_year, last_fiscal_year) VALUES ('北九州市・新ビジョン', 2024, 2033) RETURNING id",
  );
  const planId = plan.rows[0].id;
  const node = async (kind: string, code: string, title: string, parentId: string | null, sort: number) =>
    (
      await db.query<{ id: string }>(
        "INSERT INTO vision_nodes (plan_id, parent_id, kind, code, title, sort_order, owner_organisation_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        [planId, parentId, kind, code, title, sort, city.division.id],
      )
    ).rows[0].id;
  const vision = await node("vision", "V", "目指す都市像", null, 0);
  const earn = await node("strategy", "S1", "稼げるまち", vision, 1);
  const colour = await node("strategy", "S2", "彩りあるまち", vision, 2);
  const calm = await node("strategy", "S3", "安らぐまち", vision, 3);
  const measure = await node("measure", "S1-1", "新ビジョンの周知・浸透", earn, 1);
  const indicator = async (code: string, name: string) =>
    (
      await db.query<{ id: string }>(
        `INSERT INTO vision_indicators (node_id, code, name, unit, kind, direction, baseline_value, baseline_date, target_value, target_fiscal_year)
         VALUES ($1, $2, $3, '回', '活動指標', 'higher', 0, '2024-03-31', 40, 2028) RETURNING id`,
        [measure, code, name],
      )
    ).rows[0].id;
  const lectures = await indicator("K1", "出前講演の実施回数");
  const training = await indicator("K2", "職員研修の受講者数");
  const rule = await db.query<{ id: string }>(
    "INSERT INTO vision_grade_rules (name, rule, is_current) VALUES ('標準', $1, true) RETURNING id",
    [JSON.stringify(DEFAULT_GRADE_RULE)],
  );
  const round = async (name: string, fy: number, asOf: string, status: string) =>
    (
      await db.query<{ id: string }>(
        "INSERT INTO vision_rounds (plan_id, name, fiscal_year, as_of, deadline, status, rule_id) VALUES ($1, $2, $3, $4, $4, $5, $6) RETURNING id",
        [planId, name, fy, asOf, status, rule.rows[0].id],
      )
    ).rows[0].id;
  const closedRound = await round("令和6年度末", 2024, "2025-03-31", "closed");
  const openRound = await round("令和7年度末", 2025, "2026-03-31", "open");
  const actual = await db.query<{ id: string }>(
    "INSERT INTO vision_actuals (indicator_id, fiscal_year, as_of, value, entered_by_label) VALUES ($1, 2024, '2025-03-31', 9, '企画課') RETURNING id",
    [lectures],
  );
  await db.query(
    `INSERT INTO vision_grades (round_id, indicator_id, actual_id, rule_id, result_kind, grade, achievement, explanation)
     VALUES ($1, $2, $3, $4, 'graded', 'B', 112.5, '{}')`,
    [closedRound, lectures, actual.rows[0].id, rule.rows[0].id],
  );
  await db.query("INSERT INTO vision_round_tasks (round_id, indicator_id, owner_organisation_id) VALUES ($1, $2, $3), ($1, $4, $3)", [
    openRound,
    lectures,
    city.division.id,
    training,
  ]);
  return { planId, vision, earn, colour, calm, measure, lectures, training, closedRound, openRound };
}
