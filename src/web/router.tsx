// Code-based routes (TanStack Router). Staff pages sit under a layout that sends signed-out users to
// /login?next=…; /login, /setup and the public (citizen) pages need no sign-in.
//
// Only the shell (layouts, sign-in pages, the session guard) is in the entry chunk. Every other page is a
// lazyRouteComponent: its own chunk, which the router fetches before it renders the route, or on hover
// (defaultPreload "intent"), so a user downloads the shell plus the pages they open.
import type { QueryClient } from "@tanstack/react-query";
import {
  type AsyncRouteComponent,
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  type RouteComponent,
  redirect,
} from "@tanstack/react-router";
import type { ReactNode } from "react";
import { LoginPage } from "./auth/LoginPage";
import { SetupPage } from "./auth/SetupPage";
import { sessionQuery } from "./auth/session";
import { NotFoundPage } from "./shell/NotFoundPage";
import { SimpleLayout } from "./shell/SimpleLayout";
import { StaffLayout } from "./shell/StaffLayout";

// ------------------------------------------------------------------ lazily loaded pages

// 局区方針 (policy)
const DocumentsPage = lazyRouteComponent(() => import("./modules/policy/DocumentsPage"), "DocumentsPage");
const ImportPage = lazyRouteComponent(() => import("./modules/policy/ImportPage"), "ImportPage");
const DocumentPage = lazyRouteComponent(() => import("./modules/policy/DocumentPage"), "DocumentPage");
const ChallengesPage = lazyRouteComponent(() => import("./modules/policy/ChallengesPage"), "ChallengesPage");
const ChallengePage = lazyRouteComponent(() => import("./modules/policy/ChallengePage"), "ChallengePage");
const PrintPage = lazyRouteComponent(() => import("./modules/policy/PrintPage"), "PrintPage");
// ふるさと納税 (furusato)
const CertificatesPage = lazyRouteComponent(() => import("./modules/furusato/CertificatesPage"), "CertificatesPage");
const ChoicePortalPage = lazyRouteComponent(() => import("./modules/furusato/ChoicePortalPage"), "ChoicePortalPage");
const ComparisonPage = lazyRouteComponent(() => import("./modules/furusato/ComparisonPage"), "ComparisonPage");
const CostLedgerPage = lazyRouteComponent(() => import("./modules/furusato/CostLedgerPage"), "CostLedgerPage");
const DashboardPage = lazyRouteComponent(() => import("./modules/furusato/DashboardPage"), "DashboardPage");
const DonationImportPage = lazyRouteComponent(() => import("./modules/furusato/DonationImportPage"), "DonationImportPage");
const DonationPage = lazyRouteComponent(() => import("./modules/furusato/DonationPage"), "DonationPage");
const DonationsPage = lazyRouteComponent(() => import("./modules/furusato/DonationsPage"), "DonationsPage");
const ExportsPage = lazyRouteComponent(() => import("./modules/furusato/ExportsPage"), "ExportsPage");
const GiftFormPage = lazyRouteComponent(() => import("./modules/furusato/GiftFormPage"), "GiftFormPage");
const GiftPage = lazyRouteComponent(() => import("./modules/furusato/GiftPage"), "GiftPage");
const GiftsPage = lazyRouteComponent(() => import("./modules/furusato/GiftsPage"), "GiftsPage");
const MappingEditorPage = lazyRouteComponent(() => import("./modules/furusato/MappingEditor"), "MappingEditorPage");
const MappingsPage = lazyRouteComponent(() => import("./modules/furusato/MappingsPage"), "MappingsPage");
const OneStopPage = lazyRouteComponent(() => import("./modules/furusato/OneStopPage"), "OneStopPage");
const PortalsPage = lazyRouteComponent(() => import("./modules/furusato/PortalsPage"), "PortalsPage");
const PublishPage = lazyRouteComponent(() => import("./modules/furusato/PublishPage"), "PublishPage");
const SettingsPage = lazyRouteComponent(() => import("./modules/furusato/SettingsPage"), "SettingsPage");
const ShipmentsPage = lazyRouteComponent(() => import("./modules/furusato/ShipmentsPage"), "ShipmentsPage");
const SupplierPage = lazyRouteComponent(() => import("./modules/furusato/SupplierPage"), "SupplierPage");
const SupplierShipmentsPage = lazyRouteComponent(() => import("./modules/furusato/SupplierShipmentsPage"), "SupplierShipmentsPage");
const SuppliersPage = lazyRouteComponent(() => import("./modules/furusato/SuppliersPage"), "SuppliersPage");
// 新ビジョン (vision)
const CouncilMemberPage = lazyRouteComponent(() => import("./modules/vision/CouncilMemberPage"), "CouncilMemberPage");
const CouncilPage = lazyRouteComponent(() => import("./modules/vision/CouncilPage"), "CouncilPage");
const CouncilRoundPage = lazyRouteComponent(() => import("./modules/vision/CouncilPage"), "CouncilRoundPage");
const VisionDashboardPage = lazyRouteComponent(() => import("./modules/vision/DashboardPage"), "DashboardPage");
const DeclarationsPage = lazyRouteComponent(() => import("./modules/vision/DeclarationsPage"), "DeclarationsPage");
const GradeRulePage = lazyRouteComponent(() => import("./modules/vision/GradeRulePage"), "GradeRulePage");
const IndicatorFormPage = lazyRouteComponent(() => import("./modules/vision/IndicatorFormPage"), "IndicatorFormPage");
const IndicatorPage = lazyRouteComponent(() => import("./modules/vision/IndicatorPage"), "IndicatorPage");
const NodePage = lazyRouteComponent(() => import("./modules/vision/NodePage"), "NodePage");
const OutreachPage = lazyRouteComponent(() => import("./modules/vision/OutreachPage"), "OutreachPage");
const PlanPage = lazyRouteComponent(() => import("./modules/vision/PlanPage"), "PlanPage");
const RoundsPage = lazyRouteComponent(() => import("./modules/vision/RoundsPage"), "RoundsPage");
const TodoPage = lazyRouteComponent(() => import("./modules/vision/TodoPage"), "TodoPage");
// public (citizen) pages and the lobby display
const PublicHomePage = lazyRouteComponent(() => import("./shell/PublicHomePage"), "PublicHomePage");
const PublicListPage = lazyRouteComponent(() => import("./modules/policy/PublicPages"), "PublicListPage");
const PublicDocumentPage = lazyRouteComponent(() => import("./modules/policy/PublicPages"), "PublicDocumentPage");
const PublicChallengePage = lazyRouteComponent(() => import("./modules/policy/PublicPages"), "PublicChallengePage");
const PublicProgressPage = lazyRouteComponent(() => import("./modules/vision/PublicProgressPage"), "PublicProgressPage");
const PublicDeclarationsPage = lazyRouteComponent(() => import("./modules/vision/PublicDeclarationsPage"), "PublicDeclarationsPage");
const DeclarationBoardPage = lazyRouteComponent(() => import("./modules/vision/DeclarationBoardPage"), "DeclarationBoardPage");
// administration and search
const AdminLayout = lazyRouteComponent(() => import("./admin/AdminLayout"), "AdminLayout");
const AuditPage = lazyRouteComponent(() => import("./admin/AuditPage"), "AuditPage");
const MaintenancePage = lazyRouteComponent(() => import("./admin/MaintenancePage"), "MaintenancePage");
const ReferenceDataPage = lazyRouteComponent(() => import("./modules/furusato/ReferenceDataPage"), "ReferenceDataPage");
const OrganisationsPage = lazyRouteComponent(() => import("./admin/OrganisationsPage"), "OrganisationsPage");
const StatusesPage = lazyRouteComponent(() => import("./admin/StatusesPage"), "StatusesPage");
const UsersPage = lazyRouteComponent(() => import("./admin/UsersPage"), "UsersPage");
const SearchPage = lazyRouteComponent(() => import("./search/SearchPage"), "SearchPage");
// the signed-in user's own account (password, ログイン中の端末)
const AccountPage = lazyRouteComponent(() => import("./auth/AccountPage"), "AccountPage");

