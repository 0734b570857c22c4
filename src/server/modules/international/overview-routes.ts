// Routes of the 国際 module (overviews: totals and the world map): each calls one service function, which authorises
// inside it.
import { getInternationalMap, getInternationalTotals } from "../../../common/api/international";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import { internationalMap, internationalTotals } from "./overview-service";

export function registerOverviewRoutes(router: ApiRouter, { db }: AppDeps): void {
  router.on(getInternationalTotals, ({ query }, { user }) => internationalTotals(db, user, query.fiscalYear, query.by));
  router.on(getInternationalMap, ({ query }, { user }) => internationalMap(db, user, query.fiscalYear));
}
