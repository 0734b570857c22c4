// Server state of the open-data screens (/region/opendata, /public/region/opendata).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ParamsOf, QueryOf } from "../../../common/api/contract";
import {
  checkOpenDataExport,
  getOpenDataOverview,
  listPublicOpenData,
  type OpenDataLicenseId,
  updateOpenDataLicense,
} from "../../../common/api/region-export";
import { call } from "../../api/client";

export const exportKeys = {
  overview: ["region", "opendata", "overview"] as const,
  check: (params: object, query: object) => ["region", "opendata", "check", params, query] as const,
  publicList: ["public", "region", "opendata"] as const,
};

export function useOpenDataOverview() {
  return useQuery({ queryKey: exportKeys.overview, queryFn: () => call(getOpenDataOverview) });
}

export function useOpenDataCheck(params: ParamsOf<typeof checkOpenDataExport>, query: QueryOf<typeof checkOpenDataExport>) {
  return useQuery({
    queryKey: exportKeys.check(params, query),
    queryFn: () => call(checkOpenDataExport, { params, query }),
    placeholderData: keepPreviousData,
  });
}

export function useUpdateOpenDataLicense() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (license: OpenDataLicenseId) => call(updateOpenDataLicense, { body: { license } }),
    onSuccess: () => client.invalidateQueries({ queryKey: exportKeys.overview }),
  });
}

export function usePublicOpenData() {
  return useQuery({ queryKey: exportKeys.publicList, queryFn: () => call(listPublicOpenData) });
}
