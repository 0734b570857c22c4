// Region: 公開ページ（検索・地図・カレンダー・iCalendar・RSS/Atom・英語ページ） — the part's pages (filled in by the part).
import type { AnyRoute } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";

export function publicRoutes(_layouts: Layouts): { staff: AnyRoute[]; public: AnyRoute[] } {
  return { staff: [], public: [] };
}
