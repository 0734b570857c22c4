// SQL of 連携事業の候補 (candidate-service.ts): the candidates, the members named as partners, the append-only step
// history, and — for 事業化 only — the one insert of a joint project (region_projects, status 構想) with its members.
// The projects part owns region_projects and its pages; a candidate makes a project through insertProjectFromCandidate
// below and nothing else, inside the adoption's transaction.
import type { CandidateListFilter, CandidateSort } from "../../../common/api/region-candidates";
import type { CandidateMoveKind, CandidateObstacle, CandidateStep } from "../../../common/region/candidate-steps";
import type { Queryable } from "../../db/database";

const OPEN = "('proposed', 'department_dialogue', 'partner_consultation', 'budget_consultation')";
const STEP_ORDER =
  "array_position(ARRAY['proposed','department_dialogue','partner_consultation','budget_consultation','adopted','dropped'], c.step)";

export interface CandidateRow {
  id: string;
  title: string;
  step: CandidateStep;
  step_since: string;
  proposing_organisation_id: string;
  organisation_name: string;
  framework_id: string;
  framework_name: string;
  obstacle: CandidateObstacle;
  obstacle_note: string;
  summary: string;
  expected_effect: string;
  proposed_on: string;
  adopted_project_id: string | null;
  adopted_project_name: string | null;
  member_names: string[];
  is_sample: boolean;
  version: number;
  updated_at: Date;
}

/** A 課's name with its 局 (財政局 財政課); a 局's own name. */
const ORGANISATION_LABEL = `CASE WHEN o.kind = 'bureau' OR po.id IS NULL OR po.kind NOT IN ('bureau', 'department')
  THEN o.name ELSE po.name || ' ' || o.name END`;

const COLUMNS = `c.id, c.title, c.step, c.step_since::text AS step_since, c.proposing_organisation_id,
  ${ORGANISATION_LABEL} AS organisation_name, c.framework_id, f.name AS framework_name, c.obstacle, c.obstacle_note, c.summary,
  c.expected_effect, (SELECT min(s.entered_on)::text FROM region_candidate_steps s WHERE s.candidate_id = c.id) AS proposed_on,
  c.adopted_project_id, p.name AS adopted_project_name,
  ARRAY(SELECT m.name FROM region_candidate_members cm JOIN region_framework_members m ON m.id = cm.member_id
         WHERE cm.candidate_id = c.id ORDER BY m.sort_order, m.name) AS member_names,
  c.is_sample, c.version, c.updated_at`;

const FROM = `region_candidates c
  JOIN organisations o ON o.id = c.proposing_organisation_id
  LEFT JOIN organisations po ON po.id = o.parent_id
  JOIN region_frameworks f ON f.id = c.framework_id
  LEFT JOIN region_projects p ON p.id = c.adopted_project_id`;

const ORDER: Record<CandidateSort, string> = {
  // longest in its step first: open candidates by the day their step began, the closed ones after them
  "-daysInStep": `(c.step IN ${OPEN}) DESC, c.step_since ASC, c.title, c.id`,
  daysInStep: `(c.step IN ${OPEN}) DESC, c.step_since DESC, c.title, c.id`,
  "-proposedOn": "proposed_on DESC, c.title, c.id",
  proposedOn: "proposed_on ASC, c.title, c.id",
  title: "c.title ASC, c.id",
  "-title": "c.title DESC, c.id",
  step: `${STEP_ORDER} ASC, c.step_since ASC, c.id`,
  "-step": `${STEP_ORDER} DESC, c.step_since ASC, c.id`,
  "-updatedAt": "c.updated_at DESC, c.id",
};

type Filter = Omit<CandidateListFilter, "page" | "pageSize" | "sort">;

