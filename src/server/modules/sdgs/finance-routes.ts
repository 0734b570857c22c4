// Routes of 金融連携 and the dashboard: the partner banks (staff read, the bureau's editors keep), a bank's own pages
// (its logins: certified companies valid today, its own finance records), the staff's list and the dashboard.
import * as api from "../../../common/api/sdgs-finance";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import * as dashboard from "./dashboard-service";
import * as finance from "./finance-service";

export function registerFinanceRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;
  router.on(api.listBanks, (_, { user }) => finance.listBanks(db, user));
  router.on(api.createBank, ({ body }, { user, actor }) => finance.createBank(db, user, actor, body));
  router.on(api.updateBank, ({ params, body }, { user, actor }) => finance.updateBank(db, user, actor, params.id, body));
  router.on(api.listBankCompanies, ({ query }, { user }) => finance.listBankCompanies(db, user, query.q));
  router.on(api.listBankFinance, ({ query }, { user }) => finance.listBankFinance(db, user, query));
  router.on(api.createBankFinance, ({ body }, { user, actor }) => finance.createBankFinance(db, user, actor, body));
  router.on(api.updateBankFinance, ({ params, body }, { user, actor }) =>
    finance.updateBankFinance(db, user, actor, params.id, body.version, body.finance),
  );
  router.on(api.deleteBankFinance, ({ params, query }, { user, actor }) =>
    finance.deleteBankFinance(db, user, actor, params.id, query.version),
  );
  router.on(api.listFinance, ({ query }, { user }) => finance.listFinance(db, user, query));
  router.on(api.getDashboard, ({ query }, { user }) => dashboard.getDashboard(db, user, query.fiscalYear));
}
