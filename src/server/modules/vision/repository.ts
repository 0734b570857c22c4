// SQL of the vision module's core: plans, the node tree, 課題 links, indicators, actual values, grade rules,
// rounds with their tasks, and grades. The only file of the core that talks to the database.
import { type Exclusion, type GradeRule, type StatusRating, withRuleDefaults } from "../../../common/vision/grading";
import type { Queryable } from "../../db/database";

// ------------------------------------------------------------------ shared SQL

/** The nearest 局 of every organisation (itself when it is one). */
const ORG_BUREAU = `
  org_up AS (
    SELECT id AS org_id, id AS cur_id, kind, parent_id, 0 AS depth FROM organisations
    UNION ALL
    SELECT u.org_id, o.id, o.kind, o.parent_id, u.depth + 1 FROM org_up u JOIN organisations o ON o.id = u.parent_id
    WHERE u.kind <> 'bureau'
  ),
  org_bureau AS (
    SELECT DISTINCT ON (org_id) org_id, cur_id AS bureau_id FROM org_up WHERE kind = 'bureau' ORDER BY org_id, depth
  )`;

/** Every node's effective owner: its own, else its nearest ancestor's. */
const NODE_OWNER = `
  node_owner AS (
    SELECT id, owner_organisation_id AS owner_id FROM vision_nodes WHERE parent_id IS NULL
    UNION ALL
    SELECT n.id, coalesce(n.owner_organisation_id, p.owner_id) FROM vision_nodes n JOIN node_owner p ON n.parent_id = p.id
  )`;

// ------------------------------------------------------------------ plans

export interface PlanRow {
  id: string;
  name: string;
  city_image: string;
  adopted_on: string | null;
  first_fiscal_year: number;
  last_fiscal_year: number;
  is_sample: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface PlanInput {
  name: string;
  cityImage: string;
  adoptedOn: string | null;
  firstFiscalYear: number;
  lastFiscalYear: number;
}

export async function findPlans(db: Queryable): Promise<PlanRow[]> {
  const { rows } = await db.query<PlanRow>("SELECT * FROM vision_plans ORDER BY first_fiscal_year DESC, created_at");
  return rows;
}

export async function findPlan(db: Queryable, id: string): Promise<PlanRow | null> {
  const { rows } = await db.query<PlanRow>("SELECT * FROM vision_plans WHERE id = $1", [id]);
  return rows[0] ?? null;
}

export async function insertPlan(db: Queryable, input: PlanInput, isSample = false): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO vision_plans (name, city_image, adopted_on, first_fiscal_year, last_fiscal_year, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [input.name, input.cityImage, input.adoptedOn, input.firstFiscalYear, input.lastFiscalYear, isSample],
  );
  return rows[0].id;
}

export async function updatePlan(db: Queryable, id: string, input: PlanInput): Promise<void> {
  await db.query(
    `UPDATE vision_plans SET name = $2, city_image = $3, adopted_on = $4, first_fiscal_year = $5, last_fiscal_year = $6,
       updated_at = now() WHERE id = $1`,
    [id, input.name, input.cityImage, input.adoptedOn, input.firstFiscalYear, input.lastFiscalYear],
  );
}

// ------------------------------------------------------------------ nodes

export type NodeKind = "vision" | "strategy" | "measure" | "project";

export interface NodeRow {
  id: string;
  plan_id: string;
  parent_id: string | null;
  kind: NodeKind;
  code: string;
  title: string;
  description: string;
  owner_organisation_id: string | null;
  owner_organisation_name: string | null;
  rollup_method: "average" | "weighted";
  weight: number;
  sort_order: number;
  version: number;
  is_sample: boolean;
}

const NODE_SELECT = `SELECT n.id, n.plan_id, n.parent_id, n.kind, n.code, n.title, n.description, n.owner_organisation_id,
    o.name AS owner_organisation_name, n.rollup_method, n.weight, n.sort_order, n.version, n.is_sample
  FROM vision_nodes n LEFT JOIN organisations o ON o.id = n.owner_organisation_id`;

export async function findNodes(db: Queryable, planId: string): Promise<NodeRow[]> {
  const { rows } = await db.query<NodeRow>(`${NODE_SELECT} WHERE n.plan_id = $1 ORDER BY n.sort_order, n.code`, [planId]);
  return rows;
}

