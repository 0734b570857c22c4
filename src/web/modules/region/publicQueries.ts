// Server state of the hub's public pages (no sign-in). The 市町 list and the boundaries change rarely: they are
// kept for the visit (staleTime) so moving between the hub's pages asks for them once.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { QueryOf } from "../../../common/api/contract";
import {
  getPublicItem,
  listCalendarMonth,
  listFeaturedItems,
  listMapPoints,
  listPublicMunicipalities,
  searchPublicItems,
} from "../../../common/api/region-public";
import { call } from "../../api/client";

const TEN_MINUTES = 10 * 60 * 1000;

export function usePublicSearch(query: QueryOf<typeof searchPublicItems>) {
  return useQuery({
    queryKey: ["public", "region", "search", query],
    queryFn: () => call(searchPublicItems, { query }),
    placeholderData: keepPreviousData,
  });
}

export function usePublicItem(id: string) {
  return useQuery({ queryKey: ["public", "region", "item", id], queryFn: () => call(getPublicItem, { params: { id } }), retry: false });
}

export function useFeaturedItems() {
  return useQuery({
    queryKey: ["public", "region", "featured"],
    queryFn: () => call(listFeaturedItems, { query: { limit: 6 } }),
    staleTime: TEN_MINUTES,
  });
}

export function usePublicMunicipalities() {
  return useQuery({
    queryKey: ["public", "region", "municipalities"],
    queryFn: () => call(listPublicMunicipalities),
    staleTime: TEN_MINUTES,
  });
}

export function useMapPoints(query: QueryOf<typeof listMapPoints>) {
  return useQuery({
    queryKey: ["public", "region", "map", query],
    queryFn: () => call(listMapPoints, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useCalendarMonth(query: QueryOf<typeof listCalendarMonth>) {
  return useQuery({
    queryKey: ["public", "region", "calendar", query],
    queryFn: () => call(listCalendarMonth, { query }),
    placeholderData: keepPreviousData,
  });
}
