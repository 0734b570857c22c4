// 経営分析: 分析（視点ごとの所見、選択肢、決定、今後の取組） — /analysis/reviews/$id, and the follow-up actions across
// subjects and years — /analysis/actions (its conditions kept in the URL); spread by routes.tsx into the module's
// staff routes. Every page is a lazy chunk.
import { type AnyRoute, createRoute, lazyRouteComponent, useParams, useSearch } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";
import { withPage } from "../route-helpers";
import { type ActionSearch, actionSearch } from "./review-queries";

const ReviewPage = lazyRouteComponent(() => import("./ReviewPage"), "ReviewPage");
const ActionsPage = lazyRouteComponent(() => import("./ActionsPage"), "ActionsPage");

const ReviewRoute = withPage(ReviewPage, function ReviewRoute() {
  const { id } = useParams({ strict: false }) as { id: string };
  return <ReviewPage key={id} id={id} />;
});
const ActionsRoute = withPage(ActionsPage, function ActionsRoute() {
  const search = useSearch({ strict: false }) as ActionSearch;
  return <ActionsPage search={search} />;
});

export function reviewRoutes(layouts: Layouts): { staff: AnyRoute[] } {
  const staff = layouts.staff;
  return {
    staff: [
      createRoute({ getParentRoute: () => staff, path: "analysis/reviews/$id", component: ReviewRoute }),
      createRoute({ getParentRoute: () => staff, path: "analysis/actions", validateSearch: actionSearch, component: ActionsRoute }),
    ],
  };
}
