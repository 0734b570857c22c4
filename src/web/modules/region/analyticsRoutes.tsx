// Region: Cookieを使わないアクセス解析とプロモーション — the part's pages (filled in by the part).
import type { AnyRoute } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";

export function analyticsRoutes(_layouts: Layouts): { staff: AnyRoute[]; public: AnyRoute[] } {
  return { staff: [], public: [] };
}
