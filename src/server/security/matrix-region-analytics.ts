// Route × role matrix rows of the region module's part: Cookieを使わないアクセス解析とプロモーション (see matrix-table.ts
// for the notation).
//
// The rules, as the part states them (region/analytics-access.ts, campaign-service.ts): anyone, signed in or not,
// counts a view of a public hub page (no personal data is kept; the matrix calls it about ten times, far under its
// per-address limit). Every member of staff (A B D V) reads the アクセス解析 (whole hub) and a 市町 editor (M) reads it
// for its own 市町's pages (the scope is forced, so there is no other 市町's record to ask for); outside logins of
// other kinds never do. Every member of staff reads the promotion campaigns and their comparison; only the bureau that
// runs the hub (its editors, B, and administrators, A: region.manager) records, changes and deletes campaigns and
// their reach figures. The figures' CSV import goes through the platform's /api/imports/:kind (matrix-platform).
import type { Queryable } from "../db/database";
import type { MatrixIds, MatrixModule } from "./matrix-table";

const ANYONE = "ABDVSCKFRMN";
const STAFF = "ABDV.......";
const STAFF_AND_MUNICIPALITY = "ABDV.....M.";
const MANAGER = "AB.........";

const campaign = (ids: MatrixIds) => ({ id: ids["region.campaign"] });
const period = () => ({ from: "2026-11-01", to: "2026-11-30" });

const campaignBody = () => ({
  name: "行列テストのキャンペーン",
  channel: "instagram",
  kind: "post",
  tag: "matrix-test",
  targetPath: "/public/region",
  publishedOn: "2026-11-01",
  costYen: 1000,
});

export const regionAnalyticsMatrix: MatrixModule = {
  name: "region-analytics",
  async collect(db: Queryable) {
    const c = await db.query<{ id: string; metric_id: string }>(
      `SELECT c.id, m.id AS metric_id FROM region_campaigns c JOIN region_campaign_metrics m ON m.campaign_id = c.id
        ORDER BY c.published_on, c.tag, m.measured_on LIMIT 1`,
    );
    if (!c.rows[0]) throw new Error("matrix-region-analytics: the sample data has no campaign with reach figures");
    return { "region.campaign": c.rows[0].id, "region.campaignMetric": c.rows[0].metric_id };
  },
  table: {
    "POST /api/public/region/visits": { who: ANYONE, body: () => ({ pageKind: "home", lang: "ja", path: "/public/region" }) },

    "GET /api/region/analytics": { who: STAFF_AND_MUNICIPALITY, query: period },
    "GET /api/region/analytics.xlsx": { who: STAFF_AND_MUNICIPALITY, query: period },
    "GET /api/region/analytics.csv": { who: STAFF_AND_MUNICIPALITY, query: period },

    "GET /api/region/campaigns": { who: STAFF, query: () => ({ fiscalYear: "2026" }) },
    "GET /api/region/campaigns/:id": { who: STAFF, params: campaign },
    "POST /api/region/campaigns": { who: MANAGER, body: campaignBody },
    "PUT /api/region/campaigns/:id": { who: MANAGER, params: campaign, body: () => ({ version: 1, campaign: campaignBody() }) },
    "DELETE /api/region/campaigns/:id": { who: MANAGER, params: campaign, query: () => ({ version: "1" }) },
    "PUT /api/region/campaigns/:id/metrics": {
      who: MANAGER,
      params: campaign,
      body: () => ({ measuredOn: "2026-11-30", reach: 100 }),
    },
    "DELETE /api/region/campaigns/:id/metrics/:metricId": {
      who: MANAGER,
      params: (ids) => ({ id: ids["region.campaign"], metricId: ids["region.campaignMetric"] }),
    },

    "GET /api/region/campaign-comparison": { who: STAFF },
    "GET /api/region/campaign-comparison.xlsx": { who: STAFF, query: () => ({ fiscalYear: "2025" }) },
    "GET /api/region/campaign-comparison.csv": { who: STAFF },
  },
};
