// ダッシュボードの集計 (pure): the per-portal, per-month totals of a fiscal year laid out April → March, the
// totals, and the growth against last year over the same months. Amounts are integer yen.
import { fiscalYearRange } from "../dates.js";

/** One row of the per-portal-month aggregate (SQL gives "YYYY-MM-01" for the month). */
export interface PortalMonthTotal {
  portalCode: string;
  month: string;
  count: number;
  amount: number;
}

export interface PortalSeries {
  portalCode: string;
  /** 12 months, April → March */
  amounts: number[];
  counts: number[];
  amount: number;
  count: number;
}

export interface MonthTable {
  /** "YYYY-MM", April → March */
  months: string[];
  portals: PortalSeries[];
  monthAmounts: number[];
  monthCounts: number[];
  amount: number;
  count: number;
}

/** The 12 months of a fiscal year as "YYYY-MM", April first. */
export function fiscalMonths(fiscalYear: number): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((i + 3) % 12) + 1;
    const year = month >= 4 ? fiscalYear : fiscalYear + 1;
    return `${year}-${String(month).padStart(2, "0")}`;
  });
}

/** 0 for April … 11 for March; -1 when the month is outside the fiscal year. */
export function fiscalMonthIndex(fiscalYear: number, monthIso: string): number {
  return fiscalMonths(fiscalYear).indexOf(monthIso.slice(0, 7));
}

/**
 * How many months of the year have begun by `today`: 0 before April 1, 12 once March has begun (and after the
 * year). These are the months compared with last year.
 */
export function monthsBegun(fiscalYear: number, today: string): number {
  const { start, end } = fiscalYearRange(fiscalYear);
  if (today < start) return 0;
  if (today > end) return 12;
  return fiscalMonthIndex(fiscalYear, today) + 1;
}

/** Lays the aggregate out by portal (in `portalOrder`, then any others by code) and month. */
export function buildMonthTable(fiscalYear: number, rows: PortalMonthTotal[], portalOrder: string[] = []): MonthTable {
  const months = fiscalMonths(fiscalYear);
  const byPortal = new Map<string, PortalSeries>();
  const seriesOf = (portalCode: string) => {
    let series = byPortal.get(portalCode);
    if (!series) {
      series = { portalCode, amounts: Array(12).fill(0), counts: Array(12).fill(0), amount: 0, count: 0 };
      byPortal.set(portalCode, series);
    }
    return series;
  };
  for (const row of rows) {
    const index = fiscalMonthIndex(fiscalYear, row.month);
    if (index < 0) continue;
    const series = seriesOf(row.portalCode);
    series.amounts[index] += row.amount;
    series.counts[index] += row.count;
    series.amount += row.amount;
    series.count += row.count;
  }
  const rank = (code: string) => {
    const i = portalOrder.indexOf(code);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const portals = [...byPortal.values()].sort(
    (a, b) => rank(a.portalCode) - rank(b.portalCode) || a.portalCode.localeCompare(b.portalCode),
  );
  const monthAmounts = months.map((_, i) => portals.reduce((sum, p) => sum + p.amounts[i], 0));
  const monthCounts = months.map((_, i) => portals.reduce((sum, p) => sum + p.counts[i], 0));
  return {
    months,
    portals,
    monthAmounts,
    monthCounts,
    amount: monthAmounts.reduce((a, b) => a + b, 0),
    count: monthCounts.reduce((a, b) => a + b, 0),
  };
}

/** 前年比 as growth: current ÷ previous − 1 (0.1 = +10%); null when last year had nothing to compare with. */
export function growthRatio(current: number, previous: number): number | null {
  return previous > 0 ? current / previous - 1 : null;
}

export interface YearComparison {
  /** months compared (April → the month of `today`, or all 12 for a finished year) */
  months: number;
  amount: number;
  previousAmount: number;
  count: number;
  previousCount: number;
  amountGrowth: number | null;
  countGrowth: number | null;
}

/** This year against last year over the same months (the months begun so far). */
export function compareWithLastYear(current: MonthTable, previous: MonthTable, monthsCompared: number): YearComparison {
  const sum = (values: number[]) => values.slice(0, monthsCompared).reduce((a, b) => a + b, 0);
  const amount = sum(current.monthAmounts);
  const previousAmount = sum(previous.monthAmounts);
  const count = sum(current.monthCounts);
  const previousCount = sum(previous.monthCounts);
  return {
    months: monthsCompared,
    amount,
    previousAmount,
    count,
    previousCount,
    amountGrowth: growthRatio(amount, previousAmount),
    countGrowth: growthRatio(count, previousCount),
  };
}

/** Days from `today` to `deadline` (negative once it has passed). */
export function daysUntil(today: string, deadline: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
