// 経営分析: 分析（視点ごとの所見、選択肢、決定、今後の取組）、同じ年度の対象の比較表、報告書（PDF・Word） — /analysis/reviews/…; spread by routes.tsx into the module's staff routes. Every page is a lazy chunk.
import type { AnyRoute } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";

export function reviewRoutes(_layouts: Layouts): { staff: AnyRoute[] } {
  return { staff: [] };
}
