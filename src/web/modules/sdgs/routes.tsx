// SDGs: the module's routes. Each part of the module (募集回と審査基準, 申請企業, 審査, 認証, 公開の認証企業一覧,
// 金融連携, SDGsステーション) brings its routes from its own *Routes.tsx, spread here. Every page is a lazy chunk.
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";

const HomePage = lazyRouteComponent(() => import("./HomePage"), "HomePage");

export function sdgsRoutes(layouts: Layouts) {
  const { staff } = layouts;
  const homeRoute = createRoute({ getParentRoute: () => staff, path: "sdgs", component: HomePage });
  // each part of the module spreads its route lists here, one line each
  return {
    staff: [homeRoute],
    public: [],
  };
}
