// 新ビジョン KPI grading (評価): an indicator's actual value is compared with its target pro-rated to the as-of date,
// and the achievement (達成度) is graded by a rule table the city configures. Pure: data in, grade and its
// explanation out. Every grade carries the rule it was made with, so an old grade can be recomputed and explained.
import { formatFiscalYear } from "../dates";
import { formatPlainNumber } from "./plain-number";

/** 評価対象外 reasons: the indicator is listed but not graded or counted. */
export const EXCLUSIONS = ["数値目標対象外", "再掲", "事業終了", "調査中"] as const;
export type Exclusion = (typeof EXCLUSIONS)[number];

/** Status-based rating, for indicators (or projects) without a number. */
export const STATUS_RATINGS = ["順調", "一部遅れ", "大幅遅れ", "完了", "中止", "評価困難"] as const;
export type StatusRating = (typeof STATUS_RATINGS)[number];

export type Direction = "higher" | "lower";

/**
 * progress: 達成度 = (実績 − 基準) ÷ (按分目標 − 基準), how far along the way from the baseline to the target.
 * ratio: 達成度 = 実績 ÷ 按分目標 (higher is better) or 按分目標 ÷ 実績 (lower is better).
 */
export type AchievementFormula = "progress" | "ratio";

export interface GradeBand {
  grade: string;
  /** the band holds achievements ≥ min (percent); the lowest band has min null */
  min: number | null;
}

/**
 * When a round's own 年度 has no value yet: "ungraded" grades the indicator 未評価 (an earlier year's value is never
 * used in its place); "latest" grades the newest earlier value and says which 年度 it was (「令和6年度の値で評価」).
 */
export type EarlierYearValue = "ungraded" | "latest";
export const EARLIER_YEAR_VALUES = ["ungraded", "latest"] as const;
export const EARLIER_YEAR_VALUE_LABELS: Record<EarlierYearValue, string> = {
  ungraded: "前年度の値で代用しない（未評価）",
  latest: "直近の値で評価し、使った年度を表示",
};

export interface GradeRule {
  formula: AchievementFormula;
  /** highest band first: A ≥120, B ≥100, C ≥70, D below */
  bands: GradeBand[];
  /** achievement is rounded to this many decimals (half up) before it is compared, as the report prints it */
  decimals: number;
  /** the target grows in a straight line from the baseline date to the end of the target year */
  proRate: boolean;
  /** a status rating's achievement for roll-ups (null: not rolled up) */
  statusAchievement: Record<StatusRating, number | null>;
  /** achievements above this count as this in roll-ups, so that one outlier cannot carry a strategy */
  rollupCap: number;
  /** what a round grades when its own 年度 has no value yet (see EarlierYearValue) */
  earlierYearValue: EarlierYearValue;
}

/** The city's own rule: A ≥120%, B 100–119%, C 70–99%, D ≤69%. */
export const DEFAULT_GRADE_RULE: GradeRule = {
  formula: "progress",
  bands: [
    { grade: "A", min: 120 },
    { grade: "B", min: 100 },
    { grade: "C", min: 70 },
    { grade: "D", min: null },
  ],
  decimals: 1,
  proRate: true,
  statusAchievement: { 順調: 100, 一部遅れ: 85, 大幅遅れ: 50, 完了: 100, 中止: null, 評価困難: null },
  rollupCap: 150,
  earlierYearValue: "ungraded",
};

/**
 * A stored rule as the rule of today: versions saved before 「前年度の値」 was a choice graded the newest earlier
 * value, so a rule without the field reads as "latest" (migration 0010 wrote it into the stored versions).
 */
export function withRuleDefaults(rule: Omit<GradeRule, "earlierYearValue"> & { earlierYearValue?: EarlierYearValue }): GradeRule {
  return { ...rule, earlierYearValue: rule.earlierYearValue ?? "latest" };
}

/** 「令和6年度の値で評価」: said wherever a grade made from an earlier 年度's value is shown. */
export function earlierYearNote(fiscalYear: number): string {
  return `${formatFiscalYear(fiscalYear)}の値で評価`;
}

