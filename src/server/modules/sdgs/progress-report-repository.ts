// SQL of 取組状況の報告 as the certified company writes it: its certifications with their round's report interval and
// the periods reported, one report with its goals' actuals, and the report's writes.
import type { Queryable } from "../../db/database";

export interface CompanyCertificationRow {
  id: string;
  number: string;
  application_id: string;
  round_name: string;
  tier_name: string;
  tier_rank: number;
  valid_from: string;
  valid_until: string;
  status: "active" | "superseded" | "expired" | "revoked";
  is_sample: boolean;
  renewal_window_days: number;
  report_interval_months: number;
  /** [{ period, status }] */
  reports: { period: number; status: string }[] | string;
}

const CERTIFICATION_COLUMNS = `
  c.id, c.number, c.application_id, r.name AS round_name, c.tier_name, c.tier_rank,
  c.valid_from::text AS valid_from, c.valid_until::text AS valid_until, c.status, c.is_sample,
  r.renewal_window_days, r.report_interval_months,
  COALESCE((SELECT json_agg(json_build_object('period', p.period, 'status', p.status) ORDER BY p.period)
              FROM sdgs_progress_reports p WHERE p.certification_id = c.id), '[]') AS reports`;

export async function findCompanyCertifications(db: Queryable, companyId: string): Promise<CompanyCertificationRow[]> {
  const { rows } = await db.query<CompanyCertificationRow>(
    `SELECT ${CERTIFICATION_COLUMNS}
       FROM sdgs_certifications c
       JOIN sdgs_applications a ON a.id = c.application_id
       JOIN sdgs_rounds r ON r.id = a.round_id
      WHERE c.company_id = $1
      ORDER BY c.valid_from DESC, c.number DESC`,
    [companyId],
  );
  return rows;
}

/** The company's certification, or null (another company's included). */
export async function findCompanyCertification(db: Queryable, id: string, companyId: string): Promise<CompanyCertificationRow | null> {
  const { rows } = await db.query<CompanyCertificationRow>(
    `SELECT ${CERTIFICATION_COLUMNS}
       FROM sdgs_certifications c
       JOIN sdgs_applications a ON a.id = c.application_id
       JOIN sdgs_rounds r ON r.id = a.round_id
      WHERE c.id = $1 AND c.company_id = $2`,
    [id, companyId],
  );
  return rows[0] ?? null;
}

export interface ReportRow {
  id: string;
  status: "draft" | "submitted" | "accepted";
  comment: string;
  submitted_at: Date | string | null;
  accepted_at: Date | string | null;
  version: number;
  is_sample: boolean;
}

export async function findReport(
  db: Queryable,
  certificationId: string,
  period: number,
  opts: { forUpdate?: boolean } = {},
): Promise<ReportRow | null> {
  const { rows } = await db.query<ReportRow>(
    `SELECT id, status, comment, submitted_at, accepted_at, version, is_sample
       FROM sdgs_progress_reports WHERE certification_id = $1 AND period = $2${opts.forUpdate ? " FOR UPDATE" : ""}`,
    [certificationId, period],
  );
  return rows[0] ?? null;
}

export interface ReportGoalRow {
  goal_id: string;
  title: string;
  kpi: string;
  unit: string;
  sdg_goals: number[];
  baseline: string | number | null;
  baseline_year: number | null;
  target: string | number;
  target_year: number;
  actual: string | number | null;
  comment: string | null;
}

/** The certified application's goals, with the report's actual and comment for each (when there is a report). */
export async function findReportGoals(db: Queryable, applicationId: string, reportId: string | null): Promise<ReportGoalRow[]> {
  const { rows } = await db.query<ReportGoalRow>(
    `SELECT g.id AS goal_id, g.title, g.kpi, g.unit, g.sdg_goals, g.baseline, g.baseline_year, g.target, g.target_year,
            rg.actual, rg.comment
       FROM sdgs_application_goals g
       LEFT JOIN sdgs_progress_report_goals rg ON rg.goal_id = g.id AND rg.report_id = $2
      WHERE g.application_id = $1
      ORDER BY g.sort_order, g.id`,
    [applicationId, reportId],
  );
  return rows;
}

export async function insertReport(db: Queryable, certificationId: string, period: number, comment: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    "INSERT INTO sdgs_progress_reports (certification_id, period, comment) VALUES ($1, $2, $3) RETURNING id",
    [certificationId, period, comment],
  );
  return rows[0].id;
}

export async function updateReportComment(db: Queryable, id: string, comment: string): Promise<void> {
  await db.query("UPDATE sdgs_progress_reports SET comment = $2, version = version + 1, updated_at = now() WHERE id = $1", [id, comment]);
}

export async function replaceReportGoals(
  db: Queryable,
  reportId: string,
  goals: readonly { goalId: string; actual: number | null; comment: string }[],
): Promise<void> {
  await db.query("DELETE FROM sdgs_progress_report_goals WHERE report_id = $1", [reportId]);
  if (goals.length === 0) return;
  await db.query(
    `INSERT INTO sdgs_progress_report_goals (report_id, goal_id, actual, comment)
     SELECT $1, x.goal_id, x.actual, x.comment FROM unnest($2::uuid[], $3::numeric[], $4::text[]) AS x (goal_id, actual, comment)`,
    [reportId, goals.map((g) => g.goalId), goals.map((g) => g.actual), goals.map((g) => g.comment)],
  );
}

export async function markReportSubmitted(db: Queryable, id: string): Promise<void> {
  await db.query(
    "UPDATE sdgs_progress_reports SET status = 'submitted', submitted_at = now(), version = version + 1, updated_at = now() WHERE id = $1",
    [id],
  );
}
