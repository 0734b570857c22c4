// 評価: the versioned grade rule, grading every indicator of a round (stored with the rule version and its
// explanation), and the roll-up of a round's grades up the plan tree with counts per grade per strategy. The
// grading itself is the pure rule in src/common/vision/grading.ts; this file feeds it stored data and stores results.
import type { GradeRuleVersion, IndicatorGrade, RollupTreeNode, RoundGrades, StrategyCounts } from "../../../common/api/vision";
import {
  DEFAULT_GRADE_RULE,
  type GradeResult,
  type GradeRule,
  gradeIndicator,
  type IndicatorForGrading,
  type Observation,
  type RollupNode,
  type RollupResult,
  rollUp,
} from "../../../common/vision/grading";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { NotFound } from "../../platform/errors";
import { accessOf, managerAccessOf } from "./access";
import * as gradeRepo from "./grade-repository";
import * as indicatorRepo from "./indicator-repository";
import * as planRepo from "./plan-repository";
import * as roundRepo from "./round-repository";

export const DEFAULT_RULE_NAME = "市の標準ルール（A: 120%以上、B: 100〜119%、C: 70〜99%、D: 69%以下）";

// ------------------------------------------------------------------ rule versions

export function toRuleVersion(row: gradeRepo.RuleRow): GradeRuleVersion {
  return {
    id: row.id,
    name: row.name,
    rule: row.rule,
    isCurrent: row.is_current,
    createdByLabel: row.created_by_label,
    createdAt: row.created_at.toISOString(),
  };
}

/** The current rule; the city's default is stored as the first version when none exists yet. */
export async function currentRule(db: Queryable): Promise<gradeRepo.RuleRow> {
  const found = await gradeRepo.findCurrentRule(db);
  if (found) return found;
  await gradeRepo.insertRuleIfNone(db, DEFAULT_RULE_NAME, DEFAULT_GRADE_RULE);
  const made = await gradeRepo.findCurrentRule(db);
  if (!made) throw new Error("no current grade rule");
  return made;
}

type RuleVersions = { current: GradeRuleVersion; versions: GradeRuleVersion[] };

async function ruleVersions(tx: Queryable): Promise<RuleVersions> {
  const current = await currentRule(tx);
  const versions = await gradeRepo.findRules(tx);
  return { current: toRuleVersion(current), versions: versions.map(toRuleVersion) };
}

export async function getGradeRule(db: Db, user: Principal | null): Promise<RuleVersions> {
  await accessOf(db, user);
  // in a transaction: the city's default may be stored as the first version on the way
  return db.transaction((tx) => ruleVersions(tx));
}

export async function putGradeRule(db: Db, user: Principal | null, actor: Actor, name: string, rule: GradeRule): Promise<RuleVersions> {
  return db.transaction(async (tx) => {
    await managerAccessOf(tx, user);
    await putRule(tx, actor, name, rule);
    return ruleVersions(tx);
  });
}

/**
 * A changed rule is a new version: grades made with the old one keep naming it until their round is recomputed.
 * Inside the caller's transaction.
 */
export async function putRule(tx: Queryable, actor: Actor, name: string, rule: GradeRule): Promise<string> {
  const before = await currentRule(tx);
  const id = await gradeRepo.insertCurrentRule(tx, name, rule, actor.userId);
  await recordAudit(tx, actor, {
    action: "update",
    entityType: "vision_grade_rule",
    entityId: id,
    summary: `評価ルールを変更（新しい版「${name}」）`,
    before: { id: before.id, name: before.name, rule: before.rule },
    after: { id, name, rule },
  });
  return id;
}

// ------------------------------------------------------------------ grading

export function forGrading(indicator: indicatorRepo.GradingIndicatorRow): IndicatorForGrading {
  return {
    direction: indicator.direction,
    baselineValue: indicator.baseline_value ?? 0,
    baselineDate: indicator.baseline_date ?? "2000-01-01",
    targetValue: indicator.target_value ?? 0,
    targetFiscalYear: indicator.target_fiscal_year ?? 2000,
    exclusion: indicator.exclusion,
  };
}

