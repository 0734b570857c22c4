// 取組状況の報告 (the yearly progress report on the certified application's goals), as the company writes it: its
// certifications with their state (common/sdgs/certification-lifecycle.ts) and the periods due, a report saved as a
// draft (each goal's actual and comment, and a comment on the whole) and submitted once every goal has its actual.
// A period may be written from REPORT_OPENS_DAYS_BEFORE days before its due date (so that it can be on time), and
// any time after it; periods further ahead are not open. Staff accept the report (the certification part's work).
import {
  type CompanyCertification,
  type ProgressReport,
  type ProgressReportInput,
  REPORT_STATUS_LABELS,
  type ReportStatus,
} from "../../../common/api/sdgs-company";
import { formatWareki, todayInJapan } from "../../../common/dates";
import { addDays, CERTIFICATION_STATE_LABELS, certificationState, reportDueOn } from "../../../common/sdgs/certification-lifecycle";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound, ValidationError } from "../../platform/errors";
import { companyOfUser } from "./access";
import {
  type CompanyCertificationRow,
  findCompanyCertification,
  findCompanyCertifications,
  findReport,
  findReportGoals,
  insertReport,
  markReportSubmitted,
  type ReportRow,
  replaceReportGoals,
  updateReportComment,
} from "./progress-report-repository";

/** A period's report may be written from this many days before its due date. */
export const REPORT_OPENS_DAYS_BEFORE = 60;

const REPORT = "取組状況の報告";
const iso = (value: Date | string | null) => (value === null ? null : (value instanceof Date ? value : new Date(value)).toISOString());
const num = (value: string | number | null) => (value === null ? null : Number(value));

function reportsOf(row: CompanyCertificationRow): { period: number; status: string }[] {
  return typeof row.reports === "string" ? JSON.parse(row.reports) : row.reports;
}

interface PeriodFacts {
  period: number;
  dueOn: string;
  status: ReportStatus;
  overdue: boolean;
  open: boolean;
}

/** The certification's report periods up to its end: which are open (due or within the window before) and which overdue. */
export function periodsOf(row: CompanyCertificationRow, today: string): { periods: PeriodFacts[]; nextDueOn: string | null } {
  const reports = new Map(reportsOf(row).map((r) => [Number(r.period), r.status as ReportStatus]));
  const periods: PeriodFacts[] = [];
  let nextDueOn: string | null = null;
  for (let period = 1; period <= 60; period++) {
    const dueOn = reportDueOn(row.valid_from, period, row.report_interval_months);
    if (dueOn > row.valid_until) break;
    const status = reports.get(period) ?? "not_started";
    const open = addDays(dueOn, -REPORT_OPENS_DAYS_BEFORE) <= today;
    if (!open) {
      nextDueOn = dueOn;
      break;
    }
    periods.push({ period, dueOn, status, open, overdue: dueOn <= today && (status === "not_started" || status === "draft") });
  }
  return { periods, nextDueOn };
}

export async function listCertifications(
  db: Db,
  user: Principal | null,
  today: string = todayInJapan(),
): Promise<{ today: string; items: CompanyCertification[] }> {
  const company = await companyOfUser(db, user);
  const rows = await findCompanyCertifications(db, company.id);
  return {
    today,
    items: rows.map((row) => {
      const reported = reportsOf(row)
        .filter((r) => r.status === "submitted" || r.status === "accepted")
        .map((r) => Number(r.period));
      const state = certificationState(
        { status: row.status, validFrom: row.valid_from, validUntil: row.valid_until, reportedPeriods: reported },
        { renewalWindowDays: row.renewal_window_days, reportIntervalMonths: row.report_interval_months },
        today,
      );
      const { periods, nextDueOn } = periodsOf(row, today);
      return {
        id: row.id,
        number: row.number,
        roundName: row.round_name,
        tierName: row.tier_name,
        tierRank: row.tier_rank,
        validFrom: row.valid_from,
        validUntil: row.valid_until,
        state,
        stateLabel: CERTIFICATION_STATE_LABELS[state],
        periods: row.status === "active" || row.status === "expired" ? periods : periods.filter((p) => p.status !== "not_started"),
        nextDueOn: row.status === "active" ? nextDueOn : null,
        isSample: row.is_sample,
      };
    }),
  };
}

interface Loaded {
  certification: CompanyCertificationRow;
  period: PeriodFacts;
  report: ReportRow | null;
  companyName: string;
}

async function load(tx: Queryable, user: Principal | null, id: string, period: number, today: string, forUpdate: boolean): Promise<Loaded> {
  const company = await companyOfUser(tx, user);
  const certification = await findCompanyCertification(tx, id, company.id);
  if (!certification) throw new NotFound("認証");
  const { periods } = periodsOf(certification, today);
  const facts = periods.find((p) => p.period === period);
  if (!facts) {
    const dueOn = reportDueOn(certification.valid_from, period, certification.report_interval_months);
    if (dueOn > certification.valid_until) throw new NotFound(REPORT);
    throw new ValidationError(
      `第${period}期の取組状況の報告はまだ受け付けていません。報告期限（${formatWareki(dueOn)}）の${REPORT_OPENS_DAYS_BEFORE}日前から作成できます。`,
    );
  }
  const report = await findReport(tx, certification.id, period, { forUpdate });
  return { certification, period: facts, report, companyName: company.name };
}

