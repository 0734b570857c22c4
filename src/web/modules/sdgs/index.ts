// SDGs (北九州市サステナブル経営認証, SDGsステーション) on the web: the module's manifest. A company's, a bank's and an
// outside reviewer's logins (外部パートナー) see the module's pages under /sdgs/company, /sdgs/bank and /sdgs/review.
import { m } from "../../messages";
import type { WebModule } from "../manifest";
import { sdgsRoutes } from "./routes";

export const sdgsModule = {
  name: "sdgs",
  nav: {
    label: m.nav.sdgs,
    to: "/sdgs",
    order: 50,
    partnerPaths: ["/sdgs/company", "/sdgs/bank", "/sdgs/review"],
    partnerHomes: [
      { audience: "sdgs.company", to: "/sdgs/company" },
      { audience: "sdgs.bank", to: "/sdgs/bank" },
      { audience: "sdgs.reviewer", to: "/sdgs/review" },
    ],
  },
  routes: sdgsRoutes,
  publicPages: [],
} satisfies WebModule;