/**
 * A route component that reads its route's params or search and renders a lazy page. Handing on the page's preload
 * lets the router fetch the page's chunk before it renders the route (and on hover), as it does for a lazy `component`.
 */
function withPage(page: AsyncRouteComponent<never>, component: () => ReactNode): RouteComponent {
  return Object.assign(component, { preload: () => page.preload?.() });
}

export interface RouterContext {
  queryClient: QueryClient;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : undefined;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

// ------------------------------------------------------------------ sign-in pages

const authLayout = createRoute({ getParentRoute: () => rootRoute, id: "auth", component: () => <SimpleLayout variant="auth" /> });

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

const publicLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: "public-site",
  component: () => <SimpleLayout variant="public" />,
});

/** The home of the public pages: every page a citizen may read, each under its own title. */
const publicHomeRoute = createRoute({ getParentRoute: () => publicLayout, path: "public", component: PublicHomePage });
const publicListRoute = createRoute({ getParentRoute: () => publicLayout, path: "public/policy", component: PublicListPage });

const publicDocumentRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: "public/policy/$id",
  component: withPage(PublicDocumentPage, function PublicDocumentRoute() {
    const { id } = publicDocumentRoute.useParams();
    return <PublicDocumentPage id={id} />;
  }),
});

const publicChallengeRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: "public/policy/challenges/$id",
  component: withPage(PublicChallengePage, function PublicChallengeRoute() {
    const { id } = publicChallengeRoute.useParams();
    return <PublicChallengePage id={id} />;
  }),
});