const mayEdit = (loaded: Loaded) =>
  loaded.certification.status === "active" && (loaded.report === null || loaded.report.status === "draft");

async function view(db: Queryable, loaded: Loaded): Promise<ProgressReport> {
  const { certification, report } = loaded;
  const goals = await findReportGoals(db, certification.application_id, report?.id ?? null);
  const status: ReportStatus = report?.status ?? "not_started";
  return {
    certification: {
      id: certification.id,
      number: certification.number,
      tierName: certification.tier_name,
      validFrom: certification.valid_from,
      validUntil: certification.valid_until,
    },
    period: loaded.period.period,
    dueOn: loaded.period.dueOn,
    status,
    statusLabel: REPORT_STATUS_LABELS[status],
    version: report?.version ?? null,
    comment: report?.comment ?? "",
    submittedAt: iso(report?.submitted_at ?? null),
    acceptedAt: iso(report?.accepted_at ?? null),
    canEdit: mayEdit(loaded),
    goals: goals.map((g) => ({
      goalId: g.goal_id,
      title: g.title,
      kpi: g.kpi,
      unit: g.unit,
      sdgGoals: g.sdg_goals.map(Number),
      baseline: num(g.baseline),
      baselineYear: g.baseline_year,
      target: Number(g.target),
      targetYear: g.target_year,
      actual: num(g.actual),
      comment: g.comment ?? "",
    })),
    isSample: report?.is_sample ?? false,
  };
}

export async function getReport(
  db: Db,
  user: Principal | null,
  id: string,
  period: number,
  today: string = todayInJapan(),
): Promise<ProgressReport> {
  return view(db, await load(db, user, id, period, today, false));
}

function requireEditable(loaded: Loaded, version: number | null): void {
  if (loaded.certification.status !== "active") throw new Conflict("有効な認証の報告だけを作成・変更できます。", "certification_closed");
  if (loaded.report && loaded.report.status !== "draft")
    throw new Conflict(`${REPORT_STATUS_LABELS[loaded.report.status]}の報告は変更できません。`, "report_closed");
  if ((loaded.report?.version ?? null) !== version)
    throw new Conflict("この報告はほかの画面で先に保存されています。画面を読み込み直してから、もう一度保存してください。", "stale_version");
}

export async function saveReport(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  period: number,
  input: ProgressReportInput,
  today: string = todayInJapan(),
): Promise<ProgressReport> {
  return db.transaction(async (tx) => {
    const loaded = await load(tx, user, id, period, today, true);
    requireEditable(loaded, input.version);
    const goals = await findReportGoals(tx, loaded.certification.application_id, null);
    const goalIds = new Set(goals.map((g) => g.goal_id));
    if (input.goals.some((g) => !goalIds.has(g.goalId)))
      throw new ValidationError("この認証の目標ではない目標が含まれています。画面を読み込み直してください。");
    if (new Set(input.goals.map((g) => g.goalId)).size !== input.goals.length) throw new ValidationError("同じ目標が重複しています。");
    let reportId = loaded.report?.id;
    if (reportId) await updateReportComment(tx, reportId, input.comment);
    else reportId = await insertReport(tx, loaded.certification.id, period, input.comment);
    await replaceReportGoals(tx, reportId, input.goals);
    await recordAudit(tx, actor, {
      action: loaded.report ? "update" : "create",
      entityType: "sdgs_progress_report",
      entityId: reportId,
      summary: `「${loaded.companyName}」が認証${loaded.certification.number}の第${period}期の取組状況の報告を下書き保存`,
      after: { period, comment: input.comment, goals: input.goals },
    });
    return view(tx, { ...loaded, report: await findReport(tx, loaded.certification.id, period) });
  });
}

export async function submitReport(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  period: number,
  input: { version: number },
  today: string = todayInJapan(),
): Promise<ProgressReport> {
  return db.transaction(async (tx) => {
    const loaded = await load(tx, user, id, period, today, true);
    if (!loaded.report) throw new ValidationError("報告を下書き保存してから提出してください。");
    requireEditable(loaded, input.version);
    const goals = await findReportGoals(tx, loaded.certification.application_id, loaded.report.id);
    const missing = goals.filter((g) => g.actual === null);
    if (missing.length > 0)
      throw new ValidationError(
        `提出できません。次の目標の実績値を入力してください：${missing.map((g) => `「${g.title}」`).join("、")}`,
        Object.fromEntries(missing.map((g) => [`goals.${g.goal_id}`, "実績値を入力してください。"])),
      );
    await markReportSubmitted(tx, loaded.report.id);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "sdgs_progress_report",
      entityId: loaded.report.id,
      summary: `「${loaded.companyName}」が認証${loaded.certification.number}の第${period}期の取組状況の報告を提出`,
      before: { status: "draft" },
      after: { status: "submitted" },
    });
    return view(tx, { ...loaded, report: await findReport(tx, loaded.certification.id, period) });
  });
}
