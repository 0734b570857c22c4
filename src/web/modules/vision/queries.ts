// Server state of the 新ビジョン core screens (TanStack Query keys and hooks in one place).
import { type QueryClient, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import {
  getDashboard,
  getGradeRule,
  getIndicator,
  getIndicatorSeries,
  getNode,
  getPlan,
  getPublicRound,
  getRound,
  getRoundGrades,
  getTodo,
  getVisionAccess,
  listChallengeCandidates,
  listPlans,
  listPublicProgress,
  listRounds,
  type RoundSummary,
} from "../../../common/api/vision";
import { listCouncilComments } from "../../../common/api/vision-engagement";
import { call } from "../../api/client";

export const visionKeys = {
  all: ["vision"] as const,
  access: ["vision", "access"] as const,
  plans: ["vision", "plans"] as const,
  plan: (id: string) => ["vision", "plan", id] as const,
  node: (id: string) => ["vision", "node", id] as const,
  indicator: (id: string) => ["vision", "indicator", id] as const,
  series: (id: string) => ["vision", "series", id] as const,
  rounds: (planId: string) => ["vision", "rounds", planId] as const,
  round: (id: string) => ["vision", "round", id] as const,
  grades: (roundId: string) => ["vision", "grades", roundId] as const,
  dashboard: (planId: string, roundId: string | undefined) => ["vision", "dashboard", planId, roundId ?? null] as const,
  todo: ["vision", "todo"] as const,
  rule: ["vision", "grade-rule"] as const,
  candidates: (q: string) => ["vision", "challenge-candidates", q] as const,
  comments: (roundId: string, nodeId: string) => ["vision", "council-comments", roundId, nodeId] as const,
  publicProgress: ["public", "vision", "progress"] as const,
  publicRound: (id: string) => ["public", "vision", "round", id] as const,
};

/** What the signed-in user may do in the module (計画の管理者か、所管の組織), as the server decides it. */
export function useVisionAccess() {
  return useQuery({ queryKey: visionKeys.access, queryFn: () => call(getVisionAccess), staleTime: 5 * 60_000 });
}

/** `enabled: false` for a council member's login, which may not list plans (the request would be a 403). */
export function usePlans(enabled = true) {
  return useQuery({ queryKey: visionKeys.plans, queryFn: () => call(listPlans), staleTime: 60_000, enabled });
}

const PLAN_KEY = "yokogushi.vision.planId";

/** The plan the screens show: the one chosen last (kept in this browser), else the first. */
export function useCurrentPlan(enabled = true) {
  const plans = usePlans(enabled);
  const [chosen, setChosen] = useState<string | null>(() => {
    try {
      return window.localStorage.getItem(PLAN_KEY);
    } catch {
      return null;
    }
  });
  const items = plans.data?.items ?? [];
  const planId = items.find((p) => p.id === chosen)?.id ?? items[0]?.id ?? null;
  function choose(id: string) {
    setChosen(id);
    try {
      window.localStorage.setItem(PLAN_KEY, id);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }
  return { plans, planId, choose };
}

export function usePlan(id: string | null) {
  return useQuery({ queryKey: visionKeys.plan(id ?? ""), queryFn: () => call(getPlan, { params: { id: id ?? "" } }), enabled: !!id });
}

export function useNode(id: string) {
  return useQuery({ queryKey: visionKeys.node(id), queryFn: () => call(getNode, { params: { id } }) });
}

export function useIndicator(id: string) {
  return useQuery({ queryKey: visionKeys.indicator(id), queryFn: () => call(getIndicator, { params: { id } }) });
}

export function useIndicatorSeries(id: string, enabled = true) {
  return useQuery({ queryKey: visionKeys.series(id), queryFn: () => call(getIndicatorSeries, { params: { id } }), enabled });
}

export function useRounds(planId: string | null) {
  return useQuery({
    queryKey: visionKeys.rounds(planId ?? ""),
    queryFn: () => call(listRounds, { params: { id: planId ?? "" } }),
    enabled: !!planId,
  });
}

export function useRound(id: string | null) {
  return useQuery({ queryKey: visionKeys.round(id ?? ""), queryFn: () => call(getRound, { params: { id: id ?? "" } }), enabled: !!id });
}

export function useRoundGrades(roundId: string | null) {
  return useQuery({
    queryKey: visionKeys.grades(roundId ?? ""),
    queryFn: () => call(getRoundGrades, { params: { id: roundId ?? "" } }),
    enabled: !!roundId,
  });
}

export function useDashboard(planId: string | null, roundId: string | undefined) {
  return useQuery({
    queryKey: visionKeys.dashboard(planId ?? "", roundId),
    queryFn: () => call(getDashboard, { params: { id: planId ?? "" }, query: { roundId } }),
    enabled: !!planId,
  });
}

export function useTodo() {
  return useQuery({ queryKey: visionKeys.todo, queryFn: () => call(getTodo) });
}

export function useGradeRule() {
  return useQuery({ queryKey: visionKeys.rule, queryFn: () => call(getGradeRule) });
}

export function useChallengeCandidates(q: string, enabled: boolean) {
  return useQuery({
    queryKey: visionKeys.candidates(q),
    queryFn: () => call(listChallengeCandidates, { query: { q: q || undefined } }),
    enabled,
    staleTime: 30_000,
  });
}

export function useNodeComments(roundId: string | null, nodeId: string) {
  return useQuery({
    queryKey: visionKeys.comments(roundId ?? "", nodeId),
    queryFn: () => call(listCouncilComments, { params: { id: roundId ?? "" }, query: { nodeId } }),
    enabled: !!roundId,
    retry: false,
  });
}

export function usePublicProgress() {
  return useQuery({ queryKey: visionKeys.publicProgress, queryFn: () => call(listPublicProgress) });
}

export function usePublicRound(id: string | null) {
  return useQuery({
    queryKey: visionKeys.publicRound(id ?? ""),
    queryFn: () => call(getPublicRound, { params: { id: id ?? "" } }),
    enabled: !!id,
  });
}

/** The round whose grades the screens show by default: the open one, else the newest. */
export function defaultRound(rounds: readonly RoundSummary[] | undefined): RoundSummary | null {
  if (!rounds || rounds.length === 0) return null;
  const open = rounds.filter((r) => r.status === "open");
  const pick = (list: readonly RoundSummary[]) =>
    [...list].sort((a, b) => b.asOf.localeCompare(a.asOf) || b.openedAt.localeCompare(a.openedAt))[0];
  return pick(open.length > 0 ? open : rounds) ?? null;
}

/** A round chosen on a screen, falling back to the default when the choice is gone. */
export function useRoundChoice(planId: string | null) {
  const rounds = useRounds(planId);
  const [chosen, setChosen] = useState<string | null>(null);
  const items = rounds.data?.items;
  const round = items?.find((r) => r.id === chosen) ?? defaultRound(items);
  useEffect(() => {
    if (chosen && items && !items.some((r) => r.id === chosen)) setChosen(null);
  }, [chosen, items]);
  return { rounds, round, choose: setChosen };
}

/** After a write that can change grades (a value, a definition, a rule, a round): mark everything derived stale. */
export function invalidateVision(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: visionKeys.all });
}
