// SQL of the 経営分析 analyses: the analysis row (one per subject and fiscal year), its findings and options, and the
// subject's facts the analysis shows. The service decides (permissions, versions, the decision rules).
import type { AnalysisOption, Assessment, ReviewStatus, SubjectKind, Viewpoint } from "../../../common/analysis/labels";
import type { Queryable } from "../../db/database";

export interface ReviewSubjectRow {
  id: string;
  name: string;
  role: "subject" | "peer";
  kind: SubjectKind;
  is_affiliated_body: boolean;
  analysis_fiscal_year: number | null;
  lead_organisation_name: string | null;
  bureau_name: string | null;
}

// the nearest 局 above (or at) the lead division
const BUREAU_OF_LEAD = `(WITH RECURSIVE up AS (
    SELECT o.id, o.parent_id, o.kind, o.name, 0 AS depth FROM organisations o WHERE o.id = s.lead_organisation_id
    UNION ALL
    SELECT p.id, p.parent_id, p.kind, p.name, up.depth + 1 FROM organisations p JOIN up ON p.id = up.parent_id WHERE up.depth < 10)
  SELECT up.name FROM up WHERE up.kind = 'bureau' ORDER BY up.depth LIMIT 1)`;

const SUBJECT_SELECT = `
  SELECT s.id, s.name, s.role, s.kind, s.is_affiliated_body, s.analysis_fiscal_year,
         lead.name AS lead_organisation_name, ${BUREAU_OF_LEAD} AS bureau_name
    FROM analysis_subjects s
    LEFT JOIN organisations lead ON lead.id = s.lead_organisation_id`;

export async function findReviewSubject(db: Queryable, subjectId: string): Promise<ReviewSubjectRow | null> {
  const { rows } = await db.query<ReviewSubjectRow>(`${SUBJECT_SELECT} WHERE s.id = $1`, [subjectId]);
  return rows[0] ?? null;
}

export interface ReviewRow {
  id: string;
  subject_id: string;
  fiscal_year: number;
  summary: string;
  status: ReviewStatus;
  chosen_option: AnalysisOption | null;
  decision: string;
  decided_on: string | null;
  decided_by: string;
  is_sample: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const REVIEW_COLUMNS = `r.id, r.subject_id, r.fiscal_year, r.summary, r.status, r.chosen_option, r.decision,
  r.decided_on::text AS decided_on, r.decided_by, r.is_sample, r.version, r.created_at, r.updated_at`;

export async function findReview(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<ReviewRow | null> {
  const { rows } = await db.query<ReviewRow>(
    `SELECT ${REVIEW_COLUMNS} FROM analysis_reviews r WHERE r.id = $1${opts.forUpdate ? " FOR UPDATE" : ""}`,
    [id],
  );
  return rows[0] ?? null;
}

export async function findReviewOfYear(db: Queryable, subjectId: string, fiscalYear: number): Promise<{ id: string } | null> {
  const { rows } = await db.query<{ id: string }>("SELECT id FROM analysis_reviews WHERE subject_id = $1 AND fiscal_year = $2", [
    subjectId,
    fiscalYear,
  ]);
  return rows[0] ?? null;
}

export async function insertReview(
  db: Queryable,
  values: { subjectId: string; fiscalYear: number; summary: string; createdBy: string | null; isSample: boolean },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO analysis_reviews (subject_id, fiscal_year, summary, created_by, is_sample)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [values.subjectId, values.fiscalYear, values.summary, values.createdBy, values.isSample],
  );
  return rows[0]!.id;
}

/** Sets the summary if the version is still the one read; false when someone saved first. */
export async function updateSummary(db: Queryable, id: string, version: number, summary: string): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE analysis_reviews SET summary = $3, version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, summary],
  );
  return rows.length === 1;
}

/** A change to a finding or an option is a change to the analysis: its version moves on. */
export async function bumpReview(db: Queryable, id: string, version: number): Promise<boolean> {
  const { rows } = await db.query(
    "UPDATE analysis_reviews SET version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 RETURNING id",
    [id, version],
  );
  return rows.length === 1;
}

export async function setDecision(
  db: Queryable,
  id: string,
  version: number,
  d: { chosenOption: AnalysisOption; decision: string; decidedOn: string; decidedBy: string },
): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE analysis_reviews SET status = 'decided', chosen_option = $3, decision = $4, decided_on = $5, decided_by = $6,
            version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, d.chosenOption, d.decision, d.decidedOn, d.decidedBy],
  );
  return rows.length === 1;
}

export async function clearDecision(db: Queryable, id: string, version: number): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE analysis_reviews SET status = 'draft', chosen_option = NULL, decision = '', decided_on = NULL, decided_by = '',
            version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version],
  );
  return rows.length === 1;
}

// ------------------------------------------------------------------ findings and options

export interface FindingRow {
  id: string;
  viewpoint: Viewpoint;
  body: string;
  assessment: Assessment | null;
  indicators: string[];
  sort_order: number;
}