// ------------------------------------------------------------------ staff pages

async function requireSession({ context, location }: { context: RouterContext; location: { href: string; pathname: string } }) {
  const session = await context.queryClient.ensureQueryData(sessionQuery);
  if (!session.user) {
    throw redirect({ to: "/login", search: { next: location.href } });
  }
  // External logins (外部パートナー) reach their own pages only: a supplier's the furusato module, a council member's
  // the 有識者会議 pages (the server checks membership either way); both their own account page.
  if (session.user.role === "partner" && !/^\/(furusato|vision\/council|account)(\/|$)/.test(location.pathname)) {
    throw redirect({ to: session.audiences.includes("vision.council") ? "/vision/council/member" : "/furusato" });
  }
}

const staffLayout = createRoute({ getParentRoute: () => rootRoute, id: "staff", beforeLoad: requireSession, component: StaffLayout });
/** Signed-in pages without the app shell (print layout). */
const bareLayout = createRoute({ getParentRoute: () => rootRoute, id: "bare", beforeLoad: requireSession, component: Outlet });

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

const policyRoute = createRoute({ getParentRoute: () => staffLayout, path: "policy", component: DocumentsPage });
const policyImportRoute = createRoute({ getParentRoute: () => staffLayout, path: "policy/import", component: ImportPage });

const documentRoute = createRoute({
  getParentRoute: () => staffLayout,
  path: "policy/documents/$id",
  component: withPage(DocumentPage, function DocumentRoute() {
    const { id } = documentRoute.useParams();
    return <DocumentPage id={id} />;
  }),
});

const documentChallengesRoute = createRoute({
  getParentRoute: () => staffLayout,
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
  getParentRoute: () => staffLayout,
  path: "policy/challenges/$id",
  component: withPage(ChallengePage, function ChallengeRoute() {
    const { id } = challengeRoute.useParams();
    return <ChallengePage id={id} />;
  }),
});

// ------------------------------------------------------------------ ふるさと納税 (furusato)

const furusatoRoute = createRoute({
  getParentRoute: () => staffLayout,
  path: "furusato",
  validateSearch: (search: Record<string, unknown>): { status?: string; supplierId?: string; q?: string } => ({
    status: text(search.status),
    supplierId: text(search.supplierId),
    q: text(search.q),
  }),
  component: withPage(GiftsPage, function FurusatoRoute() {
    const initial = furusatoRoute.useSearch();
    return <GiftsPage key={JSON.stringify(initial)} initial={initial} />;
  }),
});

const giftNewRoute = createRoute({ getParentRoute: () => staffLayout, path: "furusato/gifts/new", component: GiftFormPage });

const giftRoute = createRoute({
  getParentRoute: () => staffLayout,
  path: "furusato/gifts/$id",
  component: withPage(GiftPage, function GiftRoute() {
    const { id } = giftRoute.useParams();
    return <GiftPage key={id} id={id} />;
  }),
});

