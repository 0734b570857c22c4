// Server state of the 国際 screens (TanStack Query keys and hooks in one place).
import { type QueryClient, useQuery } from "@tanstack/react-query";
import {
  getInternationalAccess,
  getPartnerTimeline,
  getProject,
  getTrip,
  listInternationalFields,
  listOverdueReports,
  listPartners,
  listTravelRates,
} from "../../../common/api/international";
import { call } from "../../api/client";

export const internationalKeys = {
  all: ["international"] as const,
  access: ["international", "access"] as const,
  fields: ["international", "fields"] as const,
  partners: ["international", "partners"] as const,
  partner: (id: string) => ["international", "partner", id] as const,
  projects: (query: object) => ["international", "projects", query] as const,
  project: (id: string) => ["international", "project", id] as const,
  trips: (query: object) => ["international", "trips", query] as const,
  trip: (id: string) => ["international", "trip", id] as const,
  overdue: ["international", "overdue-reports"] as const,
  rates: ["international", "travel-rates"] as const,
};

/** What the signed-in user may do in the module (局の担当者か、登録できるか、自分の課), as the server decides it. */
export function useInternationalAccess() {
  return useQuery({ queryKey: internationalKeys.access, queryFn: () => call(getInternationalAccess), staleTime: 5 * 60_000 });
}

export function useFields() {
  return useQuery({ queryKey: internationalKeys.fields, queryFn: () => call(listInternationalFields), staleTime: 60_000 });
}

export function usePartners() {
  return useQuery({ queryKey: internationalKeys.partners, queryFn: () => call(listPartners), staleTime: 60_000 });
}

export function usePartnerTimeline(id: string) {
  return useQuery({ queryKey: internationalKeys.partner(id), queryFn: () => call(getPartnerTimeline, { params: { id } }) });
}

/** `id` "" (a new record's form): nothing is fetched. */
export function useProject(id: string) {
  return useQuery({ queryKey: internationalKeys.project(id), queryFn: () => call(getProject, { params: { id } }), enabled: id !== "" });
}

export function useTrip(id: string) {
  return useQuery({ queryKey: internationalKeys.trip(id), queryFn: () => call(getTrip, { params: { id } }), enabled: id !== "" });
}

export function useOverdueReports() {
  return useQuery({ queryKey: internationalKeys.overdue, queryFn: () => call(listOverdueReports) });
}

export function useTravelRates() {
  return useQuery({ queryKey: internationalKeys.rates, queryFn: () => call(listTravelRates) });
}

/** After a write: every list and record of the module may have changed (counts, totals, timelines). */
export function invalidateInternational(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: internationalKeys.all });
}
