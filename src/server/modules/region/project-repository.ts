// SQL of 連携の枠組みと連携事業 (issue 18): frameworks, their members and agreements (0019, 0021), joint projects with
// their budgets and funding, indicator links, internal steps and their rounds, status history and yearly reports.
import type { FrameworkKind, FundingSource, MemberRole, ProjectStatus } from "../../../common/region/partnerships";
import type { StepKind, StepStatus } from "../../../common/region/project-rules";
import type { Queryable } from "../../db/database";

// ------------------------------------------------------------------ frameworks

export interface FrameworkRow {
  id: string;
  code: string;
  name: string;
  kind: FrameworkKind;
  description: string;
  started_on: string | null;
  sort_order: number;
  is_sample: boolean;
  version: number;
  member_count: number;
  project_count: number;
  status_counts: Record<string, number> | null;
  latest_signed_on: string | null;
  latest_title: string | null;
}

const FRAMEWORK_SELECT = `SELECT f.id, f.code, f.name, f.kind, f.description, f.started_on::text AS started_on, f.sort_order, f.is_sample, f.version,
    (SELECT count(*)::int FROM region_framework_members m WHERE m.framework_id = f.id) AS member_count,
    (SELECT count(*)::int FROM region_projects p WHERE p.framework_id = f.id) AS project_count,
    (SELECT json_object_agg(s.status, s.n) FROM (SELECT status, count(*)::int AS n FROM region_projects p WHERE p.framework_id = f.id GROUP BY status) s) AS status_counts,
    a.signed_on::text AS latest_signed_on, a.title AS latest_title
  FROM region_frameworks f
  LEFT JOIN LATERAL (SELECT signed_on, title FROM region_agreements WHERE framework_id = f.id ORDER BY signed_on DESC, created_at DESC LIMIT 1) a ON true`;

export async function findFrameworks(db: Queryable): Promise<FrameworkRow[]> {
  const { rows } = await db.query<FrameworkRow>(`${FRAMEWORK_SELECT} ORDER BY f.sort_order, f.name`);
  return rows;
}

export async function findFramework(db: Queryable, id: string, forUpdate = false): Promise<FrameworkRow | null> {
  if (forUpdate) await db.query("SELECT 1 FROM region_frameworks WHERE id = $1 FOR UPDATE", [id]);
  const { rows } = await db.query<FrameworkRow>(`${FRAMEWORK_SELECT} WHERE f.id = $1`, [id]);
  return rows[0] ?? null;
}

export interface FrameworkInput {
  code: string;
  name: string;
  kind: FrameworkKind;
  description: string;
  startedOn: string | null;
}

