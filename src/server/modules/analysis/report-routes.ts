// 経営分析: the routes of the report part (filled in by the part's author).
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";

export function registerReportRoutes(_router: ApiRouter, _deps: AppDeps): void {}
