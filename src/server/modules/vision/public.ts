// 公開の進捗ページ: published rounds only, and only what the city publishes in its KPI report — plan, strategies'
// roll-ups and counts, each indicator's target, actual and grade with the explanation. No owners, notes, who entered
// what, tasks or reminders.
import type { ResponseOf } from "../../../common/api/contract";
import type { getPublicRound, listPublicProgress } from "../../../common/api/vision";
import type { Queryable } from "../../db/database";
import { NotFound } from "../../platform/errors";
import { earlierValueYear, loadRoundGrades } from "./grades";
import * as planRepo from "./plan-repository";
import * as roundRepo from "./round-repository";

const publicRound = (r: roundRepo.RoundRow) => ({
  id: r.id,
  name: r.name,
  fiscalYear: r.fiscal_year,
  asOf: r.as_of,
  publishedAt: (r.published_at ?? r.opened_at).toISOString(),
});

const publicPlan = (p: planRepo.PlanRow) => ({
  id: p.id,
  name: p.name,
  cityImage: p.city_image,
  adoptedOn: p.adopted_on,
  firstFiscalYear: p.first_fiscal_year,
  lastFiscalYear: p.last_fiscal_year,
});

export async function publicProgress(db: Queryable): Promise<ResponseOf<typeof listPublicProgress>> {
  const [plans, rounds] = await Promise.all([planRepo.findPlans(db), roundRepo.findRounds(db, { status: ["published"] })]);
  return {
    plans: plans
      .map((plan) => ({ ...publicPlan(plan), rounds: rounds.filter((r) => r.plan_id === plan.id).map(publicRound) }))
      .filter((plan) => plan.rounds.length > 0),
  };
}

export async function publicRoundReport(db: Queryable, roundId: string): Promise<ResponseOf<typeof getPublicRound>> {
  const round = await roundRepo.findRound(db, roundId);
  if (round?.status !== "published") throw new NotFound("公表された報告");
  const plan = await planRepo.findPlan(db, round.plan_id);
  if (!plan) throw new NotFound("公表された報告");
  const data = await loadRoundGrades(db, round);
  const titleOf = new Map(data.nodes.map((n) => [n.id, n.title]));
  return {
    plan: publicPlan(plan),
    round: publicRound(round),
    tree: data.rollup.tree,
    strategies: data.rollup.strategies,
    indicators: data.indicators.map((indicator) => {
      const grade = data.grades.get(indicator.id);
      const actual = grade?.actual_id ? data.observations.get(indicator.id) : undefined;
      return {
        code: indicator.code,
        name: indicator.name,
        unit: indicator.unit,
        kind: indicator.kind,
        nodeId: indicator.node_id,
        nodeTitle: titleOf.get(indicator.node_id) ?? "",
        strategyNodeId: data.rollup.strategyOf.get(indicator.node_id) ?? null,
        baselineValue: indicator.baseline_value,
        targetValue: indicator.target_value,
        targetFiscalYear: indicator.target_fiscal_year,
        actualValue: actual?.value ?? null,
        statusRating: actual?.status_rating ?? null,
        resultKind: grade?.result_kind ?? "ungradable",
        grade: grade?.grade ?? null,
        achievement: grade?.achievement ?? null,
        valueFiscalYear: earlierValueYear(round, actual),
        explanationText: grade ? String(grade.explanation.text) : "未評価",
      };
    }),
  };
}