export async function insertFramework(db: Queryable, input: FrameworkInput): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO region_frameworks (code, name, kind, description, started_on, sort_order)
     VALUES ($1, $2, $3, $4, $5, (SELECT coalesce(max(sort_order), 0) + 1 FROM region_frameworks)) RETURNING id`,
    [input.code, input.name, input.kind, input.description, input.startedOn],
  );
  return rows[0].id;
}

export async function updateFramework(db: Queryable, id: string, input: FrameworkInput): Promise<void> {
  await db.query(
    `UPDATE region_frameworks SET code = $2, name = $3, kind = $4, description = $5, started_on = $6, version = version + 1, updated_at = now()
      WHERE id = $1`,
    [id, input.code, input.name, input.kind, input.description, input.startedOn],
  );
}

export async function touchFramework(db: Queryable, id: string): Promise<void> {
  await db.query("UPDATE region_frameworks SET updated_at = now() WHERE id = $1", [id]);
}

export interface MemberRow {
  id: string;
  framework_id: string;
  name: string;
  local_government_code: string;
  municipality_code: string | null;
  role: MemberRole;
  joined_on: string | null;
  sort_order: number;
  is_sample: boolean;
  project_count: number;
}

const MEMBER_SELECT = `SELECT m.id, m.framework_id, m.name, m.local_government_code, m.municipality_code, m.role, m.joined_on::text AS joined_on,
    m.sort_order, m.is_sample,
    (SELECT count(*)::int FROM region_projects p WHERE p.lead_member_id = m.id
        OR EXISTS (SELECT 1 FROM region_project_members pm WHERE pm.project_id = p.id AND pm.member_id = m.id)) AS project_count
  FROM region_framework_members m`;

export async function findMembers(db: Queryable, frameworkId: string): Promise<MemberRow[]> {
  const { rows } = await db.query<MemberRow>(`${MEMBER_SELECT} WHERE m.framework_id = $1 ORDER BY m.sort_order, m.name`, [frameworkId]);
  return rows;
}

export async function findMember(db: Queryable, frameworkId: string, memberId: string): Promise<MemberRow | null> {
  const { rows } = await db.query<MemberRow>(`${MEMBER_SELECT} WHERE m.framework_id = $1 AND m.id = $2`, [frameworkId, memberId]);
  return rows[0] ?? null;
}

export interface MemberInput {
  name: string;
  localGovernmentCode: string;
  municipalityCode: string | null;
  role: MemberRole;
  joinedOn: string | null;
  sortOrder: number;
}

export async function insertMember(db: Queryable, frameworkId: string, input: MemberInput): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO region_framework_members (framework_id, name, local_government_code, municipality_code, role, joined_on, sort_order)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [frameworkId, input.name, input.localGovernmentCode, input.municipalityCode, input.role, input.joinedOn, input.sortOrder],
  );
  return rows[0].id;
}

export async function updateMember(db: Queryable, memberId: string, input: MemberInput): Promise<void> {
  await db.query(
    `UPDATE region_framework_members SET name = $2, local_government_code = $3, municipality_code = $4, role = $5, joined_on = $6, sort_order = $7
      WHERE id = $1`,
    [memberId, input.name, input.localGovernmentCode, input.municipalityCode, input.role, input.joinedOn, input.sortOrder],
  );
}

export async function deleteMember(db: Queryable, memberId: string): Promise<void> {
  await db.query("DELETE FROM region_framework_members WHERE id = $1", [memberId]);
}

export async function findHubMunicipalities(db: Queryable): Promise<{ code: string; name: string }[]> {
  const { rows } = await db.query<{ code: string; name: string }>("SELECT code, name FROM region_municipalities ORDER BY sort_order, code");
  return rows;
}

export interface AgreementRow {
  id: string;
  framework_id: string;
  signed_on: string;
  title: string;
  note: string;
  is_sample: boolean;
  version: number;
}

const AGREEMENT_SELECT = "SELECT id, framework_id, signed_on::text AS signed_on, title, note, is_sample, version FROM region_agreements";

export async function findAgreements(db: Queryable, frameworkId: string): Promise<AgreementRow[]> {
  const { rows } = await db.query<AgreementRow>(`${AGREEMENT_SELECT} WHERE framework_id = $1 ORDER BY signed_on, created_at`, [
    frameworkId,
  ]);
  return rows;
}

export async function findAgreement(db: Queryable, frameworkId: string, id: string, forUpdate = false): Promise<AgreementRow | null> {
  const { rows } = await db.query<AgreementRow>(
    `${AGREEMENT_SELECT} WHERE framework_id = $1 AND id = $2${forUpdate ? " FOR UPDATE" : ""}`,
    [frameworkId, id],
  );
  return rows[0] ?? null;
}

export async function insertAgreement(
  db: Queryable,
  frameworkId: string,
  input: { signedOn: string; title: string; note: string },
  isSample = false,
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    "INSERT INTO region_agreements (framework_id, signed_on, title, note, is_sample) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    [frameworkId, input.signedOn, input.title, input.note, isSample],
  );
  return rows[0].id;
}

export async function updateAgreement(db: Queryable, id: string, input: { signedOn: string; title: string; note: string }): Promise<void> {
  await db.query(
    "UPDATE region_agreements SET signed_on = $2, title = $3, note = $4, version = version + 1, updated_at = now() WHERE id = $1",
    [id, input.signedOn, input.title, input.note],
  );
}

export async function deleteAgreement(db: Queryable, id: string): Promise<void> {
  await db.query("DELETE FROM region_agreements WHERE id = $1", [id]);
}

// ------------------------------------------------------------------ projects

export interface ProjectRow {
  id: string;
  framework_id: string;
  framework_name: string;
  name: string;
  summary: string;
  lead_member_id: string | null;
  lead_name: string | null;
  status: ProjectStatus;
  status_since: string;
  owner_organisation_id: string;
  owner_name: string;
  start_fiscal_year: number | null;
  end_fiscal_year: number | null;
  member_count: number;
  budget_fiscal_year: number | null;
  budget_total_yen: number | string | null;
  budget_funding_yen: number | string | null;
  is_sample: boolean;
  version: number;
  updated_at: Date;
}

/** $1 = the 年度 whose budget a row shows (null: the latest with one) */
const PROJECT_SELECT = `SELECT p.id, p.framework_id, f.name AS framework_name, p.name, p.summary, p.lead_member_id, lm.name AS lead_name,
    p.status, p.status_since::text AS status_since, p.owner_organisation_id, o.name AS owner_name,
    p.start_fiscal_year, p.end_fiscal_year,
    (SELECT count(*)::int FROM region_project_members pm WHERE pm.project_id = p.id) AS member_count,
    b.fiscal_year AS budget_fiscal_year, b.total_yen AS budget_total_yen,
    (SELECT coalesce(sum(amount_yen), 0) FROM region_project_funding pf WHERE pf.project_id = p.id AND pf.fiscal_year = b.fiscal_year) AS budget_funding_yen,
    p.is_sample, p.version, p.updated_at
  FROM region_projects p
  JOIN region_frameworks f ON f.id = p.framework_id
  JOIN organisations o ON o.id = p.owner_organisation_id
  LEFT JOIN region_framework_members lm ON lm.id = p.lead_member_id
  LEFT JOIN LATERAL (SELECT fiscal_year, total_yen FROM region_project_budgets pb
    WHERE pb.project_id = p.id AND ($1::int IS NULL OR pb.fiscal_year = $1::int) ORDER BY pb.fiscal_year DESC LIMIT 1) b ON true`;

export interface ProjectFilter {
  q?: string;
  frameworkId?: string;
  status?: ProjectStatus;
  fiscalYear?: number;
  ownerId?: string;
}

const SORT_SQL: Record<string, string> = {
  name: "p.name",
  "-name": "p.name DESC",
  status: "array_position(ARRAY['concept','negotiating','agreed','running','ended'], p.status), p.name",
  "-status": "array_position(ARRAY['concept','negotiating','agreed','running','ended'], p.status) DESC, p.name",
  statusSince: "p.status_since, p.name",
  "-statusSince": "p.status_since DESC, p.name",
  framework: "f.sort_order, array_position(ARRAY['concept','negotiating','agreed','running','ended'], p.status) DESC, p.name",
  "-updatedAt": "p.updated_at DESC",
  "-budget": "b.total_yen DESC NULLS LAST, p.name",
};

function projectWhere(filter: ProjectFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [filter.fiscalYear ?? null];
  const where: string[] = [];
  if (filter.q) {
    params.push(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(p.name ILIKE $${params.length} OR p.summary ILIKE $${params.length})`);
  }
  if (filter.frameworkId) {
    params.push(filter.frameworkId);
    where.push(`p.framework_id = $${params.length}`);
  }
  if (filter.status) {
    params.push(filter.status);
    where.push(`p.status = $${params.length}`);
  }
  if (filter.ownerId) {
    params.push(filter.ownerId);
    where.push(`p.owner_organisation_id = $${params.length}`);
  }
  if (filter.fiscalYear) {
    // a budget in that 年度, or a period that covers it
    where.push(`(b.fiscal_year IS NOT NULL OR ((p.start_fiscal_year IS NULL OR p.start_fiscal_year <= $1::int)
      AND (p.end_fiscal_year IS NULL OR p.end_fiscal_year >= $1::int) AND p.start_fiscal_year IS NOT NULL))`);
  }
  return { sql: where.length ? `WHERE ${where.join(" AND ")}` : "", params };
}

