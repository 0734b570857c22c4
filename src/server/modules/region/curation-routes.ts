// Region: オープンデータの取込と掲載情報の編集・公開 — the part's routes (filled in by the part).
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";

export function registerCurationRoutes(_router: ApiRouter, _deps: AppDeps): void {}
