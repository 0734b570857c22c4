// 認証 (certifications) as the routes call them: the staff's list and detail with the state worked out on today's
// date in Japan (common/sdgs/certification-lifecycle.ts: never stored, so it never goes stale), 取消し by the
// bureau's editors, the staff's side of 取組状況の報告 (受理), the 認証書 / 通知書 PDFs (staff, and the company they
// belong to: another company's answers 404 as a missing one), and the daily 期限切れ task.
import type { CertificationDetail, CertificationSummary, ProgressReportSummary } from "../../../common/api/sdgs-certification";
import { formatWareki, todayInJapan } from "../../../common/dates";
import {
  type CertificationFacts,
  type CertificationState,
  certificationState,
  type LifecycleRules,
  overdueReportPeriods,
  reportDueOn,
} from "../../../common/sdgs/certification-lifecycle";
import type { Industry, Ward } from "../../../common/sdgs/labels";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit, SYSTEM_ACTOR } from "../../platform/audit/audit";
import { authorize, type Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound, ValidationError } from "../../platform/errors";
import type { FileResult } from "../../platform/http/types";
import type { ScheduledTask } from "../../platform/scheduler";
import { companyOfUser, isSdgsManager, requireSdgsManager } from "./access";
import { renderCertificatePdf, renderNoticePdf } from "./certificate-pdf";
import * as repo from "./certification-repository";

const CERTIFICATION = "認証";
const STALE = "この認証は、ほかの人が先に変更しました。画面を開き直してから、もう一度操作してください。";

const factsOf = (row: repo.CertificationRow): CertificationFacts => ({
  status: row.status,
  validFrom: row.valid_from,
  validUntil: row.valid_until,
  reportedPeriods: row.reported_periods,
});
const rulesOf = (row: repo.CertificationRow): LifecycleRules => ({
  renewalWindowDays: row.renewal_window_days,
  reportIntervalMonths: row.report_interval_months,
});

export function stateOf(row: repo.CertificationRow, today: string): CertificationState {
  return certificationState(factsOf(row), rulesOf(row), today);
}

function toSummary(row: repo.CertificationRow, today: string): CertificationSummary {
  return {
    id: row.id,
    number: row.number,
    companyId: row.company_id,
    companyName: row.company_name,
    ward: row.ward as Ward,
    industry: row.industry as Industry,
    tierName: row.tier_name,
    tierRank: row.tier_rank,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    state: stateOf(row, today),
    roundName: row.round_name,
    fiscalYear: row.fiscal_year,
    isSample: row.is_sample,
  };
}

export interface CertificationListQuery {
  state?: CertificationState;
  tierRank?: number;
  ward?: Ward;
  industry?: Industry;
  q?: string;
  page: number;
  pageSize: number;
}

/**
 * The list: the stored filters in SQL, then the state on today's date in Node over that bounded read (at most
 * CERTIFICATION_READ_LIMIT rows; a registry beyond that asks for a narrower filter), then the page.
 */
export async function listCertifications(db: Db, user: Principal | null, query: CertificationListQuery, today = todayInJapan()) {
  authorize(user, "sdgs.read");
  const rows = await repo.findCertifications(db, query);
  if (rows.length > repo.CERTIFICATION_READ_LIMIT)
    throw new ValidationError("該当する認証が多すぎます。区・業種・区分などで絞り込んでください。");
  const all = rows.map((row) => toSummary(row, today)).filter((item) => !query.state || item.state === query.state);
  const start = (query.page - 1) * query.pageSize;
  return {
    items: all.slice(start, start + query.pageSize),
    total: all.length,
    page: query.page,
    pageSize: query.pageSize,
    tierNames: await repo.findTierNames(db),
  };
}

const linkOf = (row: repo.LinkRow | null) =>
  row
    ? {
        id: row.id,
        number: row.number,
        tierName: row.tier_name,
        validFrom: row.valid_from,
        validUntil: row.valid_until,
        status: row.status,
      }
    : null;

const num = (value: string | number | null) => (value === null ? null : Number(value));

