// 経営分析: 対象と比較団体 — /analysis（分析対象の一覧）, /analysis/subjects/new（?role=peer で比較団体）,
// /analysis/subjects/$id と /edit, /analysis/peers; spread by routes.tsx into the module's staff routes. Every page is
// a lazy chunk.
import { type AnyRoute, createRoute, lazyRouteComponent, useParams, useSearch } from "@tanstack/react-router";
import type { SubjectRole } from "../../../common/analysis/labels";
import type { Layouts } from "../../shell/layouts";
import { withPage } from "../route-helpers";
import { type PeerSearch, peerSearch } from "./subject-queries";

const HomePage = lazyRouteComponent(() => import("./HomePage"), "HomePage");
const PeersPage = lazyRouteComponent(() => import("./PeersPage"), "PeersPage");
const SubjectPage = lazyRouteComponent(() => import("./SubjectPage"), "SubjectPage");
const SubjectFormPage = lazyRouteComponent(() => import("./SubjectFormPage"), "SubjectFormPage");

const roleSearch = (search: Record<string, unknown>): { role?: SubjectRole } => (search.role === "peer" ? { role: "peer" } : {});

const PeersRoute = withPage(PeersPage, function PeersRoute() {
  const search = useSearch({ strict: false }) as PeerSearch;
  return <PeersPage search={search} />;
});
const SubjectRoute = withPage(SubjectPage, function SubjectRoute() {
  const { id } = useParams({ strict: false }) as { id: string };
  return <SubjectPage key={id} id={id} />;
});
const NewSubjectRoute = withPage(SubjectFormPage, function NewSubjectRoute() {
  const search = useSearch({ strict: false }) as { role?: SubjectRole };
  return <SubjectFormPage role={search.role ?? "subject"} />;
});
const EditSubjectRoute = withPage(SubjectFormPage, function EditSubjectRoute() {
  const { id } = useParams({ strict: false }) as { id: string };
  return <SubjectFormPage key={id} id={id} />;
});

export function subjectRoutes(layouts: Layouts): { staff: AnyRoute[] } {
  const staff = layouts.staff;
  return {
    staff: [
      createRoute({ getParentRoute: () => staff, path: "analysis", component: HomePage }),
      createRoute({ getParentRoute: () => staff, path: "analysis/peers", validateSearch: peerSearch, component: PeersRoute }),
      createRoute({ getParentRoute: () => staff, path: "analysis/subjects/new", validateSearch: roleSearch, component: NewSubjectRoute }),
      createRoute({ getParentRoute: () => staff, path: "analysis/subjects/$id", component: SubjectRoute }),
      createRoute({ getParentRoute: () => staff, path: "analysis/subjects/$id/edit", component: EditSubjectRoute }),
    ],
  };
}
