// Region: 連携の枠組み（関門連携・福北連携・都市圏域）— frameworks, their members and agreements.
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";

export function registerFrameworkRoutes(_router: ApiRouter, _deps: AppDeps): void {}
