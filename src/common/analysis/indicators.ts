// 経営分析の指標: computed from a subject's (or peer's) yearly figures, pure and the same on the server, the page and
// the report. A figure that was not entered is missing, never 0: an indicator that needs it is missing too, with the
// reason (「人件費が未入力」), and a year without figures is a gap in a trend, never a fall to zero. A ratio over a total
// of 0 yen is missing as well (「収入合計が0円」), never a division by zero.
import { FIGURE_ITEMS, type FigureItemCode, figureItem } from "./figure-items";

export interface YearFigures {
  fiscalYear: number;
  /** the figures entered (or read) for the year; an item left out is missing */
  items: Partial<Record<FigureItemCode, number>>;
  /** activity measures' values by measure id; a measure left out is missing */
  measures: Record<string, number>;
}

export interface MeasureInfo {
  id: string;
  name: string;
  unit: string;
  isCostBasis: boolean;
}

export interface FacilityInfo {
  name: string;
  builtYear: number;
  floorAreaM2: number | null;
}

export interface SubjectFigures {
  years: YearFigures[];
  measures: MeasureInfo[];
  facilities: FacilityInfo[];
}

export type IndicatorUnit = "%" | "円" | "年" | "人";

export interface IndicatorDef {
  key: string;
  label: string;
  unit: IndicatorUnit;
  /** how it is computed, in words (shown beside the figure and in the report) */
  formula: string;
}

export interface IndicatorValue {
  value: number | null;
  /** why the value is missing (null value only) */
  missing?: string;
}

/** The fixed indicators; cost per unit is added per measure (costPerUnitKey). */
export const BASE_INDICATORS = [
  { key: "revenue_total", label: "収入合計", unit: "円", formula: "収入の各項目の合計" },
  { key: "city_money", label: "市からの収入", unit: "円", formula: "運営費交付金＋補助金＋委託料・指定管理料（いずれも市）" },
  { key: "dependency", label: "市財政への依存度", unit: "%", formula: "市からの収入 ÷ 収入合計" },
  { key: "self_revenue", label: "自主財源比率", unit: "%", formula: "自主財源（授業料・事業収入・寄附金など）÷ 収入合計" },
  { key: "expense_total", label: "支出合計", unit: "円", formula: "支出の各項目の合計" },
  { key: "balance", label: "収支差", unit: "円", formula: "収入合計 − 支出合計" },
  { key: "personnel_ratio", label: "人件費比率", unit: "%", formula: "人件費 ÷ 支出合計" },
  { key: "utilities_ratio", label: "光熱水費比率", unit: "%", formula: "光熱水費 ÷ 支出合計" },
  { key: "staff_total", label: "職員数", unit: "人", formula: "常勤職員数＋非常勤職員数" },
  { key: "dispatched_ratio", label: "市派遣職員の割合", unit: "%", formula: "うち市からの派遣職員数 ÷ 職員数" },
  {
    key: "facility_age",
    label: "施設の平均築年数",
    unit: "年",
    formula: "年度末時点の築年数の平均（延床面積がすべてあれば面積による加重平均）",
  },
] as const satisfies readonly IndicatorDef[];

export type BaseIndicatorKey = (typeof BASE_INDICATORS)[number]["key"];

const COST_PREFIX = "cost_per:";

/** The key of 単位あたりコスト on a measure. */
export const costPerUnitKey = (measureId: string) => `${COST_PREFIX}${measureId}`;

/** Every indicator a subject has: the fixed ones, then cost per unit of each cost-basis measure. */
export function indicatorDefs(measures: readonly MeasureInfo[]): IndicatorDef[] {
  return [
    ...BASE_INDICATORS,
    ...measures
      .filter((m) => m.isCostBasis)
      .map((m) => ({
        key: costPerUnitKey(m.id),
        label: `${m.name}1${m.unit}あたりの経費`,
        unit: "円" as const,
        formula: `支出合計 ÷ ${m.name}`,
      })),
  ];
}

const missing = (why: string): IndicatorValue => ({ value: null, missing: why });
const known = (value: number): IndicatorValue => ({ value });

