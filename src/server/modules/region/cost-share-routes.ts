// Region: 負担金 — versioned cost-share rules, computed shares with their inputs, the what-if comparison, PDF and Excel.
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";

export function registerCostShareRoutes(_router: ApiRouter, _deps: AppDeps): void {}