export function observationOf(
  indicator: indicatorRepo.GradingIndicatorRow,
  actual: indicatorRepo.ObservationRow | null,
): Observation | null {
  if (!actual) return null;
  // A status-rated indicator is graded on its 状況 only, whatever number may sit beside it.
  const value = indicator.rating_mode === "status" ? null : actual.value;
  return { asOf: actual.as_of, fiscalYear: actual.fiscal_year, value, status: actual.status_rating };
}

/** `roundFiscalYear`: grading for a round of that 年度 (an earlier year's value then follows rule.earlierYearValue). */
export function gradeWith(
  indicator: indicatorRepo.GradingIndicatorRow,
  actual: indicatorRepo.ObservationRow | null,
  rule: GradeRule,
  roundFiscalYear?: number,
): GradeResult {
  return gradeIndicator(forGrading(indicator), observationOf(indicator, actual), rule, roundFiscalYear);
}

function toGradeInput(indicatorId: string, actual: indicatorRepo.ObservationRow | null, result: GradeResult): gradeRepo.GradeInput {
  // an earlier year's value the rule left unused is not the grade's value: the pages then show none
  const used = result.kind === "ungradable" && result.unusedObservation ? null : actual;
  const base = { indicatorId, actualId: used?.id ?? null, resultKind: result.kind };
  switch (result.kind) {
    case "graded":
    case "status":
      return { ...base, grade: result.grade, achievement: result.achievement, explanation: result.explanation };
    case "excluded":
      return { ...base, grade: null, achievement: null, explanation: { ...result.explanation, reason: result.reason } };
    case "ungradable":
      return { ...base, grade: null, achievement: null, explanation: { ...result.explanation, reason: result.reason } };
  }
}

/**
 * Grades the indicators of a round (all of them, or `indicatorIds`) with the round's rule, or with `ruleId` (a
 * recompute), and stores each grade with that rule's id. Returns how many were graded.
 */
export async function gradeRound(tx: Queryable, roundId: string, opts: { ruleId?: string; indicatorIds?: string[] } = {}): Promise<number> {
  const round = await roundRepo.findRound(tx, roundId);
  if (!round) throw new NotFound("報告ラウンド");
  const ruleId = opts.ruleId ?? round.rule_id ?? (await currentRule(tx)).id;
  const rule = await gradeRepo.findRule(tx, ruleId);
  if (!rule) throw new NotFound("評価ルール");
  if (ruleId !== round.rule_id) await roundRepo.setRoundRule(tx, roundId, ruleId);
  const rows = await indicatorRepo.findRoundGradingRows(
    tx,
    { planId: round.plan_id, fiscalYear: round.fiscal_year, asOf: round.as_of },
    opts.indicatorIds ?? null,
  );
  const grades = rows.map(({ indicator, actual }) =>
    toGradeInput(indicator.id, actual, gradeWith(indicator, actual, rule.rule, round.fiscal_year)),
  );
  if (opts.indicatorIds) await gradeRepo.upsertGrades(tx, roundId, ruleId, grades);
  else await gradeRepo.replaceRoundGrades(tx, roundId, ruleId, grades);
  return grades.length;
}

/** After values or definitions change: regrade those indicators in every open round of their plans. */
export async function regradeIndicatorsInOpenRounds(tx: Queryable, indicatorIds: string[]): Promise<void> {
  for (const roundId of await roundRepo.findOpenRoundIdsOfIndicators(tx, indicatorIds)) await gradeRound(tx, roundId, { indicatorIds });
}

// ------------------------------------------------------------------ roll-up and counts

