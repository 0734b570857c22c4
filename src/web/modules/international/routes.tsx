// 国際 (international): the module's routes — 概要, 国際関連事業, 海外出張, 相手先, 局の設定, plus the 地図 and 集計
// pages that overviewRoutes.tsx brings. Every page is a lazy chunk (see src/web/router.tsx). The lists keep their
// conditions in the URL (?fieldId=…&fiscalYear=2024&sort=name), so that a view can be bookmarked and shared.
// The route components are made once, when the router calls this function (biome.json lets routes.tsx do so).
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";
import { withPage } from "../route-helpers";
import { groupRoutes } from "./groupRoutes";
import { projectSearch, tripSearch } from "./list-search";
import { overviewRoutes } from "./overviewRoutes";

const HomePage = lazyRouteComponent(() => import("./HomePage"), "HomePage");
const ProjectsPage = lazyRouteComponent(() => import("./ProjectsPage"), "ProjectsPage");
const ProjectPage = lazyRouteComponent(() => import("./ProjectPage"), "ProjectPage");
const ProjectFormPage = lazyRouteComponent(() => import("./ProjectFormPage"), "ProjectFormPage");
const TripsPage = lazyRouteComponent(() => import("./TripsPage"), "TripsPage");
const TripPage = lazyRouteComponent(() => import("./TripPage"), "TripPage");
const TripFormPage = lazyRouteComponent(() => import("./TripFormPage"), "TripFormPage");
const PartnersPage = lazyRouteComponent(() => import("./PartnersPage"), "PartnersPage");
const PartnerPage = lazyRouteComponent(() => import("./PartnerPage"), "PartnerPage");
const SettingsPage = lazyRouteComponent(() => import("./SettingsPage"), "SettingsPage");
const KintoneImportPage = lazyRouteComponent(() => import("./KintoneImportPage"), "KintoneImportPage");

export function internationalRoutes({ staff }: Layouts) {
  const homeRoute = createRoute({ getParentRoute: () => staff, path: "international", component: HomePage });

  const projectsRoute = createRoute({
    getParentRoute: () => staff,
    path: "international/projects",
    validateSearch: projectSearch,
    component: withPage(ProjectsPage, function ProjectsRoute() {
      const search = projectsRoute.useSearch();
      return <ProjectsPage search={search} />;
    }),
  });
  const projectNewRoute = createRoute({ getParentRoute: () => staff, path: "international/projects/new", component: ProjectFormPage });
  const projectRoute = createRoute({
    getParentRoute: () => staff,
    path: "international/projects/$id",
    component: withPage(ProjectPage, function ProjectRoute() {
      const { id } = projectRoute.useParams();
      return <ProjectPage key={id} id={id} />;
    }),
  });
  const projectEditRoute = createRoute({
    getParentRoute: () => staff,
    path: "international/projects/$id/edit",
    component: withPage(ProjectFormPage, function ProjectEditRoute() {
      const { id } = projectEditRoute.useParams();
      return <ProjectFormPage key={id} id={id} />;
    }),
  });

  const tripsRoute = createRoute({
    getParentRoute: () => staff,
    path: "international/trips",
    validateSearch: tripSearch,
    component: withPage(TripsPage, function TripsRoute() {
      const search = tripsRoute.useSearch();
      return <TripsPage search={search} />;
    }),
  });
  const tripNewRoute = createRoute({ getParentRoute: () => staff, path: "international/trips/new", component: TripFormPage });
  const tripRoute = createRoute({
    getParentRoute: () => staff,
    path: "international/trips/$id",
    component: withPage(TripPage, function TripRoute() {
      const { id } = tripRoute.useParams();
      return <TripPage key={id} id={id} />;
    }),
  });
  const tripEditRoute = createRoute({
    getParentRoute: () => staff,
    path: "international/trips/$id/edit",
    component: withPage(TripFormPage, function TripEditRoute() {
      const { id } = tripEditRoute.useParams();
      return <TripFormPage key={id} id={id} />;
    }),
  });

  const partnersRoute = createRoute({ getParentRoute: () => staff, path: "international/partners", component: PartnersPage });
  const partnerRoute = createRoute({
    getParentRoute: () => staff,
    path: "international/partners/$id",
    component: withPage(PartnerPage, function PartnerRoute() {
      const { id } = partnerRoute.useParams();
      return <PartnerPage key={id} id={id} />;
    }),
  });
  const settingsRoute = createRoute({ getParentRoute: () => staff, path: "international/settings", component: SettingsPage });
  const kintoneRoute = createRoute({ getParentRoute: () => staff, path: "international/kintone", component: KintoneImportPage });

  return {
    staff: [
      homeRoute,
      projectsRoute,
      projectNewRoute,
      projectRoute,
      projectEditRoute,
      tripsRoute,
      tripNewRoute,
      tripRoute,
      tripEditRoute,
      partnersRoute,
      partnerRoute,
      settingsRoute,
      kintoneRoute,
      // with their own types (not AnyRoute[]), so that typed links stay checked
      ...overviewRoutes(staff),
      ...groupRoutes(staff),
    ],
  } as const;
}
