// 経営分析 on the web: the module's manifest. Subjects and peers with their yearly figures and indicators, analyses
// with findings, options, decisions and follow-up actions, the comparison across subjects, reports.
import { m } from "../../messages";
import type { WebModule } from "../manifest";
import { analysisRoutes } from "./routes";

export const analysisModule = {
  name: "analysis",
  nav: { label: m.nav.analysis, to: "/analysis", order: 80 },
  routes: analysisRoutes,
} satisfies WebModule;