export interface IndicatorForGrading {
  direction: Direction;
  baselineValue: number;
  /** 基準値の時点 (ISO date) */
  baselineDate: string;
  targetValue: number;
  /** 目標年度: the target is due at the end of this fiscal year (March 31 of the next calendar year) */
  targetFiscalYear: number;
  exclusion: Exclusion | null;
}

export interface Observation {
  /** 実績の時点 (ISO date): the end of the fiscal year for a yearly value, or the as-of date */
  asOf: string;
  /** the 年度 the value is for (compared with the round's 年度 under rule.earlierYearValue) */
  fiscalYear?: number;
  value: number | null;
  status: StatusRating | null;
}

export type GradeResult =
  | {
      kind: "graded";
      grade: string;
      /** percent, rounded as the rule says */
      achievement: number;
      explanation: Explanation;
    }
  | { kind: "status"; grade: StatusRating; achievement: number | null; explanation: Explanation }
  | { kind: "excluded"; reason: Exclusion; explanation: Explanation }
  | {
      kind: "ungradable";
      reason: string;
      explanation: Explanation;
      /** the observation was left unused: it is for an earlier 年度 than the round's and the rule says 未評価 */
      unusedObservation?: boolean;
    };

export interface Explanation {
  formula: AchievementFormula | "status";
  baseline?: number;
  target?: number;
  proRatedTarget?: number;
  /** share of the plan period elapsed at the as-of date, 0–1 */
  elapsed?: number;
  actual?: number | null;
  /** the 年度 of the value graded when it is not the round's own (rule.earlierYearValue "latest") */
  valueFiscalYear?: number;
  text: string;
}

const DAY = 86_400_000;
// A plan's dates are few (base dates, year ends, as-of dates) and a recompute asks for them 50,000 times: parse each
// once. Bounded, so a long-running server cannot grow it without end.
const dayNumbers = new Map<string, number>();
function dayNumber(iso: string): number {
  let day = dayNumbers.get(iso);
  if (day === undefined) {
    day = Date.parse(`${iso}T00:00:00Z`) / DAY;
    if (dayNumbers.size >= 4096) dayNumbers.clear();
    dayNumbers.set(iso, day);
  }
  return day;
}

/** The end of a fiscal year: 2030 → 2031-03-31. */
export function fiscalYearEnd(fy: number): string {
  return `${fy + 1}-03-31`;
}

const yearEndDays = new Map<number, number>();
function yearEndDay(fy: number): number {
  let day = yearEndDays.get(fy);
  if (day === undefined) {
    day = dayNumber(fiscalYearEnd(fy));
    if (yearEndDays.size >= 4096) yearEndDays.clear();
    yearEndDays.set(fy, day);
  }
  return day;
}

/** Share of the way from the baseline date to the target date at `asOf`, clamped to 0–1. */
export function elapsedShare(baselineDate: string, targetFiscalYear: number, asOf: string): number {
  const start = dayNumber(baselineDate);
  const end = yearEndDay(targetFiscalYear);
  if (end <= start) return 1;
  return Math.min(1, Math.max(0, (dayNumber(asOf) - start) / (end - start)));
}

/** 按分目標: the target pro-rated to the as-of date (a straight line from the baseline). */
export function proRatedTarget(indicator: IndicatorForGrading, asOf: string, rule: GradeRule): { value: number; elapsed: number } {
  if (!rule.proRate) return { value: indicator.targetValue, elapsed: 1 };
  const elapsed = elapsedShare(indicator.baselineDate, indicator.targetFiscalYear, asOf);
  return { value: indicator.baselineValue + (indicator.targetValue - indicator.baselineValue) * elapsed, elapsed };
}