function whereOf(filter: Filter, today: string, stalledAfterDays: number): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    let sql = clause;
    for (const value of values) {
      params.push(value);
      sql = sql.replace("?", `$${params.length}`);
    }
    where.push(sql);
  };
  if (filter.step) add("c.step = ?", filter.step);
  if (filter.status === "open") add(`c.step IN ${OPEN}`);
  if (filter.status === "closed") add(`c.step NOT IN ${OPEN}`);
  if (filter.organisationId) add("(c.proposing_organisation_id = ? OR o.parent_id = ?)", filter.organisationId, filter.organisationId);
  if (filter.frameworkId) add("c.framework_id = ?", filter.frameworkId);
  if (filter.obstacle) add("c.obstacle = ?", filter.obstacle);
  // 滞留: more than N whole days in an open step, counted to today
  if (filter.stalled) add(`c.step IN ${OPEN} AND (?::date - c.step_since) > ?`, today, stalledAfterDays);
  if (filter.q) {
    const like = `%${filter.q.normalize("NFKC").replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    add(
      "(normalize(c.title, NFKC) ILIKE ? OR normalize(c.summary, NFKC) ILIKE ? OR normalize(c.expected_effect, NFKC) ILIKE ?)",
      like,
      like,
      like,
    );
  }
  return { sql: where.length ? `WHERE ${where.join(" AND ")}` : "", params };
}

export async function findCandidates(
  db: Queryable,
  filter: Filter,
  sort: CandidateSort,
  at: { today: string; stalledAfterDays: number },
  page: { limit: number; offset: number },
): Promise<{ rows: CandidateRow[]; total: number }> {
  const { sql, params } = whereOf(filter, at.today, at.stalledAfterDays);
  const count = await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM ${FROM} ${sql}`, params);
  const { rows } = await db.query<CandidateRow>(
    `SELECT ${COLUMNS} FROM ${FROM} ${sql} ORDER BY ${ORDER[sort]} LIMIT ${Math.trunc(page.limit)} OFFSET ${Math.trunc(page.offset)}`,
    params,
  );
  return { rows, total: count.rows[0]?.total ?? 0 };
}

/** Every candidate (the pipeline: open ones are all shown; the closed ones' histories give the averages). */
export async function findAllCandidates(db: Queryable): Promise<CandidateRow[]> {
  const { rows } = await db.query<CandidateRow>(`SELECT ${COLUMNS} FROM ${FROM} ORDER BY c.step_since ASC, c.title, c.id`);
  return rows;
}

