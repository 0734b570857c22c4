// Routes of the 国際 module's attachments (国際関連事業の資料, 海外出張の添付資料・報告書の添付): each reads its
// input (the upload's form is parsing) and calls one service function, which authorises inside it.
import * as api from "../../../common/api/international-files";
import { readForm } from "../../platform/http/multipart";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import * as files from "./attachment-service";

export function registerAttachmentRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;

  router.on(api.listProjectAttachments, ({ params }, { user }) => files.listProjectAttachments(db, user, params.id));
  router.on(api.uploadProjectAttachment, async ({ params }, { user, actor, c }) =>
    files.uploadProjectAttachment(db, user, actor, params.id, (await readForm(c)).file),
  );
  router.on(api.downloadProjectAttachment, ({ params }, { user, actor }) =>
    files.downloadProjectAttachment(db, user, actor, params.id, params.fileId),
  );
  router.on(api.deleteProjectAttachment, ({ params }, { user, actor }) =>
    files.deleteProjectAttachment(db, user, actor, params.id, params.fileId),
  );

  router.on(api.listTripAttachments, ({ params }, { user }) => files.listTripAttachments(db, user, params.id));
  router.on(api.uploadTripAttachment, async ({ params, query }, { user, actor, c }) =>
    files.uploadTripAttachment(db, user, actor, params.id, query.section, (await readForm(c)).file),
  );
  router.on(api.downloadTripAttachment, ({ params }, { user, actor }) =>
    files.downloadTripAttachment(db, user, actor, params.id, params.fileId),
  );
  router.on(api.deleteTripAttachment, ({ params }, { user, actor }) =>
    files.deleteTripAttachment(db, user, actor, params.id, params.fileId),
  );
}
