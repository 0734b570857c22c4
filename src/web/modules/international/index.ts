// 国際 (international) on the web: the module's manifest (routes, sidebar entry, public pages). Other parts of the client import
// from here, not from the module's files.
import { m } from "../../messages";
import type { Layouts } from "../../shell/layouts";
import type { WebModule } from "../manifest";
import { useOverdueReportsAttention } from "./attention";
import { pm } from "./publicMessages";
import { publicInternationalRoutes } from "./publicRoutes";
import { internationalRoutes } from "./routes";

export const internationalModule = {
  name: "international",
  nav: { label: m.nav.international, to: "/international", order: 40, useAttention: useOverdueReportsAttention },
  routes: (layouts: Layouts) => ({ ...internationalRoutes(layouts), public: publicInternationalRoutes(layouts) }),
  publicPages: [{ to: "/public/international", title: pm.title, description: pm.description }],
} satisfies WebModule;