/** The grade a stored grade is counted under, as gradeCounts counts results (未評価 when there is none). */
function countKey(grade: gradeRepo.GradeRow | undefined): string {
  switch (grade?.result_kind) {
    case "graded":
      return grade.grade ?? "";
    case "status":
      return grade.grade ?? "評価困難";
    case "excluded":
      return "対象外";
    default:
      return "未評価";
  }
}

/** Adds `more` into `counts`; keys new to `counts` go last, in their order, as one gradeCounts over both lists. */
function addCounts(counts: Record<string, number>, more: Record<string, number>): void {
  for (const key in more) counts[key] = (counts[key] ?? 0) + more[key];
}

/** Achievement an indicator contributes to roll-ups: graded and status results that have one. */
function rolledAchievement(grade: gradeRepo.GradeRow | undefined): number | null {
  if (!grade || (grade.result_kind !== "graded" && grade.result_kind !== "status")) return null;
  return grade.achievement;
}

export interface PlanRollup {
  tree: RollupTreeNode[];
  strategies: StrategyCounts[];
  totals: Record<string, number>;
  /** the strategy above each node (null above the strategies) */
  strategyOf: Map<string, string | null>;
}

/** Items by a key, in their order (one pass: a node may hold thousands of indicators). */
function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Rolls a round's grades up the tree (each node's own method and weight) and counts grades per node. */
export function rollupPlan(
  nodes: planRepo.NodeRow[],
  indicators: Pick<indicatorRepo.IndicatorRow, "id" | "node_id" | "weight">[],
  grades: Map<string, gradeRepo.GradeRow>,
  rule: GradeRule,
): PlanRollup {
  const childrenOf = groupBy(nodes, (node) => node.parent_id);
  const indicatorsOf = groupBy(indicators, (indicator) => indicator.node_id);
  const strategyOf = new Map<string, string | null>();

  const toRollupNode = (node: planRepo.NodeRow, strategy: string | null): RollupNode => {
    const ownStrategy = node.kind === "strategy" ? node.id : strategy;
    strategyOf.set(node.id, ownStrategy);
    return {
      id: node.id,
      method: node.rollup_method,
      weight: node.weight,
      indicators: (indicatorsOf.get(node.id) ?? []).map((i) => ({ achievement: rolledAchievement(grades.get(i.id)), weight: i.weight })),
      children: (childrenOf.get(node.id) ?? []).map((child) => toRollupNode(child, ownStrategy)),
    };
  };
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  // Each node's counts are its own indicators' and then its children's, added up from the leaves: every grade is
  // counted once, not once per level above it.
  const shape = (result: RollupResult): RollupTreeNode => {
    const node = nodeById.get(result.id) as planRepo.NodeRow;
    const counts: Record<string, number> = {};
    for (const indicator of indicatorsOf.get(node.id) ?? []) {
      const key = countKey(grades.get(indicator.id));
      counts[key] = (counts[key] ?? 0) + 1;
    }
    const children = result.children.map(shape);
    for (const child of children) addCounts(counts, child.counts);
    return {
      nodeId: node.id,
      kind: node.kind,
      code: node.code,
      title: node.title,
      rollupMethod: node.rollup_method,
      weight: node.weight,
      achievement: result.achievement,
      grade: result.grade,
      count: result.count,
      counts,
      children,
    };
  };
  const tree = (childrenOf.get(null) ?? []).map((root) => shape(rollUp(toRollupNode(root, null), rule)));
  const totals: Record<string, number> = {};
  for (const root of tree) addCounts(totals, root.counts);
  const strategies: StrategyCounts[] = [];
  const collect = (node: RollupTreeNode) => {
    if (node.kind === "strategy")
      strategies.push({
        nodeId: node.nodeId,
        code: node.code,
        title: node.title,
        achievement: node.achievement,
        grade: node.grade,
        counts: node.counts,
      });
    else node.children.forEach(collect);
  };
  tree.forEach(collect);
  return { tree, strategies, totals, strategyOf };
}

