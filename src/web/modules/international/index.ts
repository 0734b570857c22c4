// 国際 (international) on the web: the module's manifest (routes, sidebar entry). Other parts of the client import
// from here, not from the module's files.
import { m } from "../../messages";
import type { WebModule } from "../manifest";
import { internationalRoutes } from "./routes";

export const internationalModule = {
  name: "international",
  nav: { label: m.nav.international, to: "/international", order: 40 },
  routes: internationalRoutes,
} satisfies WebModule;
