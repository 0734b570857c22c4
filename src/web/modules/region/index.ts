// 広域連携 on the web: the module's manifest. The 北九州都市圏域 hub now; joint projects come in a later issue. A 市町
// editor (a partner login of a member 市町) works under /region/items and /region/imports.
import { m } from "../../messages";
import type { WebModule } from "../manifest";
import { rgm } from "./messages";
import { regionRoutes } from "./routes";

export const regionModule = {
  name: "region",
  nav: {
    label: m.nav.region,
    to: "/region",
    order: 60,
    partnerPaths: ["/region/items", "/region/imports", "/region/problems", "/region/opendata", "/region/analytics"],
    partnerHomes: [{ audience: "region.editor", to: "/region/items" }],
  },
  routes: regionRoutes,
  publicPages: [
    { to: "/public/region", title: rgm.publicPages.hub.title, description: rgm.publicPages.hub.description },
    { to: "/public/region/en", title: rgm.publicPages.english.title, description: rgm.publicPages.english.description },
    { to: "/public/region/privacy", title: rgm.publicPages.privacy.title, description: rgm.publicPages.privacy.description },
    { to: "/public/region/opendata", title: rgm.publicPages.opendata.title, description: rgm.publicPages.opendata.description },
  ],
} satisfies WebModule;