async function detailOf(db: Queryable, user: Principal, id: string, today: string): Promise<CertificationDetail> {
  const row = await repo.findCertification(db, id);
  if (!row) throw new NotFound(CERTIFICATION);
  const [goals, reports, previous, next, canManage] = await Promise.all([
    repo.findGoals(db, row.application_id),
    repo.findReports(db, id),
    row.previous_certification_id ? repo.findLink(db, row.previous_certification_id) : Promise.resolve(null),
    repo.findNext(db, id),
    isSdgsManager(db, user),
  ]);
  const overdue = row.status === "active" ? overdueReportPeriods(factsOf(row), rulesOf(row), today) : [];
  // every period that has come due (or has a report) up to the end of validity
  const byPeriod = new Map(reports.map((r) => [r.period, r]));
  const periods: number[] = [];
  for (let period = 1; period <= 60; period++) {
    const due = reportDueOn(row.valid_from, period, row.report_interval_months);
    if (due > row.valid_until) break;
    if (due <= today || byPeriod.has(period)) periods.push(period);
  }
  return {
    ...toSummary(row, today),
    status: row.status,
    applicationId: row.application_id,
    applicationKind: row.application_kind,
    roundId: row.round_id,
    corporateNumber: row.corporate_number,
    decidedOn: row.decided_on,
    decisionReason: row.decision_reason ?? "",
    goals: goals.map((g) => ({
      id: g.id,
      title: g.title,
      kpi: g.kpi,
      unit: g.unit,
      baseline: num(g.baseline),
      target: Number(g.target),
      targetYear: g.target_year,
      sdgGoals: (g.sdg_goals ?? []).map(Number),
    })),
    reports: periods.map((period) => {
      const report = byPeriod.get(period);
      return {
        period,
        dueOn: reportDueOn(row.valid_from, period, row.report_interval_months),
        reportId: report?.id ?? null,
        status: report?.status ?? "missing",
        submittedAt: report?.submitted_at?.toISOString() ?? null,
        acceptedAt: report?.accepted_at?.toISOString() ?? null,
        overdue: overdue.includes(period),
        version: report?.version ?? null,
      };
    }),
    overduePeriods: overdue,
    previous: linkOf(previous),
    next: linkOf(next),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revokeReason: row.revoke_reason,
    updatedAt: row.updated_token,
    canManage,
  };
}

export async function getCertification(db: Db, user: Principal | null, id: string, today = todayInJapan()): Promise<CertificationDetail> {
  authorize(user, "sdgs.read");
  return detailOf(db, user, id, today);
}

export async function revokeCertification(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: { reason: string; updatedAt: string },
): Promise<CertificationDetail> {
  return db.transaction(async (tx) => {
    const manager = await requireSdgsManager(tx, user);
    const before = await repo.findCertification(tx, id, { lock: true });
    if (!before) throw new NotFound(CERTIFICATION);
    if (before.updated_token !== input.updatedAt) throw new Conflict(STALE, "stale");
    if (before.status !== "active")
      throw new Conflict(
        before.status === "revoked"
          ? "この認証はすでに取り消されています。"
          : "有効な認証（更新済み・期限切れでないもの）だけを取り消せます。",
        "wrong_status",
      );
    if (!(await repo.revoke(tx, id, input.updatedAt, input.reason))) throw new Conflict(STALE, "stale");
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "sdgs_certification",
      entityId: id,
      summary: `認証 ${before.number}（${before.company_name}）を取消し`,
      before: { status: before.status },
      after: { status: "revoked", reason: input.reason },
    });
    return detailOf(tx, manager, id, todayInJapan());
  });
}

// ------------------------------------------------------------------ 取組状況の報告（職員側）

function toReport(row: repo.ProgressReportListRow): ProgressReportSummary {
  return {
    id: row.id,
    certificationId: row.certification_id,
    certificationNumber: row.certification_number,
    companyName: row.company_name,
    period: row.period,
    dueOn: reportDueOn(row.valid_from, row.period, row.report_interval_months),
    status: row.status,
    submittedAt: row.submitted_at?.toISOString() ?? null,
    acceptedAt: row.accepted_at?.toISOString() ?? null,
    version: row.version,
    isSample: row.is_sample,
  };
}

export async function listProgressReports(db: Db, user: Principal | null, status: "draft" | "submitted" | "accepted" | undefined) {
  authorize(user, "sdgs.read");
  const [rows, canManage] = await Promise.all([repo.findProgressReports(db, status), isSdgsManager(db, user)]);
  return { items: rows.map(toReport), canManage };
}

