// 局区方針 (policy): the module's routes. Every page is a lazy chunk (see src/web/router.tsx).
// The route components are made once, when the router calls this function (biome.json lets routes.tsx do so).
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";
import { text, withPage } from "../route-helpers";

const DocumentsPage = lazyRouteComponent(() => import("./DocumentsPage"), "DocumentsPage");
const ImportPage = lazyRouteComponent(() => import("./ImportPage"), "ImportPage");
const DocumentPage = lazyRouteComponent(() => import("./DocumentPage"), "DocumentPage");
const ChallengesPage = lazyRouteComponent(() => import("./ChallengesPage"), "ChallengesPage");
const ChallengePage = lazyRouteComponent(() => import("./ChallengePage"), "ChallengePage");
const PrintPage = lazyRouteComponent(() => import("./PrintPage"), "PrintPage");
const PublicListPage = lazyRouteComponent(() => import("./PublicPages"), "PublicListPage");
const PublicDocumentPage = lazyRouteComponent(() => import("./PublicPages"), "PublicDocumentPage");
const PublicChallengePage = lazyRouteComponent(() => import("./PublicPages"), "PublicChallengePage");

export function policyRoutes({ staff, public: publicSite, bare }: Layouts) {
  const publicListRoute = createRoute({ getParentRoute: () => publicSite, path: "public/policy", component: PublicListPage });

  const publicDocumentRoute = createRoute({
    getParentRoute: () => publicSite,
    path: "public/policy/$id",
    component: withPage(PublicDocumentPage, function PublicDocumentRoute() {
      const { id } = publicDocumentRoute.useParams();
      return <PublicDocumentPage id={id} />;
    }),
  });

  const publicChallengeRoute = createRoute({
    getParentRoute: () => publicSite,
    path: "public/policy/challenges/$id",
    component: withPage(PublicChallengePage, function PublicChallengeRoute() {
      const { id } = publicChallengeRoute.useParams();
      return <PublicChallengePage id={id} />;
    }),
  });

  const policyRoute = createRoute({ getParentRoute: () => staff, path: "policy", component: DocumentsPage });
  const policyImportRoute = createRoute({ getParentRoute: () => staff, path: "policy/import", component: ImportPage });

  const documentRoute = createRoute({
    getParentRoute: () => staff,
    path: "policy/documents/$id",
    component: withPage(DocumentPage, function DocumentRoute() {
      const { id } = documentRoute.useParams();
      return <DocumentPage id={id} />;
    }),
  });

  const documentChallengesRoute = createRoute({
    getParentRoute: () => staff,
    path: "policy/documents/$id/challenges",
    validateSearch: (search: Record<string, unknown>): { area?: string; category?: string; status?: string } => ({
      area: text(search.area),
      category: text(search.category),
      status: text(search.status),
    }),
    component: withPage(ChallengesPage, function DocumentChallengesRoute() {
      const { id } = documentChallengesRoute.useParams();
      const initial = documentChallengesRoute.useSearch();
      return <ChallengesPage documentId={id} initial={initial} />;
    }),
  });

  const challengeRoute = createRoute({
    getParentRoute: () => staff,
    path: "policy/challenges/$id",
    component: withPage(ChallengePage, function ChallengeRoute() {
      const { id } = challengeRoute.useParams();
      return <ChallengePage id={id} />;
    }),
  });

  const printRoute = createRoute({
    getParentRoute: () => bare,
    path: "policy/documents/$id/print",
    component: withPage(PrintPage, function PrintRoute() {
      const { id } = printRoute.useParams();
      return <PrintPage id={id} />;
    }),
  });

  return {
    public: [publicListRoute, publicDocumentRoute, publicChallengeRoute],
    staff: [policyRoute, policyImportRoute, documentRoute, documentChallengesRoute, challengeRoute],
    bare: [printRoute],
  } as const;
}
