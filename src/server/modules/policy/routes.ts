// HTTP handlers of the policy module (局区方針): the contract has parsed the input; each handler calls one service
// function, which authorises the caller (inside its transaction, for a write), and returns its result. Only the
// multipart Word upload is read here (that is parsing), and handed on as bytes.
import type { Context } from "hono";
import * as api from "../../../common/api/policy";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import * as challenges from "./challenge-service";
import * as documents from "./document-service";
import * as downloads from "./export-service";
import * as imports from "./import-service";
import * as statuses from "./status-service";

export function registerPolicyRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;

  router.on(api.listStatuses, (_, { user }) => statuses.listStatuses(db, user));
  router.on(api.saveStatuses, ({ body }, { user, actor }) => statuses.saveStatuses(db, user, actor, body.items));

  router.on(api.previewImport, ({ body }, { user }) => imports.previewImport(user, body.text));
  // A Word file is read into the text the parser reads and previewed like pasted text; nothing is stored.
  router.on(api.previewImportDocx, async (_, { user, c }) => imports.previewImportDocx(user, await readUploadedFile(c)));
  router.on(api.importDocument, ({ body }, { user, actor }) => imports.importDocument(db, user, actor, body));

  router.on(api.listDocuments, ({ query }, { user }) => documents.listDocuments(db, user, query));
  router.on(api.getDocument, ({ params }, { user }) => documents.getDocument(db, user, params.id));
  router.on(api.updateDocument, ({ params, body }, { user, actor }) => documents.updateDocument(db, user, actor, params.id, body));
  router.on(api.publishDocument, ({ params, body }, { user, actor }) => documents.setPublished(db, user, actor, params.id, body.published));
  router.on(api.deleteDocument, ({ params }, { user, actor }) => documents.deleteDocument(db, user, actor, params.id));
  router.on(api.exportDocument, ({ params, query }, { user, actor }) =>
    downloads.exportDocument(db, user, actor, params.id, params.format, query.asOf),
  );

  router.on(api.listChallenges, ({ query }, { user }) => challenges.listChallengesForStaff(db, user, query));
  router.on(api.exportChallenges, ({ query }, { user, actor }) => downloads.exportChallenges(db, user, actor, query));
  router.on(api.getChallenge, ({ params }, { user }) => challenges.getChallenge(db, user, params.id));
  router.on(api.updateChallenge, ({ params, body }, { user, actor }) => challenges.updateChallenge(db, user, actor, params.id, body));
  router.on(api.addProgress, ({ params, body }, { user, actor }) => challenges.addProgress(db, user, actor, params.id, body));

  // Citizens: published documents only, read-only.
  router.on(api.listPublicDocuments, () => documents.listPublicDocuments(db));
  router.on(api.getPublicDocument, ({ params }) => documents.getPublicDocument(db, params.id));
  router.on(api.getPublicChallenge, ({ params }) => challenges.getPublicChallenge(db, params.id));
  router.on(api.exportPublicDocument, ({ params, query }) => downloads.exportPublicDocument(db, params.id, params.format, query.asOf));
}

/**
 * The multipart form's file (field "file") as bytes, or null. Nothing is refused here: the service checks the caller
 * first, so that a caller who may not preview gets 401/403, never "choose a file".
 */
async function readUploadedFile(c: Context): Promise<Uint8Array | null> {
  const form = await c.req.parseBody();
  return form.file instanceof File ? new Uint8Array(await form.file.arrayBuffer()) : null;
}
