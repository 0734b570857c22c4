// 新ビジョン (vision): the module's routes — 施策体系・指標・報告ラウンド・評価, and 有識者会議・Action宣言・周知・浸透.
// Every page is a lazy chunk (see src/web/router.tsx).
// The route components are made once, when the router calls this function (biome.json lets routes.tsx do so).
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";
import { text, withPage } from "../route-helpers";

const CouncilMemberPage = lazyRouteComponent(() => import("./CouncilMemberPage"), "CouncilMemberPage");
const CouncilPage = lazyRouteComponent(() => import("./CouncilPage"), "CouncilPage");
const CouncilRoundPage = lazyRouteComponent(() => import("./CouncilPage"), "CouncilRoundPage");
const DashboardPage = lazyRouteComponent(() => import("./DashboardPage"), "DashboardPage");
const DeclarationsPage = lazyRouteComponent(() => import("./DeclarationsPage"), "DeclarationsPage");
const GradeRulePage = lazyRouteComponent(() => import("./GradeRulePage"), "GradeRulePage");
const IndicatorFormPage = lazyRouteComponent(() => import("./IndicatorFormPage"), "IndicatorFormPage");
const IndicatorPage = lazyRouteComponent(() => import("./IndicatorPage"), "IndicatorPage");
const NodePage = lazyRouteComponent(() => import("./NodePage"), "NodePage");
const OutreachPage = lazyRouteComponent(() => import("./OutreachPage"), "OutreachPage");
const PlanPage = lazyRouteComponent(() => import("./PlanPage"), "PlanPage");
const RoundsPage = lazyRouteComponent(() => import("./RoundsPage"), "RoundsPage");
const TodoPage = lazyRouteComponent(() => import("./TodoPage"), "TodoPage");
const PublicProgressPage = lazyRouteComponent(() => import("./PublicProgressPage"), "PublicProgressPage");
const PublicDeclarationsPage = lazyRouteComponent(() => import("./PublicDeclarationsPage"), "PublicDeclarationsPage");
const DeclarationBoardPage = lazyRouteComponent(() => import("./DeclarationBoardPage"), "DeclarationBoardPage");

export function visionRoutes({ root, staff, public: publicSite }: Layouts) {
  // ------------------------------------------------------------------ 施策体系・指標・報告ラウンド・評価
  const visionRoute = createRoute({ getParentRoute: () => staff, path: "vision", component: DashboardPage });
  const visionPlanRoute = createRoute({ getParentRoute: () => staff, path: "vision/plan", component: PlanPage });
  const visionNodeRoute = createRoute({
    getParentRoute: () => staff,
    path: "vision/nodes/$id",
    component: withPage(NodePage, function VisionNodeRoute() {
      const { id } = visionNodeRoute.useParams();
      return <NodePage key={id} id={id} />;
    }),
  });
  // ?nodeId=… preselects the node the new indicator belongs to
  const visionIndicatorNewRoute = createRoute({
    getParentRoute: () => staff,
    path: "vision/indicators/new",
    validateSearch: (search: Record<string, unknown>): { nodeId?: string } => ({ nodeId: text(search.nodeId) }),
    component: withPage(IndicatorFormPage, function VisionIndicatorNewRoute() {
      const { nodeId } = visionIndicatorNewRoute.useSearch();
      return <IndicatorFormPage key={nodeId ?? "new"} nodeId={nodeId} />;
    }),
  });
  const visionIndicatorRoute = createRoute({
    getParentRoute: () => staff,
    path: "vision/indicators/$id",
    component: withPage(IndicatorPage, function VisionIndicatorRoute() {
      const { id } = visionIndicatorRoute.useParams();
      return <IndicatorPage key={id} id={id} />;
    }),
  });
  const visionIndicatorEditRoute = createRoute({
    getParentRoute: () => staff,
    path: "vision/indicators/$id/edit",
    component: withPage(IndicatorFormPage, function VisionIndicatorEditRoute() {
      const { id } = visionIndicatorEditRoute.useParams();
      return <IndicatorFormPage key={id} id={id} />;
    }),
  });
  const visionTodoRoute = createRoute({ getParentRoute: () => staff, path: "vision/todo", component: TodoPage });
  const visionRoundsRoute = createRoute({ getParentRoute: () => staff, path: "vision/rounds", component: RoundsPage });
  const visionRuleRoute = createRoute({ getParentRoute: () => staff, path: "vision/rule", component: GradeRulePage });
  const publicVisionRoute = createRoute({ getParentRoute: () => publicSite, path: "public/vision", component: PublicProgressPage });

  // ------------------------------------------------------------------ 有識者会議・Action宣言・周知・浸透
  const councilRoute = createRoute({ getParentRoute: () => staff, path: "vision/council", component: CouncilPage });
  const councilMemberRoute = createRoute({ getParentRoute: () => staff, path: "vision/council/member", component: CouncilMemberPage });
  const councilRoundRoute = createRoute({
    getParentRoute: () => staff,
    path: "vision/council/rounds/$id",
    component: withPage(CouncilRoundPage, function CouncilRoundRoute() {
      const { id } = councilRoundRoute.useParams();
      return <CouncilRoundPage key={id} id={id} />;
    }),
  });
  const declarationsRoute = createRoute({ getParentRoute: () => staff, path: "vision/declarations", component: DeclarationsPage });
  const outreachRoute = createRoute({ getParentRoute: () => staff, path: "vision/outreach", component: OutreachPage });
  /** The lobby display: full screen, no shell, no sign-in (it shows the public list). */
  const declarationBoardRoute = createRoute({ getParentRoute: () => root, path: "vision/board", component: DeclarationBoardPage });
  const publicDeclarationsRoute = createRoute({
    getParentRoute: () => publicSite,
    path: "public/vision/declarations",
    component: PublicDeclarationsPage,
  });

  return {
    root: [declarationBoardRoute],
    public: [publicVisionRoute, publicDeclarationsRoute],
    staff: [
      visionRoute,
      visionPlanRoute,
      visionNodeRoute,
      visionIndicatorNewRoute,
      visionIndicatorRoute,
      visionIndicatorEditRoute,
      visionTodoRoute,
      visionRoundsRoute,
      visionRuleRoute,
      councilRoute,
      councilMemberRoute,
      councilRoundRoute,
      declarationsRoute,
      outreachRoute,
    ],
  } as const;
}
