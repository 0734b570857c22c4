// The layout routes every page hangs under: the root, the sign-in pages' layout, the public (citizen) site, the staff
// shell, the bare (print) layout and the administration area. A web module's routes take these (as `Layouts`) and
// declare which one is their parent; src/web/router.tsx adds each module's routes to the right layout.
import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, createRoute, lazyRouteComponent, Outlet, redirect } from "@tanstack/react-router";
import { sessionQuery } from "../auth/session";
import { WEB_MODULES, type WebModule } from "../modules";
import { NotFoundPage } from "./NotFoundPage";
import { SimpleLayout } from "./SimpleLayout";
import { StaffLayout } from "./StaffLayout";

export interface RouterContext {
  queryClient: QueryClient;
}

const AdminLayout = lazyRouteComponent(() => import("../admin/AdminLayout"), "AdminLayout");

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

export const authLayout = createRoute({ getParentRoute: () => rootRoute, id: "auth", component: () => <SimpleLayout variant="auth" /> });

export const publicLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: "public-site",
  component: () => <SimpleLayout variant="public" />,
});

/** The paths an external login (外部パートナー) may open: its account page and each module's `partnerPaths`. */
const PARTNER_PATHS = ["/account", ...WEB_MODULES.flatMap((module: WebModule) => module.nav.partnerPaths ?? [])];

/** An external login's start page by its audiences (the modules' `partnerHomes`), else the partnerDefault module's. */
const PARTNER_HOMES = WEB_MODULES.flatMap((module: WebModule) => module.nav.partnerHomes ?? []);
const PARTNER_DEFAULT_HOME = (WEB_MODULES as readonly WebModule[]).find((module) => module.nav.partnerDefault)?.nav.to ?? "/account";

export function partnerHomeOf(audiences: readonly string[]): string {
  return PARTNER_HOMES.find((home) => audiences.includes(home.audience))?.to ?? PARTNER_DEFAULT_HOME;
}

function partnerMayOpen(pathname: string): boolean {
  return PARTNER_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`));
}

async function requireSession({ context, location }: { context: RouterContext; location: { href: string; pathname: string } }) {
  const session = await context.queryClient.ensureQueryData(sessionQuery);
  if (!session.user) {
    throw redirect({ to: "/login", search: { next: location.href } });
  }
  // External logins (外部パートナー) reach their own pages only: a supplier's the furusato module, a council member's
  // the 有識者会議 pages, a company's, bank's or reviewer's the SDGs pages (the server checks each of them either way);
  // all of them their own account page.
  if (session.user.role === "partner" && !partnerMayOpen(location.pathname)) {
    throw redirect({ to: partnerHomeOf(session.audiences) });
  }
}

export const staffLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: "staff",
  beforeLoad: requireSession,
  component: StaffLayout,
});
/** Signed-in pages without the app shell (print layout). */
export const bareLayout = createRoute({ getParentRoute: () => rootRoute, id: "bare", beforeLoad: requireSession, component: Outlet });
/** The administration area (システム管理者); a module may add its own admin page here. */
export const adminLayout = createRoute({ getParentRoute: () => staffLayout, path: "admin", component: AdminLayout });

/** What a web module's `routes` receive: the layouts its routes may hang under. */
export const layouts = {
  root: rootRoute,
  public: publicLayout,
  staff: staffLayout,
  bare: bareLayout,
  admin: adminLayout,
};
export type Layouts = typeof layouts;
