// Server state of the 連携事業の候補 screens (TanStack Query keys and hooks) and the page's conditions in the URL
// (?view=list&step=…&stalled=true&sort=…&page=…).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  CANDIDATE_SORTS,
  type CandidateSort,
  candidateOptions,
  candidatePipeline,
  getCandidate,
  listCandidates,
} from "../../../common/api/region-candidates";
import { CANDIDATE_OBSTACLES, CANDIDATE_STEPS, type CandidateObstacle, type CandidateStep } from "../../../common/region/candidate-steps";
import { call } from "../../api/client";

export const candidateKeys = {
  all: ["region", "candidates"] as const,
  pipeline: ["region", "candidates", "pipeline"] as const,
  options: ["region", "candidates", "options"] as const,
  list: (query: object) => ["region", "candidates", "list", query] as const,
  candidate: (id: string) => ["region", "candidates", "candidate", id] as const,
};

export const CANDIDATES_PAGE_SIZE = 50;

export interface CandidateSearch {
  view?: "list";
  step?: CandidateStep;
  status?: "open" | "closed";
  organisationId?: string;
  frameworkId?: string;
  obstacle?: CandidateObstacle;
  stalled?: "true";
  q?: string;
  sort?: CandidateSort;
  page?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const oneOf = <T extends string>(list: readonly T[], value: unknown): T | undefined => list.find((v) => v === value);
const uuid = (value: unknown) => (typeof value === "string" && UUID.test(value) ? value : undefined);
const defined = <T extends object>(out: T): T => Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as T;

/** The page's conditions from the URL, anything unknown dropped. */
export function candidateSearch(search: Record<string, unknown>): CandidateSearch {
  const page = Number(search.page);
  return defined({
    view: oneOf(["list"] as const, search.view),
    step: oneOf(CANDIDATE_STEPS, search.step),
    status: oneOf(["open", "closed"] as const, search.status),
    organisationId: uuid(search.organisationId),
    frameworkId: uuid(search.frameworkId),
    obstacle: oneOf(CANDIDATE_OBSTACLES, search.obstacle),
    stalled: oneOf(["true"] as const, search.stalled),
    q: typeof search.q === "string" && search.q.trim() ? search.q.trim().slice(0, 100) : undefined,
    sort: oneOf(CANDIDATE_SORTS, search.sort),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : undefined,
  });
}

export function usePipeline() {
  return useQuery({ queryKey: candidateKeys.pipeline, queryFn: () => call(candidatePipeline, {}) });
}

export function useCandidateOptions() {
  return useQuery({ queryKey: candidateKeys.options, queryFn: () => call(candidateOptions, {}), staleTime: 60_000 });
}

export function useCandidateList(search: CandidateSearch) {
  const { view: _view, page, ...filters } = search;
  const query = { ...filters, page: page ?? 1, pageSize: CANDIDATES_PAGE_SIZE };
  return useQuery({
    queryKey: candidateKeys.list(query),
    queryFn: () => call(listCandidates, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useCandidate(id: string) {
  return useQuery({ queryKey: candidateKeys.candidate(id), queryFn: () => call(getCandidate, { params: { id } }) });
}
