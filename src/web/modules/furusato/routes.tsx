// ふるさと納税 (furusato): the module's routes. Every page is a lazy chunk (see src/web/router.tsx).
// The route components are made once, when the router calls this function (biome.json lets routes.tsx do so).
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";
import { fiscalYearSearch, text, withPage } from "../route-helpers";

const CertificatesPage = lazyRouteComponent(() => import("./CertificatesPage"), "CertificatesPage");
const ChoicePortalPage = lazyRouteComponent(() => import("./ChoicePortalPage"), "ChoicePortalPage");
const ComparisonPage = lazyRouteComponent(() => import("./ComparisonPage"), "ComparisonPage");
const CostLedgerPage = lazyRouteComponent(() => import("./CostLedgerPage"), "CostLedgerPage");
const DashboardPage = lazyRouteComponent(() => import("./DashboardPage"), "DashboardPage");
const DonationImportPage = lazyRouteComponent(() => import("./DonationImportPage"), "DonationImportPage");
const DonationPage = lazyRouteComponent(() => import("./DonationPage"), "DonationPage");
const DonationsPage = lazyRouteComponent(() => import("./DonationsPage"), "DonationsPage");
const ExportsPage = lazyRouteComponent(() => import("./ExportsPage"), "ExportsPage");
const GiftFormPage = lazyRouteComponent(() => import("./GiftFormPage"), "GiftFormPage");
const GiftPage = lazyRouteComponent(() => import("./GiftPage"), "GiftPage");
const GiftsPage = lazyRouteComponent(() => import("./GiftsPage"), "GiftsPage");
const MappingEditorPage = lazyRouteComponent(() => import("./MappingEditor"), "MappingEditorPage");
const MappingsPage = lazyRouteComponent(() => import("./MappingsPage"), "MappingsPage");
const OneStopPage = lazyRouteComponent(() => import("./OneStopPage"), "OneStopPage");
const PortalsPage = lazyRouteComponent(() => import("./PortalsPage"), "PortalsPage");
const PublishPage = lazyRouteComponent(() => import("./PublishPage"), "PublishPage");
const ReferenceDataPage = lazyRouteComponent(() => import("./ReferenceDataPage"), "ReferenceDataPage");
const SettingsPage = lazyRouteComponent(() => import("./SettingsPage"), "SettingsPage");
const ShipmentsPage = lazyRouteComponent(() => import("./ShipmentsPage"), "ShipmentsPage");
const SupplierPage = lazyRouteComponent(() => import("./SupplierPage"), "SupplierPage");
const SupplierShipmentsPage = lazyRouteComponent(() => import("./SupplierShipmentsPage"), "SupplierShipmentsPage");
const SuppliersPage = lazyRouteComponent(() => import("./SuppliersPage"), "SuppliersPage");

