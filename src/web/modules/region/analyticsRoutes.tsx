// Region: Cookieを使わないアクセス解析とプロモーション — the part's pages: the staff pages /region/analytics (its period
// and 市町 in the URL; a 市町 editor opens it too), /region/campaigns (年度 and 媒体 in the URL), /region/campaigns/$id,
// /region/campaigns/comparison, and the public page /public/region/privacy (外部送信について). Every page is a lazy chunk.

import type { AnyRoute } from "@tanstack/react-router";
import { createRoute, lazyRouteComponent, useParams, useSearch } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";
import { fiscalYearSearch, withPage } from "../route-helpers";
import { type AnalyticsSearch, analyticsSearch, type CampaignSearch, campaignSearch } from "./analyticsQueries";

const AnalyticsPage = lazyRouteComponent(() => import("./AnalyticsPage"), "AnalyticsPage");
const CampaignsPage = lazyRouteComponent(() => import("./CampaignsPage"), "CampaignsPage");
const CampaignPage = lazyRouteComponent(() => import("./CampaignPage"), "CampaignPage");
const CampaignComparisonPage = lazyRouteComponent(() => import("./CampaignComparisonPage"), "CampaignComparisonPage");
const PrivacyPage = lazyRouteComponent(() => import("./PrivacyPage"), "PrivacyPage");

const AnalyticsRoute = withPage(AnalyticsPage, function AnalyticsRoute() {
  const search = useSearch({ strict: false }) as AnalyticsSearch;
  return <AnalyticsPage search={search} />;
});
const CampaignsRoute = withPage(CampaignsPage, function CampaignsRoute() {
  const search = useSearch({ strict: false }) as CampaignSearch;
  return <CampaignsPage search={search} />;
});
const CampaignRoute = withPage(CampaignPage, function CampaignRoute() {
  const { id } = useParams({ strict: false }) as { id: string };
  return <CampaignPage key={id} id={id} />;
});
const ComparisonRoute = withPage(CampaignComparisonPage, function ComparisonRoute() {
  const { fiscalYear } = useSearch({ strict: false }) as { fiscalYear?: number };
  return <CampaignComparisonPage fiscalYear={fiscalYear} />;
});

export function analyticsRoutes(layouts: Layouts): { staff: AnyRoute[]; public: AnyRoute[] } {
  const staff = layouts.staff;
  return {
    staff: [
      createRoute({ getParentRoute: () => staff, path: "region/analytics", validateSearch: analyticsSearch, component: AnalyticsRoute }),
      createRoute({ getParentRoute: () => staff, path: "region/campaigns", validateSearch: campaignSearch, component: CampaignsRoute }),
      createRoute({
        getParentRoute: () => staff,
        path: "region/campaigns/comparison",
        validateSearch: fiscalYearSearch,
        component: ComparisonRoute,
      }),
      createRoute({ getParentRoute: () => staff, path: "region/campaigns/$id", component: CampaignRoute }),
    ],
    public: [createRoute({ getParentRoute: () => layouts.public, path: "public/region/privacy", component: PrivacyPage })],
  };
}