export async function findCandidate(db: Queryable, id: string, forUpdate = false): Promise<CandidateRow | null> {
  if (forUpdate) await db.query("SELECT 1 FROM region_candidates WHERE id = $1 FOR UPDATE", [id]);
  const { rows } = await db.query<CandidateRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE c.id = $1`, [id]);
  return rows[0] ?? null;
}

export interface StepRow {
  id: string;
  candidate_id: string;
  step: CandidateStep;
  move_kind: CandidateMoveKind;
  entered_on: string;
  recorded_by_label: string;
  note: string;
  reason: string;
}

const STEP_COLUMNS =
  "s.id::text AS id, s.candidate_id, s.step, s.move_kind, s.entered_on::text AS entered_on, s.recorded_by_label, s.note, s.reason";

/** The histories of the given candidates (every candidate when `ids` is null), each oldest first. */
export async function findHistories(db: Queryable, ids: readonly string[] | null): Promise<Map<string, StepRow[]>> {
  const { rows } = await db.query<StepRow>(
    ids === null
      ? `SELECT ${STEP_COLUMNS} FROM region_candidate_steps s ORDER BY s.candidate_id, s.id`
      : `SELECT ${STEP_COLUMNS} FROM region_candidate_steps s WHERE s.candidate_id = ANY($1::uuid[]) ORDER BY s.candidate_id, s.id`,
    ids === null ? [] : [ids],
  );
  const byCandidate = new Map<string, StepRow[]>();
  for (const row of rows) {
    const list = byCandidate.get(row.candidate_id) ?? [];
    list.push(row);
    byCandidate.set(row.candidate_id, list);
  }
  return byCandidate;
}

export async function findMembersOf(db: Queryable, candidateId: string): Promise<{ id: string; name: string }[]> {
  const { rows } = await db.query<{ id: string; name: string }>(
    `SELECT m.id, m.name FROM region_candidate_members cm JOIN region_framework_members m ON m.id = cm.member_id
      WHERE cm.candidate_id = $1 ORDER BY m.sort_order, m.name`,
    [candidateId],
  );
  return rows;
}

export interface FrameworkWithMembers {
  id: string;
  name: string;
  members: { id: string; name: string; role: string }[];
}

export async function findFrameworksWithMembers(db: Queryable): Promise<FrameworkWithMembers[]> {
  const { rows } = await db.query<{ id: string; name: string; members: { id: string; name: string; role: string }[] }>(
    `SELECT f.id, f.name,
            COALESCE((SELECT json_agg(json_build_object('id', m.id, 'name', m.name, 'role', m.role) ORDER BY m.sort_order, m.name)
                        FROM region_framework_members m WHERE m.framework_id = f.id), '[]'::json) AS members
       FROM region_frameworks f ORDER BY f.sort_order, f.name`,
  );
  return rows.map((r) => ({ ...r, members: typeof r.members === "string" ? JSON.parse(r.members) : r.members }));
}

export async function findFramework(db: Queryable, id: string): Promise<{ id: string; name: string } | null> {
  const { rows } = await db.query<{ id: string; name: string }>("SELECT id, name FROM region_frameworks WHERE id = $1", [id]);
  return rows[0] ?? null;
}

/** The ids among `memberIds` that are members of the framework. */
export async function findFrameworkMemberIds(db: Queryable, frameworkId: string, memberIds: readonly string[]): Promise<string[]> {
  if (memberIds.length === 0) return [];
  const { rows } = await db.query<{ id: string }>(
    "SELECT id FROM region_framework_members WHERE framework_id = $1 AND id = ANY($2::uuid[])",
    [frameworkId, memberIds],
  );
  return rows.map((r) => r.id);
}

export interface NewCandidate {
  title: string;
  proposingOrganisationId: string;
  frameworkId: string;
  summary: string;
  expectedEffect: string;
  obstacle: CandidateObstacle;
  obstacleNote: string;
  step: CandidateStep;
  stepSince: string;
  isSample: boolean;
  createdBy: string | null;
}

export async function insertCandidate(tx: Queryable, c: NewCandidate): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO region_candidates (title, proposing_organisation_id, framework_id, summary, expected_effect, obstacle, obstacle_note,
                                    step, step_since, is_sample, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      c.title,
      c.proposingOrganisationId,
      c.frameworkId,
      c.summary,
      c.expectedEffect,
      c.obstacle,
      c.obstacleNote,
      c.step,
      c.stepSince,
      c.isSample,
      c.createdBy,
    ],
  );
  return rows[0].id;
}

export async function insertCandidateMembers(tx: Queryable, candidateId: string, memberIds: readonly string[]): Promise<void> {
  if (memberIds.length === 0) return;
  await tx.query("INSERT INTO region_candidate_members (candidate_id, member_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING", [
    candidateId,
    memberIds,
  ]);
}

export interface NewStep {
  candidateId: string;
  step: CandidateStep;
  moveKind: CandidateMoveKind;
  enteredOn: string;
  recordedBy: string | null;
  recordedByLabel: string;
  note: string;
  reason: string;
}

export async function insertStep(tx: Queryable, s: NewStep): Promise<void> {
  await tx.query(
    `INSERT INTO region_candidate_steps (candidate_id, step, move_kind, entered_on, recorded_by, recorded_by_label, note, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [s.candidateId, s.step, s.moveKind, s.enteredOn, s.recordedBy, s.recordedByLabel, s.note, s.reason],
  );
}

/** The candidate's current step after a move (and the joint project made on 事業化); bumps the version. */
export async function updateCandidateStep(
  tx: Queryable,
  id: string,
  step: CandidateStep,
  stepSince: string,
  adoptedProjectId: string | null = null,
): Promise<void> {
  await tx.query(
    `UPDATE region_candidates SET step = $2, step_since = $3, adopted_project_id = COALESCE($4, adopted_project_id),
            version = version + 1, updated_at = now() WHERE id = $1`,
    [id, step, stepSince, adoptedProjectId],
  );
}

