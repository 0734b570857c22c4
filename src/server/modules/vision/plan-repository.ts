// SQL of the vision core's plans and their node tree (vision → strategy → measure → project), the nodes' 課題 links,
// and the recursive CTEs that walk the tree and the organisations (the indicator and round SQL use them too).
import type { Queryable } from "../../db/database";

// ------------------------------------------------------------------ shared SQL

/** The nearest 局 of every organisation (itself when it is one). */
export const ORG_BUREAU = `
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
export const NODE_OWNER = `
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