/** The sum of a section's items of the year, or null when none of them was entered. */
function sumOf(year: YearFigures, codes: readonly string[]): number | null {
  let total: number | null = null;
  for (const code of codes) {
    const v = year.items[code as FigureItemCode];
    if (v !== undefined) total = (total ?? 0) + v;
  }
  return total;
}

const codesWhere = (pred: (i: (typeof FIGURE_ITEMS)[number]) => boolean) => FIGURE_ITEMS.filter(pred).map((i) => i.code);
const REVENUE = codesWhere((i) => i.section === "revenue");
const CITY = codesWhere((i) => i.section === "revenue" && i.origin === "city");
const OWN = codesWhere((i) => i.section === "revenue" && i.origin === "own");
const EXPENSE = codesWhere((i) => i.section === "expense");

/** part ÷ whole in %, missing when either is missing or the whole is 0. */
function ratio(part: number | null, partName: string, whole: number | null, wholeName: string): IndicatorValue {
  if (whole === null) return missing(`${wholeName}が未入力`);
  if (part === null) return missing(`${partName}が未入力`);
  if (whole === 0) return missing(`${wholeName}が0のため算出できません`);
  return known((part / whole) * 100);
}

const itemLabel = (code: FigureItemCode) => figureItem(code)?.label ?? code;

/** The facilities' average age at the end of fiscal year fy (3/31 of fy+1); facilities built later do not count yet. */
export function facilityAge(facilities: readonly FacilityInfo[], fiscalYear: number): IndicatorValue {
  const standing = facilities.filter((f) => f.builtYear <= fiscalYear + 1);
  if (standing.length === 0) return missing("施設が未登録");
  const ages = standing.map((f) => ({ age: fiscalYear + 1 - f.builtYear, area: f.floorAreaM2 }));
  if (ages.every((a) => a.area !== null && a.area > 0)) {
    const area = ages.reduce((s, a) => s + (a.area ?? 0), 0);
    return known(ages.reduce((s, a) => s + a.age * (a.area ?? 0), 0) / area);
  }
  return known(ages.reduce((s, a) => s + a.age, 0) / ages.length);
}

/** Every indicator of one fiscal year. A year with no figures at all gives every figure-based indicator missing. */
export function indicatorsOfYear(figures: SubjectFigures, fiscalYear: number): Record<string, IndicatorValue> {
  const year = figures.years.find((y) => y.fiscalYear === fiscalYear) ?? { fiscalYear, items: {}, measures: {} };
  const revenue = sumOf(year, REVENUE);
  const city = sumOf(year, CITY);
  const own = sumOf(year, OWN);
  const expense = sumOf(year, EXPENSE);
  const staffParts = sumOf(year, ["staff.full_time", "staff.part_time"]);
  const out: Record<string, IndicatorValue> = {
    revenue_total: revenue === null ? missing("収入が未入力") : known(revenue),
    city_money: city === null ? missing("市からの収入が未入力") : known(city),
    dependency: ratio(city, "市からの収入", revenue, "収入合計"),
    self_revenue: ratio(own, "自主財源", revenue, "収入合計"),
    expense_total: expense === null ? missing("支出が未入力") : known(expense),
    balance: revenue === null ? missing("収入が未入力") : expense === null ? missing("支出が未入力") : known(revenue - expense),
    personnel_ratio: ratio(year.items["expense.personnel"] ?? null, itemLabel("expense.personnel"), expense, "支出合計"),
    utilities_ratio: ratio(year.items["expense.utilities"] ?? null, itemLabel("expense.utilities"), expense, "支出合計"),
    staff_total: staffParts === null ? missing("職員数が未入力") : known(staffParts),
    dispatched_ratio: ratio(year.items["staff.city_dispatched"] ?? null, "市からの派遣職員数", staffParts, "職員数"),
    facility_age: facilityAge(figures.facilities, fiscalYear),
  };
  for (const m of figures.measures.filter((m) => m.isCostBasis)) {
    const units = year.measures[m.id];
    out[costPerUnitKey(m.id)] =
      expense === null
        ? missing("支出が未入力")
        : units === undefined
          ? missing(`${m.name}が未入力`)
          : units === 0
            ? missing(`${m.name}が0のため算出できません`)
            : known(expense / units);
  }
  return out;
}

