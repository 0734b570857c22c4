// Region: オープンデータの取込と掲載情報の編集・公開 — the part's pages under the staff shell (a 市町 editor reaches them
// too: /region/items, /region/imports and /region/problems are the module's partnerPaths). Every page is a lazy chunk;
// the lists keep their conditions in the URL.
import { type AnyRoute, createRoute, lazyRouteComponent, useParams, useSearch } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";
import { withPage } from "../route-helpers";
import { type ItemSearch, itemSearch, type ProblemSearch, problemSearch } from "./curationQueries";

const ItemsPage = lazyRouteComponent(() => import("./ItemsPage"), "ItemsPage");
const ItemPage = lazyRouteComponent(() => import("./ItemPage"), "ItemPage");
const ItemNewPage = lazyRouteComponent(() => import("./ItemNewPage"), "ItemNewPage");
const ImportsPage = lazyRouteComponent(() => import("./ImportsPage"), "ImportsPage");
const ImportPage = lazyRouteComponent(() => import("./ImportPage"), "ImportPage");
const ProblemsPage = lazyRouteComponent(() => import("./ProblemsPage"), "ProblemsPage");
const ProblemPage = lazyRouteComponent(() => import("./ProblemPage"), "ProblemPage");

const ItemsRoute = withPage(ItemsPage, function ItemsRoute() {
  const search = useSearch({ strict: false }) as ItemSearch;
  return <ItemsPage search={search} />;
});
const ItemRoute = withPage(ItemPage, function ItemRoute() {
  const { id } = useParams({ strict: false }) as { id: string };
  return <ItemPage key={id} id={id} />;
});
const ImportRoute = withPage(ImportPage, function ImportRoute() {
  const { id } = useParams({ strict: false }) as { id: string };
  return <ImportPage key={id} id={id} />;
});
const ProblemsRoute = withPage(ProblemsPage, function ProblemsRoute() {
  const search = useSearch({ strict: false }) as ProblemSearch;
  return <ProblemsPage search={search} />;
});
const ProblemRoute = withPage(ProblemPage, function ProblemRoute() {
  const { id } = useParams({ strict: false }) as { id: string };
  return <ProblemPage key={id} id={id} />;
});

export function curationRoutes(layouts: Layouts): { staff: AnyRoute[]; public: AnyRoute[] } {
  const staff = layouts.staff;
  return {
    staff: [
      createRoute({ getParentRoute: () => staff, path: "region/items", validateSearch: itemSearch, component: ItemsRoute }),
      createRoute({ getParentRoute: () => staff, path: "region/items/new", component: ItemNewPage }),
      createRoute({ getParentRoute: () => staff, path: "region/items/$id", component: ItemRoute }),
      createRoute({ getParentRoute: () => staff, path: "region/imports", component: ImportsPage }),
      createRoute({ getParentRoute: () => staff, path: "region/imports/$id", component: ImportRoute }),
      createRoute({ getParentRoute: () => staff, path: "region/problems", validateSearch: problemSearch, component: ProblemsRoute }),
      createRoute({ getParentRoute: () => staff, path: "region/problems/$id", component: ProblemRoute }),
    ],
    public: [],
  };
}
