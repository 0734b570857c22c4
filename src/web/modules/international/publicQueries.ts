// Server state of the 国際 public pages (no sign-in).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { QueryOf } from "../../../common/api/contract";
import { getPublicProject, listPublicProjects } from "../../../common/api/international-public";
import { getPublicTripReport, listPublicTripReports } from "../../../common/api/international-public-trips";
import { call } from "../../api/client";

export const publicInternationalKeys = {
  projects: (query: object) => ["public", "international", "projects", query] as const,
  project: (id: string) => ["public", "international", "project", id] as const,
  tripReports: (query: object) => ["public", "international", "trip-reports", query] as const,
  tripReport: (id: string) => ["public", "international", "trip-report", id] as const,
};

export function usePublicProjects(query: QueryOf<typeof listPublicProjects>) {
  return useQuery({
    queryKey: publicInternationalKeys.projects(query),
    queryFn: () => call(listPublicProjects, { query }),
    placeholderData: keepPreviousData,
  });
}

export function usePublicProject(id: string) {
  return useQuery({
    queryKey: publicInternationalKeys.project(id),
    queryFn: () => call(getPublicProject, { params: { id } }),
    retry: false,
  });
}

export function usePublicTripReports(query: QueryOf<typeof listPublicTripReports>) {
  return useQuery({
    queryKey: publicInternationalKeys.tripReports(query),
    queryFn: () => call(listPublicTripReports, { query }),
    placeholderData: keepPreviousData,
  });
}

export function usePublicTripReport(id: string) {
  return useQuery({
    queryKey: publicInternationalKeys.tripReport(id),
    queryFn: () => call(getPublicTripReport, { params: { id } }),
    retry: false,
  });
}
