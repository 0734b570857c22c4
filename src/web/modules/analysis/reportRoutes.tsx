// 経営分析: the report part's pages — /analysis/comparison?fiscalYear= (the comparison table across the subjects analysed
// in one fiscal year); spread by routes.tsx into the module's staff routes. Every page is a lazy chunk.
import { type AnyRoute, createRoute, lazyRouteComponent, useSearch } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";
import { fiscalYearSearch, withPage } from "../route-helpers";

const ComparisonPage = lazyRouteComponent(() => import("./ComparisonPage"), "ComparisonPage");

const ComparisonRoute = withPage(ComparisonPage, function ComparisonRoute() {
  const { fiscalYear } = useSearch({ strict: false }) as { fiscalYear?: number };
  return <ComparisonPage fiscalYear={fiscalYear} />;
});

export function reportRoutes(layouts: Layouts): { staff: AnyRoute[] } {
  const staff = layouts.staff;
  return {
    staff: [
      createRoute({
        getParentRoute: () => staff,
        path: "analysis/comparison",
        validateSearch: fiscalYearSearch,
        component: ComparisonRoute,
      }),
    ],
  };
}