export async function acceptProgressReport(db: Db, user: Principal | null, actor: Actor, id: string, version: number) {
  return db.transaction(async (tx) => {
    await requireSdgsManager(tx, user);
    const before = await repo.findProgressReport(tx, id, { lock: true });
    if (!before) throw new NotFound("取組状況の報告");
    if (before.version !== version)
      throw new Conflict("この報告は、ほかの人が先に変更しました。画面を開き直してから、もう一度操作してください。", "stale");
    if (before.status !== "submitted")
      throw new Conflict(
        before.status === "accepted" ? "この報告はすでに受理されています。" : "まだ提出されていない報告は受理できません。",
        "wrong_status",
      );
    if (!(await repo.acceptReport(tx, id, version))) throw new Conflict("画面を開き直してから、もう一度操作してください。", "stale");
    await recordAudit(tx, actor, {
      action: "approve",
      entityType: "sdgs_progress_report",
      entityId: id,
      summary: `認証 ${before.certification_number}（${before.company_name}）の${before.period}年目の取組状況の報告を受理`,
      before: { status: "submitted" },
      after: { status: "accepted" },
    });
    const after = await repo.findProgressReport(tx, id);
    if (!after) throw new NotFound("取組状況の報告");
    return toReport(after);
  });
}

// ------------------------------------------------------------------ 認証書・通知書

/** Staff read every document; a company's login only its own (another company's: 404, as a missing one). */
async function checkDocumentReader(db: Queryable, user: Principal | null, organisationId: string, what: string): Promise<void> {
  if (user?.role === "partner") {
    const company = await companyOfUser(db, user);
    if (company.organisationId !== organisationId) throw new NotFound(what);
    return;
  }
  authorize(user, "sdgs.read");
}

const safeName = (name: string) => name.replace(/[\\/:*?"<>|\r\n\t]/g, "_").slice(0, 60);

export async function certificatePdf(db: Db, user: Principal | null, id: string, issuedOn = todayInJapan()): Promise<FileResult> {
  const row = await repo.findCertification(db, id);
  if (!row) throw new NotFound(CERTIFICATION);
  await checkDocumentReader(db, user, row.organisation_id, CERTIFICATION);
  if (row.status === "revoked") throw new Conflict("取り消された認証の認証書は出力できません。", "revoked");
  const body = await renderCertificatePdf({
    number: row.number,
    companyName: row.company_name,
    tierName: row.tier_name,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    certifiedOn: row.decided_on ?? row.valid_from,
    issuedOn,
  });
  return { file: { name: `認証書_${row.number}_${safeName(row.company_name)}.pdf`, mimeType: "application/pdf", body } };
}

export async function noticePdf(db: Db, user: Principal | null, applicationId: string, issuedOn = todayInJapan()): Promise<FileResult> {
  const row = await repo.findNotice(db, applicationId);
  if (!row) throw new NotFound("申請");
  await checkDocumentReader(db, user, row.organisation_id, "申請");
  if (!row.decision || (row.status !== "certified" && row.status !== "refused"))
    throw new NotFound("審査会の決定（通知書は、審査会で認証または不認証と決まった申請にだけあります）");
  const certification = row.certification_id ? await repo.findCertification(db, row.certification_id) : null;
  const body = await renderNoticePdf({
    decision: row.decision,
    companyName: row.company_name,
    address: row.address,
    roundName: row.round_name,
    kind: row.kind,
    decidedOn: row.decided_on ?? issuedOn,
    reason: row.reason ?? "",
    issuedOn,
    certification: certification
      ? {
          number: certification.number,
          tierName: certification.tier_name,
          validFrom: certification.valid_from,
          validUntil: certification.valid_until,
        }
      : null,
  });
  const title = row.decision === "certify" ? "認証通知書" : "不認証通知書";
  return { file: { name: `${title}_${safeName(row.company_name)}.pdf`, mimeType: "application/pdf", body } };
}

// ------------------------------------------------------------------ 期限切れ (scheduled)

/** Marks every active certification past its last valid day as expired, audited as the system; idempotent. */
export async function expireCertifications(db: Db, today = todayInJapan()): Promise<{ expired: string[] }> {
  return db.transaction(async (tx) => {
    const rows = await repo.expireBefore(tx, today);
    for (const row of rows)
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: "update",
        entityType: "sdgs_certification",
        entityId: row.id,
        summary: `認証 ${row.number} は有効期間（${formatWareki(row.valid_until)}まで）が終わったため期限切れ`,
        before: { status: "active" },
        after: { status: "expired" },
      });
    return { expired: rows.map((r) => r.number) };
  });
}

/** The daily task (every process that runs workers; several at once do no harm: the update takes each row once). */
export const certificationExpiryTask: ScheduledTask = {
  name: "sdgs.certification-expiry",
  everyMinutes: 24 * 60,
  run: (db) => expireCertifications(db),
};
