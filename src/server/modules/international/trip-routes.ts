// Routes of the 国際 module (trips and 旅費の基準額): each calls one service function, which authorises inside it.
// The static paths under /trips (overdue-reports) come before /trips/:id, so that ":id" never swallows them.
import * as api from "../../../common/api/international";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import * as rates from "./travel-rates";
import * as trips from "./trip-service";

export function registerTripRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;

  router.on(api.listOverdueReports, (_input, { user }) => trips.listOverdueReports(db, user));
  router.on(api.listTrips, ({ query }, { user }) => trips.listTrips(db, user, query));
  router.on(api.createTrip, ({ body }, { user, actor }) => trips.createTrip(db, user, actor, body));
  router.on(api.getTrip, ({ params }, { user }) => trips.getTrip(db, user, params.id));
  router.on(api.updateTrip, ({ params, body }, { user, actor }) => trips.updateTrip(db, user, actor, params.id, body));
  router.on(api.transitionTrip, ({ params, body }, { user, actor }) => trips.transitionTrip(db, user, actor, params.id, body));
  router.on(api.fileTripReport, ({ params, body }, { user, actor }) => trips.fileTripReport(db, user, actor, params.id, body));
  router.on(api.tripSummaryPdf, ({ params }, { user }) => trips.tripSummaryPdf(db, user, params.id));

  router.on(api.listTravelRates, ({ query }, { user }) => rates.listTravelRates(db, user, query));
  router.on(api.createTravelRate, ({ body }, { user, actor }) => rates.createTravelRate(db, user, actor, body));
}
