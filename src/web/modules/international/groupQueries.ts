// Server state of the テーマ別ワーキンググループ pages (TanStack Query keys and hooks), under the module's key so that
// invalidateInternational refreshes them too.
import { useQuery } from "@tanstack/react-query";
import { GROUP_STATUSES, getWorkingGroup, listWorkingGroups } from "../../../common/api/international-groups";
import { call } from "../../api/client";

export type GroupStatus = (typeof GROUP_STATUSES)[number];
export interface GroupSearch {
  fiscalYear?: number;
  status?: GroupStatus;
}

export const groupKeys = {
  all: ["international", "groups"] as const,
  list: (query: GroupSearch) => ["international", "groups", "list", query] as const,
  group: (id: string) => ["international", "groups", "one", id] as const,
};

/** The list's conditions from the URL (?fiscalYear=2024&status=active), anything unknown dropped. */
export function groupSearch(search: Record<string, unknown>): GroupSearch {
  const fy = Number(search.fiscalYear);
  const status = GROUP_STATUSES.find((s) => s === search.status);
  return {
    ...(Number.isInteger(fy) && fy >= 2000 && fy <= 2100 ? { fiscalYear: fy } : {}),
    ...(status ? { status } : {}),
  };
}

export function useGroups(query: GroupSearch) {
  return useQuery({ queryKey: groupKeys.list(query), queryFn: () => call(listWorkingGroups, { query }) });
}

export function useGroup(id: string) {
  return useQuery({ queryKey: groupKeys.group(id), queryFn: () => call(getWorkingGroup, { params: { id } }) });
}
