// 経営分析: the routes of the review part — analyses of a subject per fiscal year, their findings, options and decision,
// and the follow-up actions (one analysis's, and the list across subjects and years with its export). Each route
// parses its input (the contract) and calls one service function, which authorises inside it.
import * as api from "../../../common/api/analysis-reviews";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import { exportActions } from "./action-export";
import * as actions from "./action-service";
import * as reviews from "./review-service";

export function registerReviewRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;
  router.on(api.listSubjectReviews, ({ params }, { user }) => reviews.listSubjectReviews(db, user, params.id));
  router.on(api.createReview, ({ body }, { user, actor }) => reviews.createReview(db, user, actor, body));
  router.on(api.getReview, ({ params }, { user }) => reviews.getReview(db, user, params.id));
  router.on(api.updateReview, ({ params, body }, { user, actor }) => reviews.updateReview(db, user, actor, params.id, body));
  router.on(api.addFinding, ({ params, body }, { user, actor }) => reviews.addFinding(db, user, actor, params.id, body));
  router.on(api.updateFinding, ({ params, body }, { user, actor }) =>
    reviews.updateFinding(db, user, actor, params.id, params.findingId, body),
  );
  router.on(api.deleteFinding, ({ params, query }, { user, actor }) =>
    reviews.deleteFinding(db, user, actor, params.id, params.findingId, query.version),
  );
  router.on(api.putOptions, ({ params, body }, { user, actor }) => reviews.putOptions(db, user, actor, params.id, body));
  router.on(api.decideReview, ({ params, body }, { user, actor }) => reviews.decideReview(db, user, actor, params.id, body));
  router.on(api.withdrawDecision, ({ params, body }, { user, actor }) => reviews.withdrawDecision(db, user, actor, params.id, body));

  router.on(api.addAction, ({ params, body }, { user, actor }) => actions.addAction(db, user, actor, params.id, body));
  router.on(api.listActions, ({ query }, { user }) => actions.listActions(db, user, query));
  // before /:id, so that "export" is never read as an id
  router.on(api.exportActions, ({ query }, { user, actor }) => exportActions(db, user, actor, query));
  router.on(api.updateAction, ({ params, body }, { user, actor }) => actions.updateAction(db, user, actor, params.id, body));
  router.on(api.deleteAction, ({ params, query }, { user, actor }) => actions.deleteAction(db, user, actor, params.id, query.version));
  router.on(api.completeAction, ({ params, body }, { user, actor }) => actions.completeAction(db, user, actor, params.id, body));
  router.on(api.reopenAction, ({ params, body }, { user, actor }) => actions.reopenAction(db, user, actor, params.id, body));
}
