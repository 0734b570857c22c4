// Server state of the public registry pages (no sign-in).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { QueryOf } from "../../../common/api/contract";
import { checkCertificate, listCertifiedCompanies } from "../../../common/api/sdgs-public";
import { call } from "../../api/client";

export function useCertifiedCompanies(query: QueryOf<typeof listCertifiedCompanies>) {
  return useQuery({
    queryKey: ["public", "sdgs", "certified", query],
    queryFn: () => call(listCertifiedCompanies, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useCertificateCheck(number: string | null) {
  return useQuery({
    queryKey: ["public", "sdgs", "certificate", number],
    queryFn: () => call(checkCertificate, { params: { number: number ?? "" } }),
    enabled: !!number,
    retry: false,
  });
}
