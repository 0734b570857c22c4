// The round's progress report (KPI達成状況) as a model both renderers print: the plan's indicators in tree order,
// grouped strategy → measure (施策) → project (事業), each with 単位, 基準値（時点）, 目標値（年度）, 按分目標, 実績値（時点）,
// 達成度, 評価 and 備考; a summary of grade counts and roll-ups per strategy and measure; and the grade legend of the
// rule the grades were made with. Pure: plain rows in (report-query.ts reads them), the model out.
import { ROUND_STATUS_LABELS } from "../../../common/api/vision";
import { formatFiscalYear, formatWareki, isMonthEnd } from "../../../common/dates";
import { indicatorPrecision } from "../../../common/vision/format";
import {
  type Direction,
  type Exclusion,
  earlierYearNote,
  type GradeRule,
  type RollupMethod,
  type RollupNode,
  type RollupResult,
  rollUp,
  STATUS_RATINGS,
  type StatusRating,
} from "../../../common/vision/grading";

// ------------------------------------------------------------------ input

export type NodeKind = "vision" | "strategy" | "measure" | "project";
export type ResultKind = "graded" | "status" | "excluded" | "ungradable";

export interface ReportNodeInput {
  id: string;
  parentId: string | null;
  kind: NodeKind;
  code: string;
  title: string;
  rollupMethod: RollupMethod;
  weight: number;
  sortOrder: number;
}

export interface ReportIndicatorInput {
  id: string;
  nodeId: string;
  code: string;
  name: string;
  unit: string;
  kind: "活動指標" | "成果指標";
  direction: Direction;
  ratingMode: "numeric" | "status";
  baselineValue: number | null;
  baselineDate: string | null;
  targetValue: number | null;
  targetFiscalYear: number | null;
  exclusion: Exclusion | null;
  weight: number;
  sortOrder: number;
}

/** The actual value a grade was computed from (or the latest of the round's year when the grade names none). */
export interface ReportActualInput {
  value: number | null;
  status: StatusRating | null;
  asOf: string;
  /** the 年度 the value is for (an earlier one than the round's is said in 備考: 「令和6年度の値で評価」) */
  fiscalYear?: number;
  note: string;
}

/** One row of vision_grades, with the parts of its stored explanation the report prints. */
export interface ReportGradeInput {
  indicatorId: string;
  ruleId: string;
  resultKind: ResultKind;
  grade: string | null;
  achievement: number | null;
  proRatedTarget: number | null;
  explanationText: string;
  actual: ReportActualInput | null;
}

export interface ReportRuleInput {
  id: string;
  name: string;
  rule: GradeRule;
}

export interface ReportInput {
  plan: { name: string; firstFiscalYear: number; lastFiscalYear: number };
  round: { name: string; fiscalYear: number; asOf: string; status: "open" | "closed" | "published"; ruleId: string | null };
  /** the rules named by the round and its grades */
  rules: ReportRuleInput[];
  nodes: ReportNodeInput[];
  indicators: ReportIndicatorInput[];
  grades: ReportGradeInput[];
  /** 作成日 (ISO date) */
  generatedOn: string;
}

// ------------------------------------------------------------------ model

/** Grade keys beside the rule's bands and the status ratings. */
export const EXCLUDED_KEY = "対象外";
export const UNGRADED_KEY = "未評価";

export interface ReportRow {
  indicatorId: string;
  strategyId: string | null;
  /** 「1 稼げるまち」; empty when the indicator sits above the level */
  strategy: string;
  measure: string;
  project: string;
  /** the row starts a new strategy / measure / project group (the PDF prints the label only there) */
  startsStrategy: boolean;
  startsMeasure: boolean;
  startsProject: boolean;
  code: string;
  name: string;
  kind: "活動指標" | "成果指標";
  direction: Direction;
  unit: string;
  baselineValue: number | null;
  /** 令和5年3月末 */
  baselineAsOf: string;
  targetValue: number | null;
  /** 令和10年度 */
  targetYear: string;
  /** 按分目標: the target pro-rated to the actual's date, as the grade used it */
  proRatedTarget: number | null;
  /** decimals the indicator's values are written with (its 基準値・目標値): 按分目標 is printed with these */
  precision: number;
  /** the 年度 of an earlier year's value the grade used (「令和6年度の値で評価」); null: the round's own */
  valueFiscalYear: number | null;
  actualValue: number | null;
  actualStatus: StatusRating | null;
  actualAsOf: string;
  /** 達成度 in percent (numeric grades only; a status rating's roll-up value is not printed as one) */
  achievement: number | null;
  /** what the 評価 column prints: A–D, a status rating, 対象外 or 未評価 */
  grade: string;
  resultKind: ResultKind | "missing";
  remarks: string;
}

