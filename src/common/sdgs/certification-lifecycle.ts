// 認証の状態 (the certification's lifecycle), pure. Stored: active, superseded (renewed or ranked up), expired, revoked.
// Worked out from the dates and reports on a given day (日本時間の日付): an active certification past its end is
// expired; within the round's renewal window (90 days) of its end it is expiring (期限間近); when a yearly progress
// report is due and not submitted it is report_due (報告期限超過). These are never stored, so they cannot go stale.

export type StoredCertificationStatus = "active" | "superseded" | "expired" | "revoked";
export type CertificationState = "active" | "report_due" | "expiring" | "renewed" | "expired" | "revoked";

export const CERTIFICATION_STATE_LABELS: Record<CertificationState, string> = {
  active: "有効",
  report_due: "報告期限超過",
  expiring: "期限間近",
  renewed: "更新済み",
  expired: "期限切れ",
  revoked: "取消し",
};

export interface CertificationFacts {
  status: StoredCertificationStatus;
  /** YYYY-MM-DD */
  validFrom: string;
  /** YYYY-MM-DD, the last valid day */
  validUntil: string;
  /** the periods (1, 2, …) whose progress report was submitted */
  reportedPeriods: readonly number[];
}

export interface LifecycleRules {
  renewalWindowDays: number;
  reportIntervalMonths: number;
}

/** The day a period's report is due: the certification's start plus period × interval months (the same day of month, or the month's last). */
export function reportDueOn(validFrom: string, period: number, intervalMonths: number): string {
  return addMonths(validFrom, period * intervalMonths);
}

/** The periods whose report is due on or before `today` (and before the end of validity) and not submitted. */
export function overdueReportPeriods(facts: CertificationFacts, rules: LifecycleRules, today: string): number[] {
  const overdue: number[] = [];
  for (let period = 1; ; period++) {
    const due = reportDueOn(facts.validFrom, period, rules.reportIntervalMonths);
    if (due > today || due > facts.validUntil) break;
    if (!facts.reportedPeriods.includes(period)) overdue.push(period);
  }
  return overdue;
}

export function certificationState(facts: CertificationFacts, rules: LifecycleRules, today: string): CertificationState {
  if (facts.status === "revoked") return "revoked";
  if (facts.status === "superseded") return "renewed";
  if (facts.status === "expired" || today > facts.validUntil) return "expired";
  if (overdueReportPeriods(facts, rules, today).length > 0) return "report_due";
  if (daysBetween(today, facts.validUntil) <= rules.renewalWindowDays) return "expiring";
  return "active";
}

/** Valid in the public registry's sense on `today`: not revoked, not expired (a renewed one is followed by its successor). */
export function isValidOn(facts: Pick<CertificationFacts, "status" | "validFrom" | "validUntil">, today: string): boolean {
  return facts.status === "active" && facts.validFrom <= today && today <= facts.validUntil;
}

/** The end of validity: the day before the same date `years` later (valid 2025-04-01 … 2028-03-31). */
export function validUntilFor(validFrom: string, years: number): string {
  return addDays(addMonths(validFrom, years * 12), -1);
}

export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return formatUtc(new Date(Date.UTC(year, month - 1, Math.min(d, lastDay))));
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return formatUtc(date);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function formatUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}
