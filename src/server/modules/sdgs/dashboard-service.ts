// ダッシュボード of サステナブル経営認証 (staff). Every figure, as defined here (and on the screen):
// - 認証企業数 (certified.total): companies holding a certification valid today (日本時間): status active and today
//   within valid_from … valid_until (isValidOn). A company counts once; per tier, ward (the company's 区) and industry.
// - 申請の状況 (applications): the applications of the round of the fiscal year asked for (default: this fiscal
//   year's round), counted by status; total = all of them, withdrawn and refused included.
// - 金融連携 (finance): every finance record entered by the banks so far (累計, whatever its date and whether the
//   certification is still valid). count = the records; amountAtLeastYen = the sum of each record's amount band's
//   lower bound (AMOUNT_BAND_LOWER_YEN: "以上" on the screen, the banks report bands, not amounts); per bank and per
//   tier (the tier of the certification the record was for).
// - 資金を得た認証企業の割合 (financedShare): the companies counted in 認証企業数 that have at least one finance record
//   (any date) ÷ 認証企業数; 0 when none is certified.
// - 報告期限超過 (reportsOverdue): certifications valid today with a yearly progress report due and not submitted
//   (overdueReportPeriods with the round's report interval).
// - 期限間近 (expiringSoon): certifications valid today whose end is within the round's renewal window (90 days).
import type { Dashboard } from "../../../common/api/sdgs-finance";
import { fiscalYearOf, todayInJapan } from "../../../common/dates";
import { APPLICATION_STATUS_LABELS, APPLICATION_STATUSES } from "../../../common/sdgs/application-states";
import { daysBetween, overdueReportPeriods } from "../../../common/sdgs/certification-lifecycle";
import { INDUSTRIES, INDUSTRY_LABELS, WARD_LABELS, WARDS } from "../../../common/sdgs/labels";
import type { Queryable } from "../../db/database";
import { authorize, type Principal } from "../../platform/auth/permissions";
import * as repo from "./finance-repository";
import { amountAtLeast } from "./finance-service";

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

export async function getDashboard(db: Queryable, user: Principal | null, fiscalYear?: number): Promise<Dashboard> {
  authorize(user, "sdgs.read");
  const today = todayInJapan();
  const fy = fiscalYear ?? fiscalYearOf(today);

  // 認証企業: one row per company (the best tier when a company holds two valid certifications)
  const valid = await repo.findValidForDashboard(db, today);
  const byCompany = new Map<string, (typeof valid)[number]>();
  for (const row of [...valid].sort((a, b) => a.tier_rank - b.tier_rank))
    if (!byCompany.has(row.company_id)) byCompany.set(row.company_id, row);
  const companies = [...byCompany.values()];
  const tiers = [...new Map(companies.map((c) => [c.tier_rank, c.tier_name])).entries()].sort((a, b) => a[0] - b[0]);
  const tierCounts = countBy(companies, (c) => String(c.tier_rank));
  const wardCounts = countBy(companies, (c) => c.ward);
  const industryCounts = countBy(companies, (c) => c.industry);

  const reportsOverdue = valid.filter(
    (c) =>
      overdueReportPeriods(
        { status: "active", validFrom: c.valid_from, validUntil: c.valid_until, reportedPeriods: c.reported_periods },
        { renewalWindowDays: c.renewal_window_days, reportIntervalMonths: c.report_interval_months },
        today,
      ).length > 0,
  ).length;
  const expiringSoon = valid.filter((c) => daysBetween(today, c.valid_until) <= c.renewal_window_days).length;

  // 申請の状況
  const round = await repo.findRoundOfYear(db, fy);
  const statusCounts = new Map((round ? await repo.countApplicationsByStatus(db, round.id) : []).map((r) => [r.status, r.n]));

  // 金融連携
  const finance = await repo.findFinanceForDashboard(db);
  const bankRows = new Map<string, { label: string; sort: number; bands: (typeof finance)[number]["amount_band"][] }>();
  const tierRows = new Map<number, { label: string; bands: (typeof finance)[number]["amount_band"][] }>();
  for (const f of finance) {
    const bank = bankRows.get(f.bank_id) ?? { label: f.bank_name, sort: f.bank_sort, bands: [] };
    bank.bands.push(f.amount_band);
    bankRows.set(f.bank_id, bank);
    const tier = tierRows.get(f.tier_rank) ?? { label: f.tier_name, bands: [] };
    tier.bands.push(f.amount_band);
    tierRows.set(f.tier_rank, tier);
  }
  const financed = new Set(finance.map((f) => f.company_id));
  const companiesWithFinance = companies.filter((c) => financed.has(c.company_id)).length;

  return {
    asOf: today,
    fiscalYear: fy,
    certified: {
      total: companies.length,
      byTier: tiers.map(([rank, name]) => ({ key: String(rank), label: name, count: tierCounts.get(String(rank)) ?? 0 })),
      byWard: WARDS.filter((w) => wardCounts.has(w)).map((w) => ({ key: w, label: WARD_LABELS[w], count: wardCounts.get(w)! })),
      byIndustry: INDUSTRIES.filter((i) => industryCounts.has(i)).map((i) => ({
        key: i,
        label: INDUSTRY_LABELS[i],
        count: industryCounts.get(i)!,
      })),
    },
    applications: {
      roundName: round?.name ?? null,
      byStatus: APPLICATION_STATUSES.map((s) => ({ key: s, label: APPLICATION_STATUS_LABELS[s], count: statusCounts.get(s) ?? 0 })),
      total: [...statusCounts.values()].reduce((a, b) => a + b, 0),
    },
    finance: {
      count: finance.length,
      amountAtLeastYen: amountAtLeast(finance.map((f) => f.amount_band)),
      byBank: [...bankRows.entries()]
        .sort((a, b) => a[1].sort - b[1].sort || a[1].label.localeCompare(b[1].label, "ja"))
        .map(([key, row]) => ({ key, label: row.label, count: row.bands.length, amountAtLeastYen: amountAtLeast(row.bands) })),
      byTier: [...tierRows.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([rank, row]) => ({
          key: String(rank),
          label: row.label,
          count: row.bands.length,
          amountAtLeastYen: amountAtLeast(row.bands),
        })),
      companiesWithFinance,
      financedShare: companies.length ? companiesWithFinance / companies.length : 0,
    },
    reportsOverdue,
    expiringSoon,
  };
}
