// Region: 連携の枠組みと連携事業 — /region/frameworks, /region/projects and their pages (staff), spread by routes.tsx into the module's staff routes. Every page is a lazy chunk.
import { type AnyRoute, createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { PROJECT_SORTS, type ProjectSort } from "../../../common/api/region-projects";
import { PROJECT_STATUSES, type ProjectStatus } from "../../../common/region/partnerships";
import type { Layouts } from "../../shell/layouts";
import { text, withPage } from "../route-helpers";
import type { ProjectSearch } from "./ProjectsPage";

const FrameworksPage = lazyRouteComponent(() => import("./FrameworksPage"), "FrameworksPage");
const FrameworkPage = lazyRouteComponent(() => import("./FrameworkPage"), "FrameworkPage");
const ProjectsPage = lazyRouteComponent(() => import("./ProjectsPage"), "ProjectsPage");
const ProjectPage = lazyRouteComponent(() => import("./ProjectPage"), "ProjectPage");
const ProjectNewPage = lazyRouteComponent(() => import("./ProjectNewPage"), "ProjectNewPage");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidOf = (value: unknown) => {
  const v = text(value);
  return v && UUID.test(v) ? v : undefined;
};

function projectSearch(search: Record<string, unknown>): ProjectSearch {
  const status = text(search.status);
  const sort = text(search.sort);
  const fy = Number(search.fiscalYear);
  const page = Number(search.page);
  return {
    q: text(search.q),
    frameworkId: uuidOf(search.frameworkId),
    status: status && (PROJECT_STATUSES as readonly string[]).includes(status) ? (status as ProjectStatus) : undefined,
    fiscalYear: Number.isInteger(fy) && fy >= 1989 && fy <= 2100 ? fy : undefined,
    ownerId: uuidOf(search.ownerId),
    sort: sort && (PROJECT_SORTS as readonly string[]).includes(sort) ? (sort as ProjectSort) : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

function staffRoutes(staff: Layouts["staff"]) {
  const frameworksRoute = createRoute({ getParentRoute: () => staff, path: "region/frameworks", component: FrameworksPage });
  const frameworkRoute = createRoute({
    getParentRoute: () => staff,
    path: "region/frameworks/$id",
    component: withPage(FrameworkPage, function FrameworkRoute() {
      const { id } = frameworkRoute.useParams();
      return <FrameworkPage key={id} id={id} />;
    }),
  });
  const projectsRoute = createRoute({
    getParentRoute: () => staff,
    path: "region/projects",
    validateSearch: projectSearch,
    component: withPage(ProjectsPage, function ProjectsRoute() {
      return <ProjectsPage search={projectsRoute.useSearch()} />;
    }),
  });
  const newRoute = createRoute({
    getParentRoute: () => staff,
    path: "region/projects/new",
    validateSearch: (search: Record<string, unknown>) => ({ frameworkId: uuidOf(search.frameworkId) }),
    component: withPage(ProjectNewPage, function ProjectNewRoute() {
      return <ProjectNewPage frameworkId={newRoute.useSearch().frameworkId} />;
    }),
  });
  const projectRoute = createRoute({
    getParentRoute: () => staff,
    path: "region/projects/$id",
    component: withPage(ProjectPage, function ProjectRoute() {
      const { id } = projectRoute.useParams();
      return <ProjectPage key={id} id={id} />;
    }),
  });
  return [frameworksRoute, frameworkRoute, projectsRoute, newRoute, projectRoute] as const;
}

export function frameworkRoutes(layouts: Layouts): { staff: AnyRoute[]; public: AnyRoute[] } {
  return { staff: [...staffRoutes(layouts.staff)], public: [] };
}