const VIEWPOINT_ORDER = "array_position(ARRAY['necessity', 'role', 'efficiency', 'governance', 'finance'], f.viewpoint)";

export async function findFindings(db: Queryable, reviewId: string): Promise<FindingRow[]> {
  const { rows } = await db.query<FindingRow>(
    `SELECT f.id, f.viewpoint, f.body, f.assessment, f.indicators, f.sort_order FROM analysis_findings f
      WHERE f.review_id = $1 ORDER BY ${VIEWPOINT_ORDER}, f.sort_order, f.id`,
    [reviewId],
  );
  return rows.map((r) => ({ ...r, indicators: Array.isArray(r.indicators) ? r.indicators.map(String) : [] }));
}

export interface FindingValues {
  viewpoint: Viewpoint;
  body: string;
  assessment: Assessment | null;
  indicators: string[];
}

export async function insertFinding(db: Queryable, reviewId: string, v: FindingValues): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO analysis_findings (review_id, viewpoint, body, assessment, indicators, sort_order)
     VALUES ($1, $2, $3, $4, $5::jsonb,
             (SELECT COALESCE(max(sort_order), 0) + 1 FROM analysis_findings WHERE review_id = $1 AND viewpoint = $2))
     RETURNING id`,
    [reviewId, v.viewpoint, v.body, v.assessment, JSON.stringify(v.indicators)],
  );
  return rows[0]!.id;
}

export async function updateFinding(db: Queryable, reviewId: string, findingId: string, v: FindingValues): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE analysis_findings SET viewpoint = $3, body = $4, assessment = $5, indicators = $6::jsonb
      WHERE review_id = $1 AND id = $2 RETURNING id`,
    [reviewId, findingId, v.viewpoint, v.body, v.assessment, JSON.stringify(v.indicators)],
  );
  return rows.length === 1;
}

export async function deleteFinding(db: Queryable, reviewId: string, findingId: string): Promise<boolean> {
  const { rows } = await db.query("DELETE FROM analysis_findings WHERE review_id = $1 AND id = $2 RETURNING id", [reviewId, findingId]);
  return rows.length === 1;
}

export async function findOptions(db: Queryable, reviewId: string): Promise<{ option: AnalysisOption; assessment: string }[]> {
  const { rows } = await db.query<{ option: AnalysisOption; assessment: string }>(
    "SELECT option, assessment FROM analysis_options WHERE review_id = $1",
    [reviewId],
  );
  return rows;
}

/** Replaces the options considered: an option with empty text is not kept (not assessed). */
export async function replaceOptions(
  db: Queryable,
  reviewId: string,
  options: readonly { option: AnalysisOption; assessment: string }[],
): Promise<void> {
  await db.query("DELETE FROM analysis_options WHERE review_id = $1", [reviewId]);
  for (const o of options) {
    if (!o.assessment) continue;
    await db.query("INSERT INTO analysis_options (review_id, option, assessment) VALUES ($1, $2, $3)", [reviewId, o.option, o.assessment]);
  }
}

// ------------------------------------------------------------------ a subject's analyses

export interface ReviewListRow {
  id: string;
  fiscal_year: number;
  status: ReviewStatus;
  chosen_option: AnalysisOption | null;
  decided_on: string | null;
  decided_by: string;
  is_sample: boolean;
  finding_count: number;
  open_actions: number;
  overdue_actions: number;
}

export async function findSubjectReviews(db: Queryable, subjectId: string, today: string): Promise<ReviewListRow[]> {
  const { rows } = await db.query<ReviewListRow>(
    `SELECT r.id, r.fiscal_year, r.status, r.chosen_option, r.decided_on::text AS decided_on, r.decided_by, r.is_sample,
            (SELECT count(*)::int FROM analysis_findings f WHERE f.review_id = r.id) AS finding_count,
            (SELECT count(*)::int FROM analysis_actions a WHERE a.review_id = r.id AND a.status = 'open') AS open_actions,
            (SELECT count(*)::int FROM analysis_actions a
              WHERE a.review_id = r.id AND a.status = 'open' AND a.due_on < $2::date) AS overdue_actions
       FROM analysis_reviews r WHERE r.subject_id = $1 ORDER BY r.fiscal_year DESC`,
    [subjectId, today],
  );
  return rows.map((r) => ({
    ...r,
    finding_count: Number(r.finding_count),
    open_actions: Number(r.open_actions),
    overdue_actions: Number(r.overdue_actions),
  }));
}

/** The subject's activity measures, for the indicator keys its findings may name (cost per unit of each). */
export async function findSubjectMeasures(
  db: Queryable,
  subjectId: string,
): Promise<{ id: string; name: string; unit: string; isCostBasis: boolean }[]> {
  const { rows } = await db.query<{ id: string; name: string; unit: string; is_cost_basis: boolean }>(
    "SELECT id, name, unit, is_cost_basis FROM analysis_measures WHERE subject_id = $1 ORDER BY sort_order, name",
    [subjectId],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, unit: r.unit, isCostBasis: r.is_cost_basis }));
}
