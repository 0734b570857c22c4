// The period of the アクセス解析 dashboard: its presets (直近30日, 今月, 先月, 今年度 — 年度 April to March) and the
// days inside a period, as plain date arithmetic on YYYY-MM-DD strings (Japan has one time zone and no summer time).
import { fiscalYearOf, fiscalYearRange } from "../dates";

export const ANALYTICS_PRESETS = ["last30", "thisMonth", "lastMonth", "thisFiscalYear"] as const;
export type AnalyticsPreset = (typeof ANALYTICS_PRESETS)[number];

export const ANALYTICS_PRESET_LABELS: Record<AnalyticsPreset, string> = {
  last30: "直近30日",
  thisMonth: "今月",
  lastMonth: "先月",
  thisFiscalYear: "今年度",
};

/** The longest period the dashboard shows at once (two years and a day: a leap year's 年度 twice). */
export const ANALYTICS_MAX_DAYS = 731;

export interface Period {
  /** first day, YYYY-MM-DD */
  from: string;
  /** last day (inclusive), YYYY-MM-DD */
  to: string;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const isoOfDayNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** `iso` moved by `days` (negative: back). */
export function addDays(iso: string, days: number): string {
  return isoOfDayNumber(dayNumber(iso) + days);
}

/** Days from `from` to `to`, both counted (1 for the same day; 0 when `to` is before `from`). */
export function daysInPeriod({ from, to }: Period): number {
  return Math.max(0, dayNumber(to) - dayNumber(from) + 1);
}

/** Every day of the period, first to last. */
export function eachDay(period: Period): string[] {
  const start = dayNumber(period.from);
  return Array.from({ length: daysInPeriod(period) }, (_, i) => isoOfDayNumber(start + i));
}

function monthStart(iso: string): string {
  return `${iso.slice(0, 7)}-01`;
}

/** A preset's period on `today` (Japan's date). 今月 and 今年度 end today: the rest has not happened yet. */
export function presetPeriod(preset: AnalyticsPreset, today: string): Period {
  switch (preset) {
    case "last30":
      return { from: addDays(today, -29), to: today };
    case "thisMonth":
      return { from: monthStart(today), to: today };
    case "lastMonth": {
      const lastOfPrevious = addDays(monthStart(today), -1);
      return { from: monthStart(lastOfPrevious), to: lastOfPrevious };
    }
    case "thisFiscalYear":
      return { from: fiscalYearRange(fiscalYearOf(today)).start, to: today };
  }
}

/** Why a period cannot be shown, or null: the end before the start, or longer than ANALYTICS_MAX_DAYS. */
export function periodProblem(period: Period): string | null {
  if (period.to < period.from) return "期間の終わりが始まりより前です。";
  if (daysInPeriod(period) > ANALYTICS_MAX_DAYS) return `期間は${ANALYTICS_MAX_DAYS}日（2年）までにしてください。`;
  return null;
}
