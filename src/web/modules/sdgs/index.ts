// SDGs (北九州市サステナブル経営認証, SDGsステーション) on the web: the module's manifest. A company's, a bank's and an
// outside reviewer's logins (外部パートナー) see the module's pages under /sdgs/company, /sdgs/bank and /sdgs/review.
import { m } from "../../messages";
import type { WebModule } from "../manifest";
import { am } from "./accountMessages";
import { useScreeningAttention } from "./attention";
import { rm } from "./registryMessages";
import { sdgsRoutes } from "./routes";
import { stm } from "./stationMessages";

export const sdgsModule = {
  name: "sdgs",
  nav: {
    label: m.nav.sdgs,
    to: "/sdgs",
    order: 50,
    partnerPaths: ["/sdgs/company", "/sdgs/bank", "/sdgs/review"],
    // 要件確認待ちの申請, for the bureau's managers
    useAttention: useScreeningAttention,
    partnerHomes: [
      { audience: "sdgs.company", to: "/sdgs/company" },
      { audience: "sdgs.bank", to: "/sdgs/bank" },
      { audience: "sdgs.reviewer", to: "/sdgs/review" },
    ],
  },
  routes: sdgsRoutes,
  publicPages: [
    { to: "/public/sdgs", title: rm.title, description: rm.description },
    { to: "/public/sdgs/register", title: am.register.title, description: am.register.intro },
    { to: "/public/sdgs/station", title: stm.public.title, description: stm.public.description },
  ],
} satisfies WebModule;
