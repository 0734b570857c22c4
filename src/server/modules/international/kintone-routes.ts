// Routes of the kintone import: each calls one service function, which authorises inside it.
import * as api from "../../../common/api/international-kintone";
import { readUploads } from "../../platform/http/multipart";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import * as kintone from "./kintone-service";

export function registerKintoneRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;
  router.on(api.getKintoneMapping, ({ params }, { user }) => kintone.getKintoneMapping(db, user, params.app));
  router.on(api.saveKintoneMapping, ({ params, body }, { user, actor }) => kintone.saveKintoneMapping(db, user, actor, params.app, body));
  router.on(api.previewKintoneImport, async ({ params }, { user, c }) =>
    kintone.previewKintoneImport(db, user, params.app, (await readUploads(c)).at(-1) ?? null),
  );
  router.on(api.startKintoneImport, async ({ params }, { user, actor, c }) =>
    kintone.startKintoneImport(db, deps.jobs, user, actor, params.app, (await readUploads(c)).at(-1) ?? null),
  );
}
