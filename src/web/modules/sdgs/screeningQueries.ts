// Server state of the screening screens (TanStack Query keys and hooks), and the URL conditions of the list.
import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import {
  APPLICATION_SORTS,
  type ApplicationSort,
  getApplication,
  getMyReview,
  listApplications,
  listMyReviews,
  listReviewers,
} from "../../../common/api/sdgs-screening";
import { APPLICATION_STATUSES, type ApplicationStatus } from "../../../common/sdgs/application-states";
import { APPLICATION_KINDS, type ApplicationKind, INDUSTRIES, type Industry, WARDS, type Ward } from "../../../common/sdgs/labels";
import { call } from "../../api/client";
import { useSession } from "../../auth/session";
import type { SortState } from "../../ui/DataTable";

export const screeningKeys = {
  all: ["sdgs", "screening"] as const,
  list: (query: unknown) => ["sdgs", "screening", "list", query] as const,
  one: (id: string) => ["sdgs", "screening", "one", id] as const,
  reviewers: () => ["sdgs", "screening", "reviewers"] as const,
  candidates: (q: string) => ["sdgs", "screening", "candidates", q] as const,
  myReviews: () => ["sdgs", "screening", "my-reviews"] as const,
  myReview: (id: string) => ["sdgs", "screening", "my-review", id] as const,
  waiting: () => ["sdgs", "screening", "waiting"] as const,
};

export function useApplication(id: string) {
  return useQuery({ queryKey: screeningKeys.one(id), queryFn: () => call(getApplication, { params: { id } }) });
}

export function useReviewers() {
  return useQuery({ queryKey: screeningKeys.reviewers(), queryFn: () => call(listReviewers) });
}

export function useMyReviews() {
  return useQuery({ queryKey: screeningKeys.myReviews(), queryFn: () => call(listMyReviews) });
}

export function useMyReview(id: string) {
  return useQuery({ queryKey: screeningKeys.myReview(id), queryFn: () => call(getMyReview, { params: { id } }) });
}

/** How many applications wait for 要件確認 ('submitted'), asked only for the bureau's managers. */
export function useWaitingForScreening() {
  const session = useSession();
  const manager = session.data?.audiences.includes("sdgs.manager") ?? false;
  return useQuery({
    queryKey: screeningKeys.waiting(),
    queryFn: () => call(listApplications, { query: { status: "submitted", page: 1, pageSize: 1 } }),
    enabled: manager,
    staleTime: 60_000,
  });
}

// ------------------------------------------------------------------ the list's conditions in the URL

export interface ApplicationSearch {
  q?: string;
  roundId?: string;
  status?: ApplicationStatus;
  kind?: ApplicationKind;
  ward?: Ward;
  industry?: Industry;
  sort?: ApplicationSort;
  page?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const oneOf = <T extends string>(list: readonly T[], value: unknown): T | undefined =>
  list.includes(value as T) ? (value as T) : undefined;

/** Reads the list's conditions from the URL, dropping anything unknown. */
export function applicationSearch(search: Record<string, unknown>): ApplicationSearch {
  const q = typeof search.q === "string" && search.q.trim() !== "" && search.q.length <= 100 ? search.q.trim() : undefined;
  const page = Number(search.page);
  const value: ApplicationSearch = {
    q,
    roundId: typeof search.roundId === "string" && UUID.test(search.roundId) ? search.roundId : undefined,
    status: oneOf(APPLICATION_STATUSES, search.status),
    kind: oneOf(APPLICATION_KINDS, search.kind),
    ward: oneOf(WARDS, search.ward),
    industry: oneOf(INDUSTRIES, search.industry),
    sort: oneOf(APPLICATION_SORTS, search.sort),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as ApplicationSearch;
}

export function sortStateOf(sort: ApplicationSort): SortState {
  return sort.startsWith("-") ? { key: sort.slice(1), order: "desc" } : { key: sort, order: "asc" };
}

export function sortValueOf(state: SortState): ApplicationSort {
  const value = `${state.order === "desc" ? "-" : ""}${state.key}`;
  return oneOf(APPLICATION_SORTS, value) ?? "-submittedAt";
}

export type ApplicationListQuery = z.input<NonNullable<typeof listApplications.query>>;
