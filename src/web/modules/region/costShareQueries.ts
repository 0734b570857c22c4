// Server state of 負担金 (TanStack Query keys and hooks).
import { useQuery } from "@tanstack/react-query";
import { getCostRule, getCostShareComputation, getCostShareInputs, listCostRules } from "../../../common/api/region-cost-shares";
import { call } from "../../api/client";

export const costShareKeys = {
  all: ["region", "cost-shares"] as const,
  list: (projectId?: string) => ["region", "cost-shares", "list", projectId ?? null] as const,
  rule: (id: string) => ["region", "cost-shares", "rule", id] as const,
  inputs: (versionIds: string) => ["region", "cost-shares", "inputs", versionIds] as const,
  computation: (id: string) => ["region", "cost-shares", "computation", id] as const,
};

export function useCostRules(projectId?: string) {
  return useQuery({ queryKey: costShareKeys.list(projectId), queryFn: () => call(listCostRules, { query: { projectId } }) });
}

export function useCostRule(id: string) {
  return useQuery({ queryKey: costShareKeys.rule(id), queryFn: () => call(getCostRule, { params: { id } }), enabled: id !== "" });
}

export function useCostShareInputs(versionIds: string[]) {
  const key = versionIds.filter(Boolean).join(",");
  return useQuery({
    queryKey: costShareKeys.inputs(key),
    queryFn: () => call(getCostShareInputs, { query: { versionIds: key } }),
    enabled: key.length > 0,
  });
}

export function useCostShareComputation(id: string) {
  return useQuery({ queryKey: costShareKeys.computation(id), queryFn: () => call(getCostShareComputation, { params: { id } }) });
}
