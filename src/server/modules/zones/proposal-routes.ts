// Zones: 特区の規制改革提案 — proposals, their steps through the state machine, documents, the pipeline and prints.
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";

export function registerProposalRoutes(_router: ApiRouter, _deps: AppDeps): void {}
