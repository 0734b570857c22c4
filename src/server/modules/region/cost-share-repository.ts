// SQL of 負担金 (issue 18): rules and their append-only versions, computations with their inputs, results and
// per-member shares, and the joint projects and members they are made for.
import type { Queryable } from "../../db/database";

export interface ProjectRow {
  id: string;
  name: string;
  framework_name: string;
  member_count: number;
}

const PROJECT_SELECT = `SELECT p.id, p.name, f.name AS framework_name,
  (SELECT count(*)::int FROM region_project_members pm WHERE pm.project_id = p.id) AS member_count
  FROM region_projects p JOIN region_frameworks f ON f.id = p.framework_id`;

export async function findProjects(db: Queryable): Promise<ProjectRow[]> {
  return (await db.query<ProjectRow>(`${PROJECT_SELECT} ORDER BY f.sort_order, f.name, p.name`)).rows;
}

export async function findProject(db: Queryable, id: string): Promise<ProjectRow | null> {
  return (await db.query<ProjectRow>(`${PROJECT_SELECT} WHERE p.id = $1`, [id])).rows[0] ?? null;
}

export interface MemberRow {
  id: string;
  name: string;
  local_government_code: string;
  municipality_code: string | null;
  role: string;
}

/** The members taking part in a project, in the framework's order (中心市 first). */
export async function findProjectMembers(db: Queryable, projectId: string): Promise<MemberRow[]> {
  return (
    await db.query<MemberRow>(
      `SELECT m.id, m.name, m.local_government_code, m.municipality_code, m.role
         FROM region_project_members pm JOIN region_framework_members m ON m.id = pm.member_id
        WHERE pm.project_id = $1 ORDER BY m.sort_order, m.name`,
      [projectId],
    )
  ).rows;
}

export interface RuleRow {
  id: string;
  project_id: string;
  project_name: string;
  framework_name: string;
  name: string;
  description: string;
  is_sample: boolean;
}

const RULE_SELECT = `SELECT r.id, r.project_id, p.name AS project_name, f.name AS framework_name, r.name, r.description, r.is_sample
  FROM region_cost_rules r JOIN region_projects p ON p.id = r.project_id JOIN region_frameworks f ON f.id = p.framework_id`;

export async function findRules(db: Queryable, projectId: string | null): Promise<RuleRow[]> {
  return (
    await db.query<RuleRow>(`${RULE_SELECT} WHERE ($1::uuid IS NULL OR r.project_id = $1) ORDER BY f.sort_order, p.name, r.name`, [
      projectId,
    ])
  ).rows;
}

export async function findRule(db: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<RuleRow | null> {
  return (await db.query<RuleRow>(`${RULE_SELECT} WHERE r.id = $1${opts.lock ? " FOR UPDATE OF r" : ""}`, [id])).rows[0] ?? null;
}

export interface VersionRow {
  id: string;
  rule_id: string;
  version: number;
  applies_from_fiscal_year: number;
  components: unknown[];
  rounding_unit: number;
  rounding_method: "floor" | "round" | "ceil";
  remainder_member_id: string;
  remainder_member_name: string;
  note: string;
  is_sample: boolean;
  created_at: string;
  created_by_name: string | null;
}

const VERSION_SELECT = `SELECT v.id, v.rule_id, v.version, v.applies_from_fiscal_year, v.components, v.rounding_unit, v.rounding_method,
  v.remainder_member_id, m.name AS remainder_member_name, v.note, v.is_sample, v.created_at::text AS created_at, u.display_name AS created_by_name
  FROM region_cost_rule_versions v JOIN region_framework_members m ON m.id = v.remainder_member_id LEFT JOIN users u ON u.id = v.created_by`;

/** Every version of the rules given, newest first. */
export async function findVersions(db: Queryable, ruleIds: readonly string[]): Promise<VersionRow[]> {
  if (ruleIds.length === 0) return [];
  return (await db.query<VersionRow>(`${VERSION_SELECT} WHERE v.rule_id = ANY($1::uuid[]) ORDER BY v.rule_id, v.version DESC`, [ruleIds]))
    .rows;
}

export async function findVersion(db: Queryable, id: string): Promise<VersionRow | null> {
  return (await db.query<VersionRow>(`${VERSION_SELECT} WHERE v.id = $1`, [id])).rows[0] ?? null;
}

export async function latestVersionNumber(db: Queryable, ruleId: string): Promise<number> {
  const { rows } = await db.query<{ n: number | null }>("SELECT max(version) AS n FROM region_cost_rule_versions WHERE rule_id = $1", [
    ruleId,
  ]);
  return rows[0]?.n ?? 0;
}

export async function insertRule(
  db: Queryable,
  values: { projectId: string; name: string; description: string; createdBy: string | null; isSample: boolean },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO region_cost_rules (project_id, name, description, created_by, is_sample) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [values.projectId, values.name, values.description, values.createdBy, values.isSample],
  );
  return rows[0].id;
}

export interface VersionValues {
  ruleId: string;
  version: number;
  appliesFromFiscalYear: number;
  components: unknown[];
  roundingUnit: number;
  roundingMethod: string;
  remainderMemberId: string;
  note: string;
  createdBy: string | null;
  isSample: boolean;
}

