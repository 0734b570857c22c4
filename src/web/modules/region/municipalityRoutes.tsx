// Region: 連携市町と人口 — /region/municipalities, /region/municipalities/$code and /region/populations (staff), spread
// by routes.tsx into the module's staff routes. Every page is a lazy chunk.
import { type AnyRoute, createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { POPULATION_BASES, type PopulationBasis } from "../../../common/region/population-basis";
import type { Layouts } from "../../shell/layouts";
import { text, withPage } from "../route-helpers";
import type { PopulationSearch } from "./PopulationsPage";

const MunicipalitiesPage = lazyRouteComponent(() => import("./MunicipalitiesPage"), "MunicipalitiesPage");
const MunicipalityPage = lazyRouteComponent(() => import("./MunicipalityPage"), "MunicipalityPage");
const PopulationsPage = lazyRouteComponent(() => import("./PopulationsPage"), "PopulationsPage");

/** ?basis=resident_register&asOf=2022-01-01: both or neither (the newest set). */
function populationSearch(search: Record<string, unknown>): PopulationSearch {
  const basis = text(search.basis);
  const asOf = text(search.asOf);
  if (!basis || !(POPULATION_BASES as readonly string[]).includes(basis) || !asOf || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return {};
  return { basis: basis as PopulationBasis, asOf };
}

function staffRoutes(staff: Layouts["staff"]) {
  const listRoute = createRoute({ getParentRoute: () => staff, path: "region/municipalities", component: MunicipalitiesPage });
  const municipalityRoute = createRoute({
    getParentRoute: () => staff,
    path: "region/municipalities/$code",
    component: withPage(MunicipalityPage, function MunicipalityRoute() {
      const { code } = municipalityRoute.useParams();
      return <MunicipalityPage key={code} code={code} />;
    }),
  });
  const populationsRoute = createRoute({
    getParentRoute: () => staff,
    path: "region/populations",
    validateSearch: populationSearch,
    component: withPage(PopulationsPage, function PopulationsRoute() {
      return <PopulationsPage search={populationsRoute.useSearch()} />;
    }),
  });
  return [listRoute, municipalityRoute, populationsRoute] as const;
}

// Typed as AnyRoute like every part of the module (routes.tsx spreads the parts together): links to these pages use
// the paths in municipalityPaths.ts.
export function municipalityRoutes(layouts: Layouts): { staff: AnyRoute[]; public: AnyRoute[] } {
  return { staff: [...staffRoutes(layouts.staff)], public: [] };
}
