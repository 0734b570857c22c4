// Routes of 保存した条件 (saved views of the 国際 lists): each calls one service function, which checks the caller.
import * as api from "../../../common/api/international-views";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import * as views from "./view-service";

export function registerViewRoutes(router: ApiRouter, { db }: AppDeps): void {
  router.on(api.listSavedViews, ({ query }, { user }) => views.listViews(db, user, query.list));
  router.on(api.saveSavedView, ({ body }, { user }) => views.saveView(db, user, body));
  router.on(api.renameSavedView, ({ params, body }, { user }) => views.renameView(db, user, params.id, body.name));
  router.on(api.deleteSavedView, ({ params }, { user }) => views.deleteView(db, user, params.id));
}
