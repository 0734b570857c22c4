// Region: 連携市町と人口 — the part's pages (filled in by the part).
import type { AnyRoute } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";

export function municipalityRoutes(_layouts: Layouts): { staff: AnyRoute[]; public: AnyRoute[] } {
  return { staff: [], public: [] };
}
