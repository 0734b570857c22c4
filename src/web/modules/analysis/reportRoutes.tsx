// 経営分析: the report part's pages; spread by routes.tsx into the module's staff routes. Every page is a lazy chunk.
import type { AnyRoute } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";

export function reportRoutes(_layouts: Layouts): { staff: AnyRoute[] } {
  return { staff: [] };
}
