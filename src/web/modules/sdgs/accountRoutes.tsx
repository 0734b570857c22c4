// The company account pages' routes: staff — 登録企業 (/sdgs/companies, /sdgs/companies/$id) and the bureau's
// 旧登録者の招待 (/sdgs/invitations); public — the sign-up (/public/sdgs/register) and an invitation's link
// (/public/sdgs/invitation/$token). Spread by routes.tsx; every page is a lazy chunk.
import { createRoute, lazyRouteComponent, useParams } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";
import { withPage } from "../route-helpers";

const CompaniesPage = lazyRouteComponent(() => import("./CompaniesPage"), "CompaniesPage");
const CompanyPage = lazyRouteComponent(() => import("./CompanyPage"), "CompanyPage");
const InvitationsPage = lazyRouteComponent(() => import("./InvitationsPage"), "InvitationsPage");
const PublicRegisterPage = lazyRouteComponent(() => import("./PublicRegisterPage"), "PublicRegisterPage");
const PublicInvitationPage = lazyRouteComponent(() => import("./PublicInvitationPage"), "PublicInvitationPage");

// The route components live at module level; they read the params their route has already matched.
const CompanyRoute = withPage(CompanyPage, function CompanyRoute() {
  const { id } = useParams({ strict: false }) as { id: string };
  return <CompanyPage key={id} id={id} />;
});
const PublicInvitationRoute = withPage(PublicInvitationPage, function PublicInvitationRoute() {
  const { token } = useParams({ strict: false }) as { token: string };
  return <PublicInvitationPage key={token} token={token} />;
});

export function accountRoutes({ staff, public: publicSite }: Pick<Layouts, "staff" | "public">) {
  const companiesRoute = createRoute({ getParentRoute: () => staff, path: "sdgs/companies", component: CompaniesPage });
  const companyRoute = createRoute({ getParentRoute: () => staff, path: "sdgs/companies/$id", component: CompanyRoute });
  const invitationsRoute = createRoute({ getParentRoute: () => staff, path: "sdgs/invitations", component: InvitationsPage });
  const registerRoute = createRoute({ getParentRoute: () => publicSite, path: "public/sdgs/register", component: PublicRegisterPage });
  const invitationRoute = createRoute({
    getParentRoute: () => publicSite,
    path: "public/sdgs/invitation/$token",
    component: PublicInvitationRoute,
  });
  return { staff: [companiesRoute, companyRoute, invitationsRoute] as const, public: [registerRoute, invitationRoute] as const };
}
