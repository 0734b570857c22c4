// Server state of the SDGsステーション's pages (TanStack Query keys and hooks) and the list conditions kept in the URL.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  CONSULTATION_SORTS,
  getConsultation,
  getMatching,
  getPublicStationPost,
  getStationStatistics,
  listConsultations,
  listMatchings,
  listPublicStationPosts,
  listStationCosts,
  listStationPosts,
  stationChoices,
} from "../../../common/api/sdgs-station";
import {
  CLIENT_KINDS,
  type ClientKind,
  CONSULTATION_CHANNELS,
  CONSULTATION_OUTCOMES,
  CONSULTATION_TOPICS,
  type ConsultationChannel,
  type ConsultationOutcome,
  type ConsultationTopic,
  MATCHING_STATUSES,
  type MatchingStatus,
} from "../../../common/sdgs/labels";
import { call } from "../../api/client";

export const stationKeys = {
  all: ["sdgs", "station"] as const,
  consultations: (query: object) => ["sdgs", "station", "consultations", query] as const,
  consultation: (id: string) => ["sdgs", "station", "consultation", id] as const,
  choices: ["sdgs", "station", "choices"] as const,
  matchings: (query: object) => ["sdgs", "station", "matchings", query] as const,
  matching: (id: string) => ["sdgs", "station", "matching", id] as const,
  posts: (query: object) => ["sdgs", "station", "posts", query] as const,
  costs: ["sdgs", "station", "costs"] as const,
  statistics: (fy: number) => ["sdgs", "station", "statistics", fy] as const,
  publicPosts: (query: object) => ["sdgs", "station", "public", query] as const,
  publicPost: (id: string) => ["sdgs", "station", "public", "one", id] as const,
};

export type ConsultationSort = (typeof CONSULTATION_SORTS)[number];

export interface ConsultationSearch {
  fiscalYear?: number;
  month?: number;
  channel?: ConsultationChannel;
  clientKind?: ClientKind;
  topic?: ConsultationTopic;
  outcome?: ConsultationOutcome;
  sdgGoal?: number;
  followUp?: "open" | "overdue";
  q?: string;
  page?: number;
  sort?: ConsultationSort;
}

const oneOf = <T extends string>(list: readonly T[], value: unknown): T | undefined => list.find((v) => v === value);
const intIn = (value: unknown, min: number, max: number): number | undefined => {
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};

/** The list's conditions from the URL (?fiscalYear=2026&month=11&topic=finance…), anything unknown dropped. */
export function consultationSearch(search: Record<string, unknown>): ConsultationSearch {
  const out: ConsultationSearch = {
    fiscalYear: intIn(search.fiscalYear, 2000, 2100),
    month: intIn(search.month, 1, 12),
    channel: oneOf(CONSULTATION_CHANNELS, search.channel),
    clientKind: oneOf(CLIENT_KINDS, search.clientKind),
    topic: oneOf(CONSULTATION_TOPICS, search.topic),
    outcome: oneOf(CONSULTATION_OUTCOMES, search.outcome),
    sdgGoal: intIn(search.sdgGoal, 1, 17),
    followUp: oneOf(["open", "overdue"] as const, search.followUp),
    q: typeof search.q === "string" && search.q.trim() ? search.q.trim().slice(0, 100) : undefined,
    page: intIn(search.page, 1, 10_000),
    sort: oneOf(CONSULTATION_SORTS, search.sort),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as ConsultationSearch;
}

export const CONSULTATION_PAGE_SIZE = 50;

export function useConsultations(search: ConsultationSearch) {
  const query = { ...search, page: search.page ?? 1, pageSize: CONSULTATION_PAGE_SIZE };
  return useQuery({
    queryKey: stationKeys.consultations(query),
    queryFn: () => call(listConsultations, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useConsultation(id: string) {
  return useQuery({ queryKey: stationKeys.consultation(id), queryFn: () => call(getConsultation, { params: { id } }) });
}

export function useStationChoices() {
  return useQuery({ queryKey: stationKeys.choices, queryFn: () => call(stationChoices, {}), staleTime: 60_000 });
}

export interface MatchingSearch {
  fiscalYear?: number;
  status?: MatchingStatus;
  q?: string;
}

export function matchingSearch(search: Record<string, unknown>): MatchingSearch {
  const out: MatchingSearch = {
    fiscalYear: intIn(search.fiscalYear, 2000, 2100),
    status: oneOf(MATCHING_STATUSES, search.status),
    q: typeof search.q === "string" && search.q.trim() ? search.q.trim().slice(0, 100) : undefined,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as MatchingSearch;
}

export function useMatchings(search: MatchingSearch, page: number, pageSize: number) {
  const query = { ...search, page, pageSize };
  return useQuery({
    queryKey: stationKeys.matchings(query),
    queryFn: () => call(listMatchings, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useMatching(id: string) {
  return useQuery({ queryKey: stationKeys.matching(id), queryFn: () => call(getMatching, { params: { id } }) });
}

export function usePosts(page: number, pageSize: number) {
  const query = { page, pageSize };
  return useQuery({
    queryKey: stationKeys.posts(query),
    queryFn: () => call(listStationPosts, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useStationStatistics(fiscalYear: number) {
  return useQuery({
    queryKey: stationKeys.statistics(fiscalYear),
    queryFn: () => call(getStationStatistics, { query: { fiscalYear } }),
  });
}

export function useStationCosts() {
  return useQuery({ queryKey: stationKeys.costs, queryFn: () => call(listStationCosts, {}) });
}

export function usePublicPosts(page: number) {
  const query = { page, pageSize: 20 };
  return useQuery({ queryKey: stationKeys.publicPosts(query), queryFn: () => call(listPublicStationPosts, { query }) });
}

export function usePublicPost(id: string) {
  return useQuery({ queryKey: stationKeys.publicPost(id), queryFn: () => call(getPublicStationPost, { params: { id } }), retry: false });
}
