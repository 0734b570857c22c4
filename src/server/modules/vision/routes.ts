// HTTP handlers of the vision module's core: each takes the contract's parsed input, calls one service function
// (which checks the caller's access) and returns its result.
import * as api from "../../../common/api/vision";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import { describeAccess } from "./access";
import { addActual, listActuals } from "./actuals";
import { dashboard, indicatorSeries } from "./dashboard";
import { getGradeRule, putGradeRule } from "./grades";
import { createIndicator, getIndicator, listIndicators, updateIndicator } from "./indicators";
import * as plan from "./plan";
import { publicProgress, publicRoundReport } from "./public";
import { downloadPublicRoundReport, downloadRoundReport } from "./report";
import * as rounds from "./rounds";

export function registerVisionRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;

  router.on(api.getVisionAccess, (_, { user }) => describeAccess(db, user));

  // ---------------------------------------------------------------- plans and nodes

  router.on(api.listPlans, (_, { user }) => plan.listPlans(db, user));
  router.on(api.createPlan, ({ body }, { user, actor }) => plan.createPlan(db, user, actor, body));
  router.on(api.getPlan, ({ params }, { user }) => plan.getPlan(db, user, params.id));
  router.on(api.updatePlan, ({ params, body }, { user, actor }) => plan.updatePlan(db, user, actor, params.id, body));
  router.on(api.createNode, ({ params, body }, { user, actor }) => plan.createNode(db, user, actor, params.id, body));
  router.on(api.getNode, ({ params }, { user }) => plan.getNode(db, user, params.id));
  router.on(api.updateNode, ({ params, body }, { user, actor }) => plan.updateNode(db, user, actor, params.id, body));
  router.on(api.deleteNode, ({ params }, { user, actor }) => plan.deleteNode(db, user, actor, params.id));
  router.on(api.setNodeChallenges, ({ params, body }, { user, actor }) =>
    plan.setNodeChallenges(db, user, actor, params.id, body.challengeIds),
  );
  router.on(api.listChallengeCandidates, ({ query }, { user }) => plan.challengeCandidates(db, user, query.q));

  // ---------------------------------------------------------------- indicators and values

  router.on(api.listIndicators, ({ params, query }, { user }) => listIndicators(db, user, params.id, query));
  router.on(api.createIndicator, ({ params, body }, { user, actor }) => createIndicator(db, user, actor, params.id, body));
  router.on(api.getIndicator, ({ params }, { user }) => getIndicator(db, user, params.id));
  router.on(api.updateIndicator, ({ params, body }, { user, actor }) => updateIndicator(db, user, actor, params.id, body));
  router.on(api.addActual, ({ params, body }, { user, actor }) => addActual(db, user, actor, params.id, body));
  router.on(api.listActuals, ({ params }, { user }) => listActuals(db, user, params.id));

  // ---------------------------------------------------------------- grade rule

  router.on(api.getGradeRule, (_, { user }) => getGradeRule(db, user));
  router.on(api.putGradeRule, ({ body }, { user, actor }) => putGradeRule(db, user, actor, body.name, body.rule));

  // ---------------------------------------------------------------- rounds

  router.on(api.listRounds, ({ params }, { user }) => rounds.listRounds(db, user, params.id));
  router.on(api.openRound, ({ params, body }, { user, actor }) => rounds.openRound(db, user, actor, params.id, body));
  router.on(api.downloadRoundReport, ({ params, query }, { user, actor }) => downloadRoundReport(db, user, actor, params.id, query.format));
  router.on(api.downloadPublicRoundReport, ({ params, query }) => downloadPublicRoundReport(db, params.id, query.format));
  router.on(api.getRound, ({ params }, { user }) => rounds.getRound(db, user, params.id));
  router.on(api.closeRound, ({ params }, { user, actor }) => rounds.closeRound(db, user, actor, params.id));
  router.on(api.publishRound, ({ params }, { user, actor }) => rounds.publishRound(db, user, actor, params.id));
  router.on(api.remindRound, ({ params, body }, { user, actor }) =>
    rounds.remindRound(db, user, actor, params.id, body.organisationIds ?? null),
  );
  router.on(api.recomputeRound, ({ params }, { user, actor }) => rounds.recomputeRound(db, user, actor, params.id));
  router.on(api.getTodo, (_, { user }) => rounds.todoOf(db, user));
  router.on(api.listRoundTasks, ({ params, query }, { user }) =>
    rounds.listTasks(db, user, params.id, {
      ownerOrganisationId: query.ownerOrganisationId,
      pending: query.pending === undefined ? undefined : query.pending === "true",
    }),
  );
  router.on(api.getRoundGrades, ({ params }, { user }) => rounds.getRoundGrades(db, user, params.id));

  // ---------------------------------------------------------------- dashboard and public page

  router.on(api.getDashboard, ({ params, query }, { user }) => dashboard(db, user, params.id, query.roundId));
  router.on(api.getIndicatorSeries, ({ params }, { user }) => indicatorSeries(db, user, params.id));
  router.on(api.listPublicProgress, () => publicProgress(db));
  router.on(api.getPublicRound, ({ params }) => publicRoundReport(db, params.id));
}