export interface SummaryRow {
  level: "strategy" | "measure" | "total";
  nodeId: string | null;
  label: string;
  /** indicators per grade key (every key of ReportSummary.keys is present) */
  counts: Record<string, number>;
  total: number;
  /** share of the numerically graded indicators at 達成度 ≥ 100%, in percent (null: none graded) */
  achievedShare: number | null;
  /** roll-up of the node (plain or weighted average as set on the node), null when nothing below it is graded */
  rollupAchievement: number | null;
  rollupGrade: string | null;
}

export interface ReportSummary {
  /** column order: the rule's grades, the status ratings in use, 対象外, 未評価 */
  keys: string[];
  rows: SummaryRow[];
}

export interface ReportLegend {
  ruleName: string;
  /** 「A：120%以上」… highest first */
  bands: { grade: string; range: string }[];
  formula: string;
  notes: string[];
}

export interface ReportModel {
  /** 北九州市・新ビジョン KPI達成状況（令和7年度末） */
  title: string;
  planName: string;
  roundName: string;
  /** 実績時点 令和8年3月31日 … as lines under the title */
  subtitle: string[];
  legend: ReportLegend;
  /** the grades of the rule's bands, for colouring */
  bandGrades: string[];
  /** decimals the rule rounds 達成度 to, for printing (130 → 130.0%) */
  achievementDecimals: number;
  rows: ReportRow[];
  summary: ReportSummary;
}

// ------------------------------------------------------------------ formatting

/** 1234.5 → 「1,234.5」; up to `digits` decimals, no trailing zeros. */
export function formatReportNumber(value: number, digits = 4): string {
  return Number(value.toPrecision(12)).toLocaleString("ja-JP", { maximumFractionDigits: digits });
}

/** 実績・基準の時点: 令和7年3月末 for a month end, else 令和7年3月15日. */
export function formatAsOf(iso: string): string {
  return formatWareki(iso, { precision: isMonthEnd(iso) ? "month-end" : "day" });
}

/** The band ranges as the city writes them: A 120%以上, B 100%以上120%未満, …, D 70%未満. */
export function bandRanges(rule: GradeRule): { grade: string; range: string }[] {
  return rule.bands.map((band, i) => {
    const upper = i > 0 ? rule.bands[i - 1].min : null;
    if (band.min === null) return { grade: band.grade, range: upper === null ? "全て" : `${upper}%未満` };
    return { grade: band.grade, range: upper === null ? `${band.min}%以上` : `${band.min}%以上${upper}%未満` };
  });
}

function legendOf(rule: ReportRuleInput, otherRules: ReportRuleInput[]): ReportLegend {
  const r = rule.rule;
  const formula =
    r.formula === "progress"
      ? "達成度 ＝（実績値 − 基準値）÷（按分目標 − 基準値）× 100"
      : "達成度 ＝ 実績値 ÷ 按分目標 × 100（低いほど良い指標は 按分目標 ÷ 実績値 × 100）";
  const notes: string[] = [];
  if (r.proRate) notes.push("按分目標: 基準値から目標値まで、基準時点から目標年度末までの経過期間に比例して按分した値");
  notes.push(`達成度は小数点以下第${r.decimals}位に四捨五入して評価`);
  const statusValues = STATUS_RATINGS.map((s) => `${s}${r.statusAchievement[s] === null ? "（集計外）" : ` ${r.statusAchievement[s]}%`}`);
  notes.push(`状況による評価は集計で次の達成度とみなす: ${statusValues.join("、")}`);
  notes.push(`集計（施策・戦略の達成度）は各達成度を${r.rollupCap}%で頭打ちにした平均`);
  notes.push("対象外: 数値目標対象外・再掲・事業終了・調査中（件数に含め、評価と集計には含めない）");
  if (otherRules.length > 0) notes.push(`一部の指標は別の評価ルール（${otherRules.map((o) => o.name).join("、")}）で評価（備考に記載）`);
  return { ruleName: rule.name, bands: bandRanges(r), formula, notes };
}

// ------------------------------------------------------------------ tree

const byOrder = <T extends { sortOrder: number; code: string }>(a: T, b: T) =>
  a.sortOrder - b.sortOrder || a.code.localeCompare(b.code, "ja", { numeric: true });

