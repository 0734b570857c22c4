// Routes of 会議 (/api/meetings): each parses its input through the contract and calls one service function, which
// checks the owner's rule (read / manage, or the follow-up's assignee) inside it. The fixed paths (for-record, export,
// followups) are registered before /api/meetings/:id.
import * as api from "../../../common/api/meetings";
import { readForm } from "../http/multipart";
import type { ApiRouter } from "../http/router";
import type { AppDeps } from "../http/types";
import { meetingsFile } from "./export";
import * as meetings from "./service";

export function registerMeetingRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;

  router.on(api.listRecordMeetings, ({ query }, { user }) => meetings.listRecordMeetings(db, user, query.ownerKind, query.ownerId));
  router.on(api.listMeetings, ({ query }, { user }) => meetings.listMeetings(db, user, query));
  router.on(api.exportMeetings, async ({ query }, { user, actor }) => {
    const { format, ...filter } = query;
    return meetingsFile(await meetings.meetingsForExport(db, user, actor, filter, format), format);
  });
  router.on(api.listFollowups, ({ query }, { user }) => meetings.listFollowups(db, user, query));

  router.on(api.createMeeting, ({ body }, { user, actor }) => meetings.createMeeting(db, user, actor, body));
  router.on(api.getMeeting, ({ params }, { user }) => meetings.getMeeting(db, user, params.id));
  router.on(api.updateMeeting, ({ params, body }, { user, actor }) => meetings.updateMeeting(db, user, actor, params.id, body));
  router.on(api.deleteMeeting, ({ params, query }, { user, actor }) => meetings.deleteMeeting(db, user, actor, params.id, query.version));

  router.on(api.uploadMeetingMaterial, async ({ params }, { user, actor, c }) =>
    meetings.uploadMaterial(db, user, actor, params.id, (await readForm(c)).file),
  );
  router.on(api.downloadMeetingMaterial, ({ params }, { user, actor }) =>
    meetings.downloadMaterial(db, user, actor, params.id, params.fileId),
  );
  router.on(api.deleteMeetingMaterial, ({ params }, { user, actor }) => meetings.deleteMaterial(db, user, actor, params.id, params.fileId));

  router.on(api.createFollowup, ({ params, body }, { user, actor }) => meetings.createFollowup(db, user, actor, params.id, body));
  router.on(api.updateFollowup, ({ params, body }, { user, actor }) =>
    meetings.updateFollowup(db, user, actor, params.id, params.followupId, body),
  );
  router.on(api.closeFollowup, ({ params, body }, { user, actor }) =>
    meetings.closeFollowup(db, user, actor, params.id, params.followupId, body),
  );
  router.on(api.reopenFollowup, ({ params, body }, { user, actor }) =>
    meetings.reopenFollowup(db, user, actor, params.id, params.followupId, body.version),
  );
  router.on(api.deleteFollowup, ({ params, query }, { user, actor }) =>
    meetings.deleteFollowup(db, user, actor, params.id, params.followupId, query.version),
  );
}
