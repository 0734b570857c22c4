// Server state of the curation screens (TanStack Query keys and hooks) and the list conditions kept in the URL.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  curationContext,
  getImport,
  getItem,
  getProblem,
  ITEM_SORTS,
  ITEM_STATUSES,
  type ItemSort,
  type ItemStatus,
  listImports,
  listItems,
  listProblems,
  PROBLEM_STATUSES,
  type ProblemStatus,
} from "../../../common/api/region-curation";
import { DATASET_KEYS, type DatasetKey } from "../../../common/region/datasets";
import { call } from "../../api/client";

export const curationKeys = {
  all: ["region", "curation"] as const,
  context: ["region", "curation", "context"] as const,
  items: (query: object) => ["region", "curation", "items", query] as const,
  item: (id: string) => ["region", "curation", "item", id] as const,
  imports: (query: object) => ["region", "curation", "imports", query] as const,
  import: (id: string) => ["region", "curation", "import", id] as const,
  problems: (query: object) => ["region", "curation", "problems", query] as const,
  problem: (id: string) => ["region", "curation", "problem", id] as const,
};

const oneOf = <T extends string>(list: readonly T[], value: unknown): T | undefined => list.find((v) => v === value);
const code = (value: unknown) => (typeof value === "string" && /^[0-9]{6}$/.test(value) ? value : undefined);
const page = (value: unknown) => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : undefined;
};
const defined = <T extends object>(out: T): T => Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as T;

export interface ItemSearch {
  municipalityCode?: string;
  dataset?: DatasetKey;
  status?: ItemStatus;
  featured?: "true" | "false";
  q?: string;
  sort?: ItemSort;
  page?: number;
}

/** The items list's conditions from the URL (?dataset=event&status=draft…), anything unknown dropped. */
export function itemSearch(search: Record<string, unknown>): ItemSearch {
  return defined({
    municipalityCode: code(search.municipalityCode),
    dataset: oneOf(DATASET_KEYS, search.dataset),
    status: oneOf(ITEM_STATUSES, search.status),
    featured: oneOf(["true", "false"] as const, search.featured),
    q: typeof search.q === "string" && search.q.trim() ? search.q.trim().slice(0, 100) : undefined,
    sort: oneOf(ITEM_SORTS, search.sort),
    page: page(search.page),
  });
}

export interface ProblemSearch {
  status?: ProblemStatus;
  municipalityCode?: string;
  dataset?: DatasetKey;
  page?: number;
}

export function problemSearch(search: Record<string, unknown>): ProblemSearch {
  return defined({
    status: oneOf(PROBLEM_STATUSES, search.status),
    municipalityCode: code(search.municipalityCode),
    dataset: oneOf(DATASET_KEYS, search.dataset),
    page: page(search.page),
  });
}

export const ITEMS_PAGE_SIZE = 50;
export const IMPORTS_PAGE_SIZE = 20;
export const PROBLEMS_PAGE_SIZE = 50;

export function useCurationContext() {
  return useQuery({ queryKey: curationKeys.context, queryFn: () => call(curationContext, {}), staleTime: 60_000 });
}

export function useItems(search: ItemSearch) {
  const query = { ...search, page: search.page ?? 1, pageSize: ITEMS_PAGE_SIZE };
  return useQuery({ queryKey: curationKeys.items(query), queryFn: () => call(listItems, { query }), placeholderData: keepPreviousData });
}

export function useItem(id: string) {
  return useQuery({ queryKey: curationKeys.item(id), queryFn: () => call(getItem, { params: { id } }), retry: false });
}

export function useImports(pageNumber: number) {
  const query = { page: pageNumber, pageSize: IMPORTS_PAGE_SIZE };
  return useQuery({
    queryKey: curationKeys.imports(query),
    queryFn: () => call(listImports, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useImport(id: string | null) {
  return useQuery({
    queryKey: curationKeys.import(id ?? ""),
    queryFn: () => call(getImport, { params: { id: id as string } }),
    enabled: Boolean(id),
    retry: false,
  });
}

export function useProblems(search: ProblemSearch) {
  const query = { ...search, page: search.page ?? 1, pageSize: PROBLEMS_PAGE_SIZE };
  return useQuery({
    queryKey: curationKeys.problems(query),
    queryFn: () => call(listProblems, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useProblem(id: string) {
  return useQuery({ queryKey: curationKeys.problem(id), queryFn: () => call(getProblem, { params: { id } }), retry: false });
}
