// SQL of the vision core's rounds (報告ラウンド), their tasks (更新依頼) for the indicators' owners, and the round's report
// as the council reads it.
import type { StatusRating } from "../../../common/vision/grading";
import type { Queryable } from "../../db/database";
import type { ResultKind } from "./grade-repository";
import { LATEST_ACTUAL_ORDER } from "./indicator-repository";
import { NODE_OWNER, type NodeKind, ORG_BUREAU } from "./plan-repository";

// ------------------------------------------------------------------ rounds

export type RoundStatus = "open" | "closed" | "published";

export interface RoundRow {
  id: string;
  plan_id: string;
  name: string;
  fiscal_year: number;
  as_of: string;
  deadline: string;
  grace_days: number;
  /** deadline + grace */
  due_by: string;
  status: RoundStatus;
  rule_id: string | null;
  opened_at: Date;
  closed_at: Date | null;
  published_at: Date | null;
  is_sample: boolean;
  task_count: number;
  updated_count: number;
}

const ROUND_SELECT = `SELECT r.id, r.plan_id, r.name, r.fiscal_year, r.as_of, r.deadline, r.grace_days,
    (r.deadline + r.grace_days)::text AS due_by, r.status, r.rule_id, r.opened_at, r.closed_at, r.published_at, r.is_sample,
    (SELECT count(*)::int FROM vision_round_tasks t WHERE t.round_id = r.id) AS task_count,
    (SELECT count(*)::int FROM vision_round_tasks t WHERE t.round_id = r.id AND t.updated_at IS NOT NULL) AS updated_count
  FROM vision_rounds r`;

export async function findRounds(db: Queryable, filter: { planId?: string; status?: RoundStatus[] }): Promise<RoundRow[]> {
  const { rows } = await db.query<RoundRow>(
    `${ROUND_SELECT} WHERE ($1::uuid IS NULL OR r.plan_id = $1) AND ($2::text[] IS NULL OR r.status = ANY($2::text[]))
     ORDER BY r.fiscal_year DESC, r.opened_at DESC`,
    [filter.planId ?? null, filter.status ?? null],
  );
  return rows;
}

export async function findRound(db: Queryable, id: string): Promise<RoundRow | null> {
  const { rows } = await db.query<RoundRow>(`${ROUND_SELECT} WHERE r.id = $1`, [id]);
  return rows[0] ?? null;
}

export interface RoundInput {
  name: string;
  fiscalYear: number;
  asOf: string;
  deadline: string;
  graceDays: number;
}

export async function insertRound(
  db: Queryable,
  planId: string,
  input: RoundInput,
  ruleId: string,
  openedBy: string | null,
  isSample = false,
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO vision_rounds (plan_id, name, fiscal_year, as_of, deadline, grace_days, rule_id, opened_by, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [planId, input.name, input.fiscalYear, input.asOf, input.deadline, input.graceDays, ruleId, openedBy, isSample],
  );
  return rows[0].id;
}

export async function roundNameTaken(db: Queryable, planId: string, name: string): Promise<boolean> {
  const { rowCount } = await db.query("SELECT 1 FROM vision_rounds WHERE plan_id = $1 AND name = $2", [planId, name]);
  return rowCount > 0;
}

export async function setRoundStatus(db: Queryable, id: string, status: RoundStatus): Promise<void> {
  await db.query(
    `UPDATE vision_rounds SET status = $2,
       closed_at = CASE WHEN $2 = 'closed' THEN now() ELSE closed_at END,
       published_at = CASE WHEN $2 = 'published' THEN now() ELSE published_at END
     WHERE id = $1`,
    [id, status],
  );
}

export async function setRoundRule(db: Queryable, id: string, ruleId: string): Promise<void> {
  await db.query("UPDATE vision_rounds SET rule_id = $2 WHERE id = $1", [id, ruleId]);
}

// ------------------------------------------------------------------ round tasks (更新依頼)

/**
 * One task per indicator of the plan that is not excluded, for its effective owner. A task counts as updated at once
 * when a value for the round's fiscal year was already entered.
 */
export async function insertRoundTasks(db: Queryable, roundId: string): Promise<number> {
  const { rowCount } = await db.query(
    `WITH RECURSIVE ${NODE_OWNER}
     INSERT INTO vision_round_tasks (round_id, indicator_id, owner_organisation_id, updated_at)
     SELECT r.id, i.id, coalesce(i.owner_organisation_id, no.owner_id),
       (SELECT max(a.created_at) FROM vision_actuals a WHERE a.indicator_id = i.id AND a.fiscal_year = r.fiscal_year)
     FROM vision_rounds r
     JOIN vision_nodes n ON n.plan_id = r.plan_id
     JOIN node_owner no ON no.id = n.id
     JOIN vision_indicators i ON i.node_id = n.id
     WHERE r.id = $1 AND i.exclusion IS NULL`,
    [roundId],
  );
  return rowCount;
}

