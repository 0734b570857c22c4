// 経営分析: the figure part's pages — /analysis/subjects/$id/figures (年度別数値の入力・取込と指標); spread by routes.tsx into
// the module's staff routes. Every page is a lazy chunk.
import { type AnyRoute, createRoute, lazyRouteComponent, useParams } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";
import { withPage } from "../route-helpers";

const FiguresPage = lazyRouteComponent(() => import("./FiguresPage"), "FiguresPage");

const FiguresRoute = withPage(FiguresPage, function FiguresRoute() {
  const { id } = useParams({ strict: false }) as { id: string };
  return <FiguresPage key={id} id={id} />;
});

export function figureRoutes(layouts: Layouts): { staff: AnyRoute[] } {
  const staff = layouts.staff;
  return {
    staff: [createRoute({ getParentRoute: () => staff, path: "analysis/subjects/$id/figures", component: FiguresRoute })],
  };
}