export function furusatoRoutes({ staff, admin }: Layouts) {
  const furusatoRoute = createRoute({
    getParentRoute: () => staff,
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

  const giftNewRoute = createRoute({ getParentRoute: () => staff, path: "furusato/gifts/new", component: GiftFormPage });

  const giftRoute = createRoute({
    getParentRoute: () => staff,
    path: "furusato/gifts/$id",
    component: withPage(GiftPage, function GiftRoute() {
      const { id } = giftRoute.useParams();
      return <GiftPage key={id} id={id} />;
    }),
  });

  const giftEditRoute = createRoute({
    getParentRoute: () => staff,
    path: "furusato/gifts/$id/edit",
    component: withPage(GiftFormPage, function GiftEditRoute() {
      const { id } = giftEditRoute.useParams();
      return <GiftFormPage key={id} id={id} />;
    }),
  });

  const suppliersRoute = createRoute({ getParentRoute: () => staff, path: "furusato/suppliers", component: SuppliersPage });

  const supplierRoute = createRoute({
    getParentRoute: () => staff,
    path: "furusato/suppliers/$id",
    component: withPage(SupplierPage, function SupplierRoute() {
      const { id } = supplierRoute.useParams();
      return <SupplierPage key={id} id={id} />;
    }),
  });

  const portalsRoute = createRoute({ getParentRoute: () => staff, path: "furusato/portals", component: PortalsPage });
  const choicePortalRoute = createRoute({
    getParentRoute: () => staff,
    path: "furusato/portals/choice",
    // ?code=… replaces that portal's columns by its current header file
    validateSearch: (search: Record<string, unknown>): { code?: string } => ({ code: text(search.code) }),
    component: withPage(ChoicePortalPage, function ChoicePortalRoute() {
      const { code } = choicePortalRoute.useSearch();
      return <ChoicePortalPage key={code ?? ""} code={code} />;
    }),
  });
  const publishRoute = createRoute({ getParentRoute: () => staff, path: "furusato/publish", component: PublishPage });
  const exportsRoute = createRoute({ getParentRoute: () => staff, path: "furusato/exports", component: ExportsPage });
  // 寄附のあとの作業: 出荷依頼（職員）、出荷（事業者）、ワンストップ特例、受領証明書
  const shipmentsRoute = createRoute({ getParentRoute: () => staff, path: "furusato/shipments", component: ShipmentsPage });
  const myShipmentsRoute = createRoute({ getParentRoute: () => staff, path: "furusato/my-shipments", component: SupplierShipmentsPage });
  const oneStopRoute = createRoute({ getParentRoute: () => staff, path: "furusato/one-stop", component: OneStopPage });
  const certificatesRoute = createRoute({ getParentRoute: () => staff, path: "furusato/certificates", component: CertificatesPage });
  const comparisonRoute = createRoute({ getParentRoute: () => staff, path: "furusato/comparison", component: ComparisonPage });

  const dashboardRoute = createRoute({
    getParentRoute: () => staff,
    path: "furusato/dashboard",
    validateSearch: fiscalYearSearch,
    component: withPage(DashboardPage, function DashboardRoute() {
      const { fiscalYear } = dashboardRoute.useSearch();
      return <DashboardPage fiscalYear={fiscalYear} />;
    }),
  });
  const furusatoSettingsRoute = createRoute({ getParentRoute: () => staff, path: "furusato/settings", component: SettingsPage });
  const costsRoute = createRoute({
    getParentRoute: () => staff,
    path: "furusato/costs",
    validateSearch: fiscalYearSearch,
    component: withPage(CostLedgerPage, function CostsRoute() {
      const { fiscalYear } = costsRoute.useSearch();
      return <CostLedgerPage key={fiscalYear ?? "current"} fiscalYear={fiscalYear} />;
    }),
  });

  // 寄附台帳・寄附データの取込・取込設定 (?fiscalYear=2024&portal=rakuten&status=入金済&q=… open the ledger filtered)
  const donationsRoute = createRoute({
    getParentRoute: () => staff,
    path: "furusato/donations",
    validateSearch: (search: Record<string, unknown>): { fiscalYear?: number; portal?: string; status?: string; q?: string } => ({
      ...fiscalYearSearch(search),
      portal: text(search.portal),
      status: text(search.status),
      q: text(search.q),
    }),
    component: withPage(DonationsPage, function DonationsRoute() {
      const { status, ...initial } = donationsRoute.useSearch();
      const known = status === "入金待ち" || status === "入金済" || status === "キャンセル" ? status : undefined;
      return <DonationsPage key={JSON.stringify({ status, ...initial })} initial={{ ...initial, status: known }} />;
    }),
  });
  const donationImportRoute = createRoute({
    getParentRoute: () => staff,
    path: "furusato/donations/import",
    component: DonationImportPage,
  });
  const donationRoute = createRoute({
    getParentRoute: () => staff,
    path: "furusato/donations/$id",
    component: withPage(DonationPage, function DonationRoute() {
      const { id } = donationRoute.useParams();
      return <DonationPage key={id} id={id} />;
    }),
  });
  const mappingsRoute = createRoute({ getParentRoute: () => staff, path: "furusato/mappings", component: MappingsPage });
  const mappingRoute = createRoute({
    getParentRoute: () => staff,
    path: "furusato/mappings/$id",
    component: withPage(MappingEditorPage, function MappingRoute() {
      const { id } = mappingRoute.useParams();
      return <MappingEditorPage key={id} id={id} />;
    }),
  });

  // 全国比較の参考データ (システム管理者)
  const adminReferenceRoute = createRoute({ getParentRoute: () => admin, path: "furusato-reference", component: ReferenceDataPage });

  return {
    staff: [
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
    ],
    admin: [adminReferenceRoute],
  } as const;
}