const giftEditRoute = createRoute({
  getParentRoute: () => staffLayout,
  path: "furusato/gifts/$id/edit",
  component: withPage(GiftFormPage, function GiftEditRoute() {
    const { id } = giftEditRoute.useParams();
    return <GiftFormPage key={id} id={id} />;
  }),
});

const suppliersRoute = createRoute({ getParentRoute: () => staffLayout, path: "furusato/suppliers", component: SuppliersPage });

const supplierRoute = createRoute({
  getParentRoute: () => staffLayout,
  path: "furusato/suppliers/$id",
  component: withPage(SupplierPage, function SupplierRoute() {
    const { id } = supplierRoute.useParams();
    return <SupplierPage key={id} id={id} />;
  }),
});

const portalsRoute = createRoute({ getParentRoute: () => staffLayout, path: "furusato/portals", component: PortalsPage });
const choicePortalRoute = createRoute({
  getParentRoute: () => staffLayout,
  path: "furusato/portals/choice",
  // ?code=… replaces that portal's columns by its current header file
  validateSearch: (search: Record<string, unknown>): { code?: string } => ({ code: text(search.code) }),
  component: withPage(ChoicePortalPage, function ChoicePortalRoute() {
    const { code } = choicePortalRoute.useSearch();
    return <ChoicePortalPage key={code ?? ""} code={code} />;
  }),
});
const publishRoute = createRoute({ getParentRoute: () => staffLayout, path: "furusato/publish", component: PublishPage });
const exportsRoute = createRoute({ getParentRoute: () => staffLayout, path: "furusato/exports", component: ExportsPage });
// 寄附のあとの作業: 出荷依頼（職員）、出荷（事業者）、ワンストップ特例、受領証明書
const shipmentsRoute = createRoute({ getParentRoute: () => staffLayout, path: "furusato/shipments", component: ShipmentsPage });
const myShipmentsRoute = createRoute({
  getParentRoute: () => staffLayout,
  path: "furusato/my-shipments",
  component: SupplierShipmentsPage,
});
const oneStopRoute = createRoute({ getParentRoute: () => staffLayout, path: "furusato/one-stop", component: OneStopPage });
const certificatesRoute = createRoute({ getParentRoute: () => staffLayout, path: "furusato/certificates", component: CertificatesPage });
const comparisonRoute = createRoute({ getParentRoute: () => staffLayout, path: "furusato/comparison", component: ComparisonPage });

// ?fiscalYear=2024 (年度); the current fiscal year when absent or not a year
function fiscalYearSearch(search: Record<string, unknown>): { fiscalYear?: number } {
  const fy = Number(search.fiscalYear);
  return { fiscalYear: Number.isInteger(fy) && fy >= 2008 && fy <= 2100 ? fy : undefined };
}
const dashboardRoute = createRoute({
  getParentRoute: () => staffLayout,
  path: "furusato/dashboard",
  validateSearch: fiscalYearSearch,
  component: withPage(DashboardPage, function DashboardRoute() {
    const { fiscalYear } = dashboardRoute.useSearch();
    return <DashboardPage fiscalYear={fiscalYear} />;
  }),
});
const furusatoSettingsRoute = createRoute({ getParentRoute: () => staffLayout, path: "furusato/settings", component: SettingsPage });
const costsRoute = createRoute({
  getParentRoute: () => staffLayout,
  path: "furusato/costs",
  validateSearch: fiscalYearSearch,
  component: withPage(CostLedgerPage, function CostsRoute() {
    const { fiscalYear } = costsRoute.useSearch();
    return <CostLedgerPage key={fiscalYear ?? "current"} fiscalYear={fiscalYear} />;
  }),
});

