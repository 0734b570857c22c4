// The テーマ別ワーキンググループ pages' routes (/international/groups, /international/groups/$id), spread by routes.tsx
// into the module's staff routes. The list keeps its conditions in the URL (?fiscalYear=2024&status=active).
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";
import { withPage } from "../route-helpers";
import { groupSearch } from "./groupQueries";

const GroupsPage = lazyRouteComponent(() => import("./GroupsPage"), "GroupsPage");
const GroupPage = lazyRouteComponent(() => import("./GroupPage"), "GroupPage");

export function groupRoutes(staff: Layouts["staff"]) {
  const groupsRoute = createRoute({
    getParentRoute: () => staff,
    path: "international/groups",
    validateSearch: groupSearch,
    // biome-ignore lint/correctness/noComponentHookFactories: made once, when the router calls this function (as in routes.tsx)
    component: withPage(GroupsPage, function GroupsRoute() {
      const search = groupsRoute.useSearch();
      return <GroupsPage search={search} />;
    }),
  });
  const groupRoute = createRoute({
    getParentRoute: () => staff,
    path: "international/groups/$id",
    // biome-ignore lint/correctness/noComponentHookFactories: made once, when the router calls this function (as in routes.tsx)
    component: withPage(GroupPage, function GroupRoute() {
      const { id } = groupRoute.useParams();
      return <GroupPage key={id} id={id} />;
    }),
  });
  return [groupsRoute, groupRoute] as const;
}
