// 経営分析: 対象と比較団体、年度別数値の入力と取込、指標と推移、比較団体との比較 — /analysis（一覧）, /analysis/subjects/…; spread by routes.tsx into the module's staff routes. Every page is a lazy chunk.
import type { AnyRoute } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";

export function subjectRoutes(_layouts: Layouts): { staff: AnyRoute[] } {
  return { staff: [] };
}
