// Region: the module's routes. Each part of the module (連携市町と人口, 取込と掲載情報, 公開ページ, 出力とカタログ,
// アクセス解析とプロモーション, 枠組みと連携事業, 連携事業の候補, 負担金) brings its routes from its own *Routes.tsx, spread here. Every page is a lazy chunk.
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";
import { analyticsRoutes } from "./analyticsRoutes";
import { candidateRoutes } from "./candidateRoutes";
import { costShareRoutes } from "./costShareRoutes";
import { curationRoutes } from "./curationRoutes";
import { exportRoutes } from "./exportRoutes";
import { frameworkRoutes } from "./frameworkRoutes";
import { municipalityRoutes } from "./municipalityRoutes";
import { publicRoutes } from "./publicRoutes";

const HomePage = lazyRouteComponent(() => import("./HomePage"), "HomePage");

export function regionRoutes(layouts: Layouts) {
  const homeRoute = createRoute({ getParentRoute: () => layouts.staff, path: "region", component: HomePage });
  // each part of the module spreads its route lists here, one line each
  const parts = [
    municipalityRoutes(layouts),
    curationRoutes(layouts),
    publicRoutes(layouts),
    exportRoutes(layouts),
    analyticsRoutes(layouts),
    frameworkRoutes(layouts),
    candidateRoutes(layouts),
    costShareRoutes(layouts),
  ];
  return {
    staff: [homeRoute, ...parts.flatMap((part) => part.staff)],
    public: parts.flatMap((part) => part.public),
  };
}
