// The web modules, one line each. The router (src/web/router.tsx), the sidebar (src/web/shell/StaffLayout.tsx), the
// administration menu and the public home page loop over this list; adding a module is its folder plus one line here.
import { analysisModule } from "./analysis";
import { furusatoModule } from "./furusato";
import { internationalModule } from "./international";
import type { WebAdminLink, WebModule, WebModuleNav, WebPublicPage } from "./manifest";
import { policyModule } from "./policy";
import { regionModule } from "./region";
import { sdgsModule } from "./sdgs";
import { visionModule } from "./vision";
import { zonesModule } from "./zones";

export type { WebAdminLink, WebModule, WebModuleNav, WebModuleRoutes, WebPublicPage } from "./manifest";

export const WEB_MODULES = [
  policyModule,
  visionModule,
  furusatoModule,
  internationalModule,
  sdgsModule,
  regionModule,
  zonesModule,
  analysisModule,
] as const satisfies readonly WebModule[];

/** The sidebar's entries, in their order. */
export const NAV_MODULES: readonly WebModuleNavEntry[] = [...WEB_MODULES]
  .sort((a, b) => a.nav.order - b.nav.order)
  .map((module) => ({ name: module.name, ...module.nav }));

export interface WebModuleNavEntry extends WebModuleNav {
  name: string;
}

/** The administration pages the modules add. */
export const MODULE_ADMIN_LINKS: readonly WebAdminLink[] = WEB_MODULES.flatMap((module: WebModule) => module.adminLinks ?? []);

/** The public pages the modules add, for the public home page. */
export const PUBLIC_PAGES: readonly WebPublicPage[] = WEB_MODULES.flatMap((module: WebModule) => module.publicPages ?? []);