export async function findNode(db: Queryable, id: string): Promise<NodeRow | null> {
  const { rows } = await db.query<NodeRow>(`${NODE_SELECT} WHERE n.id = $1`, [id]);
  return rows[0] ?? null;
}

export interface NodeInput {
  parentId: string | null;
  kind: NodeKind;
  code: string;
  title: string;
  description: string;
  ownerOrganisationId: string | null;
  rollupMethod: "average" | "weighted";
  weight: number;
  sortOrder: number;
}

export async function insertNode(db: Queryable, planId: string, input: NodeInput, isSample = false): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO vision_nodes (plan_id, parent_id, kind, code, title, description, owner_organisation_id, rollup_method, weight,
       sort_order, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      planId,
      input.parentId,
      input.kind,
      input.code,
      input.title,
      input.description,
      input.ownerOrganisationId,
      input.rollupMethod,
      input.weight,
      input.sortOrder,
      isSample,
    ],
  );
  return rows[0].id;
}

/** Updates when `version` is still current; returns false when someone else saved first. */
export async function updateNode(db: Queryable, id: string, version: number, input: Omit<NodeInput, "kind">): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE vision_nodes SET parent_id = $3, code = $4, title = $5, description = $6, owner_organisation_id = $7,
       rollup_method = $8, weight = $9, sort_order = $10, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2`,
    [
      id,
      version,
      input.parentId,
      input.code,
      input.title,
      input.description,
      input.ownerOrganisationId,
      input.rollupMethod,
      input.weight,
      input.sortOrder,
    ],
  );
  return rowCount > 0;
}

export async function deleteNode(db: Queryable, id: string): Promise<void> {
  await db.query("DELETE FROM vision_nodes WHERE id = $1", [id]);
}

export async function countNodeDependents(db: Queryable, id: string): Promise<{ children: number; indicators: number }> {
  const { rows } = await db.query<{ children: number; indicators: number }>(
    `SELECT (SELECT count(*)::int FROM vision_nodes WHERE parent_id = $1) AS children,
            (SELECT count(*)::int FROM vision_indicators WHERE node_id = $1) AS indicators`,
    [id],
  );
  return rows[0];
}

export async function nodeCodeTaken(db: Queryable, planId: string, code: string, exceptId: string | null): Promise<boolean> {
  const { rowCount } = await db.query("SELECT 1 FROM vision_nodes WHERE plan_id = $1 AND code = $2 AND id IS DISTINCT FROM $3", [
    planId,
    code,
    exceptId,
  ]);
  return rowCount > 0;
}

export async function organisationExists(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query("SELECT 1 FROM organisations WHERE id = $1 AND kind <> 'external'", [id]);
  return rowCount > 0;
}

// ------------------------------------------------------------------ 課題 links

export async function findChallengeLinks(db: Queryable, nodeIds: string[]): Promise<{ node_id: string; challenge_id: string }[]> {
  if (nodeIds.length === 0) return [];
  const { rows } = await db.query<{ node_id: string; challenge_id: string }>(
    "SELECT node_id, challenge_id FROM vision_node_challenges WHERE node_id = ANY($1::uuid[]) ORDER BY node_id, challenge_id",
    [nodeIds],
  );
  return rows;
}

export async function replaceChallengeLinks(db: Queryable, nodeId: string, challengeIds: string[]): Promise<void> {
  await db.query("DELETE FROM vision_node_challenges WHERE node_id = $1", [nodeId]);
  if (challengeIds.length > 0)
    await db.query("INSERT INTO vision_node_challenges (node_id, challenge_id) SELECT $1, unnest($2::uuid[])", [nodeId, challengeIds]);
}

// ------------------------------------------------------------------ indicators

export interface IndicatorRow {
  id: string;
  node_id: string;
  plan_id: string;
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
  data_source: string;
  exclusion: Exclusion | null;
  owner_organisation_id: string | null;
  owner_organisation_name: string | null;
  /** the indicator's own owner, else its node's (inherited down the tree) */
  effective_owner_id: string | null;
  effective_owner_name: string | null;
  /** the 局 of the effective owner */
  owner_bureau_id: string | null;
  weight: number;
  sort_order: number;
  version: number;
  is_sample: boolean;
  latest: { fiscal_year: number; as_of: string; value: number | null; status_rating: StatusRating | null } | null;
}

export interface IndicatorFilter {
  planId?: string;
  ids?: string[];
  codes?: string[];
  nodeId?: string;
  q?: string;
}

export async function findIndicators(db: Queryable, filter: IndicatorFilter): Promise<IndicatorRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll("?", `$${params.length}`));
  };
  if (filter.planId) add("n.plan_id = ?", filter.planId);
  if (filter.ids) add("i.id = ANY(?::uuid[])", filter.ids);
  if (filter.codes) add("i.code = ANY(?::text[])", filter.codes);
  if (filter.nodeId) add("i.node_id = ?", filter.nodeId);
  if (filter.q) add("(i.name ILIKE ? OR i.code ILIKE ?)", `%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
  const { rows } = await db.query<IndicatorRow>(
    `WITH RECURSIVE ${NODE_OWNER}, ${ORG_BUREAU}
     SELECT i.id, i.node_id, n.plan_id, i.code, i.name, i.unit, i.kind, i.direction, i.rating_mode, i.baseline_value,
       i.baseline_date, i.target_value, i.target_fiscal_year, i.data_source, i.exclusion, i.owner_organisation_id,
       io.name AS owner_organisation_name, coalesce(i.owner_organisation_id, no.owner_id) AS effective_owner_id,
       eo.name AS effective_owner_name, ob.bureau_id AS owner_bureau_id, i.weight, i.sort_order, i.version, i.is_sample,
       (SELECT jsonb_build_object('fiscal_year', a.fiscal_year, 'as_of', a.as_of::text, 'value', a.value,
                 'status_rating', a.status_rating)
          FROM vision_actuals a WHERE a.indicator_id = i.id
          ORDER BY a.fiscal_year DESC, a.as_of DESC, a.created_at DESC LIMIT 1) AS latest
     FROM vision_indicators i
     JOIN vision_nodes n ON n.id = i.node_id
     JOIN node_owner no ON no.id = i.node_id
     LEFT JOIN organisations io ON io.id = i.owner_organisation_id
     LEFT JOIN organisations eo ON eo.id = coalesce(i.owner_organisation_id, no.owner_id)
     LEFT JOIN org_bureau ob ON ob.org_id = coalesce(i.owner_organisation_id, no.owner_id)
     ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
     ORDER BY n.sort_order, i.sort_order, i.code`,
    params,
  );
  return rows;
}

