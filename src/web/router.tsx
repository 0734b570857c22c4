// Code-based routes (TanStack Router). Staff pages sit under a layout that sends signed-out users to
// /login?next=…; /login, /setup and the public (citizen) pages need no sign-in.
//
// The layouts are in shell/layouts.tsx; each web module's routes come from its manifest (src/web/modules/<name>/
// index.ts, listed in src/web/modules/index.ts) and are added to the layout they name, so a new module adds no line here.
//
// Only the shell (layouts, sign-in pages, the session guard) is in the entry chunk. Every other page is a
// lazyRouteComponent: its own chunk, which the router fetches before it renders the route, or on hover
// (defaultPreload "intent"), so a user downloads the shell plus the pages they open.
import type { QueryClient } from "@tanstack/react-query";
import { createRoute, createRouter, lazyRouteComponent, redirect } from "@tanstack/react-router";
import { LoginPage } from "./auth/LoginPage";
import { SetupPage } from "./auth/SetupPage";
import { meetingRoutes } from "./meetings/routes";
import { WEB_MODULES } from "./modules";
import type { WebModule, WebModuleRoutes } from "./modules/manifest";
import { text, withPage } from "./modules/route-helpers";
import { adminLayout, authLayout, bareLayout, type Layouts, layouts, publicLayout, rootRoute, staffLayout } from "./shell/layouts";

export type { RouterContext } from "./shell/layouts";

// ------------------------------------------------------------------ lazily loaded pages of the shell

const PublicHomePage = lazyRouteComponent(() => import("./shell/PublicHomePage"), "PublicHomePage");
const AuditPage = lazyRouteComponent(() => import("./admin/AuditPage"), "AuditPage");
const MaintenancePage = lazyRouteComponent(() => import("./admin/MaintenancePage"), "MaintenancePage");
const OrganisationsPage = lazyRouteComponent(() => import("./admin/OrganisationsPage"), "OrganisationsPage");
const StatusesPage = lazyRouteComponent(() => import("./admin/StatusesPage"), "StatusesPage");
const UsersPage = lazyRouteComponent(() => import("./admin/UsersPage"), "UsersPage");
const SearchPage = lazyRouteComponent(() => import("./search/SearchPage"), "SearchPage");
// the signed-in user's own account (password, ログイン中の端末)
const AccountPage = lazyRouteComponent(() => import("./auth/AccountPage"), "AccountPage");

// ------------------------------------------------------------------ the modules' routes

/** The route objects of one layout across the modules, with their types (typed links keep working). */
type ModuleRoutesOf<TModules extends readonly WebModule[], K extends keyof WebModuleRoutes> = TModules[number] extends infer M
  ? M extends { routes: (layouts: Layouts) => infer R }
    ? R extends { readonly [key in K]: readonly (infer Route)[] }
      ? Route
      : never
    : never
  : never;

/** Builds every module's routes once, then hands them out by layout. */
function moduleRoutes<const TModules extends readonly WebModule[]>(modules: TModules) {
  const built = modules.map((module: WebModule): WebModuleRoutes => module.routes?.(layouts) ?? {});
  return <K extends keyof WebModuleRoutes>(key: K) => built.flatMap((routes) => routes[key] ?? []) as ModuleRoutesOf<TModules, K>[];
}
const routesFor = moduleRoutes(WEB_MODULES);

// ------------------------------------------------------------------ sign-in pages

const loginRoute = createRoute({
  getParentRoute: () => authLayout,
  path: "login",
  validateSearch: (search: Record<string, unknown>): { next?: string; expired?: boolean } => ({
    next: text(search.next),
    expired: search.expired === true || search.expired === "true" ? true : undefined,
  }),
  component: function LoginRoute() {
    const { next, expired } = loginRoute.useSearch();
    return <LoginPage next={next} expired={expired} />;
  },
});

const setupRoute = createRoute({
  getParentRoute: () => authLayout,
  path: "setup",
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({ token: text(search.token) }),
  component: function SetupRoute() {
    const { token } = setupRoute.useSearch();
    return <SetupPage token={token} />;
  },
});

// ------------------------------------------------------------------ public (citizen) pages

/** The home of the public pages: every page a citizen may read, each under its own title. */
const publicHomeRoute = createRoute({ getParentRoute: () => publicLayout, path: "public", component: PublicHomePage });

// ------------------------------------------------------------------ staff pages

const indexRoute = createRoute({
  getParentRoute: () => staffLayout,
  path: "/",
  beforeLoad: () => {
    throw redirect({ to: "/policy" });
  },
});

const searchRoute = createRoute({
  getParentRoute: () => staffLayout,
  path: "search",
  validateSearch: (search: Record<string, unknown>): { q?: string; module?: string; page?: number } => {
    const page = Number(search.page);
    return { q: text(search.q), module: text(search.module), page: Number.isInteger(page) && page > 1 ? page : undefined };
  },
  component: withPage(SearchPage, function SearchRoute() {
    const search = searchRoute.useSearch();
    return <SearchPage q={search.q} module={search.module} page={search.page ?? 1} />;
  }),
});

const accountRoute = createRoute({ getParentRoute: () => staffLayout, path: "account", component: AccountPage });

// ------------------------------------------------------------------ administration (システム管理者)

const adminIndexRoute = createRoute({
  getParentRoute: () => adminLayout,
  path: "/",
  beforeLoad: () => {
    throw redirect({ to: "/admin/users" });
  },
});
// ?organisationId=…&add=partner: the list filtered to one organisation, the add dialog open for a partner login of it
// (the link a 連携市町's page gives an administrator to add that 市町's editor).
const adminUsersRoute = createRoute({
  getParentRoute: () => adminLayout,
  path: "users",
  validateSearch: (search: Record<string, unknown>): { organisationId?: string; add?: "partner" } => ({
    organisationId: text(search.organisationId),
    add: search.add === "partner" ? "partner" : undefined,
  }),
  component: withPage(UsersPage, function AdminUsersRoute() {
    const search = adminUsersRoute.useSearch();
    return <UsersPage organisationId={search.organisationId} addPartner={search.add === "partner"} />;
  }),
});
const adminOrganisationsRoute = createRoute({ getParentRoute: () => adminLayout, path: "organisations", component: OrganisationsPage });
const adminAuditRoute = createRoute({ getParentRoute: () => adminLayout, path: "audit", component: AuditPage });
const adminStatusesRoute = createRoute({ getParentRoute: () => adminLayout, path: "statuses", component: StatusesPage });
const adminMaintenanceRoute = createRoute({ getParentRoute: () => adminLayout, path: "maintenance", component: MaintenancePage });

const routeTree = rootRoute.addChildren([
  authLayout.addChildren([loginRoute, setupRoute]),
  publicLayout.addChildren([publicHomeRoute, ...routesFor("public")]),
  ...routesFor("root"),
  staffLayout.addChildren([
    indexRoute,
    searchRoute,
    accountRoute,
    // 会議 (a platform service: meetings of the modules' records)
    ...meetingRoutes(layouts),
    ...routesFor("staff"),
    adminLayout.addChildren([
      adminIndexRoute,
      adminUsersRoute,
      adminOrganisationsRoute,
      adminAuditRoute,
      adminStatusesRoute,
      adminMaintenanceRoute,
      ...routesFor("admin"),
    ]),
  ]),
  bareLayout.addChildren([...routesFor("bare")]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: "intent",
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
