// SDGs: the module's routes. Each part of the module (募集回と審査基準, 申請企業, 審査, 認証, 公開の認証企業一覧,
// 金融連携, SDGsステーション) brings its routes from its own *Routes.tsx, spread here. Every page is a lazy chunk.
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";
import { accountRoutes } from "./accountRoutes";
import { certificationRoutes } from "./certificationRoutes";
import { companyRoutes } from "./companyRoutes";
import { financeRoutes } from "./financeRoutes";
import { publicSdgsRoutes } from "./publicRoutes";
import { roundRoutes } from "./roundRoutes";
import { screeningRoutes } from "./screeningRoutes";
import { stationPublicRoutes, stationRoutes } from "./stationRoutes";

const HomePage = lazyRouteComponent(() => import("./HomePage"), "HomePage");

export function sdgsRoutes(layouts: Layouts) {
  const { staff } = layouts;
  const homeRoute = createRoute({ getParentRoute: () => staff, path: "sdgs", component: HomePage });
  const accounts = accountRoutes(layouts);
  // each part of the module spreads its route lists here, one line each
  return {
    staff: [
      homeRoute,
      ...roundRoutes(staff),
      ...financeRoutes(staff),
      ...screeningRoutes(staff),
      ...certificationRoutes(staff),
      ...companyRoutes(staff),
      ...accounts.staff,
      ...stationRoutes(staff),
    ],
    public: [...publicSdgsRoutes(layouts.public), ...accounts.public, ...stationPublicRoutes(layouts.public)],
  };
}