export async function findIndicator(db: Queryable, id: string): Promise<IndicatorRow | null> {
  return (await findIndicators(db, { ids: [id] }))[0] ?? null;
}

export interface IndicatorInput {
  code: string;
  name: string;
  unit: string;
  kind: "活動指標" | "成果指標";
  direction: "higher" | "lower";
  ratingMode: "numeric" | "status";
  baselineValue: number | null;
  baselineDate: string | null;
  targetValue: number | null;
  targetFiscalYear: number | null;
  dataSource: string;
  exclusion: Exclusion | null;
  ownerOrganisationId: string | null;
  weight: number;
  sortOrder: number;
}

const indicatorParams = (input: IndicatorInput) => [
  input.code,
  input.name,
  input.unit,
  input.kind,
  input.direction,
  input.ratingMode,
  input.baselineValue,
  input.baselineDate,
  input.targetValue,
  input.targetFiscalYear,
  input.dataSource,
  input.exclusion,
  input.ownerOrganisationId,
  input.weight,
  input.sortOrder,
];

export async function insertIndicator(db: Queryable, nodeId: string, input: IndicatorInput, isSample = false): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO vision_indicators (code, name, unit, kind, direction, rating_mode, baseline_value, baseline_date, target_value,
       target_fiscal_year, data_source, exclusion, owner_organisation_id, weight, sort_order, node_id, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
    [...indicatorParams(input), nodeId, isSample],
  );
  return rows[0].id;
}

