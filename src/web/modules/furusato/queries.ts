// Server state of the furusato module (TanStack Query keys and hooks in one place).
import { type QueryClient, useQuery } from "@tanstack/react-query";
import {
  type GiftDetail,
  getFurusatoAccess,
  getGift,
  getSupplier,
  listExports,
  listGifts,
  listPortals,
  listSuppliers,
  previewPublish,
  templateVocabulary,
} from "../../../common/api/furusato";
import { call } from "../../api/client";

export const furusatoKeys = {
  all: ["furusato"] as const,
  access: ["furusato", "access"] as const,
  gifts: (filter: object) => ["furusato", "gifts", filter] as const,
  gift: (id: string) => ["furusato", "gift", id] as const,
  suppliers: ["furusato", "suppliers"] as const,
  supplier: (id: string) => ["furusato", "supplier", id] as const,
  portals: ["furusato", "portals"] as const,
  publishPreview: ["furusato", "publish", "preview"] as const,
  exports: ["furusato", "exports"] as const,
  vocabulary: ["furusato", "template-vocabulary"] as const,
};

/**
 * What the signed-in user may do in this module (担当者 / which supplier's account), as the server decides it.
 * Screens show or hide their controls from this rather than guessing from the role.
 */
export function useFurusatoAccess() {
  return useQuery({ queryKey: furusatoKeys.access, queryFn: () => call(getFurusatoAccess), staleTime: 5 * 60_000 });
}

export function useGift(id: string) {
  return useQuery({ queryKey: furusatoKeys.gift(id), queryFn: () => call(getGift, { params: { id } }) });
}

/** Every gift the caller may see (used to turn gift codes into links). */
export function useAllGifts(enabled = true) {
  return useQuery({ queryKey: furusatoKeys.gifts({}), queryFn: () => call(listGifts, { query: {} }), enabled, staleTime: 30_000 });
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

/** The fields and functions an export template may use (fixed for a server version). */
export function useTemplateVocabulary(enabled = true) {
  return useQuery({
    queryKey: furusatoKeys.vocabulary,
    queryFn: () => call(templateVocabulary),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function usePublishPreview(enabled: boolean) {
  return useQuery({ queryKey: furusatoKeys.publishPreview, queryFn: () => call(previewPublish), enabled });
}

export function useExports(enabled: boolean) {
  return useQuery({ queryKey: furusatoKeys.exports, queryFn: () => call(listExports), enabled });
}

/** Stores a gift answered by a write and marks the lists (counts, statuses) stale. */
export function storeGift(queryClient: QueryClient, gift: GiftDetail) {
  queryClient.setQueryData(furusatoKeys.gift(gift.id), gift);
  queryClient.invalidateQueries({ queryKey: ["furusato", "gifts"] });
  queryClient.invalidateQueries({ queryKey: furusatoKeys.suppliers });
  queryClient.invalidateQueries({ queryKey: furusatoKeys.publishPreview });
}
