// Region: 負担金 — /region/cost-shares: rules, computations, the what-if comparison (staff), spread by routes.tsx into the module's staff routes. Every page is a lazy chunk.
import { type AnyRoute, createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";
import { text, withPage } from "../route-helpers";

const CostSharesPage = lazyRouteComponent(() => import("./CostSharesPage"), "CostSharesPage");
const CostRulePage = lazyRouteComponent(() => import("./CostRulePage"), "CostRulePage");
const CostRuleEditorPage = lazyRouteComponent(() => import("./CostRuleEditorPage"), "CostRuleEditorPage");
const CostComputePage = lazyRouteComponent(() => import("./CostComputePage"), "CostComputePage");
const CostComputationPage = lazyRouteComponent(() => import("./CostComputationPage"), "CostComputationPage");
const CostComparePage = lazyRouteComponent(() => import("./CostComparePage"), "CostComparePage");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** ?projectId=<uuid> (the project page links here with it); anything else is ignored. */
function projectSearch(search: Record<string, unknown>): { projectId?: string } {
  const id = text(search.projectId);
  return id && UUID.test(id) ? { projectId: id } : {};
}

function staffRoutes(staff: Layouts["staff"]) {
  const listRoute = createRoute({
    getParentRoute: () => staff,
    path: "region/cost-shares",
    validateSearch: projectSearch,
    component: withPage(CostSharesPage, function CostSharesRoute() {
      return <CostSharesPage projectId={listRoute.useSearch().projectId} />;
    }),
  });
  const newRuleRoute = createRoute({
    getParentRoute: () => staff,
    path: "region/cost-shares/rules/new",
    validateSearch: projectSearch,
    component: withPage(CostRuleEditorPage, function CostRuleNewRoute() {
      return <CostRuleEditorPage projectId={newRuleRoute.useSearch().projectId} />;
    }),
  });
  const ruleRoute = createRoute({
    getParentRoute: () => staff,
    path: "region/cost-shares/rules/$id",
    component: withPage(CostRulePage, function CostRuleRoute() {
      const { id } = ruleRoute.useParams();
      return <CostRulePage key={id} id={id} />;
    }),
  });
  const editRoute = createRoute({
    getParentRoute: () => staff,
    path: "region/cost-shares/rules/$id/edit",
    component: withPage(CostRuleEditorPage, function CostRuleEditRoute() {
      const { id } = editRoute.useParams();
      return <CostRuleEditorPage key={id} ruleId={id} />;
    }),
  });
  const computeRoute = createRoute({
    getParentRoute: () => staff,
    path: "region/cost-shares/rules/$id/compute",
    component: withPage(CostComputePage, function CostComputeRoute() {
      const { id } = computeRoute.useParams();
      return <CostComputePage key={id} id={id} />;
    }),
  });
  const computationRoute = createRoute({
    getParentRoute: () => staff,
    path: "region/cost-shares/computations/$id",
    component: withPage(CostComputationPage, function CostComputationRoute() {
      const { id } = computationRoute.useParams();
      return <CostComputationPage key={id} id={id} />;
    }),
  });
  const compareRoute = createRoute({
    getParentRoute: () => staff,
    path: "region/cost-shares/compare",
    validateSearch: projectSearch,
    component: withPage(CostComparePage, function CostCompareRoute() {
      return <CostComparePage projectId={compareRoute.useSearch().projectId} />;
    }),
  });
  return [listRoute, newRuleRoute, ruleRoute, editRoute, computeRoute, computationRoute, compareRoute] as const;
}

export function costShareRoutes(layouts: Layouts): { staff: AnyRoute[]; public: AnyRoute[] } {
  return { staff: [...staffRoutes(layouts.staff)], public: [] };
}
