// Routes of the company accounts (申請企業のアカウント): the public sign-up and invitation links, the bureau's
// invitations and their import, and the staff's list of companies. Each calls one service function.
import * as api from "../../../common/api/sdgs-accounts";
import { readUploads } from "../../platform/http/multipart";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps, RequestContext } from "../../platform/http/types";
import * as accounts from "./account-service";
import * as directory from "./company-directory-service";
import { importFormerRegistrants } from "./invitation-import";
import * as invitations from "./invitation-service";

/** Where an invitation's link points: PUBLIC_URL, else the address the request came to. */
const originOf = (deps: AppDeps, ctx: RequestContext) => deps.config.publicUrl ?? new URL(ctx.c.req.url).origin;

export function registerAccountRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;
  // public
  router.on(api.registerCompany, ({ body }, { actor, clientAddress }) => accounts.registerCompany(db, actor, clientAddress, body));
  router.on(api.getPublicInvitation, ({ params }, { clientAddress }) => invitations.getPublicInvitation(db, clientAddress, params.token));
  router.on(api.acceptInvitation, ({ params, body }, { actor, clientAddress }) =>
    invitations.acceptInvitation(db, actor, clientAddress, params.token, body),
  );
  // invitations
  router.on(api.listInvitations, ({ query }, { user }) => invitations.listInvitations(db, user, query));
  router.on(api.createInvitation, ({ body }, ctx) => invitations.createInvitation(db, ctx.user, ctx.actor, originOf(deps, ctx), body));
  router.on(api.reissueInvitation, ({ params }, ctx) =>
    invitations.reissueInvitation(db, ctx.user, ctx.actor, originOf(deps, ctx), params.id),
  );
  router.on(api.deleteInvitation, ({ params }, { user, actor }) => invitations.deleteInvitation(db, user, actor, params.id));
  router.on(api.importInvitations, async (_input, ctx) =>
    importFormerRegistrants(db, ctx.user, ctx.actor, originOf(deps, ctx), (await readUploads(ctx.c)).at(-1) ?? null),
  );
  // companies (the CSV before :id, so that "companies.csv" is not taken for an id)
  router.on(api.listCompanies, ({ query }, { user }) => directory.listCompanies(db, user, query));
  router.on(api.exportCompanies, ({ query }, { user, actor }) => directory.exportCompanies(db, user, actor, query));
  router.on(api.getCompany, ({ params }, { user }) => directory.getCompany(db, user, params.id));
  router.on(api.addCompanyLogin, ({ params, body }, { user, actor }) => directory.addCompanyLogin(db, user, actor, params.id, body));
}
