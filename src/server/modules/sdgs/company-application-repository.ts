// SQL of a company's own applications: the rounds open today, its applications and certifications, one application's
// answers, goals, evidence and history, and the draft's writes. Every read of one application names the company, so
// another company's application is simply not found.
import type { Queryable } from "../../db/database";

export interface OpenRoundRow {
  id: string;
  name: string;
  fiscal_year: number;
  opens_on: string;
  closes_on: string;
  guidance: string;
  min_goals: number;
  renewal_window_days: number;
  rank_up_after_months: number | null;
  is_sample: boolean;
  application_id: string | null;
  application_status: string | null;
}

/** Rounds whose application period holds `today` (YYYY-MM-DD, Japan), with the company's open application in each. */
export async function findOpenRounds(db: Queryable, companyId: string, today: string): Promise<OpenRoundRow[]> {
  const { rows } = await db.query<OpenRoundRow>(
    `SELECT r.id, r.name, r.fiscal_year, r.opens_on::text AS opens_on, r.closes_on::text AS closes_on, r.guidance, r.min_goals,
            r.renewal_window_days, r.rank_up_after_months, r.is_sample, a.id AS application_id, a.status AS application_status
       FROM sdgs_rounds r
       LEFT JOIN sdgs_applications a ON a.round_id = r.id AND a.company_id = $1 AND a.status NOT IN ('withdrawn', 'refused')
      WHERE r.opens_on <= $2::date AND r.closes_on >= $2::date
      ORDER BY r.opens_on, r.name`,
    [companyId, today],
  );
  return rows;
}

export interface RoundWindowRow {
  id: string;
  name: string;
  opens_on: string;
  closes_on: string;
  renewal_window_days: number;
  rank_up_after_months: number | null;
}

export async function findRoundWindow(db: Queryable, roundId: string): Promise<RoundWindowRow | null> {
  const { rows } = await db.query<RoundWindowRow>(
    `SELECT id, name, opens_on::text AS opens_on, closes_on::text AS closes_on, renewal_window_days, rank_up_after_months
       FROM sdgs_rounds WHERE id = $1`,
    [roundId],
  );
  return rows[0] ?? null;
}

export interface HeldCertificationRow {
  id: string;
  number: string;
  tier_rank: number;
  tier_name: string;
  valid_from: string;
  valid_until: string;
}

/** The company's active certifications (stored status active), newest first. */
export async function findActiveCertifications(db: Queryable, companyId: string): Promise<HeldCertificationRow[]> {
  const { rows } = await db.query<HeldCertificationRow>(
    `SELECT id, number, tier_rank, tier_name, valid_from::text AS valid_from, valid_until::text AS valid_until
       FROM sdgs_certifications WHERE company_id = $1 AND status = 'active' ORDER BY valid_from DESC, number DESC`,
    [companyId],
  );
  return rows;
}

export async function hasOpenApplication(db: Queryable, roundId: string, companyId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    "SELECT 1 FROM sdgs_applications WHERE round_id = $1 AND company_id = $2 AND status NOT IN ('withdrawn', 'refused')",
    [roundId, companyId],
  );
  return (rowCount ?? 0) > 0;
}

export async function insertApplication(
  db: Queryable,
  values: { roundId: string; companyId: string; kind: string; previousCertificationId: string | null; createdBy: string | null },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO sdgs_applications (round_id, company_id, kind, previous_certification_id, created_by)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [values.roundId, values.companyId, values.kind, values.previousCertificationId, values.createdBy],
  );
  return rows[0].id;
}

export interface ApplicationListRow {
  id: string;
  round_id: string;
  round_name: string;
  fiscal_year: number;
  kind: string;
  status: string;
  submitted_at: Date | string | null;
  updated_at: Date | string;
  self_score: number | null;
  tier_name: string | null;
  certification_number: string | null;
  is_sample: boolean;
}

export async function findCompanyApplications(db: Queryable, companyId: string): Promise<ApplicationListRow[]> {
  const { rows } = await db.query<ApplicationListRow>(
    `SELECT a.id, a.round_id, r.name AS round_name, r.fiscal_year, a.kind, a.status, a.submitted_at, a.updated_at, a.self_score,
            c.tier_name, c.number AS certification_number, a.is_sample
       FROM sdgs_applications a
       JOIN sdgs_rounds r ON r.id = a.round_id
       LEFT JOIN sdgs_certifications c ON c.application_id = a.id
      WHERE a.company_id = $1
      ORDER BY r.fiscal_year DESC, a.created_at DESC`,
    [companyId],
  );
  return rows;
}

export interface ApplicationRow {
  id: string;
  round_id: string;
  company_id: string;
  kind: string;
  status: string;
  previous_certification_id: string | null;
  previous_certification_number: string | null;
  eligibility_answers: Record<string, boolean> | string;
  summary: string;
  declared_at: Date | string | null;
  submitted_at: Date | string | null;
  submission_count: number;
  return_reason: string | null;
  version: number;
  is_sample: boolean;
}

