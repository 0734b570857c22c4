// Routes of the 国際 module's public pages (no sign-in): the 国際関連事業 marked 公開, and the published 海外出張の報告.
import * as api from "../../../common/api/international-public";
import * as tripApi from "../../../common/api/international-public-trips";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import * as publicProjects from "./public-service";
import * as publicTrips from "./public-trips-service";

export function registerPublicRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;
  router.on(api.listPublicProjects, ({ query }) => publicProjects.listPublicProjects(db, query));
  router.on(api.getPublicProject, ({ params }) => publicProjects.getPublicProject(db, params.id));
  // 海外出張の報告 whose report is published (報告書提出・精算・完了)
  router.on(tripApi.listPublicTripReports, ({ query }) => publicTrips.listPublicTripReports(db, query));
  router.on(tripApi.getPublicTripReport, ({ params }) => publicTrips.getPublicTripReport(db, params.id));
}
