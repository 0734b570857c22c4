// The 国際 地図 and 集計 pages' routes (/international/map, /international/totals), spread by routes.tsx into the
// module's staff routes. Both keep their choice in the URL (?fiscalYear=2024&by=bureau), so that a view can be
// bookmarked and shared. Each page is a lazy chunk: the map's boundary file travels only with the map page.
import { createRoute, lazyRouteComponent, useSearch } from "@tanstack/react-router";
import { TOTALS_BY } from "../../../common/api/international";
import type { Layouts } from "../../shell/layouts";
import { fiscalYearSearch, withPage } from "../route-helpers";

const MapPage = lazyRouteComponent(() => import("./MapPage"), "MapPage");
const TotalsPage = lazyRouteComponent(() => import("./TotalsPage"), "TotalsPage");

export type TotalsBy = (typeof TOTALS_BY)[number];

function totalsSearch(search: Record<string, unknown>): { fiscalYear?: number; by?: TotalsBy } {
  const by = TOTALS_BY.find((b) => b === search.by);
  return { ...fiscalYearSearch(search), ...(by ? { by } : {}) };
}

// The route components live at module level (only a module's routes.tsx may make components inside its function);
// they read the search their route has already validated.
const InternationalMapRoute = withPage(MapPage, function InternationalMapRoute() {
  const { fiscalYear } = useSearch({ strict: false }) as ReturnType<typeof fiscalYearSearch>;
  return <MapPage fiscalYear={fiscalYear} />;
});
const InternationalTotalsRoute = withPage(TotalsPage, function InternationalTotalsRoute() {
  const { fiscalYear, by } = useSearch({ strict: false }) as ReturnType<typeof totalsSearch>;
  return <TotalsPage fiscalYear={fiscalYear} by={by ?? "field"} />;
});

export function overviewRoutes(staff: Layouts["staff"]) {
  const mapRoute = createRoute({
    getParentRoute: () => staff,
    path: "international/map",
    validateSearch: fiscalYearSearch,
    component: InternationalMapRoute,
  });
  const totalsRoute = createRoute({
    getParentRoute: () => staff,
    path: "international/totals",
    validateSearch: totalsSearch,
    component: InternationalTotalsRoute,
  });
  return [mapRoute, totalsRoute] as const;
}
