// Region: 連携事業の候補 — candidates collected from departments, and the pipeline with days in each step.
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";

export function registerCandidateRoutes(_router: ApiRouter, _deps: AppDeps): void {}
