// Modules still to come: each is in the sidebar, disabled, as 準備中, until its folder (with routes) replaces the entry
// here. When one is built, give it src/web/modules/<name>/index.ts and move its line in src/web/modules/index.ts.
import { m } from "../messages";
import type { WebModule } from "./manifest";

export const affiliatesModule = { name: "affiliates", nav: { label: m.nav.affiliates, order: 80 } } satisfies WebModule;
