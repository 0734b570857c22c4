// 経費台帳 (cost ledger) and the 5割 test, pure: figures in, figures out with their explanation.
// The national survey (現況調査) counts 募集等に伴う費用 in six categories; 調達・送付 come from the catalog's dated costs,
// ポータル手数料 from each portal's fee_ratio (counted under 事務, as the survey counts ポータルサイト利用料), and the
// rest from the entries staff type in. Money is integer yen throughout; ratios are plain numbers (0.5 = 50%).
import { fiscalYearRange } from "../dates.js";
import { COST_CATEGORIES, type CostCategory } from "./donation.js";

/** 5割基準: 募集等に伴う費用の合計 ≤ 受入額 × 5割 (exactly 50% passes). */
export const COST_CAP_RATIO = 0.5;
/** The same limit as an integer fraction, so the comparison is exact. */
export const COST_CAP_FRACTION = { numerator: 1, denominator: 2 } as const;
/** 注意: from 45% of the donations (inclusive) the traffic light turns yellow. */
export const COST_WARNING_FRACTION = { numerator: 45, denominator: 100 } as const;

export type CategoryAmounts = Record<CostCategory, number>;

export function zeroAmounts(): CategoryAmounts {
  return { 調達: 0, 送付: 0, 広報: 0, 決済等: 0, 事務: 0, その他: 0 };
}

/** What the catalog and the portals contribute to one fiscal year's costs. */
export interface ComputedCosts {
  /** Σ 調達費用 × quantity × deliveries of paid, non-resident donations' items (cost effective on the donation date) */
  procurement: number;
  /** Σ 送料 likewise */
  shipping: number;
  /** Σ portal fee_ratio × paid donation amount (ポータル手数料, counted under 事務) */
  portalFees: number;
}

export interface CostLedgerLine {
  category: CostCategory;
  /** from the catalog (調達・送付) or the portals (事務: ポータル手数料) */
  computed: number;
  /** the part of `computed` that is ポータル手数料 (事務 only; 0 elsewhere) */
  portalFees: number;
  /** the staff's own entries (furusato_cost_entries) */
  manual: number;
  total: number;
  /** total ÷ 受入額; null when nothing was received */
  shareOfDonations: number | null;
}

export type TrafficLight = "green" | "yellow" | "red";

export interface CostLedger {
  /** 受入額: paid (入金済) donations of the fiscal year */
  donationAmount: number;
  lines: CostLedgerLine[];
  computedTotal: number;
  manualTotal: number;
  totalCosts: number;
  /** 経費率 = totalCosts ÷ donationAmount; null when nothing was received */
  costRatio: number | null;
  /** 5割基準を満たす */
  withinHalf: boolean;
  light: TrafficLight;
  /** 事業に使える額: donationAmount − totalCosts (negative when the costs exceed the donations) */
  usableAmount: number;
  /** 1 − costRatio; null when nothing was received */
  usableRatio: number | null;
}

/** costs ÷ donations, or null when there were no donations (a ratio of nothing is not 0%). */
export function costRatio(costs: number, donations: number): number | null {
  return donations > 0 ? costs / donations : null;
}

/**
 * 5割基準: costs ≤ donations × 1/2, in exact integer arithmetic (costs × 2 ≤ donations). With no donations the
 * test passes only when there are no costs either.
 */
export function withinHalfRule(costs: number, donations: number): boolean {
  return costs * COST_CAP_FRACTION.denominator <= donations * COST_CAP_FRACTION.numerator;
}

/** green below 45%, yellow from 45% up to 50% (inclusive), red above 50% (or costs without donations). */
export function costLight(costs: number, donations: number): TrafficLight {
  if (!withinHalfRule(costs, donations)) return "red";
  if (costs * COST_WARNING_FRACTION.denominator >= donations * COST_WARNING_FRACTION.numerator && costs > 0) return "yellow";
  return "green";
}

export function buildCostLedger(input: { donationAmount: number; computed: ComputedCosts; manual: CategoryAmounts }): CostLedger {
  const { donationAmount, computed, manual } = input;
  const computedOf: CategoryAmounts = { ...zeroAmounts(), 調達: computed.procurement, 送付: computed.shipping, 事務: computed.portalFees };
  const lines = COST_CATEGORIES.map((category): CostLedgerLine => {
    const total = computedOf[category] + manual[category];
    return {
      category,
      computed: computedOf[category],
      portalFees: category === "事務" ? computed.portalFees : 0,
      manual: manual[category],
      total,
      shareOfDonations: costRatio(total, donationAmount),
    };
  });
  const computedTotal = lines.reduce((sum, line) => sum + line.computed, 0);
  const manualTotal = lines.reduce((sum, line) => sum + line.manual, 0);
  const totalCosts = computedTotal + manualTotal;
  const ratio = costRatio(totalCosts, donationAmount);
  return {
    donationAmount,
    lines,
    computedTotal,
    manualTotal,
    totalCosts,
    costRatio: ratio,
    withinHalf: withinHalfRule(totalCosts, donationAmount),
    light: costLight(totalCosts, donationAmount),
    usableAmount: donationAmount - totalCosts,
    usableRatio: ratio === null ? null : 1 - ratio,
  };
}

