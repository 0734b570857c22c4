// Region: 連携市町と人口 — the part's routes (filled in by the part).
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";

export function registerMunicipalityRoutes(_router: ApiRouter, _deps: AppDeps): void {}