/** An indicator added while rounds of its plan are open gets its task in each of them. */
export async function insertTasksForIndicator(db: Queryable, indicatorId: string): Promise<number> {
  const { rowCount } = await db.query(
    `WITH RECURSIVE ${NODE_OWNER}
     INSERT INTO vision_round_tasks (round_id, indicator_id, owner_organisation_id)
     SELECT r.id, i.id, coalesce(i.owner_organisation_id, no.owner_id)
     FROM vision_indicators i
     JOIN vision_nodes n ON n.id = i.node_id
     JOIN node_owner no ON no.id = n.id
     JOIN vision_rounds r ON r.plan_id = n.plan_id AND r.status = 'open'
     WHERE i.id = $1 AND i.exclusion IS NULL
     ON CONFLICT (round_id, indicator_id) DO NOTHING`,
    [indicatorId],
  );
  return rowCount;
}

/**
 * Moves the open rounds' tasks of the given indicators (null: every indicator of the plan) to their current
 * effective owner when it changed. The new owner has not been reminded: a moved task's reminders start afresh; an
 * update already made stays. Closed and published rounds keep the owner they were asked of. Returns the tasks moved.
 */
export async function moveOpenTasksToOwner(db: Queryable, scope: { indicatorIds: string[] } | { planId: string }): Promise<number> {
  const byIndicators = "indicatorIds" in scope;
  if (byIndicators && scope.indicatorIds.length === 0) return 0;
  const { rowCount } = await db.query(
    `WITH RECURSIVE ${NODE_OWNER},
     effective AS (
       SELECT i.id AS indicator_id, coalesce(i.owner_organisation_id, no.owner_id) AS owner_id
       FROM vision_indicators i JOIN vision_nodes n ON n.id = i.node_id JOIN node_owner no ON no.id = n.id
       WHERE ${byIndicators ? "i.id = ANY($1::uuid[])" : "n.plan_id = $1"}
     )
     UPDATE vision_round_tasks t SET owner_organisation_id = effective.owner_id, reminded_at = NULL, reminder_count = 0
     FROM effective, vision_rounds r
     WHERE t.indicator_id = effective.indicator_id AND r.id = t.round_id AND r.status = 'open'
       AND t.owner_organisation_id IS DISTINCT FROM effective.owner_id`,
    [byIndicators ? scope.indicatorIds : scope.planId],
  );
  return rowCount;
}

export interface TaskRow {
  round_id: string;
  indicator_id: string;
  indicator_code: string;
  indicator_name: string;
  unit: string;
  rating_mode: "numeric" | "status";
  node_id: string;
  node_title: string;
  owner_organisation_id: string | null;
  owner_organisation_name: string | null;
  owner_bureau_id: string | null;
  updated_at: Date | null;
  reminded_at: Date | null;
  reminder_count: number;
  current_value: number | null;
  current_status: StatusRating | null;
}

export async function findTasks(
  db: Queryable,
  filter: { roundIds: string[]; ownerOrganisationId?: string; pending?: boolean },
): Promise<TaskRow[]> {
  if (filter.roundIds.length === 0) return [];
  const { rows } = await db.query<TaskRow>(
    `WITH RECURSIVE ${ORG_BUREAU}
     SELECT t.round_id, t.indicator_id, i.code AS indicator_code, i.name AS indicator_name, i.unit, i.rating_mode, n.id AS node_id,
       n.title AS node_title, t.owner_organisation_id, o.name AS owner_organisation_name, ob.bureau_id AS owner_bureau_id,
       t.updated_at, t.reminded_at, t.reminder_count, cur.value AS current_value, cur.status_rating AS current_status
     FROM vision_round_tasks t
     JOIN vision_rounds r ON r.id = t.round_id
     JOIN vision_indicators i ON i.id = t.indicator_id
     JOIN vision_nodes n ON n.id = i.node_id
     LEFT JOIN organisations o ON o.id = t.owner_organisation_id
     LEFT JOIN org_bureau ob ON ob.org_id = t.owner_organisation_id
     LEFT JOIN LATERAL (SELECT a.value, a.status_rating FROM vision_actuals a
       WHERE a.indicator_id = i.id AND a.fiscal_year = r.fiscal_year ORDER BY a.as_of DESC, a.created_at DESC LIMIT 1) cur ON true
     WHERE t.round_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR t.owner_organisation_id = $2)
       AND ($3::boolean IS NULL OR (t.updated_at IS NULL) = $3)
     ORDER BY o.name NULLS LAST, n.sort_order, i.sort_order, i.code`,
    [filter.roundIds, filter.ownerOrganisationId ?? null, filter.pending ?? null],
  );
  return rows;
}

