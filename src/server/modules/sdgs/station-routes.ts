// Routes of the SDGsステーション (相談, マッチング, イベント・お知らせ and their public page, 年間経費, 統計): each calls one
// service function, which authorises inside it.
import * as api from "../../../common/api/sdgs-station";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import * as consultations from "./station-consultation-service";
import * as matchings from "./station-matching-service";
import * as posts from "./station-post-service";
import * as statistics from "./station-statistics";

export function registerStationRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;

  router.on(api.listConsultations, ({ query }, { user }) => consultations.listConsultations(db, user, query));
  router.on(api.stationChoices, (_input, { user }) => consultations.stationChoices(db, user));
  router.on(api.getConsultation, ({ params }, { user }) => consultations.getConsultation(db, user, params.id));
  router.on(api.createConsultation, ({ body }, { user, actor }) => consultations.createConsultation(db, user, actor, body));
  router.on(api.updateConsultation, ({ params, body }, { user, actor }) =>
    consultations.updateConsultation(db, user, actor, params.id, body),
  );
  router.on(api.deleteConsultation, ({ params, query }, { user, actor }) =>
    consultations.deleteConsultation(db, user, actor, params.id, query.version),
  );
  router.on(api.completeConsultationFollowUp, ({ params, body }, { user, actor }) =>
    consultations.completeFollowUp(db, user, actor, params.id, body.version),
  );

  router.on(api.listMatchings, ({ query }, { user }) => matchings.listMatchings(db, user, query));
  router.on(api.getMatching, ({ params }, { user }) => matchings.getMatching(db, user, params.id));
  router.on(api.createMatching, ({ body }, { user, actor }) => matchings.createMatching(db, user, actor, body));
  router.on(api.updateMatching, ({ params, body }, { user, actor }) => matchings.updateMatching(db, user, actor, params.id, body));

  router.on(api.listStationPosts, ({ query }, { user }) => posts.listPosts(db, user, query));
  router.on(api.getStationPost, ({ params }, { user }) => posts.getPost(db, user, params.id));
  router.on(api.createStationPost, ({ body }, { user, actor }) => posts.createPost(db, user, actor, body));
  router.on(api.updateStationPost, ({ params, body }, { user, actor }) => posts.updatePost(db, user, actor, params.id, body));
  router.on(api.deleteStationPost, ({ params, query }, { user, actor }) => posts.deletePost(db, user, actor, params.id, query.version));
  router.on(api.publishStationPost, ({ params, body }, { user, actor }) =>
    posts.setPostPublished(db, user, actor, params.id, body.version, true),
  );
  router.on(api.unpublishStationPost, ({ params, body }, { user, actor }) =>
    posts.setPostPublished(db, user, actor, params.id, body.version, false),
  );
  router.on(api.listPublicStationPosts, ({ query }) => posts.listPublicPosts(db, query));
  router.on(api.getPublicStationPost, ({ params }) => posts.getPublicPost(db, params.id));

  router.on(api.listStationCosts, (_input, { user }) => statistics.listCosts(db, user));
  router.on(api.putStationCost, ({ params, body }, { user, actor }) => statistics.putCost(db, user, actor, params.fiscalYear, body));
  router.on(api.getStationStatistics, ({ query }, { user }) => statistics.getStatistics(db, user, query.fiscalYear));
  router.on(api.exportStationStatistics, ({ query }, { user }) => statistics.exportStatistics(db, user, query.fiscalYear));
}