// ---------------------------------------------------------------- forecast (年度末の見込み)

/** The same day one year earlier; 29 February becomes 28 February. */
export function sameDayLastYear(iso: string): string {
  const year = Number(iso.slice(0, 4)) - 1;
  const month = iso.slice(5, 7);
  let day = iso.slice(8, 10);
  if (month === "02" && day === "29") day = "28";
  return `${String(year).padStart(4, "0")}-${month}-${day}`;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** How far `today` is into the fiscal year: days elapsed (inclusive of today) and days in the year. */
export function fiscalYearProgress(fiscalYear: number, today: string): { elapsedDays: number; totalDays: number } {
  const { start, end } = fiscalYearRange(fiscalYear);
  const totalDays = daysBetween(start, end) + 1;
  const elapsedDays = Math.min(totalDays, Math.max(0, daysBetween(start, today) + 1));
  return { elapsedDays, totalDays };
}

export type ForecastMethod =
  /** the year is over: the figures are the actual ones */
  | "actual"
  /** this year so far ÷ last year's share of its year by the same day */
  | "last-year-share"
  /** this year so far × days in the year ÷ days elapsed */
  | "linear"
  /** the year has not begun, or nothing was received yet */
  | "none";

export interface ForecastInput {
  fiscalYear: number;
  /** the day the figures are as of (ISO) */
  today: string;
  /** 受入額 of this year so far */
  donationsSoFar: number;
  /** all costs of this year so far (computed + manual) */
  costsSoFar: number;
  /** last year's 受入額 from its start to the same day (sameDayLastYear(today)) */
  lastYearSamePeriod: number;
  /** last year's whole 受入額 */
  lastYearTotal: number;
}

export interface Forecast {
  method: ForecastMethod;
  /** the share of the year's donations assumed received so far (last year's share, or elapsed days ÷ days) */
  shareOfYearSoFar: number | null;
  donations: number;
  costs: number;
  costRatio: number | null;
  withinHalf: boolean;
  light: TrafficLight;
  usableAmount: number;
  usableRatio: number | null;
}

function forecastOf(method: ForecastMethod, share: number | null, donations: number, costs: number): Forecast {
  const ratio = costRatio(costs, donations);
  return {
    method,
    shareOfYearSoFar: share,
    donations,
    costs,
    costRatio: ratio,
    withinHalf: withinHalfRule(costs, donations),
    light: costLight(costs, donations),
    usableAmount: donations - costs,
    usableRatio: ratio === null ? null : 1 - ratio,
  };
}

/**
 * 年度末の見込み. Donations: this year so far scaled by last year's share of its year received by the same day
 * (ふるさと納税 piles up in December, so a straight line underestimates in autumn); when last year gives no share
 * (no donations by that day, or none at all) the scale is the elapsed days. Costs: the costs so far plus the
 * cost-to-donation ratio so far applied to the donations still to come.
 */
export function forecastYear(input: ForecastInput): Forecast {
  const { fiscalYear, today, donationsSoFar, costsSoFar, lastYearSamePeriod, lastYearTotal } = input;
  const { end } = fiscalYearRange(fiscalYear);
  if (today > end) return forecastOf("actual", 1, donationsSoFar, costsSoFar);
  const { elapsedDays, totalDays } = fiscalYearProgress(fiscalYear, today);
  if (elapsedDays === 0 || donationsSoFar <= 0) return forecastOf("none", null, donationsSoFar, costsSoFar);
  const useLastYear = lastYearTotal > 0 && lastYearSamePeriod > 0;
  const share = useLastYear ? Math.min(1, lastYearSamePeriod / lastYearTotal) : elapsedDays / totalDays;
  const donations = Math.max(donationsSoFar, Math.round(donationsSoFar / share));
  const costs = costsSoFar + Math.round((donations - donationsSoFar) * (costsSoFar / donationsSoFar));
  return forecastOf(useLastYear ? "last-year-share" : "linear", share, donations, costs);
}
