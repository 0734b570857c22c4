// 特区 on the web: the module's manifest. Regulatory-reform proposals (国家戦略特区など) through their rounds with the
// ministries: the pipeline, a proposal's steps and documents, its meetings.
import { m } from "../../messages";
import type { WebModule } from "../manifest";
import { zonesRoutes } from "./routes";

export const zonesModule = {
  name: "zones",
  nav: { label: m.nav.zones, to: "/zones", order: 70 },
  routes: zonesRoutes,
} satisfies WebModule;
