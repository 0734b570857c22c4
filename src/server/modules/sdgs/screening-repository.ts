// SQL of 要件確認 (staff screening): the applications' list with its filters, sort and paging (and the same rows for
// the CSV), one application with its company, answers, goals, evidence, events and reviews, the staff's moves with
// their event rows, the screening note, and the applications' search entries.
import type { ApplicationStatus } from "../../../common/sdgs/application-states";
import type { ApplicationKind, CompanySize, Industry, Ward } from "../../../common/sdgs/labels";
import type { Queryable } from "../../db/database";

export interface ApplicationFilter {
  roundId?: string;
  status?: ApplicationStatus;
  kind?: ApplicationKind;
  ward?: Ward;
  industry?: Industry;
  q?: string;
}

export interface ApplicationListRow {
  id: string;
  company_id: string;
  company_name: string;
  company_name_kana: string;
  corporate_number: string | null;
  ward: Ward;
  industry: Industry;
  round_id: string;
  round_name: string;
  fiscal_year: number;
  kind: ApplicationKind;
  status: ApplicationStatus;
  submitted_at: Date | null;
  self_score: number | null;
  review_score: number | null;
  suggested_tier_name: string | null;
  missing_required: number | null;
  submitted_reviews: number;
  is_sample: boolean;
}

const STATUS_ORDER =
  "array_position(ARRAY['submitted','screening','review','committee','returned','draft','certified','refused','withdrawn']::text[], a.status)";

const SORTS: Record<string, string> = {
  submittedAt: "a.submitted_at NULLS LAST, c.name",
  "-submittedAt": "a.submitted_at DESC NULLS LAST, c.name",
  company: "c.name_kana, c.name",
  "-company": "c.name_kana DESC, c.name DESC",
  selfScore: "a.self_score NULLS FIRST, c.name",
  "-selfScore": "a.self_score DESC NULLS LAST, c.name",
  reviewScore: "a.review_score NULLS FIRST, c.name",
  "-reviewScore": "a.review_score DESC NULLS LAST, c.name",
  status: `${STATUS_ORDER}, a.submitted_at NULLS LAST`,
  "-status": `${STATUS_ORDER} DESC, a.submitted_at NULLS LAST`,
};

const LIST_SELECT = `
  SELECT a.id, a.company_id, c.name AS company_name, c.name_kana AS company_name_kana, c.corporate_number, c.ward, c.industry,
         a.round_id, r.name AS round_name, r.fiscal_year, a.kind, a.status, a.submitted_at, a.self_score, a.review_score,
         t.name AS suggested_tier_name, a.missing_required,
         (SELECT count(*)::int FROM sdgs_reviews v WHERE v.application_id = a.id AND v.submitted_at IS NOT NULL) AS submitted_reviews,
         a.is_sample
    FROM sdgs_applications a
    JOIN sdgs_companies c ON c.id = a.company_id
    JOIN sdgs_rounds r ON r.id = a.round_id
    LEFT JOIN sdgs_tiers t ON t.id = a.suggested_tier_id`;

/** Drafts are the company's own until submitted: never in the staff's list. */
function whereOf(filter: ApplicationFilter, params: unknown[]): string {
  const where: string[] = ["a.status <> 'draft'"];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (filter.roundId) add((p) => `a.round_id = ${p}::uuid`, filter.roundId);
  if (filter.status) add((p) => `a.status = ${p}`, filter.status);
  if (filter.kind) add((p) => `a.kind = ${p}`, filter.kind);
  if (filter.ward) add((p) => `c.ward = ${p}`, filter.ward);
  if (filter.industry) add((p) => `c.industry = ${p}`, filter.industry);
  if (filter.q) {
    const like = `%${filter.q.normalize("NFKC").replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    add((p) => `(c.name ILIKE ${p} OR c.name_kana ILIKE ${p} OR coalesce(c.corporate_number, '') LIKE ${p})`, like);
  }
  return `WHERE ${where.join(" AND ")}`;
}

export async function findApplications(
  db: Queryable,
  filter: ApplicationFilter,
  opts: { sort: string; page: number; pageSize: number },
): Promise<{ rows: ApplicationListRow[]; total: number }> {
  const params: unknown[] = [];
  const clause = whereOf(filter, params);
  const total = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM sdgs_applications a JOIN sdgs_companies c ON c.id = a.company_id ${clause}`,
    params,
  );
  const { rows } = await db.query<ApplicationListRow>(
    `${LIST_SELECT} ${clause} ORDER BY ${SORTS[opts.sort] ?? SORTS["-submittedAt"]}, a.id
     LIMIT ${Math.trunc(opts.pageSize)} OFFSET ${Math.trunc((opts.page - 1) * opts.pageSize)}`,
    params,
  );
  return { rows, total: total.rows[0].n };
}

