// Region: 公開ページ（検索・地図・カレンダー・iCalendar・RSS/Atom・英語ページ） — the part's routes (filled in by the part).
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";

export function registerPublicRoutes(_router: ApiRouter, _deps: AppDeps): void {}