const nodeLabel = (node: ReportNodeInput) => `${node.code} ${node.title}`;

interface Tree {
  roots: ReportNodeInput[];
  children: Map<string, ReportNodeInput[]>;
  byId: Map<string, ReportNodeInput>;
  indicatorsOf: Map<string, ReportIndicatorInput[]>;
}

function buildTree(input: ReportInput): Tree {
  const byId = new Map(input.nodes.map((n) => [n.id, n]));
  const children = new Map<string, ReportNodeInput[]>();
  const roots: ReportNodeInput[] = [];
  for (const node of input.nodes) {
    if (node.parentId && byId.has(node.parentId)) {
      const list = children.get(node.parentId) ?? [];
      list.push(node);
      children.set(node.parentId, list);
    } else roots.push(node);
  }
  for (const list of children.values()) list.sort(byOrder);
  roots.sort(byOrder);
  const indicatorsOf = new Map<string, ReportIndicatorInput[]>();
  for (const indicator of input.indicators) {
    const list = indicatorsOf.get(indicator.nodeId) ?? [];
    list.push(indicator);
    indicatorsOf.set(indicator.nodeId, list);
  }
  for (const list of indicatorsOf.values()) list.sort(byOrder);
  return { roots, children, byId, indicatorsOf };
}

/** Depth-first, each node's own indicators before its children's, with the strategy/measure/project above it. */
function walk(tree: Tree, visit: (indicator: ReportIndicatorInput, path: Partial<Record<NodeKind, ReportNodeInput>>) => void): void {
  const go = (node: ReportNodeInput, path: Partial<Record<NodeKind, ReportNodeInput>>, seen: Set<string>) => {
    if (seen.has(node.id)) return; // a cycle in bad data must not hang the report
    seen.add(node.id);
    const here = { ...path, [node.kind]: node };
    for (const indicator of tree.indicatorsOf.get(node.id) ?? []) visit(indicator, here);
    for (const child of tree.children.get(node.id) ?? []) go(child, here, seen);
  };
  const seen = new Set<string>();
  for (const root of tree.roots) go(root, {}, seen);
}

// ------------------------------------------------------------------ rows

function gradeKeyOf(grade: ReportGradeInput | undefined): string {
  if (!grade) return UNGRADED_KEY;
  if ((grade.resultKind === "graded" || grade.resultKind === "status") && grade.grade) return grade.grade;
  if (grade.resultKind === "excluded") return EXCLUDED_KEY;
  return UNGRADED_KEY;
}

function remarksOf(
  indicator: ReportIndicatorInput,
  grade: ReportGradeInput | undefined,
  rulesById: Map<string, ReportRuleInput>,
  mainRuleId: string,
  valueFiscalYear: number | null,
): string {
  const parts: string[] = [];
  if (valueFiscalYear !== null) parts.push(earlierYearNote(valueFiscalYear));
  if (indicator.exclusion) parts.push(indicator.exclusion);
  if (!grade) parts.push("評価未算定");
  else if (grade.resultKind === "ungradable") parts.push(grade.explanationText || "評価できません");
  else if (grade.resultKind === "excluded" && !indicator.exclusion) parts.push(grade.explanationText || "評価対象外");
  if (indicator.direction === "lower" && indicator.ratingMode === "numeric" && !indicator.exclusion) parts.push("低いほど良い指標");
  if (grade && grade.ruleId !== mainRuleId) parts.push(`評価ルール: ${rulesById.get(grade.ruleId)?.name ?? "不明"}`);
  const note = grade?.actual?.note.trim();
  if (note) parts.push(note);
  return parts.join("。");
}

