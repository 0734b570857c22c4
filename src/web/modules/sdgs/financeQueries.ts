// Server state of 金融連携 and the dashboard.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { QueryOf } from "../../../common/api/contract";
import {
  createBank,
  createBankFinance,
  deleteBankFinance,
  type FinanceInput,
  getDashboard,
  listBankCompanies,
  listBankFinance,
  listBanks,
  listFinance,
  updateBank,
  updateBankFinance,
} from "../../../common/api/sdgs-finance";
import { call } from "../../api/client";

export const financeKeys = {
  banks: ["sdgs", "banks"] as const,
  bankFinance: (page: number) => ["sdgs", "bank", "finance", page] as const,
  finance: (query: object) => ["sdgs", "finance", query] as const,
  dashboard: (fy: number | undefined) => ["sdgs", "dashboard", fy ?? null] as const,
  companies: (q: string) => ["sdgs", "bank", "companies", q] as const,
};

export const searchBankCompanies = async (q: string) => (await call(listBankCompanies, { query: { q } })).items;

export function useBanks() {
  return useQuery({ queryKey: financeKeys.banks, queryFn: () => call(listBanks) });
}

export function useCreateBank() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => call(createBank, { body: { name } }),
    onSuccess: () => client.invalidateQueries({ queryKey: financeKeys.banks }),
  });
}

export function useUpdateBank() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; active?: boolean; sortOrder?: number; name?: string }) =>
      call(updateBank, { params: { id: input.id }, body: { active: input.active, sortOrder: input.sortOrder, name: input.name } }),
    onSuccess: () => client.invalidateQueries({ queryKey: financeKeys.banks }),
  });
}

export function useBankFinance(page: number) {
  return useQuery({
    queryKey: financeKeys.bankFinance(page),
    queryFn: () => call(listBankFinance, { query: { page, pageSize: 20 } }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveBankFinance() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; version?: number; finance: FinanceInput }) =>
      input.id
        ? call(updateBankFinance, { params: { id: input.id }, body: { version: input.version ?? 1, finance: input.finance } })
        : call(createBankFinance, { body: input.finance }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["sdgs", "bank", "finance"] }),
  });
}

export function useDeleteBankFinance() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; version: number }) =>
      call(deleteBankFinance, { params: { id: input.id }, query: { version: input.version } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["sdgs", "bank", "finance"] }),
  });
}

export function useFinanceList(query: QueryOf<typeof listFinance>) {
  return useQuery({ queryKey: financeKeys.finance(query), queryFn: () => call(listFinance, { query }), placeholderData: keepPreviousData });
}

export function useDashboard(fiscalYear: number | undefined) {
  return useQuery({ queryKey: financeKeys.dashboard(fiscalYear), queryFn: () => call(getDashboard, { query: { fiscalYear } }) });
}
