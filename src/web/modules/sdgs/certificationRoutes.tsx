// 審査会・認証 pages' routes: /sdgs/committee, /sdgs/committee/$id, /sdgs/certifications, /sdgs/certifications/$id
// (staff), spread by routes.tsx into the module's staff routes. Every page is a lazy chunk.
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";
import { withPage } from "../route-helpers";

const CommitteePage = lazyRouteComponent(() => import("./CommitteePage"), "CommitteePage");
const CommitteeMeetingPage = lazyRouteComponent(() => import("./CommitteePage"), "CommitteeMeetingPage");
const CertificationsPage = lazyRouteComponent(() => import("./CertificationsPage"), "CertificationsPage");
const CertificationPage = lazyRouteComponent(() => import("./CertificationPage"), "CertificationPage");

export function certificationRoutes(staff: Layouts["staff"]) {
  const meetingRoute = createRoute({
    getParentRoute: () => staff,
    path: "sdgs/committee/$id",
    component: withPage(CommitteeMeetingPage, function CommitteeMeetingRoute() {
      const { id } = meetingRoute.useParams();
      return <CommitteeMeetingPage key={id} id={id} />;
    }),
  });
  const certificationRoute = createRoute({
    getParentRoute: () => staff,
    path: "sdgs/certifications/$id",
    component: withPage(CertificationPage, function CertificationRoute() {
      const { id } = certificationRoute.useParams();
      return <CertificationPage key={id} id={id} />;
    }),
  });
  return [
    createRoute({ getParentRoute: () => staff, path: "sdgs/committee", component: CommitteePage }),
    meetingRoute,
    createRoute({ getParentRoute: () => staff, path: "sdgs/certifications", component: CertificationsPage }),
    certificationRoute,
  ] as const;
}
