// ダッシュボード: per strategy, the grade distribution of a round, the indicators trending away from their target
// (the latest year's achievement below the year before and below 100%), and late updates in the open round; and per
// indicator, its actuals by fiscal year against the pro-rated target line, for the charts.
import type { Dashboard, IndicatorSeries } from "../../../common/api/vision";
import { fiscalYearOf, todayInJapan } from "../../../common/dates";
import { fiscalYearEnd, type GradeRule, proRatedTarget, roundHalfUp } from "../../../common/vision/grading";
import type { Queryable } from "../../db/database";
import type { Principal } from "../../platform/auth/permissions";
import { NotFound } from "../../platform/errors";
import { accessOf } from "./access";
import { currentRule, forGrading, gradeWith, loadRoundGrades, rollupPlan } from "./grades";
import * as indicatorRepo from "./indicator-repository";
import { toIndicatorSummary } from "./indicators";
import { toPlanSummary } from "./plan";
import * as planRepo from "./plan-repository";
import * as roundRepo from "./round-repository";
import { lateness, ownerStatuses, toRoundSummary } from "./rounds";

/** The current value of each fiscal year (newest as-of, newest correction), oldest year first. */
function currentPerYear(actuals: indicatorRepo.ActualRow[]): indicatorRepo.ActualRow[] {
  const byYear = new Map<number, indicatorRepo.ActualRow>();
  for (const a of actuals) if (!byYear.has(a.fiscal_year)) byYear.set(a.fiscal_year, a); // rows come newest first
  return [...byYear.values()].sort((a, b) => a.fiscal_year - b.fiscal_year);
}

function achievementOf(indicator: indicatorRepo.IndicatorRow, actual: indicatorRepo.ActualRow, rule: GradeRule): number | null {
  const result = gradeWith(indicator, actual, rule);
  return result.kind === "graded" ? result.achievement : null;
}

export async function dashboard(
  db: Queryable,
  user: Principal | null,
  planId: string,
  roundId: string | undefined,
  today = todayInJapan(),
): Promise<Dashboard> {
  await accessOf(db, user);
  const plan = await planRepo.findPlan(db, planId);
  if (!plan) throw new NotFound("計画");
  const rounds = await roundRepo.findRounds(db, { planId });
  const openRound = rounds.find((r) => r.status === "open") ?? null;
  const round = roundId ? rounds.find((r) => r.id === roundId) : (openRound ?? rounds[0]);
  if (roundId && !round) throw new NotFound("報告ラウンド");
  const rule = await currentRule(db);

  const [nodes, indicators] = await Promise.all([planRepo.findNodes(db, planId), indicatorRepo.findIndicators(db, { planId })]);
  const data = round ? await loadRoundGrades(db, round) : null;
  const rollup = data?.rollup ?? rollupPlan(nodes, indicators, new Map(), rule.rule);
  const actuals = await indicatorRepo.findActuals(
    db,
    indicators.map((i) => i.id),
  );
  const actualsOf = new Map<string, indicatorRepo.ActualRow[]>();
  for (const a of actuals) actualsOf.set(a.indicator_id, [...(actualsOf.get(a.indicator_id) ?? []), a]);

  const openTasks = openRound ? await roundRepo.findTasks(db, { roundIds: [openRound.id], pending: true }) : [];
  const { overdue, late } = openRound ? lateness(openRound, today) : { overdue: false, late: false };

  return {
    plan: toPlanSummary(plan),
    round: round ? toRoundSummary(round) : null,
    strategies: rollup.strategies.map((strategy) => {
      const own = indicators.filter((i) => rollup.strategyOf.get(i.node_id) === strategy.nodeId);
      const trendingAway = own.flatMap((indicator) => {
        if (indicator.exclusion || indicator.rating_mode !== "numeric") return [];
        const years = currentPerYear(actualsOf.get(indicator.id) ?? []);
        if (years.length < 2) return [];
        const [previous, latest] = years.slice(-2);
        const latestAchievement = achievementOf(indicator, latest, rule.rule);
        const previousAchievement = achievementOf(indicator, previous, rule.rule);
        if (latestAchievement === null || previousAchievement === null) return [];
        if (!(latestAchievement < previousAchievement && latestAchievement < 100)) return [];
        return [
          {
            indicatorId: indicator.id,
            code: indicator.code,
            name: indicator.name,
            latestFiscalYear: latest.fiscal_year,
            latestAchievement,
            previousFiscalYear: previous.fiscal_year,
            previousAchievement,
          },
        ];
      });
      const ownIds = new Set(own.map((i) => i.id));
      const lateUpdates =
        openRound && (overdue || late)
          ? ownerStatuses(
              openRound,
              openTasks.filter((t) => ownIds.has(t.indicator_id)),
              today,
            ).map((o) => ({
              organisationId: o.organisationId,
              organisationName: o.organisationName,
              pendingCount: o.taskCount - o.updatedCount,
              late: o.late,
              overdue: o.overdue,
            }))
          : [];
      return { ...strategy, indicatorCount: own.length, trendingAway, lateUpdates };
    }),
    totals: rollup.totals,
  };
}

export async function indicatorSeries(db: Queryable, user: Principal | null, indicatorId: string): Promise<IndicatorSeries> {
  await accessOf(db, user);
  const indicator = await indicatorRepo.findIndicator(db, indicatorId);
  if (!indicator) throw new NotFound("指標");
  const rule = await currentRule(db);
  const years = currentPerYear(await indicatorRepo.findActuals(db, [indicatorId]));
  const targetLine: IndicatorSeries["targetLine"] = [];
  if (
    indicator.rating_mode === "numeric" &&
    indicator.baseline_value !== null &&
    indicator.baseline_date !== null &&
    indicator.target_value !== null &&
    indicator.target_fiscal_year !== null
  ) {
    const forTarget = forGrading(indicator);
    const round = (v: number) => roundHalfUp(v, 4);
    targetLine.push({ fiscalYear: null, date: indicator.baseline_date, value: indicator.baseline_value });
    for (let fy = fiscalYearOf(indicator.baseline_date); fy <= indicator.target_fiscal_year; fy++) {
      const date = fiscalYearEnd(fy);
      if (date <= indicator.baseline_date) continue;
      targetLine.push({ fiscalYear: fy, date, value: round(proRatedTarget(forTarget, date, { ...rule.rule, proRate: true }).value) });
    }
  }
  return {
    indicator: toIndicatorSummary(indicator),
    actuals: years.map((a) => ({
      fiscalYear: a.fiscal_year,
      asOf: a.as_of,
      value: a.value,
      statusRating: a.status_rating,
      achievement: indicator.exclusion ? null : achievementOf(indicator, a, rule.rule),
    })),
    targetLine,
  };
}