/** Half-up rounding in decimal, not binary: 69.95 → 70.0 whatever its float representation. */
export function roundHalfUp(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  // Far from a half (nearly always), the binary noise cannot move the result: skip toPrecision, which is slow. The
  // margin is well above how far toPrecision(12) moves a number (5e-12 of it) and the rounding of the products.
  const scaled = Math.abs(value) * factor + 1e-9;
  if (scaled < 1e15 && Math.abs(scaled - Math.floor(scaled) - 0.5) > scaled * 1e-10 + 1e-12) {
    const rounded = Math.round(scaled);
    return (value < 0 ? -rounded : rounded) / factor;
  }
  // toPrecision(12) drops the binary noise (119.89999999999999 → 119.9) before rounding.
  const clean = Number(value.toPrecision(12));
  return (Math.sign(clean) * Math.round(Math.abs(clean) * factor + 1e-9)) / factor;
}

export function gradeOf(achievement: number, rule: GradeRule): string {
  for (const band of rule.bands) if (band.min === null || achievement >= band.min) return band.grade;
  return rule.bands[rule.bands.length - 1].grade;
}

const fmt = formatPlainNumber;

/**
 * Grades one indicator. `roundFiscalYear`: the 年度 of the round being graded; an observation for an earlier 年度
 * is then graded 未評価 or graded and marked with its 年度, as rule.earlierYearValue says.
 */
export function gradeIndicator(
  indicator: IndicatorForGrading,
  observation: Observation | null,
  rule: GradeRule,
  roundFiscalYear?: number,
): GradeResult {
  if (indicator.exclusion)
    return {
      kind: "excluded",
      reason: indicator.exclusion,
      explanation: { formula: rule.formula, text: `評価対象外（${indicator.exclusion}）` },
    };
  if (!observation)
    return { kind: "ungradable", reason: "実績値が未入力です", explanation: { formula: rule.formula, text: "実績値が未入力です" } };
  const earlier =
    roundFiscalYear !== undefined && observation.fiscalYear !== undefined && observation.fiscalYear < roundFiscalYear
      ? observation.fiscalYear
      : null;
  if (earlier !== null && rule.earlierYearValue !== "latest") {
    const reason = `${formatFiscalYear(roundFiscalYear as number)}の実績値が未入力です（${formatFiscalYear(earlier)}の値では評価しません）`;
    return { kind: "ungradable", reason, explanation: { formula: rule.formula, text: reason }, unusedObservation: true };
  }
  const result = gradeObservation(indicator, observation, rule);
  if (earlier === null || (result.kind !== "graded" && result.kind !== "status")) return result;
  const note = earlierYearNote(earlier);
  return { ...result, explanation: { ...result.explanation, valueFiscalYear: earlier, text: `${note}: ${result.explanation.text}` } };
}

/** A numeric grade's explanation, made once and whole (a recompute writes 50,000 of them). */
function numericExplanation(
  rule: GradeRule,
  indicator: IndicatorForGrading,
  proRated: number,
  elapsed: number,
  actual: number,
  text: string,
): Explanation {
  return {
    formula: rule.formula,
    baseline: indicator.baselineValue,
    target: indicator.targetValue,
    proRatedTarget: proRated,
    elapsed,
    actual,
    text,
  };
}

