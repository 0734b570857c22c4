// HTTP handlers of the 新ビジョン engagement features: each passes the contract's parsed input to one service
// function, which checks the caller's access inside its transaction and returns the response. 有識者会議 (staff and council members), Action宣言 (staff; managers moderate; public list), and
// 周知・浸透の記録 (staff read; editors record their own organisation's events; managers any, and feed indicators).
import * as api from "../../../common/api/vision-engagement";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import * as council from "./council";
import * as comments from "./council-comments";
import * as members from "./council-members";
import * as declarations from "./declarations";
import * as outreach from "./outreach";

export function registerVisionEngagementRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;

  // ---------------------------------------------------------------- 有識者会議

  router.on(api.getCouncil, ({ query }, { user }) => council.councilOverview(db, user, query.planId));
  router.on(api.createCouncilMember, ({ query, body }, { user, actor }) => members.createMember(db, user, actor, query.planId, body));
  router.on(api.updateCouncilMember, ({ params, body }, { user, actor }) => members.updateMember(db, user, actor, params.id, body));
  router.on(api.createCouncilMemberLogin, ({ params, body }, { user, actor }) =>
    members.createMemberLogin(db, user, actor, params.id, body),
  );
  router.on(api.createCouncilMeeting, ({ query, body }, { user, actor }) => members.createMeeting(db, user, actor, query.planId, body));
  router.on(api.updateCouncilMeeting, ({ params, body }, { user, actor }) => members.updateMeeting(db, user, actor, params.id, body));
  router.on(api.getCouncilReport, ({ params }, { user }) => council.councilReport(db, user, params.id));
  router.on(api.listCouncilComments, ({ params, query }, { user }) => comments.listComments(db, user, params.id, query));
  router.on(api.addCouncilComment, ({ params, body }, { user, actor }) => comments.addComment(db, user, actor, params.id, body));
  router.on(api.respondCouncilComment, ({ params, body }, { user, actor }) => comments.respond(db, user, actor, params.id, body.response));
  router.on(api.exportCouncilComments, ({ params }, { user, actor }) => comments.exportComments(db, user, actor, params.id));

  // ---------------------------------------------------------------- Action宣言

  router.on(api.getDeclarationOptions, ({ query }, { user }) => declarations.declarationOptions(db, user, query.planId));
  router.on(api.listMyDeclarations, ({ query }, { user }) => declarations.myDeclarations(db, user, query.planId));
  router.on(api.postDeclaration, ({ query, body }, { user, actor }) => declarations.postDeclaration(db, user, actor, query.planId, body));
  router.on(api.withdrawDeclaration, ({ params }, { user, actor }) => declarations.withdraw(db, user, actor, params.id));
  router.on(api.listDeclarations, ({ query }, { user }) => declarations.declarationsForModeration(db, user, query.planId, query.status));
  router.on(api.moderateDeclaration, ({ params, body }, { user, actor }) => declarations.moderate(db, user, actor, params.id, body));
  router.on(api.listPublicDeclarations, ({ query }) => declarations.publicDeclarations(db, query.planId, query.strategyId));

  // ---------------------------------------------------------------- 周知・浸透の記録

  router.on(api.listOutreach, ({ query }, { user }) => outreach.outreachOverview(db, user, query));
  router.on(api.createOutreach, ({ query, body }, { user, actor }) => outreach.createEvent(db, user, actor, query.planId, body));
  router.on(api.updateOutreach, ({ params, body }, { user, actor }) => outreach.updateEvent(db, user, actor, params.id, body));
  router.on(api.deleteOutreach, ({ params }, { user, actor }) => outreach.deleteEvent(db, user, actor, params.id));
  router.on(api.previewOutreachFeed, ({ query }, { user }) => outreach.previewFeed(db, user, query));
  router.on(api.feedOutreach, ({ body }, { user, actor }) => outreach.feedIndicator(db, user, actor, body));
}
