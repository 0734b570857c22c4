// Region: 連携事業の候補 — /region/candidates (the pipeline and the list) and a candidate's page (staff), spread by routes.tsx into the module's staff routes. Every page is a lazy chunk.
import { type AnyRoute, createRoute, lazyRouteComponent, useParams, useSearch } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";
import { withPage } from "../route-helpers";
import { type CandidateSearch, candidateSearch } from "./candidateQueries";

const CandidatesPage = lazyRouteComponent(() => import("./CandidatesPage"), "CandidatesPage");
const CandidatePage = lazyRouteComponent(() => import("./CandidatePage"), "CandidatePage");

const CandidatesRoute = withPage(CandidatesPage, function CandidatesRoute() {
  const search = useSearch({ strict: false }) as CandidateSearch;
  return <CandidatesPage search={search} />;
});
const CandidateRoute = withPage(CandidatePage, function CandidateRoute() {
  const { id } = useParams({ strict: false }) as { id: string };
  return <CandidatePage key={id} id={id} />;
});

export function candidateRoutes(layouts: Layouts): { staff: AnyRoute[]; public: AnyRoute[] } {
  const staff = layouts.staff;
  return {
    staff: [
      createRoute({ getParentRoute: () => staff, path: "region/candidates", validateSearch: candidateSearch, component: CandidatesRoute }),
      createRoute({ getParentRoute: () => staff, path: "region/candidates/$id", component: CandidateRoute }),
    ],
    public: [],
  };
}
