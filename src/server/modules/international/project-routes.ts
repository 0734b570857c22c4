// Routes of the 国際 module (access, 分野, 相手先 and their timeline, 来訪, 国際関連事業 and its export): each calls one
// service function, which authorises inside it.
import * as api from "../../../common/api/international";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import * as fields from "./field-service";
import * as partners from "./partner-service";
import { exportProjects } from "./project-export";
import * as projects from "./project-service";

export function registerProjectRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;

  router.on(api.getInternationalAccess, (_, { user }) => projects.getInternationalAccess(db, user));

  router.on(api.listInternationalFields, (_, { user }) => fields.listFields(db, user));
  router.on(api.createInternationalField, ({ body }, { user, actor }) => fields.createField(db, user, actor, body));
  router.on(api.updateInternationalField, ({ params, body }, { user, actor }) => fields.updateField(db, user, actor, params.id, body));

  router.on(api.listPartners, ({ query }, { user }) => partners.listPartners(db, user, query));
  router.on(api.createPartner, ({ body }, { user, actor }) => partners.createPartner(db, user, actor, body));
  router.on(api.updatePartner, ({ params, body }, { user, actor }) => partners.updatePartner(db, user, actor, params.id, body));
  router.on(api.getPartnerTimeline, ({ params }, { user }) => partners.getPartnerTimeline(db, user, params.id));
  router.on(api.createReceivedVisit, ({ params, body }, { user, actor }) => partners.createReceivedVisit(db, user, actor, params.id, body));

  // Registered before /projects/:id so that "export" is not read as an id.
  router.on(api.exportProjects, ({ query }, { user, actor }) => exportProjects(db, user, actor, query));
  router.on(api.listProjects, ({ query }, { user }) => projects.listProjects(db, user, query));
  router.on(api.getProject, ({ params }, { user }) => projects.getProject(db, user, params.id));
  router.on(api.createProject, ({ body }, { user, actor }) => projects.createProject(db, user, actor, body));
  router.on(api.updateProject, ({ params, body }, { user, actor }) => projects.updateProject(db, user, actor, params.id, body));
  router.on(api.deleteProject, ({ params }, { user, actor }) => projects.deleteProject(db, user, actor, params.id));
}
