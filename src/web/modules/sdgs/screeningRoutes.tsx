// The screening pages' routes: /sdgs/applications (with its conditions in the URL), /sdgs/applications/$id,
// /sdgs/reviewers (staff) and the reviewers' /sdgs/review, /sdgs/review/applications/$id (an outside reviewer's login
// may open /sdgs/review… only: the module's partnerPaths), spread by routes.tsx into the module's staff routes.
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";
import { withPage } from "../route-helpers";
import { applicationSearch } from "./screeningQueries";

const ApplicationsPage = lazyRouteComponent(() => import("./ApplicationsPage"), "ApplicationsPage");
const ApplicationPage = lazyRouteComponent(() => import("./ApplicationPage"), "ApplicationPage");
const ReviewersPage = lazyRouteComponent(() => import("./ReviewersPage"), "ReviewersPage");
const ReviewListPage = lazyRouteComponent(() => import("./ReviewListPage"), "ReviewListPage");
const ReviewPage = lazyRouteComponent(() => import("./ReviewPage"), "ReviewPage");

export function screeningRoutes(staff: Layouts["staff"]) {
  const applicationsRoute = createRoute({
    getParentRoute: () => staff,
    path: "sdgs/applications",
    validateSearch: applicationSearch,
    component: withPage(ApplicationsPage, function ApplicationsRoute() {
      const search = applicationsRoute.useSearch();
      return <ApplicationsPage search={search} />;
    }),
  });
  const applicationRoute = createRoute({
    getParentRoute: () => staff,
    path: "sdgs/applications/$id",
    component: withPage(ApplicationPage, function ApplicationRoute() {
      const { id } = applicationRoute.useParams();
      return <ApplicationPage key={id} id={id} />;
    }),
  });
  const reviewersRoute = createRoute({ getParentRoute: () => staff, path: "sdgs/reviewers", component: ReviewersPage });
  const reviewListRoute = createRoute({ getParentRoute: () => staff, path: "sdgs/review", component: ReviewListPage });
  const reviewRoute = createRoute({
    getParentRoute: () => staff,
    path: "sdgs/review/applications/$id",
    component: withPage(ReviewPage, function ReviewRoute() {
      const { id } = reviewRoute.useParams();
      return <ReviewPage key={id} id={id} />;
    }),
  });
  return [applicationsRoute, applicationRoute, reviewersRoute, reviewListRoute, reviewRoute] as const;
}
