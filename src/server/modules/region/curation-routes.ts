// Region: オープンデータの取込と掲載情報の編集・公開 — each route calls one service function, which authorises inside it.
import * as api from "../../../common/api/region-curation";
import { readUploads } from "../../platform/http/multipart";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import * as imports from "./import-service";
import * as items from "./item-service";
import * as problems from "./problem-service";

export function registerCurationRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;

  router.on(api.curationContext, (_input, { user }) => items.curationContext(db, user));

  router.on(api.listItems, ({ query }, { user }) => items.listItems(db, user, query));
  router.on(api.exportItemsCsv, ({ query }, { user, actor }) => items.exportItemsCsv(db, user, actor, query));
  router.on(api.getItem, ({ params }, { user }) => items.getItem(db, user, params.id));
  router.on(api.createItem, ({ body }, { user, actor }) => items.createItem(db, user, actor, body));
  router.on(api.updateItem, ({ params, body }, { user, actor }) => items.updateItem(db, user, actor, params.id, body));
  router.on(api.publishItem, ({ params, body }, { user, actor }) => items.setItemPublished(db, user, actor, params.id, body.version, true));
  router.on(api.unpublishItem, ({ params, body }, { user, actor }) =>
    items.setItemPublished(db, user, actor, params.id, body.version, false),
  );
  router.on(api.featureItem, ({ params, body }, { user, actor }) => items.setItemFeatured(db, user, actor, params.id, body.version, true));
  router.on(api.unfeatureItem, ({ params, body }, { user, actor }) =>
    items.setItemFeatured(db, user, actor, params.id, body.version, false),
  );
  router.on(api.deleteItem, ({ params, query }, { user, actor }) => items.deleteItem(db, user, actor, params.id, query.version));

  router.on(api.startImport, async (_input, { user, actor, c }) => {
    const form = await c.req.parseBody({ all: true });
    const file = (await readUploads(c)).at(-1) ?? null;
    const fields = { municipalityCode: form.municipalityCode, dataset: form.dataset };
    return imports.startImport(db, deps.jobs, user, actor, { file, fields });
  });
  router.on(api.listImports, ({ query }, { user }) => imports.listImports(db, user, query));
  router.on(api.getImport, ({ params }, { user }) => imports.getImport(db, user, params.id));

  router.on(api.listProblems, ({ query }, { user }) => problems.listProblems(db, user, query));
  router.on(api.getProblem, ({ params }, { user }) => problems.getProblem(db, user, params.id));
  router.on(api.fixProblem, ({ params, body }, { user, actor }) => problems.fixProblem(db, user, actor, params.id, body.fields));
  router.on(api.dismissProblem, ({ params, body }, { user, actor }) => problems.dismissProblem(db, user, actor, params.id, body.reason));
}
