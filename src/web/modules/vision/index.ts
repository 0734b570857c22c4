// 新ビジョン (vision) on the web: the module's manifest (routes, sidebar entry, public pages).
// Other parts of the client import from here, not from the module's files.
import { m } from "../../messages";
import type { WebModule } from "../manifest";
import { em } from "./engagementMessages";
import { vm } from "./messages";
import { visionRoutes } from "./routes";

export const visionModule = {
  name: "vision",
  // A council member's login (外部パートナー) sees 新ビジョン only, on the 有識者会議 pages.
  nav: {
    label: m.nav.vision,
    to: "/vision",
    order: 20,
    partnerPaths: ["/vision/council"],
    partnerHomes: [{ audience: "vision.council", to: "/vision/council/member" }],
  },
  routes: visionRoutes,
  publicPages: [
    { to: "/public/vision", title: vm.public.title, description: m.publicHome.vision },
    { to: "/public/vision/declarations", title: em.publicPage.title, description: m.publicHome.declarations },
  ],
} satisfies WebModule;
