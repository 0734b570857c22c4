// Server state of 連携市町と人口 and of the region home's figures (TanStack Query keys and hooks), and whether the
// signed-in person is one of the hub's managers (the session's audiences name region.manager).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getMunicipality, getPopulationTable, getRegionSummary, listMunicipalities } from "../../../common/api/region-municipalities";
import type { PopulationBasis } from "../../../common/region/population-basis";
import { call } from "../../api/client";
import { useSession } from "../../auth/session";

export const municipalityKeys = {
  all: ["region", "municipalities"] as const,
  list: () => ["region", "municipalities", "list"] as const,
  one: (code: string) => ["region", "municipalities", "one", code] as const,
  populations: (basis?: string, asOf?: string) => ["region", "municipalities", "populations", basis ?? null, asOf ?? null] as const,
  summary: ["region", "municipalities", "summary"] as const,
};

export function useMunicipalities() {
  return useQuery({ queryKey: municipalityKeys.list(), queryFn: () => call(listMunicipalities) });
}

export function useMunicipality(code: string) {
  return useQuery({ queryKey: municipalityKeys.one(code), queryFn: () => call(getMunicipality, { params: { code } }) });
}

export function usePopulationTable(basis?: PopulationBasis, asOf?: string) {
  return useQuery({
    queryKey: municipalityKeys.populations(basis, asOf),
    queryFn: () => call(getPopulationTable, { query: { basis, asOf } }),
    placeholderData: keepPreviousData,
  });
}

export function useRegionSummary() {
  return useQuery({ queryKey: municipalityKeys.summary, queryFn: () => call(getRegionSummary) });
}

/** The signed-in person keeps the 市町 and populations (the hub's bureau, or an administrator). */
export function useIsRegionManager(): boolean {
  return useSession().data?.audiences.includes("region.manager") ?? false;
}