function rowOf(
  indicator: ReportIndicatorInput,
  path: Partial<Record<NodeKind, ReportNodeInput>>,
  grade: ReportGradeInput | undefined,
  rulesById: Map<string, ReportRuleInput>,
  mainRuleId: string,
  roundFiscalYear: number,
): Omit<ReportRow, "startsStrategy" | "startsMeasure" | "startsProject"> {
  const actual = grade?.actual ?? null;
  const used = grade?.resultKind === "graded" || grade?.resultKind === "status" ? actual : null;
  const valueFiscalYear = used?.fiscalYear !== undefined && used.fiscalYear < roundFiscalYear ? used.fiscalYear : null;
  return {
    indicatorId: indicator.id,
    strategyId: path.strategy?.id ?? null,
    strategy: path.strategy ? nodeLabel(path.strategy) : path.vision ? nodeLabel(path.vision) : "",
    measure: path.measure ? nodeLabel(path.measure) : "",
    project: path.project ? nodeLabel(path.project) : "",
    code: indicator.code,
    name: indicator.name,
    kind: indicator.kind,
    direction: indicator.direction,
    unit: indicator.unit,
    baselineValue: indicator.baselineValue,
    baselineAsOf: indicator.baselineDate ? formatAsOf(indicator.baselineDate) : "",
    targetValue: indicator.targetValue,
    targetYear: indicator.targetFiscalYear === null ? "" : formatFiscalYear(indicator.targetFiscalYear),
    proRatedTarget: grade?.resultKind === "graded" ? grade.proRatedTarget : null,
    precision: indicatorPrecision(indicator),
    valueFiscalYear,
    actualValue: actual?.value ?? null,
    actualStatus: actual?.status ?? null,
    actualAsOf: actual ? formatAsOf(actual.asOf) : "",
    achievement: grade?.resultKind === "graded" ? grade.achievement : null,
    grade: gradeKeyOf(grade),
    resultKind: grade?.resultKind ?? "missing",
    remarks: remarksOf(indicator, grade, rulesById, mainRuleId, valueFiscalYear),
  };
}

function reportRows(
  tree: Tree,
  gradesById: Map<string, ReportGradeInput>,
  rulesById: Map<string, ReportRuleInput>,
  mainRuleId: string,
  roundFiscalYear: number,
) {
  const rows: ReportRow[] = [];
  walk(tree, (indicator, path) => {
    const row = rowOf(indicator, path, gradesById.get(indicator.id), rulesById, mainRuleId, roundFiscalYear);
    const previous = rows.at(-1);
    const startsStrategy = !previous || previous.strategy !== row.strategy;
    const startsMeasure = startsStrategy || previous.measure !== row.measure;
    const startsProject = startsMeasure || previous.project !== row.project;
    rows.push({ ...row, startsStrategy, startsMeasure, startsProject });
  });
  return rows;
}

// ------------------------------------------------------------------ summary

function rollupTree(tree: Tree, gradesById: Map<string, ReportGradeInput>): RollupNode[] {
  const build = (node: ReportNodeInput, seen: Set<string>): RollupNode => {
    seen.add(node.id);
    return {
      id: node.id,
      method: node.rollupMethod,
      weight: node.weight,
      indicators: (tree.indicatorsOf.get(node.id) ?? []).map((indicator) => {
        const grade = gradesById.get(indicator.id);
        // graded: its 達成度; status: the rule's roll-up value for the rating (stored with the grade); else nothing
        const counts = grade && (grade.resultKind === "graded" || grade.resultKind === "status");
        return { achievement: counts ? grade.achievement : null, weight: indicator.weight };
      }),
      children: (tree.children.get(node.id) ?? []).filter((c) => !seen.has(c.id)).map((c) => build(c, seen)),
    };
  };
  const seen = new Set<string>();
  return tree.roots.map((root) => build(root, seen));
}

function flattenRollups(results: RollupResult[], into = new Map<string, RollupResult>()): Map<string, RollupResult> {
  for (const result of results) {
    into.set(result.id, result);
    flattenRollups(result.children, into);
  }
  return into;
}

function summaryKeys(rule: GradeRule, rules: ReportRuleInput[], rows: ReportRow[]): string[] {
  const keys: string[] = [];
  const add = (key: string) => {
    if (!keys.includes(key)) keys.push(key);
  };
  for (const band of rule.bands) add(band.grade);
  for (const other of rules) for (const band of other.rule.bands) if (rows.some((r) => r.grade === band.grade)) add(band.grade);
  for (const status of STATUS_RATINGS) if (rows.some((r) => r.resultKind === "status" && r.grade === status)) add(status);
  // a grade outside every known rule (hand-edited data) still gets its column rather than vanishing from the counts
  for (const row of rows) if (row.grade !== EXCLUDED_KEY && row.grade !== UNGRADED_KEY) add(row.grade);
  add(EXCLUDED_KEY);
  add(UNGRADED_KEY);
  return keys;
}