/** Every application the filter matches, in the list's order (the CSV). */
export async function findAllApplications(db: Queryable, filter: ApplicationFilter, sort: string): Promise<ApplicationListRow[]> {
  const params: unknown[] = [];
  const clause = whereOf(filter, params);
  const { rows } = await db.query<ApplicationListRow>(
    `${LIST_SELECT} ${clause} ORDER BY ${SORTS[sort] ?? SORTS["-submittedAt"]}, a.id`,
    params,
  );
  return rows;
}

export interface ApplicationRow {
  id: string;
  round_id: string;
  company_id: string;
  kind: ApplicationKind;
  status: ApplicationStatus;
  eligibility_answers: Record<string, boolean>;
  summary: string;
  declared_at: Date | null;
  submitted_at: Date | null;
  submission_count: number;
  return_reason: string | null;
  screening_note: string;
  version: number;
  is_sample: boolean;
  company_name: string;
  company_name_kana: string;
  corporate_number: string | null;
  postal_code: string;
  address: string;
  ward: Ward;
  industry: Industry;
  size: CompanySize;
  employees: number | null;
  website: string;
  contact_name: string;
  contact_email: string;
  contact_phone: string;
  round_name: string;
  fiscal_year: number;
  min_goals: number;
}

/** One application with its company and round (FOR UPDATE of the application when asked). */
export async function findApplication(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<ApplicationRow | null> {
  const { rows } = await db.query<ApplicationRow>(
    `SELECT a.id, a.round_id, a.company_id, a.kind, a.status, a.eligibility_answers, a.summary, a.declared_at, a.submitted_at,
            a.submission_count, a.return_reason, a.screening_note, a.version, a.is_sample,
            c.name AS company_name, c.name_kana AS company_name_kana, c.corporate_number, c.postal_code, c.address, c.ward,
            c.industry, c.size, c.employees, c.website, c.contact_name, c.contact_email, c.contact_phone,
            r.name AS round_name, r.fiscal_year, r.min_goals
       FROM sdgs_applications a
       JOIN sdgs_companies c ON c.id = a.company_id
       JOIN sdgs_rounds r ON r.id = a.round_id
      WHERE a.id = $1${opts.forUpdate ? " FOR UPDATE OF a" : ""}`,
    [id],
  );
  return rows[0] ?? null;
}

export interface AnswerRow {
  item_id: string;
  met: boolean;
  note: string;
}

export async function findAnswers(db: Queryable, applicationId: string): Promise<AnswerRow[]> {
  const { rows } = await db.query<AnswerRow>("SELECT item_id, met, note FROM sdgs_application_answers WHERE application_id = $1", [
    applicationId,
  ]);
  return rows;
}

export interface GoalRow {
  id: string;
  title: string;
  sdg_goals: number[];
  kpi: string;
  unit: string;
  baseline: number | null;
  baseline_year: number | null;
  target: number;
  target_year: number;
}

export async function findGoals(db: Queryable, applicationId: string): Promise<GoalRow[]> {
  const { rows } = await db.query<GoalRow>(
    `SELECT id, title, sdg_goals, kpi, unit, baseline, baseline_year, target, target_year
       FROM sdgs_application_goals WHERE application_id = $1 ORDER BY sort_order, id`,
    [applicationId],
  );
  return rows;
}

export interface EvidenceRow {
  file_id: string;
  item_id: string | null;
  item_code: string | null;
  name: string;
  mime_type: string;
  size_bytes: number;
  created_at: Date;
}

export async function findEvidence(db: Queryable, applicationId: string): Promise<EvidenceRow[]> {
  const { rows } = await db.query<EvidenceRow>(
    `SELECT e.file_id, e.item_id, i.code AS item_code, f.name, f.mime_type, f.size_bytes, f.created_at
       FROM sdgs_application_evidence e
       JOIN files f ON f.id = e.file_id
       LEFT JOIN sdgs_check_items i ON i.id = e.item_id
      WHERE e.application_id = $1
      ORDER BY i.sort_order NULLS FIRST, f.created_at, f.id`,
    [applicationId],
  );
  return rows;
}

/** Whether the file is one of the application's evidence files (and stored as its file). */
export async function isEvidenceOf(db: Queryable, applicationId: string, fileId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `SELECT 1 FROM sdgs_application_evidence e JOIN files f ON f.id = e.file_id
      WHERE e.application_id = $1 AND e.file_id = $2 AND f.owner_kind = 'sdgs.application' AND f.owner_id = $1`,
    [applicationId, fileId],
  );
  return (rowCount ?? 0) > 0;
}

export interface EventRow {
  from_status: ApplicationStatus | null;
  to_status: ApplicationStatus;
  comment: string;
  actor_label: string;
  at: Date;
}

