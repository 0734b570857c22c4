// SQL of 認証 (certifications), their numbers, 取組状況の報告 (progress reports) as staff see them, and what the
// 認証書 / 通知書 print. Dates are read as YYYY-MM-DD text (the drivers disagree on `date`), updated_at as a
// microsecond token (certifications have no version column).
import type { Queryable } from "../../db/database";
import { TOKEN } from "./committee-repository";

const DAY = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

export type StoredStatus = "active" | "superseded" | "expired" | "revoked";

export interface CertificationRow {
  id: string;
  number: string;
  company_id: string;
  company_name: string;
  ward: string;
  industry: string;
  tier_name: string;
  tier_rank: number;
  valid_from: string;
  valid_until: string;
  status: StoredStatus;
  round_id: string;
  round_name: string;
  fiscal_year: number;
  renewal_window_days: number;
  report_interval_months: number;
  /** periods whose report was submitted or accepted */
  reported_periods: number[];
  is_sample: boolean;
}

const CERT_SELECT = `
  SELECT z.id, z.number, z.company_id, c.name AS company_name, c.ward, c.industry, z.tier_name, z.tier_rank,
         ${DAY("z.valid_from")} AS valid_from, ${DAY("z.valid_until")} AS valid_until, z.status,
         r.id AS round_id, r.name AS round_name, r.fiscal_year, r.renewal_window_days, r.report_interval_months,
         COALESCE((SELECT array_agg(p.period ORDER BY p.period) FROM sdgs_progress_reports p
                    WHERE p.certification_id = z.id AND p.status IN ('submitted', 'accepted')), '{}') AS reported_periods,
         z.is_sample
    FROM sdgs_certifications z
    JOIN sdgs_companies c ON c.id = z.company_id
    JOIN sdgs_applications a ON a.id = z.application_id
    JOIN sdgs_rounds r ON r.id = a.round_id`;

export interface CertificationFilter {
  tierRank?: number;
  ward?: string;
  industry?: string;
  q?: string;
}

/** The largest list the state filter works through in one read (the registry holds hundreds, not tens of thousands). */
export const CERTIFICATION_READ_LIMIT = 20_000;

/**
 * Every certification matching the stored filters (newest number first), at most CERTIFICATION_READ_LIMIT + 1 rows:
 * the state (報告期限超過, 期限間近 …) is worked out in Node on today's date, then filtered and paged.
 */