// 寄附台帳・寄附データの取込・取込設定 (?fiscalYear=2024&portal=rakuten&status=入金済&q=… open the ledger filtered)
const donationsRoute = createRoute({
  getParentRoute: () => staffLayout,
  path: "furusato/donations",
  validateSearch: (search: Record<string, unknown>): { fiscalYear?: number; portal?: string; status?: string; q?: string } => {
    const fy = Number(search.fiscalYear);
    return {
      fiscalYear: Number.isInteger(fy) && fy >= 2008 && fy <= 2100 ? fy : undefined,
      portal: text(search.portal),
      status: text(search.status),
      q: text(search.q),
    };
  },
  component: withPage(DonationsPage, function DonationsRoute() {
    const { status, ...initial } = donationsRoute.useSearch();
    const known = status === "入金待ち" || status === "入金済" || status === "キャンセル" ? status : undefined;
    return <DonationsPage key={JSON.stringify({ status, ...initial })} initial={{ ...initial, status: known }} />;
  }),
});
const donationImportRoute = createRoute({
  getParentRoute: () => staffLayout,
  path: "furusato/donations/import",
  component: DonationImportPage,
});
const donationRoute = createRoute({
  getParentRoute: () => staffLayout,
  path: "furusato/donations/$id",
  component: withPage(DonationPage, function DonationRoute() {
    const { id } = donationRoute.useParams();
    return <DonationPage key={id} id={id} />;
  }),
});
const mappingsRoute = createRoute({ getParentRoute: () => staffLayout, path: "furusato/mappings", component: MappingsPage });
const mappingRoute = createRoute({
  getParentRoute: () => staffLayout,
  path: "furusato/mappings/$id",
  component: withPage(MappingEditorPage, function MappingRoute() {
    const { id } = mappingRoute.useParams();
    return <MappingEditorPage key={id} id={id} />;
  }),
});

// ------------------------------------------------------------------ 新ビジョン: 施策体系・指標・報告ラウンド・評価

const visionRoute = createRoute({ getParentRoute: () => staffLayout, path: "vision", component: VisionDashboardPage });
const visionPlanRoute = createRoute({ getParentRoute: () => staffLayout, path: "vision/plan", component: PlanPage });
const visionNodeRoute = createRoute({
  getParentRoute: () => staffLayout,
  path: "vision/nodes/$id",
  component: withPage(NodePage, function VisionNodeRoute() {
    const { id } = visionNodeRoute.useParams();
    return <NodePage key={id} id={id} />;
  }),
});
// ?nodeId=… preselects the node the new indicator belongs to
const visionIndicatorNewRoute = createRoute({
  getParentRoute: () => staffLayout,
  path: "vision/indicators/new",
  validateSearch: (search: Record<string, unknown>): { nodeId?: string } => ({ nodeId: text(search.nodeId) }),
  component: withPage(IndicatorFormPage, function VisionIndicatorNewRoute() {
    const { nodeId } = visionIndicatorNewRoute.useSearch();
    return <IndicatorFormPage key={nodeId ?? "new"} nodeId={nodeId} />;
  }),
});
const visionIndicatorRoute = createRoute({
  getParentRoute: () => staffLayout,
  path: "vision/indicators/$id",
  component: withPage(IndicatorPage, function VisionIndicatorRoute() {
    const { id } = visionIndicatorRoute.useParams();
    return <IndicatorPage key={id} id={id} />;
  }),
});
const visionIndicatorEditRoute = createRoute({
  getParentRoute: () => staffLayout,
  path: "vision/indicators/$id/edit",
  component: withPage(IndicatorFormPage, function VisionIndicatorEditRoute() {
    const { id } = visionIndicatorEditRoute.useParams();
    return <IndicatorFormPage key={id} id={id} />;
  }),
});
const visionTodoRoute = createRoute({ getParentRoute: () => staffLayout, path: "vision/todo", component: TodoPage });
const visionRoundsRoute = createRoute({ getParentRoute: () => staffLayout, path: "vision/rounds", component: RoundsPage });
const visionRuleRoute = createRoute({ getParentRoute: () => staffLayout, path: "vision/rule", component: GradeRulePage });
const publicVisionRoute = createRoute({ getParentRoute: () => publicLayout, path: "public/vision", component: PublicProgressPage });

// ------------------------------------------------------------------ 新ビジョン: 有識者会議・Action宣言・周知・浸透