export async function findProjects(
  db: Queryable,
  filter: ProjectFilter,
  sort: string,
  page: { limit: number; offset: number } | null,
): Promise<{ rows: ProjectRow[]; total: number }> {
  const { sql, params } = projectWhere(filter);
  const order = SORT_SQL[sort] ?? SORT_SQL.framework;
  const paging = page ? ` LIMIT ${Number(page.limit)} OFFSET ${Number(page.offset)}` : "";
  const { rows } = await db.query<ProjectRow>(`${PROJECT_SELECT} ${sql} ORDER BY ${order}, p.id${paging}`, params);
  const counted = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${PROJECT_SELECT} ${sql}) x`, params);
  return { rows, total: counted.rows[0].n };
}

export async function findProject(db: Queryable, id: string, forUpdate = false): Promise<ProjectRow | null> {
  if (forUpdate) await db.query("SELECT 1 FROM region_projects WHERE id = $1 FOR UPDATE", [id]);
  const { rows } = await db.query<ProjectRow>(`${PROJECT_SELECT} WHERE p.id = $2`, [null, id]);
  return rows[0] ?? null;
}

export async function findProjectsOfFramework(db: Queryable, frameworkId: string): Promise<ProjectRow[]> {
  const { rows } = await db.query<ProjectRow>(`${PROJECT_SELECT} WHERE p.framework_id = $2 ORDER BY ${SORT_SQL.framework}`, [
    null,
    frameworkId,
  ]);
  return rows;
}

export async function findProjectOwners(db: Queryable): Promise<{ id: string; name: string }[]> {
  const { rows } = await db.query<{ id: string; name: string }>(
    "SELECT DISTINCT o.id, o.name, o.sort_order FROM region_projects p JOIN organisations o ON o.id = p.owner_organisation_id ORDER BY o.sort_order, o.name",
  );
  return rows.map((r) => ({ id: r.id, name: r.name }));
}

export interface ProjectInput {
  name: string;
  summary: string;
  leadMemberId: string | null;
  ownerOrganisationId: string;
  startFiscalYear: number | null;
  endFiscalYear: number | null;
}

export async function insertProject(
  db: Queryable,
  frameworkId: string,
  input: ProjectInput & { status: ProjectStatus; statusSince: string },
  createdBy: string | null,
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO region_projects (framework_id, name, summary, lead_member_id, status, status_since, owner_organisation_id,
       start_fiscal_year, end_fiscal_year, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      frameworkId,
      input.name,
      input.summary,
      input.leadMemberId,
      input.status,
      input.statusSince,
      input.ownerOrganisationId,
      input.startFiscalYear,
      input.endFiscalYear,
      createdBy,
    ],
  );
  return rows[0].id;
}

export async function updateProject(db: Queryable, id: string, input: ProjectInput): Promise<void> {
  await db.query(
    `UPDATE region_projects SET name = $2, summary = $3, lead_member_id = $4, owner_organisation_id = $5, start_fiscal_year = $6,
       end_fiscal_year = $7, version = version + 1, updated_at = now() WHERE id = $1`,
    [id, input.name, input.summary, input.leadMemberId, input.ownerOrganisationId, input.startFiscalYear, input.endFiscalYear],
  );
}

/** Any change of a project's parts (budget, steps …) bumps its version, so that an edit made from a stale page is refused. */
export async function bumpProject(db: Queryable, id: string): Promise<void> {
  await db.query("UPDATE region_projects SET version = version + 1, updated_at = now() WHERE id = $1", [id]);
}

export async function setProjectStatus(db: Queryable, id: string, status: ProjectStatus, since: string): Promise<void> {
  await db.query("UPDATE region_projects SET status = $2, status_since = $3, version = version + 1, updated_at = now() WHERE id = $1", [
    id,
    status,
    since,
  ]);
}

export async function findProjectMembers(
  db: Queryable,
  projectId: string,
): Promise<{ id: string; name: string; municipality_code: string | null; role: MemberRole }[]> {
  const { rows } = await db.query<{ id: string; name: string; municipality_code: string | null; role: MemberRole }>(
    `SELECT m.id, m.name, m.municipality_code, m.role FROM region_project_members pm JOIN region_framework_members m ON m.id = pm.member_id
      WHERE pm.project_id = $1 ORDER BY m.sort_order, m.name`,
    [projectId],
  );
  return rows;
}

export async function setProjectMembers(db: Queryable, projectId: string, memberIds: readonly string[]): Promise<void> {
  await db.query("DELETE FROM region_project_members WHERE project_id = $1", [projectId]);
  if (memberIds.length > 0)
    await db.query("INSERT INTO region_project_members (project_id, member_id) SELECT $1, unnest($2::uuid[])", [projectId, [...memberIds]]);
}

// ------------------------------------------------------------------ budgets and funding

export interface BudgetRowDb {
  fiscal_year: number;
  total_yen: number | string;
  note: string;
  mismatch_reason: string;
  is_sample: boolean;
  version: number;
  funding: { source: FundingSource; amount_yen: number | string }[] | null;
}

export async function findBudgets(db: Queryable, projectId: string): Promise<BudgetRowDb[]> {
  const { rows } = await db.query<BudgetRowDb>(
    `SELECT b.fiscal_year, b.total_yen, b.note, b.mismatch_reason, b.is_sample, b.version,
       (SELECT json_agg(json_build_object('source', f.source, 'amount_yen', f.amount_yen)) FROM region_project_funding f
         WHERE f.project_id = b.project_id AND f.fiscal_year = b.fiscal_year) AS funding
       FROM region_project_budgets b WHERE b.project_id = $1 ORDER BY b.fiscal_year`,
    [projectId],
  );
  return rows;
}

export async function findBudgetsOfYear(db: Queryable, fiscalYear: number): Promise<(BudgetRowDb & { project_id: string })[]> {
  const { rows } = await db.query<BudgetRowDb & { project_id: string }>(
    `SELECT b.project_id, b.fiscal_year, b.total_yen, b.note, b.mismatch_reason, b.is_sample, b.version,
       (SELECT json_agg(json_build_object('source', f.source, 'amount_yen', f.amount_yen)) FROM region_project_funding f
         WHERE f.project_id = b.project_id AND f.fiscal_year = b.fiscal_year) AS funding
       FROM region_project_budgets b WHERE b.fiscal_year = $1`,
    [fiscalYear],
  );
  return rows;
}

export async function upsertBudget(
  db: Queryable,
  projectId: string,
  fiscalYear: number,
  input: { totalYen: number; note: string; mismatchReason: string; funding: Partial<Record<FundingSource, number>> },
  updatedBy: string | null,
  isSample = false,
): Promise<void> {
  await db.query(
    `INSERT INTO region_project_budgets (project_id, fiscal_year, total_yen, note, mismatch_reason, updated_by, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (project_id, fiscal_year) DO UPDATE SET total_yen = EXCLUDED.total_yen, note = EXCLUDED.note,
       mismatch_reason = EXCLUDED.mismatch_reason, updated_by = EXCLUDED.updated_by, version = region_project_budgets.version + 1, updated_at = now()`,
    [projectId, fiscalYear, input.totalYen, input.note, input.mismatchReason, updatedBy, isSample],
  );
  await db.query("DELETE FROM region_project_funding WHERE project_id = $1 AND fiscal_year = $2", [projectId, fiscalYear]);
  const entries = Object.entries(input.funding).filter(([, amount]) => (amount ?? 0) > 0);
  if (entries.length > 0)
    await db.query(
      `INSERT INTO region_project_funding (project_id, fiscal_year, source, amount_yen)
       SELECT $1, $2, s, a FROM unnest($3::text[], $4::bigint[]) AS x(s, a)`,
      [projectId, fiscalYear, entries.map(([s]) => s), entries.map(([, a]) => a)],
    );
}

export async function deleteBudget(db: Queryable, projectId: string, fiscalYear: number): Promise<boolean> {
  const { rowCount } = await db.query("DELETE FROM region_project_budgets WHERE project_id = $1 AND fiscal_year = $2", [
    projectId,
    fiscalYear,
  ]);
  return (rowCount ?? 0) > 0;
}

// ------------------------------------------------------------------ indicators

export async function findIndicatorLinks(db: Queryable, projectId: string): Promise<{ indicator_id: string; is_sample: boolean }[]> {
  const { rows } = await db.query<{ indicator_id: string; is_sample: boolean }>(
    "SELECT indicator_id, is_sample FROM region_project_indicators WHERE project_id = $1 ORDER BY sort_order, indicator_id",
    [projectId],
  );
  return rows;
}

export async function setIndicatorLinks(
  db: Queryable,
  projectId: string,
  indicatorIds: readonly string[],
  isSample = false,
): Promise<void> {
  await db.query("DELETE FROM region_project_indicators WHERE project_id = $1", [projectId]);
  if (indicatorIds.length > 0)
    await db.query(
      `INSERT INTO region_project_indicators (project_id, indicator_id, sort_order, is_sample)
       SELECT $1, id, ord::int, $3 FROM unnest($2::uuid[]) WITH ORDINALITY AS x(id, ord)`,
      [projectId, [...indicatorIds], isSample],
    );
}

// ------------------------------------------------------------------ steps

export interface StepRowDb {
  id: string;
  project_id: string;
  kind: StepKind;
  organisation_id: string;
  organisation_name: string;
  fiscal_year: number | null;
  status: StepStatus;
  started_on: string | null;
  ended_on: string | null;
  note: string;
  is_sample: boolean;
  version: number;
  rounds: { id: string; held_on: string; title: string; outcome: string; is_sample: boolean }[] | null;
}

const STEP_SELECT = `SELECT s.id, s.project_id, s.kind, s.organisation_id, o.name AS organisation_name, s.fiscal_year, s.status,
    s.started_on::text AS started_on, s.ended_on::text AS ended_on, s.note, s.is_sample, s.version,
    (SELECT json_agg(json_build_object('id', r.id, 'held_on', r.held_on::text, 'title', r.title, 'outcome', r.outcome, 'is_sample', r.is_sample)
       ORDER BY r.held_on, r.created_at) FROM region_project_step_rounds r WHERE r.step_id = s.id) AS rounds
  FROM region_project_steps s JOIN organisations o ON o.id = s.organisation_id`;

export async function findSteps(db: Queryable, projectId: string): Promise<StepRowDb[]> {
  const { rows } = await db.query<StepRowDb>(
    `${STEP_SELECT} WHERE s.project_id = $1 ORDER BY s.kind DESC, s.started_on NULLS LAST, s.created_at`,
    [projectId],
  );
  return rows;
}

export async function findStep(db: Queryable, projectId: string, stepId: string): Promise<StepRowDb | null> {
  const { rows } = await db.query<StepRowDb>(`${STEP_SELECT} WHERE s.project_id = $1 AND s.id = $2`, [projectId, stepId]);
  return rows[0] ?? null;
}

export interface StepInput {
  kind: StepKind;
  organisationId: string;
  fiscalYear: number | null;
  status: StepStatus;
  startedOn: string | null;
  endedOn: string | null;
  note: string;
}

export async function insertStep(db: Queryable, projectId: string, input: StepInput, isSample = false): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO region_project_steps (project_id, kind, organisation_id, fiscal_year, status, started_on, ended_on, note, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [projectId, input.kind, input.organisationId, input.fiscalYear, input.status, input.startedOn, input.endedOn, input.note, isSample],
  );
  return rows[0].id;
}

export async function updateStep(db: Queryable, stepId: string, input: StepInput): Promise<void> {
  await db.query(
    `UPDATE region_project_steps SET kind = $2, organisation_id = $3, fiscal_year = $4, status = $5, started_on = $6, ended_on = $7, note = $8,
       version = version + 1, updated_at = now() WHERE id = $1`,
    [stepId, input.kind, input.organisationId, input.fiscalYear, input.status, input.startedOn, input.endedOn, input.note],
  );
}

export async function deleteStep(db: Queryable, stepId: string): Promise<void> {
  await db.query("DELETE FROM region_project_steps WHERE id = $1", [stepId]);
}

export async function insertStepRound(
  db: Queryable,
  stepId: string,
  input: { heldOn: string; title: string; outcome: string },
  createdBy: string | null,
  isSample = false,
): Promise<void> {
  await db.query(
    "INSERT INTO region_project_step_rounds (step_id, held_on, title, outcome, created_by, is_sample) VALUES ($1, $2, $3, $4, $5, $6)",
    [stepId, input.heldOn, input.title, input.outcome, createdBy, isSample],
  );
}

// ------------------------------------------------------------------ status history

export interface HistoryRowDb {
  status: ProjectStatus;
  from_status: ProjectStatus | null;
  entered_on: string;
  reason: string;
  changed_by_name: string | null;
  is_sample: boolean;
}

export async function findHistory(db: Queryable, projectId: string): Promise<HistoryRowDb[]> {
  const { rows } = await db.query<HistoryRowDb>(
    `SELECT h.status, h.from_status, h.entered_on::text AS entered_on, h.reason, u.display_name AS changed_by_name, h.is_sample
       FROM region_project_status_history h LEFT JOIN users u ON u.id = h.changed_by
      WHERE h.project_id = $1 ORDER BY h.entered_on, h.id`,
    [projectId],
  );
  return rows;
}

export async function insertHistory(
  db: Queryable,
  projectId: string,
  entry: { status: ProjectStatus; fromStatus: ProjectStatus | null; enteredOn: string; reason: string },
  changedBy: string | null,
  isSample = false,
): Promise<void> {
  await db.query(
    `INSERT INTO region_project_status_history (project_id, status, from_status, entered_on, reason, changed_by, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [projectId, entry.status, entry.fromStatus, entry.enteredOn, entry.reason, changedBy, isSample],
  );
}

