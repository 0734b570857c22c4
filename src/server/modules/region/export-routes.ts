// Region: 正式版の列順での出力とCKAN互換のカタログAPI — the part's routes. Staff and 市町 editors: the overview, the
// check and the audited download of /region/opendata, the licence (region managers). Anyone (rate-limited per
// address): the オープンデータ一覧, each CSV, and the CKAN Action API, whose error answers carry CKAN's own status.
import * as api from "../../../common/api/region-export";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps, RequestContext } from "../../platform/http/types";
import * as catalogue from "./catalogue-service";
import * as exports from "./export-service";

/** Resource URLs must be absolute for harvesters: the configured PUBLIC_URL, else the request's own origin. */
function originOf(deps: AppDeps, ctx: RequestContext): string {
  return deps.config.publicUrl ?? new URL(ctx.c.req.url).origin;
}

/** A CKAN answer: its envelope as the body, its status (200, 404, 409) on the response. */
function ckan<T>(ctx: RequestContext, answer: catalogue.CkanAnswer<T>) {
  ctx.c.status(answer.status);
  return answer.body;
}

export function registerExportRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;
  router.on(api.getOpenDataOverview, (_input, { user }) => exports.openDataOverview(db, user));
  router.on(api.checkOpenDataExport, ({ params, query }, { user }) =>
    exports.checkOpenDataExportOf(db, user, { ...query, municipality: params.municipality }),
  );
  router.on(api.downloadOpenDataExport, ({ params, query }, { user, actor }) =>
    exports.downloadOpenDataExportOf(db, user, actor, { ...query, municipality: params.municipality }),
  );
  router.on(api.updateOpenDataLicense, async ({ body }, { user, actor }) => ({
    license: await exports.updateOpenDataLicenseOf(db, user, actor, body.license),
  }));

  router.on(api.listPublicOpenData, () => catalogue.publicCatalogue(db));
  router.on(api.downloadPublicOpenData, ({ params, query }) => exports.publicOpenDataFile(db, params.fileName, query.encoding));

  router.on(api.ckanPackageSearch, async ({ query }, ctx) =>
    ckan(ctx, await catalogue.ckanPackageSearchOf(db, query, originOf(deps, ctx))),
  );
  router.on(api.ckanPackageShow, async ({ query }, ctx) => ckan(ctx, await catalogue.ckanPackageShowOf(db, query.id, originOf(deps, ctx))));
  router.on(api.ckanPackageList, async ({ query }, ctx) => ckan(ctx, await catalogue.ckanPackageListOf(db, query, originOf(deps, ctx))));
  router.on(api.ckanOrganizationList, async ({ query }, ctx) =>
    ckan(ctx, await catalogue.ckanOrganizationListOf(db, query, originOf(deps, ctx))),
  );
}
