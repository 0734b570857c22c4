// Server state of the engagement screens (有識者会議・Action宣言・周知・浸透): TanStack Query keys and hooks.
import { useQuery } from "@tanstack/react-query";
import { listOrganisations } from "../../../common/api/platform";
import type { OutreachKind } from "../../../common/api/vision-engagement";
import {
  getCouncil,
  getCouncilReport,
  getDeclarationOptions,
  listCouncilComments,
  listDeclarations,
  listMyDeclarations,
  listOutreach,
  listPublicDeclarations,
} from "../../../common/api/vision-engagement";
import { call } from "../../api/client";

export const engagementKeys = {
  // Under ["vision", …] so that the core's invalidateVision refreshes these too.
  council: (planId: string | null) => ["vision", "engagement", "council", planId] as const,
  report: (roundId: string) => ["vision", "engagement", "report", roundId] as const,
  comments: (roundId: string) => ["vision", "council-comments", roundId] as const,
  declarationOptions: (planId: string | null) => ["vision", "engagement", "declaration-options", planId] as const,
  myDeclarations: (planId: string | null) => ["vision", "engagement", "my-declarations", planId] as const,
  moderation: (planId: string | null, status: string | null) => ["vision", "engagement", "moderation", planId, status] as const,
  outreach: (planId: string | null, filter: object) => ["vision", "engagement", "outreach", planId, filter] as const,
  publicDeclarations: (strategyId: string | null) => ["public", "vision", "declarations", strategyId] as const,
};

const planQuery = (planId: string | null) => (planId ? { planId } : {});

/** The council page; a member's login passes no plan (the server uses the member's own). */
export function useCouncil(planId: string | null, enabled = true) {
  return useQuery({
    queryKey: engagementKeys.council(planId),
    queryFn: () => call(getCouncil, { query: planQuery(planId) }),
    enabled,
    retry: false,
  });
}

export function useCouncilReport(roundId: string | null) {
  return useQuery({
    queryKey: engagementKeys.report(roundId ?? ""),
    queryFn: () => call(getCouncilReport, { params: { id: roundId ?? "" } }),
    enabled: !!roundId,
    retry: false,
  });
}

export function useRoundComments(roundId: string | null) {
  return useQuery({
    queryKey: engagementKeys.comments(roundId ?? ""),
    queryFn: () => call(listCouncilComments, { params: { id: roundId ?? "" }, query: {} }),
    enabled: !!roundId,
    retry: false,
  });
}

export function useDeclarationOptions(planId: string | null, enabled = true) {
  return useQuery({
    queryKey: engagementKeys.declarationOptions(planId),
    queryFn: () => call(getDeclarationOptions, { query: planQuery(planId) }),
    enabled,
    retry: false,
  });
}

export function useMyDeclarations(planId: string | null, enabled = true) {
  return useQuery({
    queryKey: engagementKeys.myDeclarations(planId),
    queryFn: () => call(listMyDeclarations, { query: planQuery(planId) }),
    enabled,
  });
}

export function useModerationList(planId: string | null, status: "承認待ち" | "掲示中" | "非掲示" | null, enabled: boolean) {
  return useQuery({
    queryKey: engagementKeys.moderation(planId, status),
    queryFn: () => call(listDeclarations, { query: { ...planQuery(planId), status: status ?? undefined } }),
    enabled,
  });
}

export function useOutreach(planId: string | null, filter: { fiscalYear?: number; kind?: OutreachKind }, enabled = true) {
  return useQuery({
    queryKey: engagementKeys.outreach(planId, filter),
    queryFn: () => call(listOutreach, { query: { ...planQuery(planId), ...filter } }),
    enabled,
    placeholderData: (previous) => previous,
  });
}

export function usePublicDeclarations(strategyId: string | null, opts: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: engagementKeys.publicDeclarations(strategyId),
    queryFn: () => call(listPublicDeclarations, { query: strategyId ? { strategyId } : {} }),
    refetchInterval: opts.refetchInterval,
    placeholderData: (previous) => previous,
  });
}

/** The organisation tree (a platform list; the same cache entry as the other modules' organisation pickers). */
export function useOrganisationList(enabled = true) {
  return useQuery({ queryKey: ["organisations"] as const, queryFn: () => call(listOrganisations), staleTime: 5 * 60_000, enabled });
}