function gradeObservation(indicator: IndicatorForGrading, observation: Observation, rule: GradeRule): GradeResult {
  if (observation.value === null) {
    if (observation.status)
      return {
        kind: "status",
        grade: observation.status,
        achievement: rule.statusAchievement[observation.status],
        explanation: { formula: "status", text: `状況による評価: ${observation.status}` },
      };
    return { kind: "ungradable", reason: "実績値が未入力です", explanation: { formula: rule.formula, text: "実績値が未入力です" } };
  }

  const actual = observation.value;
  const { value: target, elapsed } = proRatedTarget(indicator, observation.asOf, rule);
  let raw: number;
  // the pro-rated target is written twice (the formula, the note): formatted once
  let targetText: string;
  let formula: string;
  if (rule.formula === "progress") {
    const planned = target - indicator.baselineValue;
    if (planned === 0) {
      const reason = "按分目標が基準値と同じため達成度を計算できません";
      return { kind: "ungradable", reason, explanation: numericExplanation(rule, indicator, target, elapsed, actual, reason) };
    }
    // (実績 − 基準) ÷ (按分目標 − 基準): the same formula serves "lower is better", both differences being negative.
    raw = ((actual - indicator.baselineValue) / planned) * 100;
    const baseline = fmt(indicator.baselineValue);
    targetText = fmt(target);
    formula = `(${fmt(actual)} − ${baseline}) ÷ (${targetText} − ${baseline})`;
  } else {
    const higher = indicator.direction === "higher";
    const numerator = higher ? actual : target;
    const denominator = higher ? target : actual;
    if (denominator === 0) {
      const reason = "0で割るため達成度を計算できません";
      return { kind: "ungradable", reason, explanation: numericExplanation(rule, indicator, target, elapsed, actual, reason) };
    }
    raw = (numerator / denominator) * 100;
    targetText = fmt(target);
    formula = higher ? `${fmt(actual)} ÷ ${targetText}` : `${targetText} ÷ ${fmt(actual)}`;
  }
  const achievement = roundHalfUp(raw, rule.decimals);
  const grade = gradeOf(achievement, rule);
  const note = rule.proRate && elapsed < 1 ? `（按分目標 ${targetText}、計画期間の${Math.round(elapsed * 1000) / 10}%経過）` : "";
  // The text is joined from its pieces in one go: a recompute keeps 50,000 of them, and one flat string per grade
  // costs the garbage collector far less than the tree of pieces a chain of template literals leaves behind (the
  // formula and the note are short and die young). One array literal, not pushes: no array grown and copied.
  const text = ["達成度 ", formula, " = ", achievement, "% → ", grade, note].join("");
  return {
    kind: "graded",
    grade,
    achievement,
    explanation: numericExplanation(rule, indicator, target, elapsed, actual, text),
  };
}

// ------------------------------------------------------------------ roll-up (tree)

export type RollupMethod = "average" | "weighted";

export interface RollupNode {
  id: string;
  method: RollupMethod;
  /** the node's weight in its parent's weighted average */
  weight: number;
  /** achievements of the indicators on this node (null: not rolled up), with their weights */
  indicators: { achievement: number | null; weight: number }[];
  children: RollupNode[];
}

export interface RollupResult {
  id: string;
  /** rolled-up achievement in percent (null when nothing below it is graded) */
  achievement: number | null;
  grade: string | null;
  /** how many graded items it averaged */
  count: number;
  children: RollupResult[];
}

/**
 * Rolls achievements up the tree: a node averages its own indicators and its children's roll-ups, plainly or by
 * weight, as chosen on the node. Each achievement is capped at rule.rollupCap first.
 */
export function rollUp(node: RollupNode, rule: GradeRule): RollupResult {
  const children = node.children.map((child) => rollUp(child, rule));
  // The parts (own indicators, then children) summed as they come, in that order, without a list of them.
  const weighted = node.method === "weighted";
  let count = 0;
  let weights = 0;
  let sum = 0;
  for (const indicator of node.indicators) {
    if (indicator.achievement === null) continue;
    const value = Math.min(indicator.achievement, rule.rollupCap);
    count++;
    weights += indicator.weight;
    sum += weighted ? value * indicator.weight : value;
  }
  for (let i = 0; i < children.length; i++) {
    const rolled = children[i].achievement;
    if (rolled === null) continue;
    count++;
    weights += node.children[i].weight;
    sum += weighted ? rolled * node.children[i].weight : rolled;
  }
  if (count === 0) return { id: node.id, achievement: null, grade: null, count: 0, children };
  const totalWeight = weighted ? weights : count;
  if (totalWeight <= 0) return { id: node.id, achievement: null, grade: null, count: 0, children };
  const achievement = roundHalfUp(sum / totalWeight, rule.decimals);
  return { id: node.id, achievement, grade: gradeOf(achievement, rule), count, children };
}

/** Counts per grade (A/B/C/D, the status ratings, 対象外, 未評価) of a list of results. */
export function gradeCounts(results: GradeResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of results) {
    const key = result.kind === "graded" || result.kind === "status" ? result.grade : result.kind === "excluded" ? "対象外" : "未評価";
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