export async function findCertifications(db: Queryable, filter: CertificationFilter): Promise<CertificationRow[]> {
  const { rows } = await db.query<CertificationRow>(
    `${CERT_SELECT}
      WHERE ($1::int IS NULL OR z.tier_rank = $1)
        AND ($2::text IS NULL OR c.ward = $2)
        AND ($3::text IS NULL OR c.industry = $3)
        AND ($4::text IS NULL OR c.name ILIKE '%' || $4 || '%' OR c.name_kana ILIKE '%' || $4 || '%' OR z.number ILIKE '%' || $4 || '%')
      ORDER BY z.valid_from DESC, z.number DESC
      LIMIT ${CERTIFICATION_READ_LIMIT + 1}`,
    [filter.tierRank ?? null, filter.ward ?? null, filter.industry ?? null, filter.q ? escapeLike(filter.q) : null],
  );
  return rows.map(normalise);
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

function normalise(row: CertificationRow): CertificationRow {
  return { ...row, reported_periods: (row.reported_periods ?? []).map(Number) };
}

export async function findTierNames(db: Queryable): Promise<{ rank: number; name: string }[]> {
  const { rows } = await db.query<{ rank: number; name: string }>(
    "SELECT DISTINCT tier_rank AS rank, tier_name AS name FROM sdgs_certifications ORDER BY tier_rank, tier_name",
  );
  return rows;
}

export interface CertificationDetailRow extends CertificationRow {
  application_id: string;
  application_kind: "new" | "renewal" | "rank_up";
  corporate_number: string | null;
  organisation_id: string;
  previous_certification_id: string | null;
  revoked_at: Date | null;
  revoke_reason: string | null;
  decided_on: string | null;
  decision_reason: string | null;
  validity_years: number;
  updated_token: string;
}

export async function findCertification(db: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<CertificationDetailRow | null> {
  if (opts.lock) await db.query("SELECT id FROM sdgs_certifications WHERE id = $1 FOR UPDATE", [id]);
  const { rows } = await db.query<CertificationDetailRow>(
    `SELECT q.*, a.kind AS application_kind, c.corporate_number, c.organisation_id, z.previous_certification_id, z.revoked_at,
            z.revoke_reason, ${DAY("m.held_on")} AS decided_on, d.reason AS decision_reason, r.validity_years,
            ${TOKEN("z.updated_at")} AS updated_token, z.application_id
       FROM (${CERT_SELECT} WHERE z.id = $1) q
       JOIN sdgs_certifications z ON z.id = q.id
       JOIN sdgs_applications a ON a.id = z.application_id
       JOIN sdgs_companies c ON c.id = z.company_id
       JOIN sdgs_rounds r ON r.id = a.round_id
       LEFT JOIN sdgs_committee_decisions d ON d.application_id = z.application_id
       LEFT JOIN sdgs_committee_meetings m ON m.id = d.meeting_id`,
    [id],
  );
  return rows[0] ? (normalise(rows[0]) as CertificationDetailRow) : null;
}

export interface LinkRow {
  id: string;
  number: string;
  tier_name: string;
  valid_from: string;
  valid_until: string;
  status: StoredStatus;
}

const LINK_SELECT = `SELECT id, number, tier_name, ${DAY("valid_from")} AS valid_from, ${DAY("valid_until")} AS valid_until, status FROM sdgs_certifications`;

export async function findLink(db: Queryable, id: string): Promise<LinkRow | null> {
  const { rows } = await db.query<LinkRow>(`${LINK_SELECT} WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function findNext(db: Queryable, id: string): Promise<LinkRow | null> {
  const { rows } = await db.query<LinkRow>(`${LINK_SELECT} WHERE previous_certification_id = $1 ORDER BY valid_from DESC LIMIT 1`, [id]);
  return rows[0] ?? null;
}

export interface GoalRow {
  id: string;
  title: string;
  kpi: string;
  unit: string;
  baseline: string | number | null;
  target: string | number;
  target_year: number;
  sdg_goals: number[];
}

export async function findGoals(db: Queryable, applicationId: string): Promise<GoalRow[]> {
  const { rows } = await db.query<GoalRow>(
    `SELECT id, title, kpi, unit, baseline, target, target_year, sdg_goals FROM sdgs_application_goals
      WHERE application_id = $1 ORDER BY sort_order, title`,
    [applicationId],
  );
  return rows;
}

export interface ReportRow {
  id: string;
  certification_id: string;
  period: number;
  status: "draft" | "submitted" | "accepted";
  submitted_at: Date | null;
  accepted_at: Date | null;
  version: number;
}

export async function findReports(db: Queryable, certificationId: string): Promise<ReportRow[]> {
  const { rows } = await db.query<ReportRow>(
    `SELECT id, certification_id, period, status, submitted_at, accepted_at, version FROM sdgs_progress_reports
      WHERE certification_id = $1 ORDER BY period`,
    [certificationId],
  );
  return rows;
}

// ------------------------------------------------------------------ issuing

/**
 * The next number of a fiscal year, under a transaction-scoped advisory lock on that year: two decisions at once wait
 * for each other, so each reads the other's number (the UNIQUE on number is the last line).
 */
export async function nextCertificationNumber(db: Queryable, fiscalYear: number): Promise<string> {
  await db.query("SELECT pg_advisory_xact_lock(hashtext('sdgs_certification_number'), $1)", [fiscalYear]);
  const { rows } = await db.query<{ last: number | null }>(
    "SELECT max(substring(number FROM 10 FOR 4)::int) AS last FROM sdgs_certifications WHERE number LIKE $1",
    [`KSM-${fiscalYear}-%`],
  );
  const next = Number(rows[0]?.last ?? 0) + 1;
  if (next > 9999) throw new Error(`certification numbers of ${fiscalYear} are exhausted`);
  return `KSM-${fiscalYear}-${String(next).padStart(4, "0")}`;
}

export async function insertCertification(
  db: Queryable,
  values: {
    number: string;
    companyId: string;
    applicationId: string;
    tierId: string;
    tierName: string;
    tierRank: number;
    validFrom: string;
    validUntil: string;
    previousCertificationId: string | null;
  },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO sdgs_certifications (number, company_id, application_id, tier_id, tier_name, tier_rank, valid_from, valid_until, previous_certification_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      values.number,
      values.companyId,
      values.applicationId,
      values.tierId,
      values.tierName,
      values.tierRank,
      values.validFrom,
      values.validUntil,
      values.previousCertificationId,
    ],
  );
  return rows[0].id;
}

export async function lockCertificationForSupersede(db: Queryable, id: string): Promise<LinkRow | null> {
  const { rows } = await db.query<LinkRow>(`${LINK_SELECT} WHERE id = $1 FOR UPDATE`, [id]);
  return rows[0] ?? null;
}

export async function setStatus(db: Queryable, id: string, status: StoredStatus): Promise<void> {
  await db.query("UPDATE sdgs_certifications SET status = $2, updated_at = clock_timestamp() WHERE id = $1", [id, status]);
}

export async function revoke(db: Queryable, id: string, token: string, reason: string): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE sdgs_certifications SET status = 'revoked', revoked_at = now(), revoke_reason = $3, updated_at = clock_timestamp()
      WHERE id = $1 AND ${TOKEN("updated_at")} = $2 RETURNING id`,
    [id, token, reason],
  );
  return rows.length > 0;
}

/** 期限切れ: every active certification whose last valid day is before `today`; returns the ones it marked. */
export async function expireBefore(db: Queryable, today: string): Promise<{ id: string; number: string; valid_until: string }[]> {
  const { rows } = await db.query<{ id: string; number: string; valid_until: string }>(
    `UPDATE sdgs_certifications SET status = 'expired', updated_at = clock_timestamp()
      WHERE status = 'active' AND valid_until < $1::date
      RETURNING id, number, ${DAY("valid_until")} AS valid_until`,
    [today],
  );
  return rows;
}

// ------------------------------------------------------------------ progress reports (staff)

export interface ProgressReportListRow {
  id: string;
  certification_id: string;
  certification_number: string;
  company_name: string;
  period: number;
  valid_from: string;
  report_interval_months: number;
  status: "draft" | "submitted" | "accepted";
  submitted_at: Date | null;
  accepted_at: Date | null;
  version: number;
  is_sample: boolean;
}

const REPORT_SELECT = `
  SELECT p.id, p.certification_id, z.number AS certification_number, c.name AS company_name, p.period,
         ${DAY("z.valid_from")} AS valid_from, r.report_interval_months, p.status, p.submitted_at, p.accepted_at, p.version, p.is_sample
    FROM sdgs_progress_reports p
    JOIN sdgs_certifications z ON z.id = p.certification_id
    JOIN sdgs_companies c ON c.id = z.company_id
    JOIN sdgs_applications a ON a.id = z.application_id
    JOIN sdgs_rounds r ON r.id = a.round_id`;

export async function findProgressReports(db: Queryable, status: string | undefined): Promise<ProgressReportListRow[]> {
  const { rows } = await db.query<ProgressReportListRow>(
    `${REPORT_SELECT} WHERE ($1::text IS NULL OR p.status = $1)
      ORDER BY p.submitted_at DESC NULLS LAST, z.number, p.period LIMIT 1000`,
    [status ?? null],
  );
  return rows;
}

export async function findProgressReport(db: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<ProgressReportListRow | null> {
  if (opts.lock) await db.query("SELECT id FROM sdgs_progress_reports WHERE id = $1 FOR UPDATE", [id]);
  const { rows } = await db.query<ProgressReportListRow>(`${REPORT_SELECT} WHERE p.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function acceptReport(db: Queryable, id: string, version: number): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE sdgs_progress_reports SET status = 'accepted', accepted_at = now(), version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 AND status = 'submitted' RETURNING id`,
    [id, version],
  );
  return rows.length > 0;
}

// ------------------------------------------------------------------ documents

export interface NoticeRow {
  application_id: string;
  status: string;
  kind: "new" | "renewal" | "rank_up";
  company_id: string;
  company_name: string;
  organisation_id: string;
  address: string;
  round_name: string;
  fiscal_year: number;
  decision: "certify" | "refuse" | null;
  reason: string | null;
  decided_on: string | null;
  certification_id: string | null;
}

export async function findNotice(db: Queryable, applicationId: string): Promise<NoticeRow | null> {
  const { rows } = await db.query<NoticeRow>(
    `SELECT a.id AS application_id, a.status, a.kind, c.id AS company_id, c.name AS company_name, c.organisation_id, c.address,
            r.name AS round_name, r.fiscal_year, d.decision, d.reason, ${DAY("m.held_on")} AS decided_on, z.id AS certification_id
       FROM sdgs_applications a
       JOIN sdgs_companies c ON c.id = a.company_id
       JOIN sdgs_rounds r ON r.id = a.round_id
       LEFT JOIN sdgs_committee_decisions d ON d.application_id = a.id
       LEFT JOIN sdgs_committee_meetings m ON m.id = d.meeting_id
       LEFT JOIN sdgs_certifications z ON z.application_id = a.id
      WHERE a.id = $1`,
    [applicationId],
  );
  return rows[0] ?? null;
}
