// Routes of the SDGs screening part: 要件確認 (the staff's list, CSV, one application, moves, the screening note,
// evidence), the 審査員 register and the reviewers' own pages. Each calls one service function, which authorises.
import * as api from "../../../common/api/sdgs-screening";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import * as reviews from "./review-service";
import * as reviewers from "./reviewer-service";
import * as screening from "./screening-service";

export function registerScreeningRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;

  router.on(api.exportApplicationsCsv, ({ query }, { user, actor }) => screening.exportApplicationsCsv(db, user, actor, query));
  router.on(api.listApplications, ({ query }, { user }) => screening.listApplications(db, user, query));
  router.on(api.getApplication, ({ params }, { user }) => screening.getApplication(db, user, params.id));
  router.on(api.downloadApplicationEvidence, ({ params }, { user, actor }) =>
    screening.downloadEvidence(db, user, actor, params.id, params.fileId),
  );
  router.on(api.moveApplication, ({ params, body }, { user, actor }) => screening.moveApplication(db, user, actor, params.id, body));
  router.on(api.updateScreeningNote, ({ params, body }, { user, actor }) =>
    screening.updateScreeningNote(db, user, actor, params.id, body),
  );

  router.on(api.listReviewers, (_, { user }) => reviewers.listReviewers(db, user));
  router.on(api.createReviewer, ({ body }, { user, actor }) => reviewers.createReviewer(db, user, actor, body));
  router.on(api.updateReviewer, ({ params, body }, { user, actor }) => reviewers.updateReviewer(db, user, actor, params.userId, body));
  router.on(api.listReviewerCandidates, ({ query }, { user }) => reviewers.listReviewerCandidates(db, user, query));

  router.on(api.listMyReviews, (_, { user }) => reviews.listMyReviews(db, user));
  router.on(api.getMyReview, ({ params }, { user }) => reviews.getMyReview(db, user, params.id));
  router.on(api.saveMyReview, ({ params, body }, { user, actor }) => reviews.saveMyReview(db, user, actor, params.id, body));
  router.on(api.submitMyReview, ({ params, body }, { user, actor }) => reviews.submitMyReview(db, user, actor, params.id, body));
  router.on(api.downloadReviewEvidence, ({ params }, { user, actor }) =>
    reviews.downloadReviewEvidence(db, user, actor, params.id, params.fileId),
  );
}