// ------------------------------------------------------------------ yearly reports

export interface ReportRowDb {
  id: string;
  project_id: string;
  fiscal_year: number;
  results: string;
  outcomes: string;
  issues: string;
  next_policy: string;
  updated_by_name: string | null;
  updated_at: Date;
  is_sample: boolean;
  version: number;
}

const REPORT_SELECT = `SELECT r.id, r.project_id, r.fiscal_year, r.results, r.outcomes, r.issues, r.next_policy, u.display_name AS updated_by_name,
    r.updated_at, r.is_sample, r.version FROM region_project_reports r LEFT JOIN users u ON u.id = r.updated_by`;

export async function findReports(db: Queryable, projectId: string): Promise<ReportRowDb[]> {
  const { rows } = await db.query<ReportRowDb>(`${REPORT_SELECT} WHERE r.project_id = $1 ORDER BY r.fiscal_year DESC`, [projectId]);
  return rows;
}

export async function findReport(db: Queryable, projectId: string, fiscalYear: number): Promise<ReportRowDb | null> {
  const { rows } = await db.query<ReportRowDb>(`${REPORT_SELECT} WHERE r.project_id = $1 AND r.fiscal_year = $2`, [projectId, fiscalYear]);
  return rows[0] ?? null;
}

export async function findReportsOfYear(db: Queryable, fiscalYear: number): Promise<ReportRowDb[]> {
  const { rows } = await db.query<ReportRowDb>(`${REPORT_SELECT} WHERE r.fiscal_year = $1`, [fiscalYear]);
  return rows;
}

