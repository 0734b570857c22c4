// Region: 連携市町と人口 — the 市町 (list, detail, edit, export), the population table and its export, and the staff
// home's figures. Bulk registration of 市町 and populations goes through the platform's /api/imports/:kind.
import * as api from "../../../common/api/region-municipalities";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import { getRegionSummary } from "./home-summary-service";
import { exportMunicipalities } from "./municipality-export";
import * as municipalities from "./municipality-service";
import { exportPopulationTable } from "./population-export";
import { getPopulationTable } from "./population-service";

export function registerMunicipalityRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;
  router.on(api.getRegionSummary, (_, { user }) => getRegionSummary(db, user));
  router.on(api.listMunicipalities, (_, { user }) => municipalities.listMunicipalities(db, user));
  // before /:code, so that "export" is never read as a code
  router.on(api.exportMunicipalities, ({ query }, { user, actor }) => exportMunicipalities(db, user, actor, query.format));
  router.on(api.getMunicipality, ({ params }, { user }) => municipalities.getMunicipality(db, user, params.code));
  router.on(api.updateMunicipality, ({ params, body }, { user, actor }) =>
    municipalities.updateMunicipality(db, user, actor, params.code, body),
  );
  router.on(api.getPopulationTable, ({ query }, { user }) => getPopulationTable(db, user, query));
  router.on(api.exportPopulationTable, ({ query }, { user, actor }) => exportPopulationTable(db, user, actor, query));
}