/** Marks the tasks of open rounds of the values' fiscal years as updated. */
export async function markTasksUpdated(db: Queryable, updates: { indicatorId: string; fiscalYear: number }[]): Promise<number> {
  if (updates.length === 0) return 0;
  const { rowCount } = await db.query(
    `UPDATE vision_round_tasks t SET updated_at = now()
     FROM vision_rounds r, unnest($1::uuid[], $2::int[]) AS u (indicator_id, fiscal_year)
     WHERE r.id = t.round_id AND r.status = 'open' AND t.indicator_id = u.indicator_id AND r.fiscal_year = u.fiscal_year`,
    [updates.map((u) => u.indicatorId), updates.map((u) => u.fiscalYear)],
  );
  return rowCount;
}

/** 督促: stamps the pending tasks of the given owners (null = every owner with one). Returns the owners reminded. */
export async function remindOwners(db: Queryable, roundId: string, organisationIds: string[] | null): Promise<string[]> {
  const { rows } = await db.query<{ owner: string | null }>(
    `UPDATE vision_round_tasks SET reminded_at = now(), reminder_count = reminder_count + 1
     WHERE round_id = $1 AND updated_at IS NULL AND ($2::uuid[] IS NULL OR owner_organisation_id = ANY($2::uuid[]))
     RETURNING owner_organisation_id AS owner`,
    [roundId, organisationIds],
  );
  return [...new Set(rows.map((r) => r.owner ?? ""))];
}

/** Open rounds whose grades an indicator's new value changes. */
export async function findOpenRoundIdsOfIndicators(db: Queryable, indicatorIds: string[]): Promise<string[]> {
  if (indicatorIds.length === 0) return [];
  const { rows } = await db.query<{ id: string }>(
    `SELECT DISTINCT r.id FROM vision_rounds r
     JOIN vision_nodes n ON n.plan_id = r.plan_id
     JOIN vision_indicators i ON i.node_id = n.id
     WHERE r.status = 'open' AND i.id = ANY($1::uuid[])`,
    [indicatorIds],
  );
  return rows.map((r) => r.id);
}

// ------------------------------------------------------------------ reads for the engagement features (re-exported from core.ts)

export interface ReportNodeRow {
  id: string;
  parent_id: string | null;
  kind: NodeKind;
  code: string;
  title: string;
  sort_order: number;
  owner_name: string | null;
}

export interface ReportIndicatorRow {
  id: string;
  node_id: string;
  code: string;
  name: string;
  unit: string;
  kind: string;
  direction: "higher" | "lower";
  baseline_value: number | null;
  target_value: number | null;
  target_fiscal_year: number | null;
  exclusion: string | null;
  result_kind: ResultKind | null;
  grade: string | null;
  achievement: number | null;
  actual_value: number | null;
  actual_fiscal_year: number | null;
  status_rating: string | null;
}

/**
 * A round's report as the council reads it: the plan's nodes (with the owner's name) and its indicators with the
 * round's grade and the value it was made from — or, without a grade, the latest value of the round's fiscal year
 * known at its as-of date.
 */
export async function findRoundReportRows(
  db: Queryable,
  round: { id: string; planId: string; fiscalYear: number; asOf: string },
): Promise<{ nodes: ReportNodeRow[]; indicators: ReportIndicatorRow[] }> {
  const [nodes, indicators] = await Promise.all([
    db.query<ReportNodeRow>(
      `SELECT n.id, n.parent_id, n.kind, n.code, n.title, n.sort_order, o.name AS owner_name
       FROM vision_nodes n LEFT JOIN organisations o ON o.id = n.owner_organisation_id WHERE n.plan_id = $1`,
      [round.planId],
    ),
    db.query<ReportIndicatorRow>(
      `SELECT i.id, i.node_id, i.code, i.name, i.unit, i.kind, i.direction, i.baseline_value, i.target_value, i.target_fiscal_year,
         i.exclusion, g.result_kind, g.grade, g.achievement, a.value AS actual_value, a.fiscal_year AS actual_fiscal_year, a.status_rating
       FROM vision_indicators i
       JOIN vision_nodes n ON n.id = i.node_id AND n.plan_id = $1
       LEFT JOIN vision_grades g ON g.indicator_id = i.id AND g.round_id = $2
       LEFT JOIN LATERAL (
         SELECT va.value, va.fiscal_year, va.status_rating FROM vision_actuals va
         WHERE (g.actual_id IS NOT NULL AND va.id = g.actual_id)
            OR (g.actual_id IS NULL AND va.indicator_id = i.id AND va.fiscal_year = $3 AND va.as_of <= $4)
         ORDER BY ${LATEST_ACTUAL_ORDER} LIMIT 1
       ) a ON true
       ORDER BY i.sort_order, i.code`,
      [round.planId, round.id, round.fiscalYear, round.asOf],
    ),
  ]);
  return { nodes: nodes.rows, indicators: indicators.rows };
}
