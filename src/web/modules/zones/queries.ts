// Server state of the 特区 screens (TanStack Query keys and hooks) and the list's conditions kept in the URL.
import { keepPreviousData, type QueryClient, useQuery } from "@tanstack/react-query";
import { getPipeline, getProposal, listProposals, PROPOSAL_SORTS, type ProposalDetail } from "../../../common/api/zones";
import { PROPOSAL_FIELDS, type ProposalField } from "../../../common/zones/proposal-fields";
import { PROPOSAL_STATES, type ProposalState } from "../../../common/zones/proposal-states";
import { call } from "../../api/client";

export const zonesKeys = {
  all: ["zones"] as const,
  pipeline: (field: string) => ["zones", "pipeline", field] as const,
  proposals: (query: object) => ["zones", "proposals", query] as const,
  proposal: (id: string) => ["zones", "proposal", id] as const,
};

export type ProposalSort = (typeof PROPOSAL_SORTS)[number];
export type StateFilter = ProposalState | "active" | "ended";

export interface ProposalSearch {
  state?: StateFilter;
  field?: ProposalField;
  q?: string;
  sort?: ProposalSort;
  order?: "asc" | "desc";
  page?: number;
}

const oneOf = <T extends string>(list: readonly T[], value: unknown): T | undefined => list.find((v) => v === value);
const defined = <T extends object>(out: T): T => Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as T;

/** The list's conditions from the URL (?state=request&field=space&q=…), anything unknown dropped. */
export function proposalSearch(search: Record<string, unknown>): ProposalSearch {
  const page = Number(search.page);
  return defined({
    state: oneOf<StateFilter>([...PROPOSAL_STATES, "active", "ended"], search.state),
    field: oneOf(PROPOSAL_FIELDS, search.field),
    q: typeof search.q === "string" && search.q.trim() ? search.q.trim().slice(0, 100) : undefined,
    sort: oneOf(PROPOSAL_SORTS, search.sort),
    order: oneOf(["asc", "desc"] as const, search.order),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : undefined,
  });
}

/** The pipeline's field filter from the URL. */
export function pipelineSearch(search: Record<string, unknown>): { field?: ProposalField } {
  return defined({ field: oneOf(PROPOSAL_FIELDS, search.field) });
}

export const PROPOSALS_PAGE_SIZE = 50;

/** The order a sort key starts in when chosen (newest / longest first where that is what one looks for). */
export const FIRST_ORDER: Record<ProposalSort, "asc" | "desc"> = {
  updated: "desc",
  title: "asc",
  state: "asc",
  stateSince: "desc",
  daysInState: "desc",
  proposedOn: "desc",
};

/** Whether the signed-in person may add and change proposals (the list answers it); `known` once it has. */
export function useCanManageZones(): { canManage: boolean; known: boolean } {
  const access = useQuery({
    queryKey: [...zonesKeys.all, "access"],
    queryFn: () => call(listProposals, { query: { page: 1, pageSize: 1 } }),
    staleTime: 60_000,
  });
  return { canManage: access.data?.canManage ?? false, known: access.data !== undefined };
}

export function usePipeline(field: ProposalField | undefined) {
  return useQuery({
    queryKey: zonesKeys.pipeline(field ?? ""),
    queryFn: () => call(getPipeline, { query: field ? { field } : {} }),
    placeholderData: keepPreviousData,
  });
}

export function useProposals(search: ProposalSearch) {
  const sort = search.sort ?? "updated";
  const query = {
    ...search,
    sort,
    order: search.order ?? FIRST_ORDER[sort],
    page: search.page ?? 1,
    pageSize: PROPOSALS_PAGE_SIZE,
  };
  return useQuery({
    queryKey: zonesKeys.proposals(query),
    queryFn: () => call(listProposals, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useProposal(id: string) {
  return useQuery({ queryKey: zonesKeys.proposal(id), queryFn: () => call(getProposal, { params: { id } }), retry: false });
}

/** After a write: the proposal's own answer goes into its cache, and the lists and the pipeline load again. */
export async function proposalChanged(queryClient: QueryClient, proposal: ProposalDetail): Promise<void> {
  queryClient.setQueryData(zonesKeys.proposal(proposal.id), proposal);
  await queryClient.invalidateQueries({
    queryKey: zonesKeys.all,
    predicate: (query) => query.queryKey[1] !== "proposal",
  });
}