// ------------------------------------------------------------------ a round's grades as the API shows them

export interface RoundGradeData {
  round: roundRepo.RoundRow;
  rule: gradeRepo.RuleRow | null;
  nodes: planRepo.NodeRow[];
  indicators: indicatorRepo.RoundIndicatorRow[];
  grades: Map<string, gradeRepo.GradeRow>;
  /** the actual each grade was made from, by indicator */
  observations: Map<string, indicatorRepo.ObservationRow>;
  rollup: PlanRollup;
}

export async function loadRoundGrades(db: Queryable, round: roundRepo.RoundRow): Promise<RoundGradeData> {
  const [rule, nodes, indicators, graded] = await Promise.all([
    round.rule_id ? gradeRepo.findRule(db, round.rule_id) : Promise.resolve(null),
    planRepo.findNodes(db, round.plan_id),
    indicatorRepo.findRoundIndicators(db, { planId: round.plan_id }),
    // each grade with the actual it was made from (not today's newest: a closed round keeps what it was graded on)
    gradeRepo.findRoundGrades(db, round.id),
  ]);
  const grades = new Map(graded.grades.map((g) => [g.indicator_id, g]));
  const observations = new Map(graded.observations.map((a) => [a.indicator_id, a]));
  const rollup = rollupPlan(nodes, indicators, grades, rule?.rule ?? DEFAULT_GRADE_RULE);
  return { round, rule, nodes, indicators, grades, observations, rollup };
}

/** The 年度 of the value a grade used when it is earlier than the round's (「令和6年度の値で評価」), else null. */
export function earlierValueYear(round: { fiscal_year: number }, actual: { fiscal_year: number } | null | undefined): number | null {
  return actual && actual.fiscal_year < round.fiscal_year ? actual.fiscal_year : null;
}

export function toIndicatorGrades(data: RoundGradeData): IndicatorGrade[] {
  return data.indicators.map((indicator) => {
    const grade = data.grades.get(indicator.id);
    const actual = grade?.actual_id ? (data.observations.get(indicator.id) ?? null) : null;
    return {
      indicatorId: indicator.id,
      code: indicator.code,
      name: indicator.name,
      unit: indicator.unit,
      kind: indicator.kind,
      direction: indicator.direction,
      nodeId: indicator.node_id,
      strategyNodeId: data.rollup.strategyOf.get(indicator.node_id) ?? null,
      baselineValue: indicator.baseline_value,
      targetValue: indicator.target_value,
      targetFiscalYear: indicator.target_fiscal_year,
      actualValue: actual?.value ?? null,
      actualAsOf: actual?.as_of ?? null,
      valueFiscalYear: earlierValueYear(data.round, actual),
      statusRating: actual?.status_rating ?? null,
      resultKind: grade?.result_kind ?? "ungradable",
      grade: grade?.grade ?? null,
      achievement: grade?.achievement ?? null,
      explanation: grade
        ? {
            ...(grade.explanation as IndicatorGrade["explanation"]),
            formula: String(grade.explanation.formula),
            text: String(grade.explanation.text),
          }
        : { formula: "", text: "まだ評価していません" },
      ruleId: grade?.rule_id ?? data.round.rule_id ?? "",
      computedAt: grade ? grade.computed_at.toISOString() : data.round.opened_at.toISOString(),
    };
  });
}

export async function roundGrades(
  db: Queryable,
  round: roundRepo.RoundRow,
  toSummary: (r: roundRepo.RoundRow) => RoundGrades["round"],
): Promise<RoundGrades> {
  const data = await loadRoundGrades(db, round);
  return {
    round: toSummary(round),
    rule: data.rule ? { id: data.rule.id, name: data.rule.name, isCurrent: data.rule.is_current } : null,
    indicators: toIndicatorGrades(data),
    tree: data.rollup.tree,
    strategies: data.rollup.strategies,
    totals: data.rollup.totals,
  };
}
