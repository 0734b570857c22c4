// Region: 正式版の列順での出力とCKAN互換のカタログAPI — the part's routes (filled in by the part).
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";

export function registerExportRoutes(_router: ApiRouter, _deps: AppDeps): void {}