export async function upsertReport(
  db: Queryable,
  projectId: string,
  fiscalYear: number,
  input: { results: string; outcomes: string; issues: string; nextPolicy: string },
  updatedBy: string | null,
  isSample = false,
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO region_project_reports (project_id, fiscal_year, results, outcomes, issues, next_policy, updated_by, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (project_id, fiscal_year) DO UPDATE SET results = EXCLUDED.results, outcomes = EXCLUDED.outcomes, issues = EXCLUDED.issues,
       next_policy = EXCLUDED.next_policy, updated_by = EXCLUDED.updated_by, version = region_project_reports.version + 1, updated_at = now()
     RETURNING id`,
    [projectId, fiscalYear, input.results, input.outcomes, input.issues, input.nextPolicy, updatedBy, isSample],
  );
  return rows[0].id;
}

// ------------------------------------------------------------------ sample data

export async function hasProjectSamples(db: Queryable): Promise<boolean> {
  const { rowCount } = await db.query("SELECT 1 FROM region_agreements LIMIT 1");
  return (rowCount ?? 0) > 0;
}

export async function findFrameworkIdByCode(db: Queryable, code: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>("SELECT id FROM region_frameworks WHERE code = $1", [code]);
  return rows[0]?.id ?? null;
}

export async function findProjectIdByName(db: Queryable, frameworkId: string, name: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>("SELECT id FROM region_projects WHERE framework_id = $1 AND name = $2", [
    frameworkId,
    name,
  ]);
  return rows[0]?.id ?? null;
}

/** The sample history replaces the single row the project started with (a sample's made-up past, not an edit). */
export async function clearSampleHistory(db: Queryable, projectId: string): Promise<void> {
  await db.query("DELETE FROM region_project_status_history WHERE project_id = $1 AND is_sample", [projectId]);
}

export async function markProjectSample(db: Queryable, projectId: string): Promise<void> {
  await db.query("UPDATE region_projects SET is_sample = true WHERE id = $1", [projectId]);
}
