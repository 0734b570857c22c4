// 局区方針 (policy) on the web: the module's manifest (routes, sidebar entry, public pages) and what other parts of
// the client may use of it. Import from here, not from the module's files (the boundary check holds to this).
import { m } from "../../messages";
import type { WebModule } from "../manifest";
import { pm } from "./messages";
import { policyRoutes } from "./routes";

/** The organisation tree (組織) for selects and labels; the administration and the vision pages use it too. */
export { organisationPath, organisationsQuery, useOrganisations } from "./queries";

export const policyModule = {
  name: "policy",
  nav: { label: m.nav.policy, to: "/policy", order: 10 },
  routes: policyRoutes,
  publicPages: [{ to: "/public/policy", title: pm.public.listTitle, description: m.publicHome.policy }],
} satisfies WebModule;
