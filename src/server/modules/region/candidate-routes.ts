// Region: 連携事業の候補 — candidates collected from departments, and the pipeline with days in each step.
import * as api from "../../../common/api/region-candidates";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import { exportCandidates } from "./candidate-export";
import * as candidates from "./candidate-service";

export function registerCandidateRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;
  // the fixed paths before /:id
  router.on(api.candidatePipeline, (_, { user }) => candidates.getPipeline(db, user));
  router.on(api.candidateOptions, (_, { user }) => candidates.getOptions(db, user));
  router.on(api.exportCandidates, ({ query }, { user, actor }) => exportCandidates(db, user, actor, query));
  router.on(api.updateCandidateSettings, ({ body }, { user, actor }) => candidates.updateSettings(db, user, actor, body));
  router.on(api.listCandidates, ({ query }, { user }) => candidates.listCandidates(db, user, query));
  router.on(api.createCandidate, ({ body }, { user, actor }) => candidates.createCandidate(db, user, actor, body));
  router.on(api.getCandidate, ({ params }, { user }) => candidates.getCandidate(db, user, params.id));
  router.on(api.moveCandidate, ({ params, body }, { user, actor }) => candidates.moveCandidate(db, user, actor, params.id, body));
  router.on(api.adoptCandidate, ({ params, body }, { user, actor }) => candidates.adoptCandidate(db, user, actor, params.id, body));
}
