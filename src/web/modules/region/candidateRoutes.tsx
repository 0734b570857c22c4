// Region: 連携事業の候補 — /region/candidates (the pipeline) and a candidate's page (staff), spread by routes.tsx into the module's staff routes. Every page is a lazy chunk.
import type { AnyRoute } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";

export function candidateRoutes(_layouts: Layouts): { staff: AnyRoute[]; public: AnyRoute[] } {
  return { staff: [], public: [] };
}
