// The 募集回と審査基準 pages' routes (/sdgs/rounds, /sdgs/rounds/$id, /sdgs/rounds/$id/edit), spread by routes.tsx into
// the module's staff routes.
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";
import { withPage } from "../route-helpers";

const RoundsPage = lazyRouteComponent(() => import("./RoundsPage"), "RoundsPage");
const RoundPage = lazyRouteComponent(() => import("./RoundPage"), "RoundPage");
const RoundEditPage = lazyRouteComponent(() => import("./RoundEditPage"), "RoundEditPage");

export function roundRoutes(staff: Layouts["staff"]) {
  const roundsRoute = createRoute({ getParentRoute: () => staff, path: "sdgs/rounds", component: RoundsPage });
  const roundRoute = createRoute({
    getParentRoute: () => staff,
    path: "sdgs/rounds/$id",
    component: withPage(RoundPage, function RoundRoute() {
      const { id } = roundRoute.useParams();
      return <RoundPage key={id} id={id} />;
    }),
  });
  const roundEditRoute = createRoute({
    getParentRoute: () => staff,
    path: "sdgs/rounds/$id/edit",
    component: withPage(RoundEditPage, function RoundEditRoute() {
      const { id } = roundEditRoute.useParams();
      return <RoundEditPage key={id} id={id} />;
    }),
  });
  return [roundsRoute, roundRoute, roundEditRoute] as const;
}
