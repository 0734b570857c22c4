// Routes of the 国際 module's テーマ別ワーキンググループ: each calls one service function, which authorises inside it.
import * as api from "../../../common/api/international-groups";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import * as groups from "./group-service";

export function registerGroupRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;

  router.on(api.listWorkingGroups, ({ query }, { user }) => groups.listGroups(db, user, query));
  router.on(api.getWorkingGroup, ({ params }, { user }) => groups.getGroup(db, user, params.id));
  router.on(api.createWorkingGroup, ({ body }, { user, actor }) => groups.createGroup(db, user, actor, body));
  router.on(api.updateWorkingGroup, ({ params, body }, { user, actor }) => groups.updateGroup(db, user, actor, params.id, body));

  router.on(api.createGroupMeeting, ({ params, body }, { user, actor }) => groups.createMeeting(db, user, actor, params.id, body));
  router.on(api.updateGroupMeeting, ({ params, body }, { user, actor }) =>
    groups.updateMeeting(db, user, actor, params.id, params.meetingId, body),
  );

  router.on(api.createIdeaCall, ({ params, body }, { user, actor }) => groups.createCall(db, user, actor, params.id, body));
  router.on(api.submitIdea, ({ params, body }, { user, actor }) => groups.submitIdea(db, user, actor, params.id, params.callId, body));
  router.on(api.decideIdea, ({ params, body }, { user, actor }) =>
    groups.decideIdea(db, user, actor, params.id, params.ideaId, body.status),
  );

  router.on(api.createGroupAction, ({ params, body }, { user, actor }) => groups.createAction(db, user, actor, params.id, body));
  router.on(api.updateGroupAction, ({ params, body }, { user, actor }) =>
    groups.updateAction(db, user, actor, params.id, params.actionId, body),
  );
}
