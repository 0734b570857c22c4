// 国際 (international): the public pages (no sign-in) — the list of the 国際関連事業 the city publishes and each one's
// page, under the public site's layout, added to the module's routes by its index.ts. Both pages are lazy chunks;
// the list keeps its conditions in the URL (?q=…&fiscalYear=2024), so that a result can be bookmarked and shared.
import { createRoute, lazyRouteComponent, useParams, useSearch } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";
import { withPage } from "../route-helpers";
import { type PublicProjectSearch, type PublicTripSearch, publicProjectSearch, publicTripSearch } from "./public-search";

const PublicProjectsPage = lazyRouteComponent(() => import("./PublicProjectsPage"), "PublicProjectsPage");
const PublicProjectPage = lazyRouteComponent(() => import("./PublicProjectPage"), "PublicProjectPage");
const PublicTripReportsPage = lazyRouteComponent(() => import("./PublicTripReportsPage"), "PublicTripReportsPage");
const PublicTripReportPage = lazyRouteComponent(() => import("./PublicTripReportPage"), "PublicTripReportPage");

// The route components live at module level (only a module's routes.tsx may make components inside its function);
// they read the search and params their route has already validated.
const PublicProjectsRoute = withPage(PublicProjectsPage, function PublicProjectsRoute() {
  const search = useSearch({ strict: false }) as PublicProjectSearch;
  // a new search (the back button included) starts the form afresh from the URL
  return <PublicProjectsPage key={JSON.stringify(search)} search={search} />;
});
const PublicProjectRoute = withPage(PublicProjectPage, function PublicProjectRoute() {
  const { id } = useParams({ strict: false }) as { id: string };
  return <PublicProjectPage key={id} id={id} />;
});

const PublicTripReportsRoute = withPage(PublicTripReportsPage, function PublicTripReportsRoute() {
  const search = useSearch({ strict: false }) as PublicTripSearch;
  return <PublicTripReportsPage key={JSON.stringify(search)} search={search} />;
});
const PublicTripReportRoute = withPage(PublicTripReportPage, function PublicTripReportRoute() {
  const { id } = useParams({ strict: false }) as { id: string };
  return <PublicTripReportPage key={id} id={id} />;
});

export function publicInternationalRoutes({ public: publicSite }: Layouts) {
  const listRoute = createRoute({
    getParentRoute: () => publicSite,
    path: "public/international",
    validateSearch: publicProjectSearch,
    component: PublicProjectsRoute,
  });
  const projectRoute = createRoute({ getParentRoute: () => publicSite, path: "public/international/$id", component: PublicProjectRoute });
  // 海外出張の報告 (published trip reports): the static segment wins over the project's $id
  const tripReportsRoute = createRoute({
    getParentRoute: () => publicSite,
    path: "public/international/trip-reports",
    validateSearch: publicTripSearch,
    component: PublicTripReportsRoute,
  });
  const tripReportRoute = createRoute({
    getParentRoute: () => publicSite,
    path: "public/international/trip-reports/$id",
    component: PublicTripReportRoute,
  });
  return [listRoute, projectRoute, tripReportsRoute, tripReportRoute] as const;
}