function summaryRow(
  level: SummaryRow["level"],
  nodeId: string | null,
  label: string,
  rows: ReportRow[],
  keys: string[],
  rollup: RollupResult | undefined,
): SummaryRow {
  const counts = Object.fromEntries(keys.map((k) => [k, 0]));
  for (const row of rows) counts[row.grade] += 1;
  const graded = rows.filter((r) => r.resultKind === "graded" && r.achievement !== null);
  const achieved = graded.filter((r) => (r.achievement ?? 0) >= 100).length;
  return {
    level,
    nodeId,
    label,
    counts,
    total: rows.length,
    achievedShare: graded.length ? Math.round((achieved / graded.length) * 1000) / 10 : null,
    rollupAchievement: rollup?.achievement ?? null,
    rollupGrade: rollup?.grade ?? null,
  };
}

function summaryOf(tree: Tree, rows: ReportRow[], keys: string[], rollups: Map<string, RollupResult>): ReportSummary {
  const out: SummaryRow[] = [];
  const measureIdOf = new Map<string, string | null>();
  walk(tree, (indicator, path) => measureIdOf.set(indicator.id, path.measure?.id ?? null));
  const strategyIds = [...new Set(rows.map((r) => r.strategyId))];
  for (const strategyId of strategyIds) {
    const mine = rows.filter((r) => r.strategyId === strategyId);
    const node = strategyId ? tree.byId.get(strategyId) : undefined;
    out.push(
      summaryRow(
        "strategy",
        strategyId,
        node ? nodeLabel(node) : mine[0].strategy || "（戦略なし）",
        mine,
        keys,
        node ? rollups.get(node.id) : undefined,
      ),
    );
    const measureIds = [...new Set(mine.map((r) => measureIdOf.get(r.indicatorId) ?? null))].filter((id): id is string => id !== null);
    for (const measureId of measureIds) {
      const measure = tree.byId.get(measureId);
      if (!measure) continue;
      const ofMeasure = mine.filter((r) => measureIdOf.get(r.indicatorId) === measureId);
      out.push(summaryRow("measure", measureId, nodeLabel(measure), ofMeasure, keys, rollups.get(measureId)));
    }
  }
  // the whole plan: the vision node's roll-up when the tree has one root
  const root = tree.roots.length === 1 ? rollups.get(tree.roots[0].id) : undefined;
  out.push(summaryRow("total", null, "合計", rows, keys, root));
  return { keys, rows: out };
}

// ------------------------------------------------------------------ the report

/** The rule the report's legend shows: the one most grades were made with, else the round's. */
function mainRule(input: ReportInput, fallback: ReportRuleInput): ReportRuleInput {
  const uses = new Map<string, number>();
  for (const grade of input.grades) uses.set(grade.ruleId, (uses.get(grade.ruleId) ?? 0) + 1);
  const mostUsed = [...uses.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const id = mostUsed ?? input.round.ruleId;
  return input.rules.find((r) => r.id === id) ?? fallback;
}

/**
 * Builds the report. `fallbackRule` is shown when neither the grades nor the round name a rule that was read
 * (a round whose grades have not been computed yet).
 */
export function buildReportModel(input: ReportInput, fallbackRule: ReportRuleInput): ReportModel {
  const rule = mainRule(input, fallbackRule);
  const rulesById = new Map([...input.rules, fallbackRule].map((r) => [r.id, r]));
  const usedRuleIds = new Set(input.grades.map((g) => g.ruleId));
  const otherRules = input.rules.filter((r) => r.id !== rule.id && usedRuleIds.has(r.id));
  const tree = buildTree(input);
  const gradesById = new Map(input.grades.map((g) => [g.indicatorId, g]));
  const rows = reportRows(tree, gradesById, rulesById, rule.id, input.round.fiscalYear);
  const rollups = flattenRollups(rollupTree(tree, gradesById).map((root) => rollUp(root, rule.rule)));
  const keys = summaryKeys(rule.rule, otherRules, rows);
  const { plan, round } = input;
  return {
    title: `${plan.name} KPI達成状況（${round.name}）`,
    planName: plan.name,
    roundName: round.name,
    subtitle: [
      `実績の時点: ${formatWareki(round.asOf)}（${formatFiscalYear(round.fiscalYear)}、${ROUND_STATUS_LABELS[round.status]}）`,
      `計画期間: ${formatFiscalYear(plan.firstFiscalYear)}〜${formatFiscalYear(plan.lastFiscalYear)}`,
      `作成日: ${formatWareki(input.generatedOn)}`,
    ],
    legend: legendOf(rule, otherRules),
    bandGrades: rule.rule.bands.map((b) => b.grade),
    achievementDecimals: rule.rule.decimals,
    rows,
    summary: summaryOf(tree, rows, keys, rollups),
  };
}
