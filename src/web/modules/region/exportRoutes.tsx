// Region: 正式版の列順での出力とCKAN互換のカタログAPI — the part's pages (filled in by the part).
import type { AnyRoute } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";

export function exportRoutes(_layouts: Layouts): { staff: AnyRoute[]; public: AnyRoute[] } {
  return { staff: [], public: [] };
}
