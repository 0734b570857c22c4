// Region: 負担金 — /region/cost-shares: rules, computations, the what-if comparison (staff), spread by routes.tsx into the module's staff routes. Every page is a lazy chunk.
import type { AnyRoute } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";

export function costShareRoutes(_layouts: Layouts): { staff: AnyRoute[]; public: AnyRoute[] } {
  return { staff: [], public: [] };
}