/** A joint project of that name in the framework already exists (region_projects is unique by framework and name). */
export async function findProjectIdByName(db: Queryable, frameworkId: string, name: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>("SELECT id FROM region_projects WHERE framework_id = $1 AND name = $2", [
    frameworkId,
    name,
  ]);
  return rows[0]?.id ?? null;
}

export interface ProjectFromCandidate {
  frameworkId: string;
  name: string;
  summary: string;
  leadMemberId: string | null;
  ownerOrganisationId: string;
  startFiscalYear: number | null;
  statusSince: string;
  /** the members taking part: the candidate's named partners (or every member of the framework when it named none) */
  memberIds: readonly string[];
  isSample: boolean;
  createdBy: string | null;
}

/**
 * 事業化: the one place a candidate writes region_projects — a new joint project in status 構想 (concept) with its
 * members, inside the caller's transaction (the adoption's, with the candidate's step and audit row).
 */
export async function insertProjectFromCandidate(tx: Queryable, p: ProjectFromCandidate): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO region_projects (framework_id, name, summary, lead_member_id, status, status_since, owner_organisation_id,
                                  start_fiscal_year, is_sample, created_by)
     VALUES ($1, $2, $3, $4, 'concept', $5, $6, $7, $8, $9) RETURNING id`,
    [p.frameworkId, p.name, p.summary, p.leadMemberId, p.statusSince, p.ownerOrganisationId, p.startFiscalYear, p.isSample, p.createdBy],
  );
  const projectId = rows[0].id;
  await tx.query(
    `INSERT INTO region_project_members (project_id, member_id)
     SELECT $1, m.id FROM region_framework_members m
      WHERE m.framework_id = $2 AND (cardinality($3::uuid[]) = 0 OR m.id = ANY($3::uuid[]))`,
    [projectId, p.frameworkId, p.memberIds],
  );
  // the project's status history starts here, as for a project registered by hand (project-service.ts)
  await tx.query(
    `INSERT INTO region_project_status_history (project_id, status, from_status, entered_on, reason, changed_by, is_sample)
     VALUES ($1, 'concept', NULL, $2, '連携の候補から事業化', $3, $4)`,
    [projectId, p.statusSince, p.createdBy, p.isSample],
  );
  return projectId;
}

/** The framework's member ids that are named on the candidate. */
export async function findCandidateMemberIds(db: Queryable, candidateId: string): Promise<string[]> {
  const { rows } = await db.query<{ member_id: string }>("SELECT member_id FROM region_candidate_members WHERE candidate_id = $1", [
    candidateId,
  ]);
  return rows.map((r) => r.member_id);
}

// ------------------------------------------------------------------------------------------------ sample data

export async function hasCandidates(db: Queryable): Promise<boolean> {
  const { rowCount } = await db.query("SELECT 1 FROM region_candidates LIMIT 1");
  return (rowCount ?? 0) > 0;
}

export async function findFrameworkIdByCode(db: Queryable, code: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>("SELECT id FROM region_frameworks WHERE code = $1", [code]);
  return rows[0]?.id ?? null;
}

export async function findMemberIdsByName(db: Queryable, frameworkId: string, names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const { rows } = await db.query<{ id: string }>(
    "SELECT id FROM region_framework_members WHERE framework_id = $1 AND name = ANY($2::text[]) ORDER BY sort_order",
    [frameworkId, names],
  );
  return rows.map((r) => r.id);
}

/** The sample data's link from an adopted candidate to the sample project that already exists. */
export async function linkAdoptedProject(tx: Queryable, candidateId: string, projectId: string): Promise<void> {
  await tx.query("UPDATE region_candidates SET adopted_project_id = $2 WHERE id = $1", [candidateId, projectId]);
}
