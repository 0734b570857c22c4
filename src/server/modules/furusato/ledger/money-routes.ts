// HTTP handlers of the furusato module's money side: dashboard, cost ledger and its manual entries, 現況調査 sheet.
// Each calls one function of money-service.ts, which checks the caller (staff only; writing: the module's 担当者).
import * as api from "../../../../common/api/furusato-money";
import type { ApiRouter } from "../../../platform/http/router";
import type { AppDeps } from "../../../platform/http/types";
import * as money from "./money-service";

export function registerMoneyRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;

  router.on(api.getDashboard, ({ query }, { user }) => money.getDashboard(db, user, query));
  router.on(api.exportDashboard, ({ query }, { user, actor }) => money.exportDashboard(db, user, actor, query));
  router.on(api.exportSurveySheet, ({ query }, { user, actor }) => money.exportSurveySheet(db, user, actor, query));
  router.on(api.getCostLedger, ({ query }, { user }) => money.getCostLedger(db, user, query));
  router.on(api.listCostEntries, ({ query }, { user }) => money.listCostEntries(db, user, query));
  router.on(api.createCostEntry, ({ body }, { user, actor }) => money.createCostEntry(db, user, actor, body));
  router.on(api.deleteCostEntry, ({ params }, { user, actor }) => money.deleteCostEntry(db, user, actor, params.id));
  router.on(api.exportCostEntries, ({ query }, { user, actor }) => money.exportCostEntries(db, user, actor, query));
}
