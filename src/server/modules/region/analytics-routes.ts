// Region: Cookieを使わないアクセス解析とプロモーション — the part's routes. Each calls one service function, which
// authorises inside it. The visit counter reads the caller's user agent, address and DNT/GPC headers here and hands
// them to the service, which keeps none of them.
import * as api from "../../../common/api/region-analytics";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps, RequestContext } from "../../platform/http/types";
import { exportAnalyticsCsv, exportAnalyticsXlsx } from "./analytics-export";
import { getAnalytics } from "./analytics-service";
import { getCampaignComparison } from "./campaign-comparison";
import { exportComparisonCsv, exportComparisonXlsx } from "./campaign-export";
import * as campaigns from "./campaign-service";
import { recordVisit } from "./visit-service";

const originOf = (deps: AppDeps, ctx: RequestContext) => deps.config.publicUrl ?? new URL(ctx.c.req.url).origin;

export function registerAnalyticsRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;

  router.on(api.recordVisit, ({ body }, { clientAddress, c }) =>
    recordVisit(
      db,
      body,
      { userAgent: c.req.header("user-agent"), address: clientAddress, dnt: c.req.header("dnt"), secGpc: c.req.header("sec-gpc") },
      { perMinute: deps.config.publicApiRateLimit },
    ),
  );

  router.on(api.getAnalytics, ({ query }, { user }) => getAnalytics(db, user, query));
  router.on(api.exportAnalyticsXlsx, ({ query }, { user, actor }) => exportAnalyticsXlsx(db, user, actor, query));
  router.on(api.exportAnalyticsCsv, ({ query }, { user, actor }) => exportAnalyticsCsv(db, user, actor, query));

  router.on(api.listCampaigns, ({ query }, ctx) => campaigns.listCampaigns(db, ctx.user, originOf(deps, ctx), query));
  router.on(api.getCampaign, ({ params }, ctx) => campaigns.getCampaign(db, ctx.user, originOf(deps, ctx), params.id));
  router.on(api.createCampaign, ({ body }, ctx) => campaigns.createCampaign(db, ctx.user, ctx.actor, originOf(deps, ctx), body));
  router.on(api.updateCampaign, ({ params, body }, ctx) =>
    campaigns.updateCampaign(db, ctx.user, ctx.actor, originOf(deps, ctx), params.id, body),
  );
  router.on(api.deleteCampaign, ({ params, query }, { user, actor }) =>
    campaigns.deleteCampaign(db, user, actor, params.id, query.version),
  );
  router.on(api.putCampaignMetric, ({ params, body }, { user, actor }) => campaigns.putMetric(db, user, actor, params.id, body));
  router.on(api.deleteCampaignMetric, ({ params }, { user, actor }) => campaigns.deleteMetric(db, user, actor, params.id, params.metricId));

  router.on(api.getCampaignComparison, ({ query }, { user }) => getCampaignComparison(db, user, query));
  router.on(api.exportCampaignComparisonXlsx, ({ query }, { user, actor }) => exportComparisonXlsx(db, user, actor, query));
  router.on(api.exportCampaignComparisonCsv, ({ query }, { user, actor }) => exportComparisonCsv(db, user, actor, query));
}
