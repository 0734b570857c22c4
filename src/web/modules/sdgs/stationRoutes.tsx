// The SDGsステーション's routes, spread by routes.tsx: the staff pages under /sdgs/station (the consultations' and
// matchings' conditions kept in the URL) and the public page /public/sdgs/station (stationPublicRoutes).
import { createRoute, lazyRouteComponent, useParams, useSearch } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";
import { fiscalYearSearch, withPage } from "../route-helpers";
import { type ConsultationSearch, consultationSearch, type MatchingSearch, matchingSearch } from "./stationQueries";

const StationPage = lazyRouteComponent(() => import("./StationPage"), "StationPage");
const ConsultationsPage = lazyRouteComponent(() => import("./ConsultationsPage"), "ConsultationsPage");
const ConsultationPage = lazyRouteComponent(() => import("./ConsultationPage"), "ConsultationPage");
const MatchingsPage = lazyRouteComponent(() => import("./MatchingsPage"), "MatchingsPage");
const PostsPage = lazyRouteComponent(() => import("./PostsPage"), "PostsPage");
const StationStatisticsPage = lazyRouteComponent(() => import("./StationStatisticsPage"), "StationStatisticsPage");
const PublicStationPage = lazyRouteComponent(() => import("./PublicStationPage"), "PublicStationPage");
const PublicStationPostPage = lazyRouteComponent(() => import("./PublicStationPage"), "PublicStationPostPage");

// Route components at module level; they read the search and params their route has already validated.
const ConsultationsRoute = withPage(ConsultationsPage, function ConsultationsRoute() {
  const search = useSearch({ strict: false }) as ConsultationSearch;
  return <ConsultationsPage search={search} />;
});
const ConsultationRoute = withPage(ConsultationPage, function ConsultationRoute() {
  const { id } = useParams({ strict: false }) as { id: string };
  return <ConsultationPage key={id} id={id} />;
});
const MatchingsRoute = withPage(MatchingsPage, function MatchingsRoute() {
  const search = useSearch({ strict: false }) as MatchingSearch;
  return <MatchingsPage search={search} />;
});
const StatisticsRoute = withPage(StationStatisticsPage, function StatisticsRoute() {
  const { fiscalYear } = useSearch({ strict: false }) as { fiscalYear?: number };
  return <StationStatisticsPage fiscalYear={fiscalYear} />;
});
const PublicStationRoute = withPage(PublicStationPage, function PublicStationRoute() {
  const { page } = useSearch({ strict: false }) as { page?: number };
  return <PublicStationPage page={page} />;
});
const PublicStationPostRoute = withPage(PublicStationPostPage, function PublicStationPostRoute() {
  const { id } = useParams({ strict: false }) as { id: string };
  return <PublicStationPostPage key={id} id={id} />;
});

export function stationRoutes(staff: Layouts["staff"]) {
  return [
    createRoute({ getParentRoute: () => staff, path: "sdgs/station", component: StationPage }),
    createRoute({
      getParentRoute: () => staff,
      path: "sdgs/station/consultations",
      validateSearch: consultationSearch,
      component: ConsultationsRoute,
    }),
    createRoute({ getParentRoute: () => staff, path: "sdgs/station/consultations/$id", component: ConsultationRoute }),
    createRoute({ getParentRoute: () => staff, path: "sdgs/station/matchings", validateSearch: matchingSearch, component: MatchingsRoute }),
    createRoute({ getParentRoute: () => staff, path: "sdgs/station/posts", component: PostsPage }),
    createRoute({
      getParentRoute: () => staff,
      path: "sdgs/station/statistics",
      validateSearch: fiscalYearSearch,
      component: StatisticsRoute,
    }),
  ] as const;
}

export function stationPublicRoutes(publicSite: Layouts["public"]) {
  return [
    createRoute({
      getParentRoute: () => publicSite,
      path: "public/sdgs/station",
      validateSearch: (search: Record<string, unknown>) => {
        const page = Number(search.page);
        return Number.isInteger(page) && page > 1 ? { page } : {};
      },
      component: PublicStationRoute,
    }),
    createRoute({ getParentRoute: () => publicSite, path: "public/sdgs/station/$id", component: PublicStationPostRoute }),
  ] as const;
}
