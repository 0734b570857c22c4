// Region: オープンデータの取込と掲載情報の編集・公開 — the part's pages (filled in by the part).
import type { AnyRoute } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";

export function curationRoutes(_layouts: Layouts): { staff: AnyRoute[]; public: AnyRoute[] } {
  return { staff: [], public: [] };
}