export async function insertVersion(db: Queryable, v: VersionValues): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO region_cost_rule_versions
       (rule_id, version, applies_from_fiscal_year, components, rounding_unit, rounding_method, remainder_member_id, note, created_by, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      v.ruleId,
      v.version,
      v.appliesFromFiscalYear,
      JSON.stringify(v.components),
      v.roundingUnit,
      v.roundingMethod,
      v.remainderMemberId,
      v.note,
      v.createdBy,
      v.isSample,
    ],
  );
  return rows[0].id;
}

export interface ComputationRow {
  id: string;
  project_id: string;
  project_name: string;
  framework_name: string;
  rule_id: string;
  rule_name: string;
  rule_version_id: string;
  version: number;
  fiscal_year: number;
  title: string;
  total: number;
  deductions: { label: string; amount: number }[];
  amount_to_share: number;
  inputs: unknown[];
  result: unknown;
  is_sample: boolean;
  created_at: string;
  created_by_name: string | null;
}

const COMPUTATION_SELECT = `SELECT c.id, c.project_id, p.name AS project_name, f.name AS framework_name, r.id AS rule_id, r.name AS rule_name,
  c.rule_version_id, v.version, c.fiscal_year, c.title, c.total::text AS total, c.deductions, c.amount_to_share::text AS amount_to_share,
  c.inputs, c.result, c.is_sample, c.created_at::text AS created_at, u.display_name AS created_by_name
  FROM region_cost_computations c
  JOIN region_cost_rule_versions v ON v.id = c.rule_version_id
  JOIN region_cost_rules r ON r.id = v.rule_id
  JOIN region_projects p ON p.id = c.project_id
  JOIN region_frameworks f ON f.id = p.framework_id
  LEFT JOIN users u ON u.id = c.created_by`;

// bigints are read as text and turned into numbers here: node-postgres and PGlite disagree on them
const withNumbers = (r: ComputationRow): ComputationRow => ({ ...r, total: Number(r.total), amount_to_share: Number(r.amount_to_share) });

export async function findComputation(db: Queryable, id: string): Promise<ComputationRow | null> {
  const row = (await db.query<ComputationRow>(`${COMPUTATION_SELECT} WHERE c.id = $1`, [id])).rows[0];
  return row ? withNumbers(row) : null;
}

/** Computations of some rules (newest first); with `latestOnly`, the newest of each rule. */
export async function findComputations(
  db: Queryable,
  ruleIds: readonly string[],
  opts: { latestOnly?: boolean } = {},
): Promise<ComputationRow[]> {
  if (ruleIds.length === 0) return [];
  const sql = opts.latestOnly
    ? `SELECT DISTINCT ON (rule_id) * FROM (${COMPUTATION_SELECT} WHERE r.id = ANY($1::uuid[])) x ORDER BY rule_id, created_at DESC`
    : `${COMPUTATION_SELECT} WHERE r.id = ANY($1::uuid[]) ORDER BY c.created_at DESC`;
  return (await db.query<ComputationRow>(sql, [ruleIds])).rows.map(withNumbers);
}

export interface ComputationValues {
  projectId: string;
  ruleVersionId: string;
  fiscalYear: number;
  title: string;
  total: number;
  deductions: unknown[];
  amountToShare: number;
  inputs: unknown[];
  result: unknown;
  createdBy: string | null;
  isSample: boolean;
  shares: { memberId: string; memberName: string; share: number; adjustment: number }[];
}

export async function insertComputation(db: Queryable, v: ComputationValues): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO region_cost_computations
       (project_id, rule_version_id, fiscal_year, title, total, deductions, amount_to_share, inputs, result, created_by, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      v.projectId,
      v.ruleVersionId,
      v.fiscalYear,
      v.title,
      v.total,
      JSON.stringify(v.deductions),
      v.amountToShare,
      JSON.stringify(v.inputs),
      JSON.stringify(v.result),
      v.createdBy,
      v.isSample,
    ],
  );
  const id = rows[0].id;
  await db.query(
    `INSERT INTO region_cost_computation_shares (computation_id, member_id, member_name, share, adjustment)
     SELECT $1, s.member_id, s.member_name, s.share, s.adjustment
       FROM jsonb_to_recordset($2::jsonb) AS s(member_id uuid, member_name text, share bigint, adjustment bigint)`,
    [
      id,
      JSON.stringify(v.shares.map((s) => ({ member_id: s.memberId, member_name: s.memberName, share: s.share, adjustment: s.adjustment }))),
    ],
  );
  return id;
}

/** Σ of the stored per-member shares of a computation (read back in tests and the export's check). */
export async function sumOfShares(db: Queryable, computationId: string): Promise<number> {
  const { rows } = await db.query<{ s: string | null }>(
    "SELECT sum(share)::text AS s FROM region_cost_computation_shares WHERE computation_id = $1",
    [computationId],
  );
  return Number(rows[0]?.s ?? 0);
}

export async function hasRules(db: Queryable): Promise<boolean> {
  return ((await db.query("SELECT 1 FROM region_cost_rules LIMIT 1")).rowCount ?? 0) > 0;
}

export async function findProjectIdByName(db: Queryable, frameworkCode: string, name: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    "SELECT p.id FROM region_projects p JOIN region_frameworks f ON f.id = p.framework_id WHERE f.code = $1 AND p.name = $2",
    [frameworkCode, name],
  );
  return rows[0]?.id ?? null;
}
