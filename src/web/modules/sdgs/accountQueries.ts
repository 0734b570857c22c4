// Server state of the company account pages: the staff's company list and page, the bureau's invitations, and the
// public invitation link.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { QueryOf } from "../../../common/api/contract";
import { getCompany, getPublicInvitation, listCompanies, listInvitations } from "../../../common/api/sdgs-accounts";
import { call } from "../../api/client";

export const accountKeys = {
  companies: ["sdgs", "companies"] as const,
  invitations: ["sdgs", "invitations"] as const,
};

export function useCompanies(query: QueryOf<typeof listCompanies>) {
  return useQuery({
    queryKey: [...accountKeys.companies, "list", query],
    queryFn: () => call(listCompanies, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useCompany(id: string) {
  return useQuery({ queryKey: [...accountKeys.companies, id], queryFn: () => call(getCompany, { params: { id } }) });
}

export function useInvitations(query: QueryOf<typeof listInvitations>) {
  return useQuery({
    queryKey: [...accountKeys.invitations, query],
    queryFn: () => call(listInvitations, { query }),
    placeholderData: keepPreviousData,
  });
}

export function usePublicInvitation(token: string) {
  return useQuery({
    queryKey: ["public", "sdgs", "invitation", token],
    queryFn: () => call(getPublicInvitation, { params: { token } }),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
