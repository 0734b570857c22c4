// HTTP handlers of the policy module: parse input (contracts), check permission, call the service, shape output.
import * as api from "../../../common/api/policy";
import { recordAudit } from "../../platform/audit/audit";
import { authorize } from "../../platform/auth/permissions";
import { ValidationError } from "../../platform/errors";
import { checkWordUpload } from "../../platform/files/files";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import { exportChallengeList, exportPolicyDocument } from "./export";
import { readPolicyDocx } from "./read-docx";
import * as service from "./service";

export function registerPolicyRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;

  router.on(api.listStatuses, async (_, { user }) => {
    authorize(user, "policy.read");
    return { items: await service.listStatuses(db) };
  });

  router.on(api.saveStatuses, async ({ body }, { user, actor }) => ({ items: await service.saveStatuses(db, user, actor, body.items) }));

  router.on(api.listDocuments, async ({ query }, { user }) => {
    authorize(user, "policy.read");
    return { items: await service.listDocuments(db, user, query) };
  });

  router.on(api.previewImport, async ({ body }, { user }) => {
    authorize(user, "policy.preview");
    return service.previewImport(body.text);
  });

  // A Word file is read into the text the parser reads, then previewed like pasted text; nothing is stored. The
  // browser gets the text back and saves with it (/api/policy/import), so text and Word go through one path.
  router.on(api.previewImportDocx, async (_, { user, c }) => {
    authorize(user, "policy.preview");
    const form = await c.req.parseBody();
    const upload = form.file;
    if (!(upload instanceof File)) throw new ValidationError("ファイルを選んでください。", { file: "ファイルを選んでください。" });
    const bytes = new Uint8Array(await upload.arrayBuffer());
    checkWordUpload(bytes);
    const text = await readPolicyDocx(bytes);
    return { text, ...service.previewImport(text) };
  });

  router.on(api.importDocument, async ({ body }, { user, actor }) => service.importDocument(db, user, actor, body));

  router.on(api.getDocument, async ({ params }, { user }) => {
    authorize(user, "policy.read");
    return service.getDocumentDetail(db, user, params.id);
  });

  router.on(api.updateDocument, async ({ params, body }, { user, actor }) => service.updateDocument(db, user, actor, params.id, body));

  router.on(api.publishDocument, async ({ params, body }, { user, actor }) =>
    service.setPublished(db, user, actor, params.id, body.published),
  );

  router.on(api.deleteDocument, async ({ params }, { user, actor }) => {
    await service.deleteDocument(db, user, actor, params.id);
    return { ok: true as const };
  });

  router.on(api.exportDocument, async ({ params, query }, { user, actor }) => {
    authorize(user, "policy.read");
    const file = await exportPolicyDocument(db, params.id, params.format, query.asOf);
    await recordAudit(db, actor, {
      action: "export",
      entityType: "policy_document",
      entityId: params.id,
      summary: `局区方針を出力（${params.format}）`,
    });
    return file;
  });

  router.on(api.listChallenges, async ({ query }, { user }) => {
    authorize(user, "policy.read");
    return service.listChallenges(db, query);
  });

  router.on(api.exportChallenges, async ({ query }, { user, actor }) => {
    authorize(user, "policy.read");
    const { format, ...filter } = query;
    const file = await exportChallengeList(db, filter, format);
    await recordAudit(db, actor, {
      action: "export",
      entityType: "policy_challenge",
      summary: `課題一覧を出力（${format}）`,
      after: filter,
    });
    return file;
  });

  router.on(api.getChallenge, async ({ params }, { user }) => {
    authorize(user, "policy.read");
    return service.getChallengeDetail(db, user, params.id);
  });

  router.on(api.updateChallenge, async ({ params, body }, { user, actor }) => service.updateChallenge(db, user, actor, params.id, body));

  router.on(api.addProgress, async ({ params, body }, { user, actor }) => service.addProgress(db, user, actor, params.id, body));

  // Citizens: published documents only, read-only.
  router.on(api.listPublicDocuments, async () => ({ items: await service.listDocuments(db, null, { status: "published" }) }));

  router.on(api.getPublicDocument, async ({ params }) => service.getDocumentDetail(db, null, params.id, { publicOnly: true }));

  router.on(api.getPublicChallenge, async ({ params }) => service.getChallengeDetail(db, null, params.id, { publicOnly: true }));

  router.on(api.exportPublicDocument, async ({ params, query }) => {
    await service.getDocumentDetail(db, null, params.id, { publicOnly: true }); // 404 unless published
    return exportPolicyDocument(db, params.id, params.format, query.asOf);
  });
}