/** The company's application, or null (another company's included). */
export async function findCompanyApplication(
  db: Queryable,
  id: string,
  companyId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<ApplicationRow | null> {
  const { rows } = await db.query<ApplicationRow>(
    `SELECT a.id, a.round_id, a.company_id, a.kind, a.status, a.previous_certification_id,
            (SELECT c.number FROM sdgs_certifications c WHERE c.id = a.previous_certification_id) AS previous_certification_number,
            a.eligibility_answers, a.summary, a.declared_at, a.submitted_at, a.submission_count, a.return_reason, a.version, a.is_sample
       FROM sdgs_applications a
      WHERE a.id = $1 AND a.company_id = $2${opts.forUpdate ? " FOR UPDATE OF a" : ""}`,
    [id, companyId],
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
  baseline: string | number | null;
  baseline_year: number | null;
  target: string | number;
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

export interface EventRow {
  from_status: string | null;
  to_status: string;
  comment: string;
  actor_label: string;
  at: Date | string;
}

export async function findEvents(db: Queryable, applicationId: string): Promise<EventRow[]> {
  const { rows } = await db.query<EventRow>(
    "SELECT from_status, to_status, comment, actor_label, at FROM sdgs_application_events WHERE application_id = $1 ORDER BY id",
    [applicationId],
  );
  return rows;
}

export async function insertEvent(
  db: Queryable,
  values: { applicationId: string; from: string; to: string; comment: string; actorId: string | null; actorLabel: string },
): Promise<void> {
  await db.query(
    `INSERT INTO sdgs_application_events (application_id, from_status, to_status, comment, actor_id, actor_label)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [values.applicationId, values.from, values.to, values.comment, values.actorId, values.actorLabel],
  );
}

export async function updateDraft(
  db: Queryable,
  id: string,
  values: { eligibilityAnswers: Record<string, boolean>; summary: string },
): Promise<void> {
  await db.query(
    `UPDATE sdgs_applications SET eligibility_answers = $2::jsonb, summary = $3, version = version + 1, updated_at = now()
      WHERE id = $1`,
    [id, JSON.stringify(values.eligibilityAnswers), values.summary],
  );
}

export async function replaceAnswers(
  db: Queryable,
  applicationId: string,
  answers: readonly { itemId: string; met: boolean; note: string }[],
): Promise<void> {
  await db.query("DELETE FROM sdgs_application_answers WHERE application_id = $1", [applicationId]);
  if (answers.length === 0) return;
  await db.query(
    `INSERT INTO sdgs_application_answers (application_id, item_id, met, note)
     SELECT $1, x.item_id, x.met, x.note FROM unnest($2::uuid[], $3::boolean[], $4::text[]) AS x (item_id, met, note)`,
    [applicationId, answers.map((a) => a.itemId), answers.map((a) => a.met), answers.map((a) => a.note)],
  );
}

export interface GoalValues {
  title: string;
  sdgGoals: number[];
  kpi: string;
  unit: string;
  baseline: number | null;
  baselineYear: number | null;
  target: number;
  targetYear: number;
}

export async function replaceGoals(db: Queryable, applicationId: string, goals: readonly GoalValues[]): Promise<void> {
  await db.query("DELETE FROM sdgs_application_goals WHERE application_id = $1", [applicationId]);
  for (const [index, goal] of goals.entries())
    await db.query(
      `INSERT INTO sdgs_application_goals (application_id, title, sdg_goals, kpi, unit, baseline, baseline_year, target, target_year, sort_order)
       VALUES ($1, $2, $3::int[], $4, $5, $6, $7, $8, $9, $10)`,
      [
        applicationId,
        goal.title,
        goal.sdgGoals,
        goal.kpi,
        goal.unit,
        goal.baseline,
        goal.baselineYear,
        goal.target,
        goal.targetYear,
        index + 1,
      ],
    );
}

export async function markSubmitted(db: Queryable, id: string, userId: string | null): Promise<void> {
  await db.query(
    `UPDATE sdgs_applications
        SET status = 'submitted', submission_count = submission_count + 1, submitted_at = now(), declared_at = now(),
            declared_by = $2, version = version + 1, updated_at = now()
      WHERE id = $1`,
    [id, userId],
  );
}

export async function setStatus(db: Queryable, id: string, status: string): Promise<void> {
  await db.query("UPDATE sdgs_applications SET status = $2, version = version + 1, updated_at = now() WHERE id = $1", [id, status]);
}

/** Item ids of the application's evidence files (each id once). */
export async function findItemsWithEvidence(db: Queryable, applicationId: string): Promise<string[]> {
  const { rows } = await db.query<{ item_id: string }>(
    "SELECT DISTINCT item_id FROM sdgs_application_evidence WHERE application_id = $1 AND item_id IS NOT NULL",
    [applicationId],
  );
  return rows.map((row) => row.item_id);
}