export async function updateIndicator(db: Queryable, id: string, version: number, nodeId: string, input: IndicatorInput): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE vision_indicators SET code = $1, name = $2, unit = $3, kind = $4, direction = $5, rating_mode = $6,
       baseline_value = $7, baseline_date = $8, target_value = $9, target_fiscal_year = $10, data_source = $11, exclusion = $12,
       owner_organisation_id = $13, weight = $14, sort_order = $15, node_id = $16, version = version + 1, updated_at = now()
     WHERE id = $17 AND version = $18`,
    [...indicatorParams(input), nodeId, id, version],
  );
  return rowCount > 0;
}

export async function indicatorCodeTaken(db: Queryable, code: string, exceptId: string | null): Promise<boolean> {
  const { rowCount } = await db.query("SELECT 1 FROM vision_indicators WHERE code = $1 AND id IS DISTINCT FROM $2", [code, exceptId]);
  return rowCount > 0;
}

// ------------------------------------------------------------------ actual values

export interface ActualRow {
  id: string;
  indicator_id: string;
  fiscal_year: number;
  as_of: string;
  value: number | null;
  status_rating: StatusRating | null;
  note: string;
  entered_by_label: string;
  created_at: Date;
}

export interface ActualInput {
  indicatorId: string;
  fiscalYear: number;
  asOf: string;
  value: number | null;
  statusRating: StatusRating | null;
  note: string;
}

export async function findActuals(db: Queryable, indicatorIds: string[]): Promise<ActualRow[]> {
  if (indicatorIds.length === 0) return [];
  const { rows } = await db.query<ActualRow>(
    `SELECT id, indicator_id, fiscal_year, as_of::text AS as_of, value, status_rating, note, entered_by_label, created_at
     FROM vision_actuals WHERE indicator_id = ANY($1::uuid[])
     ORDER BY indicator_id, fiscal_year DESC, as_of DESC, created_at DESC, id`,
    [indicatorIds],
  );
  return rows;
}

export async function findActualsByIds(db: Queryable, ids: string[]): Promise<ActualRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<ActualRow>(
    `SELECT id, indicator_id, fiscal_year, as_of::text AS as_of, value, status_rating, note, entered_by_label, created_at
     FROM vision_actuals WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return rows;
}

