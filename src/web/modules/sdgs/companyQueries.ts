// Server state of the company's own pages (TanStack Query keys and hooks).
import { useQuery } from "@tanstack/react-query";
import {
  getCompanyApplication,
  getCompanyProfile,
  getProgressReport,
  listCompanyApplications,
  listCompanyCertifications,
  listOpenRounds,
} from "../../../common/api/sdgs-company";
import { call } from "../../api/client";

export const companyKeys = {
  all: ["sdgs", "company"] as const,
  profile: ["sdgs", "company", "profile"] as const,
  rounds: ["sdgs", "company", "rounds"] as const,
  applications: ["sdgs", "company", "applications"] as const,
  application: (id: string) => ["sdgs", "company", "application", id] as const,
  certifications: ["sdgs", "company", "certifications"] as const,
  report: (id: string, period: number) => ["sdgs", "company", "report", id, period] as const,
};

export const useCompanyProfile = () => useQuery({ queryKey: companyKeys.profile, queryFn: () => call(getCompanyProfile) });
export const useOpenRounds = () => useQuery({ queryKey: companyKeys.rounds, queryFn: () => call(listOpenRounds) });
export const useCompanyApplications = () => useQuery({ queryKey: companyKeys.applications, queryFn: () => call(listCompanyApplications) });
export const useCompanyApplication = (id: string) =>
  useQuery({ queryKey: companyKeys.application(id), queryFn: () => call(getCompanyApplication, { params: { id } }) });
export const useCompanyCertifications = () =>
  useQuery({ queryKey: companyKeys.certifications, queryFn: () => call(listCompanyCertifications) });
export const useProgressReport = (id: string, period: number) =>
  useQuery({ queryKey: companyKeys.report(id, period), queryFn: () => call(getProgressReport, { params: { id, period } }) });