export interface SeriesPoint {
  fiscalYear: number;
  value: number | null;
  missing?: string;
}

/** An indicator over consecutive fiscal years, from..to: every year present, a missing one as null (a gap). */
export function indicatorSeries(figures: SubjectFigures, key: string, from: number, to: number): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  for (let fy = from; fy <= to; fy++) {
    const v = indicatorsOfYear(figures, fy)[key] ?? missing("この指標はありません");
    points.push({ fiscalYear: fy, value: v.value, ...(v.missing ? { missing: v.missing } : {}) });
  }
  return points;
}

/** The fiscal years a subject has figures or measures for, oldest first. */
export function yearsWithFigures(figures: SubjectFigures): number[] {
  return figures.years
    .filter((y) => Object.keys(y.items).length > 0 || Object.keys(y.measures).length > 0)
    .map((y) => y.fiscalYear)
    .sort((a, b) => a - b);
}

export interface Trend {
  /** the first and last years with a value (null when fewer than one) */
  from: SeriesPoint | null;
  to: SeriesPoint | null;
  /** to − from, in the indicator's unit (points for %); null with fewer than two values */
  change: number | null;
  direction: "up" | "down" | "flat" | null;
  /** the years between from and to without a value */
  missingYears: number[];
}

/** The trend of a series: first and last known values and the years missing between them (never read as 0). */
export function trendOf(series: readonly SeriesPoint[]): Trend {
  const knownPoints = series.filter((p) => p.value !== null);
  const from = knownPoints[0] ?? null;
  const to = knownPoints.at(-1) ?? null;
  const missingYears =
    from && to
      ? series.filter((p) => p.value === null && p.fiscalYear > from.fiscalYear && p.fiscalYear < to.fiscalYear).map((p) => p.fiscalYear)
      : [];
  if (!from || !to || from === to) return { from, to, change: null, direction: null, missingYears };
  const change = (to.value as number) - (from.value as number);
  const scale = Math.max(Math.abs(from.value as number), Math.abs(to.value as number), 1e-9);
  const direction = Math.abs(change) / scale < 0.005 ? "flat" : change > 0 ? "up" : "down";
  return { from, to, change, direction, missingYears };
}

export interface PeerValue {
  id: string;
  name: string;
  value: number | null;
  missing?: string;
}

export interface Standing {
  /** 1 = the highest value among those that have one; null when the subject has no value */
  rankHighFirst: number | null;
  /** how many bodies (the subject and peers) have a value for the year */
  of: number;
  median: number | null;
  min: number | null;
  max: number | null;
  /** peers without a value for the year (fewer years of figures, or a figure missing) */
  peersMissing: { id: string; name: string; missing: string }[];
}

/** Where the subject stands among its peers for one indicator and year; peers without a value are named, not counted. */
export function standingAmong(subject: IndicatorValue, peers: readonly PeerValue[]): Standing {
  const values = [subject.value, ...peers.map((p) => p.value)].filter((v): v is number => v !== null);
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length === 0 ? null : sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return {
    rankHighFirst: subject.value === null ? null : 1 + values.filter((v) => v > (subject.value as number)).length,
    of: values.length,
    median: median ?? null,
    min: sorted[0] ?? null,
    max: sorted.at(-1) ?? null,
    peersMissing: peers.filter((p) => p.value === null).map((p) => ({ id: p.id, name: p.name, missing: p.missing ?? "未入力" })),
  };
}

/** A value as the pages and the report show it: % with one decimal, 円 and 人 whole, 年 with one decimal. */
export function formatIndicatorValue(unit: IndicatorUnit, value: number | null): string {
  if (value === null) return "—";
  if (unit === "%") return `${value.toLocaleString("ja-JP", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
  if (unit === "年") return `${value.toLocaleString("ja-JP", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}年`;
  return `${Math.round(value).toLocaleString("ja-JP")}${unit}`;
}
