// Region: 連携事業 — joint projects with status, budgets, funding sources, indicators, internal steps and yearly reports.
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";

export function registerProjectRoutes(_router: ApiRouter, _deps: AppDeps): void {}
