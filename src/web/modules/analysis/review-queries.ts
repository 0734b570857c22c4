// Server state of 経営分析's analysis screens (TanStack Query keys and hooks) and the actions list's conditions kept in
// the URL.
import { keepPreviousData, type QueryClient, useQuery } from "@tanstack/react-query";
import { getSubjectIndicators } from "../../../common/api/analysis-figures";
import { ACTION_FILTERS, getReview, listActions, listSubjectReviews, type ReviewDetail } from "../../../common/api/analysis-reviews";
import { call } from "../../api/client";

export const reviewKeys = {
  all: ["analysis"] as const,
  review: (id: string) => ["analysis", "reviews", "one", id] as const,
  subjectReviews: (subjectId: string) => ["analysis", "reviews", "subject", subjectId] as const,
  actions: (query: object) => ["analysis", "actions", query] as const,
  indicators: (subjectId: string) => ["analysis", "indicators", subjectId] as const,
};

export type ActionStatusFilter = (typeof ACTION_FILTERS)[number] | "all";

export interface ActionSearch {
  status?: ActionStatusFilter;
  subjectId?: string;
  fiscalYear?: number;
  ownerOrganisationId?: string;
  page?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidOf = (value: unknown) => (typeof value === "string" && UUID.test(value) ? value : undefined);
const defined = <T extends object>(out: T): T => Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as T;

/** The actions list's conditions from the URL (?status=overdue&subjectId=…), anything unknown dropped. */
export function actionSearch(search: Record<string, unknown>): ActionSearch {
  const page = Number(search.page);
  const year = Number(search.fiscalYear);
  return defined({
    status: ([...ACTION_FILTERS, "all"] as const).find((s) => s === search.status),
    subjectId: uuidOf(search.subjectId),
    fiscalYear: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
    ownerOrganisationId: uuidOf(search.ownerOrganisationId),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : undefined,
  });
}

export const ACTIONS_PAGE_SIZE = 50;

export function useActions(search: ActionSearch) {
  const query = { ...search, status: search.status ?? "open", page: search.page ?? 1, pageSize: ACTIONS_PAGE_SIZE };
  return useQuery({ queryKey: reviewKeys.actions(query), queryFn: () => call(listActions, { query }), placeholderData: keepPreviousData });
}

export function useReview(id: string) {
  return useQuery({ queryKey: reviewKeys.review(id), queryFn: () => call(getReview, { params: { id } }), retry: false });
}

export function useSubjectReviews(subjectId: string) {
  return useQuery({
    queryKey: reviewKeys.subjectReviews(subjectId),
    queryFn: () => call(listSubjectReviews, { params: { id: subjectId } }),
  });
}

/** The subject's indicators (every year with figures, and the peers): the findings pick from them and chart them. */
export function useSubjectIndicators(subjectId: string | undefined) {
  return useQuery({
    queryKey: reviewKeys.indicators(subjectId ?? ""),
    queryFn: () => call(getSubjectIndicators, { params: { id: subjectId ?? "" } }),
    enabled: !!subjectId,
    staleTime: 60_000,
  });
}

/** After a write on an analysis: its answer goes into its cache; the lists (subject's analyses, actions, home) reload. */
export async function reviewChanged(queryClient: QueryClient, review: ReviewDetail): Promise<void> {
  queryClient.setQueryData(reviewKeys.review(review.id), review);
  await queryClient.invalidateQueries({
    queryKey: reviewKeys.all,
    predicate: (query) => !(query.queryKey[1] === "reviews" && query.queryKey[3] === review.id) && query.queryKey[1] !== "indicators",
  });
}

/** After a write on an action: its analysis and every list reload. */
export async function actionChanged(queryClient: QueryClient): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: reviewKeys.all, predicate: (query) => query.queryKey[1] !== "indicators" });
}
