// The company's own pages (申請企業), all under /sdgs/company (the partner paths of the module): its home, its
// profile, one application's stepped form and a progress report. Spread by routes.tsx into the staff layout (which
// lets a partner login open only the module's partner paths). Every page is a lazy chunk.
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";
import { withPage } from "../route-helpers";

const CompanyHomePage = lazyRouteComponent(() => import("./CompanyHomePage"), "CompanyHomePage");
const CompanyProfilePage = lazyRouteComponent(() => import("./CompanyProfilePage"), "CompanyProfilePage");
const CompanyApplicationPage = lazyRouteComponent(() => import("./CompanyApplicationPage"), "CompanyApplicationPage");
const CompanyReportPage = lazyRouteComponent(() => import("./CompanyReportPage"), "CompanyReportPage");

export function companyRoutes(staff: Layouts["staff"]) {
  const applicationRoute = createRoute({
    getParentRoute: () => staff,
    path: "sdgs/company/applications/$id",
    component: withPage(CompanyApplicationPage, function CompanyApplicationRoute() {
      const { id } = applicationRoute.useParams();
      return <CompanyApplicationPage key={id} id={id} />;
    }),
  });
  const reportRoute = createRoute({
    getParentRoute: () => staff,
    path: "sdgs/company/certifications/$id/reports/$period",
    component: withPage(CompanyReportPage, function CompanyReportRoute() {
      const { id, period } = reportRoute.useParams();
      return <CompanyReportPage key={`${id}-${period}`} id={id} period={Number(period)} />;
    }),
  });
  return [
    createRoute({ getParentRoute: () => staff, path: "sdgs/company", component: CompanyHomePage }),
    createRoute({ getParentRoute: () => staff, path: "sdgs/company/profile", component: CompanyProfilePage }),
    applicationRoute,
    reportRoute,
  ] as const;
}
