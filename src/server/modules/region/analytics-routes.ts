// Region: Cookieを使わないアクセス解析とプロモーション — the part's routes (filled in by the part).
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";

export function registerAnalyticsRoutes(_router: ApiRouter, _deps: AppDeps): void {}