export async function findEvents(db: Queryable, applicationId: string): Promise<EventRow[]> {
  const { rows } = await db.query<EventRow>(
    "SELECT from_status, to_status, comment, actor_label, at FROM sdgs_application_events WHERE application_id = $1 ORDER BY at, id",
    [applicationId],
  );
  return rows;
}

export interface ReviewRow {
  id: string;
  reviewer_id: string;
  reviewer_name: string;
  affiliation: string;
  hearing_on: string | null;
  hearing_notes: string;
  comment: string;
  submitted_at: Date | null;
  version: number;
  scores: { item_id: string; score: number; comment: string }[];
}

const REVIEW_SELECT = `
  SELECT v.id, v.reviewer_id, u.display_name AS reviewer_name, rv.affiliation, v.hearing_on, v.hearing_notes, v.comment,
         v.submitted_at, v.version,
         coalesce((SELECT json_agg(json_build_object('item_id', s.item_id, 'score', s.score, 'comment', s.comment))
                     FROM sdgs_review_scores s WHERE s.review_id = v.id), '[]') AS scores
    FROM sdgs_reviews v
    JOIN sdgs_reviewers rv ON rv.user_id = v.reviewer_id
    JOIN users u ON u.id = v.reviewer_id`;

/** Every review of the application (staff see them all), submitted ones first. */
export async function findReviews(db: Queryable, applicationId: string): Promise<ReviewRow[]> {
  const { rows } = await db.query<ReviewRow>(
    `${REVIEW_SELECT} WHERE v.application_id = $1 ORDER BY v.submitted_at NULLS LAST, u.display_name, v.id`,
    [applicationId],
  );
  return rows;
}

/** One reviewer's own review of the application. */
export async function findReviewOf(db: Queryable, applicationId: string, reviewerId: string): Promise<ReviewRow | null> {
  const { rows } = await db.query<ReviewRow>(`${REVIEW_SELECT} WHERE v.application_id = $1 AND v.reviewer_id = $2`, [
    applicationId,
    reviewerId,
  ]);
  return rows[0] ?? null;
}

export async function countSubmittedReviews(db: Queryable, applicationId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM sdgs_reviews WHERE application_id = $1 AND submitted_at IS NOT NULL",
    [applicationId],
  );
  return rows[0].n;
}

/** Moves the application (version-checked); false when someone changed it first. */
export async function updateStatus(
  db: Queryable,
  id: string,
  version: number,
  change: { status: ApplicationStatus; returnReason?: string },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE sdgs_applications
        SET status = $3, return_reason = CASE WHEN $4::boolean THEN $5 ELSE return_reason END,
            version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2`,
    [id, version, change.status, change.returnReason !== undefined, change.returnReason ?? null],
  );
  return (rowCount ?? 0) > 0;
}

export async function insertEvent(
  db: Queryable,
  event: {
    applicationId: string;
    from: ApplicationStatus;
    to: ApplicationStatus;
    comment: string;
    actorId: string | null;
    actorLabel: string;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO sdgs_application_events (application_id, from_status, to_status, comment, actor_id, actor_label)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [event.applicationId, event.from, event.to, event.comment, event.actorId, event.actorLabel],
  );
}

export async function updateScreeningNote(db: Queryable, id: string, version: number, note: string): Promise<boolean> {
  const { rowCount } = await db.query(
    "UPDATE sdgs_applications SET screening_note = $3, version = version + 1, updated_at = now() WHERE id = $1 AND version = $2",
    [id, version, note],
  );
  return (rowCount ?? 0) > 0;
}

// ------------------------------------------------------------------ search entries

export interface ApplicationEntryRow {
  id: string;
  status: ApplicationStatus;
  kind: ApplicationKind;
  company_name: string;
  company_name_kana: string;
  corporate_number: string | null;
  round_name: string;
  summary: string;
}

/** The applications' search entries (every application but drafts when `ids` is null). */
export async function findApplicationEntries(db: Queryable, ids: readonly string[] | null): Promise<ApplicationEntryRow[]> {
  const { rows } = await db.query<ApplicationEntryRow>(
    `SELECT a.id, a.status, a.kind, c.name AS company_name, c.name_kana AS company_name_kana, c.corporate_number,
            r.name AS round_name, a.summary
       FROM sdgs_applications a
       JOIN sdgs_companies c ON c.id = a.company_id
       JOIN sdgs_rounds r ON r.id = a.round_id
      WHERE a.status <> 'draft' ${ids ? "AND a.id = ANY($1::uuid[])" : ""}`,
    ids ? [ids] : [],
  );
  return rows;
}

/** How many applications wait for 要件確認 (status 'submitted'). */
export async function countSubmitted(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM sdgs_applications WHERE status = 'submitted'");
  return rows[0].n;
}
