// 金融連携 and the dashboard: /sdgs/bank (a partner bank's own page), /sdgs/banks, /sdgs/finance and /sdgs/dashboard
// (staff), spread by routes.tsx into the module's staff routes. Every page is a lazy chunk.
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";

const BankHomePage = lazyRouteComponent(() => import("./BankHomePage"), "BankHomePage");
const BanksPage = lazyRouteComponent(() => import("./BanksPage"), "BanksPage");
const FinancePage = lazyRouteComponent(() => import("./FinancePage"), "FinancePage");
const DashboardPage = lazyRouteComponent(() => import("./DashboardPage"), "DashboardPage");

export function financeRoutes(staff: Layouts["staff"]) {
  return [
    createRoute({ getParentRoute: () => staff, path: "sdgs/bank", component: BankHomePage }),
    createRoute({ getParentRoute: () => staff, path: "sdgs/banks", component: BanksPage }),
    createRoute({ getParentRoute: () => staff, path: "sdgs/finance", component: FinancePage }),
    createRoute({ getParentRoute: () => staff, path: "sdgs/dashboard", component: DashboardPage }),
  ] as const;
}
