// Server state of the furusato module (TanStack Query keys and hooks in one place).
import { type QueryClient, useQuery } from "@tanstack/react-query";
import { type GiftDetail, getGift, getSupplier, listPortals, listSuppliers } from "../../../common/api/furusato";
import { call } from "../../api/client";

export const furusatoKeys = {
  all: ["furusato"] as const,
  gifts: (filter: object) => ["furusato", "gifts", filter] as const,
  gift: (id: string) => ["furusato", "gift", id] as const,
  suppliers: ["furusato", "suppliers"] as const,
  supplier: (id: string) => ["furusato", "supplier", id] as const,
  portals: ["furusato", "portals"] as const,
};

export function useGift(id: string) {
  return useQuery({ queryKey: furusatoKeys.gift(id), queryFn: () => call(getGift, { params: { id } }) });
}

export function useSuppliers() {
  return useQuery({ queryKey: furusatoKeys.suppliers, queryFn: () => call(listSuppliers), staleTime: 60_000 });
}

export function useSupplier(id: string) {
  return useQuery({ queryKey: furusatoKeys.supplier(id), queryFn: () => call(getSupplier, { params: { id } }) });
}

export function usePortals() {
  return useQuery({ queryKey: furusatoKeys.portals, queryFn: () => call(listPortals), staleTime: 60_000 });
}

/** Stores a gift answered by a write and marks the lists (counts, statuses) stale. */
export function storeGift(queryClient: QueryClient, gift: GiftDetail) {
  queryClient.setQueryData(furusatoKeys.gift(gift.id), gift);
  queryClient.invalidateQueries({ queryKey: ["furusato", "gifts"] });
  queryClient.invalidateQueries({ queryKey: furusatoKeys.suppliers });
}
