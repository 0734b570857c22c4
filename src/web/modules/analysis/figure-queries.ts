// Server state of the figures and indicators (TanStack Query keys and hooks).
import { useQuery } from "@tanstack/react-query";
import { getSubjectFigures, getSubjectIndicators } from "../../../common/api/analysis-figures";
import { call } from "../../api/client";

export const figureKeys = {
  all: ["analysis", "figures"] as const,
  figures: (id: string) => ["analysis", "figures", id] as const,
  indicators: (id: string, standingYear?: number) => ["analysis", "figures", id, "indicators", standingYear ?? null] as const,
};

export function useSubjectFigures(subjectId: string) {
  return useQuery({ queryKey: figureKeys.figures(subjectId), queryFn: () => call(getSubjectFigures, { params: { id: subjectId } }) });
}

export function useSubjectIndicators(subjectId: string, standingYear?: number) {
  return useQuery({
    queryKey: figureKeys.indicators(subjectId, standingYear),
    queryFn: () => call(getSubjectIndicators, { params: { id: subjectId }, query: standingYear ? { standingYear } : {} }),
    placeholderData: (previous) => previous,
  });
}
