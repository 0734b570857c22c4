// Server state of 経営分析's subject screens (TanStack Query keys and hooks) and the peers list's conditions kept in
// the URL.
import { keepPreviousData, type QueryClient, useQuery } from "@tanstack/react-query";
import { SUBJECT_KINDS, type SubjectKind } from "../../../common/analysis/labels";
import { getSubject, listSubjects, type SubjectDetail } from "../../../common/api/analysis-subjects";
import { call } from "../../api/client";

export const subjectKeys = {
  all: ["analysis", "subjects"] as const,
  list: (query: object) => ["analysis", "subjects", "list", query] as const,
  subject: (id: string) => ["analysis", "subjects", "one", id] as const,
};

export interface PeerSearch {
  kind?: SubjectKind;
  q?: string;
  page?: number;
}

const defined = <T extends object>(out: T): T => Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as T;

/** The peers list's conditions from the URL (?kind=public_university&q=…), anything unknown dropped. */
export function peerSearch(search: Record<string, unknown>): PeerSearch {
  const page = Number(search.page);
  return defined({
    kind: SUBJECT_KINDS.find((k) => k === search.kind),
    q: typeof search.q === "string" && search.q.trim() ? search.q.trim().slice(0, 100) : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : undefined,
  });
}

export const PEERS_PAGE_SIZE = 50;

/** Every subject (role subject), by analysis year: the home page groups them. */
export function useSubjectsByYear() {
  const query = { role: "subject" as const, sort: "analysisYear" as const, order: "desc" as const, page: 1, pageSize: 200 };
  return useQuery({ queryKey: subjectKeys.list(query), queryFn: () => call(listSubjects, { query }) });
}

export function usePeers(search: PeerSearch) {
  const query = {
    role: "peer" as const,
    kind: search.kind,
    q: search.q,
    sort: "name" as const,
    order: "asc" as const,
    page: search.page ?? 1,
    pageSize: PEERS_PAGE_SIZE,
  };
  return useQuery({ queryKey: subjectKeys.list(query), queryFn: () => call(listSubjects, { query }), placeholderData: keepPreviousData });
}

/** Every peer (for the 「登録済みの比較団体を追加」 choice). */
export function useAllPeers(enabled: boolean) {
  const query = { role: "peer" as const, sort: "name" as const, order: "asc" as const, page: 1, pageSize: 200 };
  return useQuery({ queryKey: subjectKeys.list(query), queryFn: () => call(listSubjects, { query }), enabled });
}

/** Whether the signed-in person may add and change subjects (the list answers it); `known` once it has. */
export function useCanManageAnalysis(): { canManage: boolean; known: boolean } {
  const access = useQuery({
    queryKey: [...subjectKeys.all, "access"],
    queryFn: () => call(listSubjects, { query: { page: 1, pageSize: 1 } }),
    staleTime: 60_000,
  });
  return { canManage: access.data?.canManage ?? false, known: access.data !== undefined };
}

export function useSubject(id: string) {
  return useQuery({ queryKey: subjectKeys.subject(id), queryFn: () => call(getSubject, { params: { id } }), retry: false });
}

/** After a write: the subject's own answer goes into its cache, and the lists (and other subjects' pages) load again. */
export async function subjectChanged(queryClient: QueryClient, subject: SubjectDetail): Promise<void> {
  queryClient.setQueryData(subjectKeys.subject(subject.id), subject);
  await queryClient.invalidateQueries({
    queryKey: subjectKeys.all,
    predicate: (query) => !(query.queryKey[2] === "one" && query.queryKey[3] === subject.id),
  });
  // the figures' and indicators' views read the measures, facilities and peers too
  await queryClient.invalidateQueries({ queryKey: ["analysis"], predicate: (query) => query.queryKey[1] !== "subjects" });
}