/** Inserts many values in one statement (a bulk import of thousands of rows stays one round trip). */
export async function insertActuals(
  db: Queryable,
  inputs: ActualInput[],
  enteredBy: { userId: string | null; label: string },
): Promise<string[]> {
  if (inputs.length === 0) return [];
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO vision_actuals (indicator_id, fiscal_year, as_of, value, status_rating, note, entered_by, entered_by_label)
     SELECT t.indicator_id, t.fiscal_year, t.as_of, t.value, t.status_rating, t.note, $7, $8
     FROM unnest($1::uuid[], $2::int[], $3::date[], $4::numeric[], $5::text[], $6::text[])
       AS t (indicator_id, fiscal_year, as_of, value, status_rating, note)
     RETURNING id`,
    [
      inputs.map((a) => a.indicatorId),
      inputs.map((a) => a.fiscalYear),
      inputs.map((a) => a.asOf),
      inputs.map((a) => a.value),
      inputs.map((a) => a.statusRating),
      inputs.map((a) => a.note),
      enteredBy.userId,
      enteredBy.label,
    ],
  );
  return rows.map((r) => r.id);
}

/**
 * The actual each indicator of a plan is graded on in a round: the newest value of the round's fiscal year as of the
 * round's date, else the newest value of any year as of that date.
 */
export async function findRoundObservations(
  db: Queryable,
  planId: string,
  fiscalYear: number,
  asOf: string,
  indicatorIds: string[] | null,
): Promise<ActualRow[]> {
  const { rows } = await db.query<ActualRow>(
    `SELECT DISTINCT ON (a.indicator_id) a.id, a.indicator_id, a.fiscal_year, a.as_of::text AS as_of, a.value, a.status_rating,
       a.note, a.entered_by_label, a.created_at
     FROM vision_actuals a
     JOIN vision_indicators i ON i.id = a.indicator_id
     JOIN vision_nodes n ON n.id = i.node_id
     WHERE n.plan_id = $1 AND a.as_of <= $3::date AND ($4::uuid[] IS NULL OR a.indicator_id = ANY($4::uuid[]))
     ORDER BY a.indicator_id, (a.fiscal_year = $2) DESC, a.as_of DESC, a.fiscal_year DESC, a.created_at DESC`,
    [planId, fiscalYear, asOf, indicatorIds],
  );
  return rows;
}

// ------------------------------------------------------------------ grade rules

export interface RuleRow {
  id: string;
  name: string;
  rule: GradeRule;
  is_current: boolean;
  created_by_label: string | null;
  created_at: Date;
}

const RULE_SELECT = `SELECT r.id, r.name, r.rule, r.is_current, u.display_name AS created_by_label, r.created_at
  FROM vision_grade_rules r LEFT JOIN users u ON u.id = r.created_by`;

// A version restored from a backup made before 「前年度の値」 was a choice reads as it graded (withRuleDefaults).
const ruleRow = (row: RuleRow): RuleRow => ({ ...row, rule: withRuleDefaults(row.rule) });

export async function findRules(db: Queryable): Promise<RuleRow[]> {
  const { rows } = await db.query<RuleRow>(`${RULE_SELECT} ORDER BY r.created_at DESC, r.id`);
  return rows.map(ruleRow);
}

export async function findRule(db: Queryable, id: string): Promise<RuleRow | null> {
  const { rows } = await db.query<RuleRow>(`${RULE_SELECT} WHERE r.id = $1`, [id]);
  return rows[0] ? ruleRow(rows[0]) : null;
}

export async function findCurrentRule(db: Queryable): Promise<RuleRow | null> {
  const { rows } = await db.query<RuleRow>(`${RULE_SELECT} WHERE r.is_current`);
  return rows[0] ? ruleRow(rows[0]) : null;
}

/** Adds `rule` as the current version unless one exists (the first start's default). */
export async function insertRuleIfNone(db: Queryable, name: string, rule: GradeRule): Promise<void> {
  await db.query(
    `INSERT INTO vision_grade_rules (name, rule, is_current)
     SELECT $1, $2::jsonb, true WHERE NOT EXISTS (SELECT 1 FROM vision_grade_rules WHERE is_current)
     ON CONFLICT (is_current) WHERE is_current DO NOTHING`,
    [name, JSON.stringify(rule)],
  );
}

/** A new version becomes current; the old ones stay, unchanged, for the grades made with them. */
export async function insertCurrentRule(db: Queryable, name: string, rule: GradeRule, createdBy: string | null): Promise<string> {
  await db.query("UPDATE vision_grade_rules SET is_current = false WHERE is_current");
  const { rows } = await db.query<{ id: string }>(
    "INSERT INTO vision_grade_rules (name, rule, is_current, created_by) VALUES ($1, $2::jsonb, true, $3) RETURNING id",
    [name, JSON.stringify(rule), createdBy],
  );
  return rows[0].id;
}

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

// ------------------------------------------------------------------ grades

export type ResultKind = "graded" | "status" | "excluded" | "ungradable";

export interface GradeRow {
  round_id: string;
  indicator_id: string;
  actual_id: string | null;
  rule_id: string;
  result_kind: ResultKind;
  grade: string | null;
  achievement: number | null;
  explanation: { formula: string; text: string; [key: string]: unknown };
  computed_at: Date;
}

export async function findGrades(db: Queryable, roundId: string): Promise<GradeRow[]> {
  const { rows } = await db.query<GradeRow>("SELECT * FROM vision_grades WHERE round_id = $1", [roundId]);
  return rows;
}

export interface GradeInput {
  indicatorId: string;
  actualId: string | null;
  resultKind: ResultKind;
  grade: string | null;
  achievement: number | null;
  explanation: unknown;
}

/** Writes (or replaces) the grades of a round in one statement, all with the same rule version. */
export async function upsertGrades(db: Queryable, roundId: string, ruleId: string, grades: GradeInput[]): Promise<void> {
  if (grades.length === 0) return;
  await db.query(
    `INSERT INTO vision_grades (round_id, indicator_id, actual_id, rule_id, result_kind, grade, achievement, explanation, computed_at)
     SELECT $1, t.indicator_id, t.actual_id, $2, t.result_kind, t.grade, t.achievement, t.explanation, now()
     FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::numeric[], $8::jsonb[])
       AS t (indicator_id, actual_id, result_kind, grade, achievement, explanation)
     ON CONFLICT (round_id, indicator_id) DO UPDATE SET actual_id = EXCLUDED.actual_id, rule_id = EXCLUDED.rule_id,
       result_kind = EXCLUDED.result_kind, grade = EXCLUDED.grade, achievement = EXCLUDED.achievement,
       explanation = EXCLUDED.explanation, computed_at = EXCLUDED.computed_at`,
    [
      roundId,
      ruleId,
      grades.map((g) => g.indicatorId),
      grades.map((g) => g.actualId),
      grades.map((g) => g.resultKind),
      grades.map((g) => g.grade),
      grades.map((g) => g.achievement),
      grades.map((g) => JSON.stringify(g.explanation)),
    ],
  );
}

/** Grades of indicators that no longer belong to the plan's tree are dropped on recompute. */
export async function deleteGradesExcept(db: Queryable, roundId: string, indicatorIds: string[]): Promise<void> {
  await db.query("DELETE FROM vision_grades WHERE round_id = $1 AND NOT (indicator_id = ANY($2::uuid[]))", [roundId, indicatorIds]);
}

// ------------------------------------------------------------------ reads for the engagement features
// 有識者会議・Action宣言・周知・浸透 keep their own tables (engagement-repository.ts, declarations-repository.ts,
// outreach-repository.ts) and read the core's through these functions, re-exported from core.ts.

/** The plan in force in a fiscal year (its period covers it), real plans before sample ones, the newest first. */
export async function findPlanInForce(db: Queryable, fiscalYear: number): Promise<PlanRow | null> {
  const { rows } = await db.query<PlanRow>(
    `SELECT * FROM vision_plans ORDER BY (first_fiscal_year <= $1 AND last_fiscal_year >= $1) DESC, is_sample, created_at DESC LIMIT 1`,
    [fiscalYear],
  );
  return rows[0] ?? null;
}

export interface NodeLabel {
  id: string;
  plan_id: string;
  kind: NodeKind;
  code: string;
  title: string;
}

/** Code and title of the nodes given (those that exist). */
export async function findNodeLabels(db: Queryable, ids: readonly string[]): Promise<NodeLabel[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<NodeLabel>("SELECT id, plan_id, kind, code, title FROM vision_nodes WHERE id = ANY($1::uuid[])", [
    [...new Set(ids)],
  ]);
  return rows;
}

export interface IndicatorLabel {
  id: string;
  plan_id: string;
  code: string;
  name: string;
  unit: string;
  rating_mode: "numeric" | "status";
}

/** Indicators by id, or all of a plan, with the plan they belong to; by code. */
export async function findIndicatorLabels(db: Queryable, filter: { ids?: readonly string[]; planId?: string }): Promise<IndicatorLabel[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  const { rows } = await db.query<IndicatorLabel>(
    `SELECT i.id, n.plan_id, i.code, i.name, i.unit, i.rating_mode FROM vision_indicators i JOIN vision_nodes n ON n.id = i.node_id
     WHERE ($1::uuid[] IS NULL OR i.id = ANY($1::uuid[])) AND ($2::uuid IS NULL OR n.plan_id = $2) ORDER BY i.code`,
    [filter.ids ? [...new Set(filter.ids)] : null, filter.planId ?? null],
  );
  return rows;
}

/** The indicator's latest value of a fiscal year (null when none). */
export async function findLatestActualValue(db: Queryable, indicatorId: string, fiscalYear: number): Promise<number | null> {
  const { rows } = await db.query<{ value: number | null }>(
    "SELECT value FROM vision_actuals WHERE indicator_id = $1 AND fiscal_year = $2 ORDER BY as_of DESC, created_at DESC LIMIT 1",
    [indicatorId, fiscalYear],
  );
  return rows[0]?.value ?? null;
}

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
         SELECT x.value, x.fiscal_year, x.status_rating FROM vision_actuals x
         WHERE (g.actual_id IS NOT NULL AND x.id = g.actual_id)
            OR (g.actual_id IS NULL AND x.indicator_id = i.id AND x.fiscal_year = $3 AND x.as_of <= $4)
         ORDER BY x.as_of DESC, x.created_at DESC LIMIT 1
       ) a ON true
       ORDER BY i.sort_order, i.code`,
      [round.planId, round.id, round.fiscalYear, round.asOf],
    ),
  ]);
  return { nodes: nodes.rows, indicators: indicators.rows };
}