const councilRoute = createRoute({ getParentRoute: () => staffLayout, path: "vision/council", component: CouncilPage });
const councilMemberRoute = createRoute({ getParentRoute: () => staffLayout, path: "vision/council/member", component: CouncilMemberPage });
const councilRoundRoute = createRoute({
  getParentRoute: () => staffLayout,
  path: "vision/council/rounds/$id",
  component: withPage(CouncilRoundPage, function CouncilRoundRoute() {
    const { id } = councilRoundRoute.useParams();
    return <CouncilRoundPage key={id} id={id} />;
  }),
});
const declarationsRoute = createRoute({ getParentRoute: () => staffLayout, path: "vision/declarations", component: DeclarationsPage });
const outreachRoute = createRoute({ getParentRoute: () => staffLayout, path: "vision/outreach", component: OutreachPage });
/** The lobby display: full screen, no shell, no sign-in (it shows the public list). */
const declarationBoardRoute = createRoute({ getParentRoute: () => rootRoute, path: "vision/board", component: DeclarationBoardPage });
const publicDeclarationsRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: "public/vision/declarations",
  component: PublicDeclarationsPage,
});

const printRoute = createRoute({
  getParentRoute: () => bareLayout,
  path: "policy/documents/$id/print",
  component: withPage(PrintPage, function PrintRoute() {
    const { id } = printRoute.useParams();
    return <PrintPage id={id} />;
  }),
});

// ------------------------------------------------------------------ administration (システム管理者)

const adminLayout = createRoute({ getParentRoute: () => staffLayout, path: "admin", component: AdminLayout });
const adminIndexRoute = createRoute({
  getParentRoute: () => adminLayout,
  path: "/",
  beforeLoad: () => {
    throw redirect({ to: "/admin/users" });
  },
});
const adminUsersRoute = createRoute({ getParentRoute: () => adminLayout, path: "users", component: UsersPage });
const adminOrganisationsRoute = createRoute({ getParentRoute: () => adminLayout, path: "organisations", component: OrganisationsPage });
const adminAuditRoute = createRoute({ getParentRoute: () => adminLayout, path: "audit", component: AuditPage });
const adminStatusesRoute = createRoute({ getParentRoute: () => adminLayout, path: "statuses", component: StatusesPage });
const adminMaintenanceRoute = createRoute({ getParentRoute: () => adminLayout, path: "maintenance", component: MaintenancePage });
const adminReferenceRoute = createRoute({ getParentRoute: () => adminLayout, path: "furusato-reference", component: ReferenceDataPage });

const routeTree = rootRoute.addChildren([
  authLayout.addChildren([loginRoute, setupRoute]),
  publicLayout.addChildren([
    publicHomeRoute,
    publicListRoute,
    publicDocumentRoute,
    publicChallengeRoute,
    publicVisionRoute,
    publicDeclarationsRoute,
  ]),
  declarationBoardRoute,
  staffLayout.addChildren([
    indexRoute,
    searchRoute,
    accountRoute,
    policyRoute,
    policyImportRoute,
    documentRoute,
    documentChallengesRoute,
    challengeRoute,
    furusatoRoute,
    giftNewRoute,
    giftRoute,
    giftEditRoute,
    suppliersRoute,
    supplierRoute,
    portalsRoute,
    choicePortalRoute,
    publishRoute,
    exportsRoute,
    donationsRoute,
    donationImportRoute,
    donationRoute,
    mappingsRoute,
    mappingRoute,
    shipmentsRoute,
    myShipmentsRoute,
    oneStopRoute,
    certificatesRoute,
    comparisonRoute,
    dashboardRoute,
    costsRoute,
    furusatoSettingsRoute,
    visionRoute,
    visionPlanRoute,
    visionNodeRoute,
    visionIndicatorNewRoute,
    visionIndicatorRoute,
    visionIndicatorEditRoute,
    visionTodoRoute,
    visionRoundsRoute,
    visionRuleRoute,
    councilRoute,
    councilMemberRoute,
    councilRoundRoute,
    declarationsRoute,
    outreachRoute,
    adminLayout.addChildren([
      adminIndexRoute,
      adminUsersRoute,
      adminOrganisationsRoute,
      adminAuditRoute,
      adminStatusesRoute,
      adminMaintenanceRoute,
      adminReferenceRoute,
    ]),
  ]),
  bareLayout.addChildren([printRoute]),
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
