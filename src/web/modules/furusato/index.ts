// ふるさと納税 (furusato) on the web: the module's manifest (routes, sidebar entry, its administration page).
// Other parts of the client import from here, not from the module's files.
import { m } from "../../messages";
import type { WebModule } from "../manifest";
import { furusatoRoutes } from "./routes";

export const furusatoModule = {
  name: "furusato",
  // A supplier's own login (外部パートナー) sees ふるさと納税 only.
  nav: { label: m.nav.furusato, to: "/furusato", order: 30, partnerPaths: ["/furusato"], partnerDefault: true },
  routes: furusatoRoutes,
  adminLinks: [{ to: "/admin/furusato-reference", label: m.nav.adminReference }],
} satisfies WebModule;
