// Server state of 連携の枠組みと連携事業 (TanStack Query keys and hooks).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { QueryOf } from "../../../common/api/contract";
import { getFramework, getProject, listFrameworks, listIndicatorChoices, listProjects } from "../../../common/api/region-projects";
import { call } from "../../api/client";

export const projectKeys = {
  all: ["region", "partnerships"] as const,
  frameworks: ["region", "partnerships", "frameworks"] as const,
  framework: (id: string) => ["region", "partnerships", "framework", id] as const,
  projects: (query: object) => ["region", "partnerships", "projects", query] as const,
  project: (id: string) => ["region", "partnerships", "project", id] as const,
  indicatorChoices: ["region", "partnerships", "indicator-choices"] as const,
};

export type ProjectListQuery = QueryOf<typeof listProjects>;

export function useFrameworks() {
  return useQuery({ queryKey: projectKeys.frameworks, queryFn: () => call(listFrameworks) });
}

export function useFramework(id: string) {
  return useQuery({ queryKey: projectKeys.framework(id), queryFn: () => call(getFramework, { params: { id } }), enabled: id !== "" });
}

export function useProjects(query: ProjectListQuery) {
  return useQuery({
    queryKey: projectKeys.projects(query),
    queryFn: () => call(listProjects, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string) {
  return useQuery({ queryKey: projectKeys.project(id), queryFn: () => call(getProject, { params: { id } }) });
}

export function useIndicatorChoices(enabled: boolean) {
  return useQuery({ queryKey: projectKeys.indicatorChoices, queryFn: () => call(listIndicatorChoices), enabled });
}
