// The アクセス解析 dashboard's figures for a period (and one 市町, or the whole hub): visits and visitors per day (every
// day of the period, 0 where none), per page kind and language (every kind, 0 where none), per 市町 (all 18 in their
// order, then the pages of no one 市町), the most viewed items, the referring sites and the campaigns. Visitors are
// distinct per day (the hash changes daily), so a period's visitors are the sum of its days' visitors.
import {
  type AnalyticsDashboard,
  type AnalyticsQuery,
  HUB_LANG_LABELS,
  HUB_LANGS,
  HUB_PAGE_KIND_LABELS,
  HUB_PAGE_KINDS,
  TOP_ITEMS,
  TOP_REFERRERS,
} from "../../../common/api/region-analytics";
import { daysInPeriod, eachDay } from "../../../common/region/analytics-period";
import type { CampaignChannel } from "../../../common/region/campaign-effect";
import type { Queryable } from "../../db/database";
import type { Principal } from "../../platform/auth/permissions";
import { NotFound } from "../../platform/errors";
import { analyticsScopeOf } from "./analytics-access";
import * as repo from "./analytics-repository";

/** Pages of no one 市町 (トップ, 検索, 地図 …) in the by-市町 table. */
export const NO_MUNICIPALITY_LABEL = "市町を特定しないページ";

/** The figures for a scope already checked (the export and the tests call it too). */
export async function analyticsFigures(
  db: Queryable,
  query: Pick<AnalyticsQuery, "from" | "to">,
  scope: { municipality: string | null; fixed: boolean },
): Promise<AnalyticsDashboard> {
  const filter = { from: query.from, to: query.to, municipality: scope.municipality };
  const municipalities = await repo.municipalityNames(db);
  const chosen = scope.municipality ? municipalities.find((m) => m.code === scope.municipality) : null;
  if (scope.municipality && !chosen) throw new NotFound("市町");
  const [grouped, items, referrers] = await Promise.all([
    repo.groupedVisits(db, filter),
    repo.topItems(db, filter, TOP_ITEMS),
    repo.topReferrers(db, filter, TOP_REFERRERS),
  ]);
  const of = (set: repo.GroupedRow["set"]) => new Map(grouped.filter((g) => g.set === set).map((g) => [g.key, g]));
  const counts = (row: repo.GroupedRow | undefined) => ({ visits: row?.visits ?? 0, visitors: row?.visitors ?? 0 });
  const total = grouped.find((g) => g.set === "total");
  const byDay = of("day");
  const byKind = of("page_kind");
  const byMunicipality = of("municipality");
  const byLang = of("lang");
  const byCampaign = [...of("campaign").values()].filter((g) => g.key !== null);
  const campaigns = new Map(
    (
      await repo.campaignNames(
        db,
        byCampaign.map((g) => g.key as string),
      )
    ).map((c) => [c.id, c]),
  );

  return {
    period: { from: query.from, to: query.to, days: daysInPeriod(query) },
    municipality: chosen ? { code: chosen.code, name: chosen.name } : null,
    municipalityFixed: scope.fixed,
    totals: { ...counts(total), sampleVisits: total?.sample_visits ?? 0 },
    byDay: eachDay(query).map((day) => ({ day, ...counts(byDay.get(day)) })),
    byPageKind: HUB_PAGE_KINDS.map((pageKind) => ({ pageKind, label: HUB_PAGE_KIND_LABELS[pageKind], ...counts(byKind.get(pageKind)) })),
    byMunicipality: [
      ...(chosen ? [chosen] : municipalities).map((m) => ({ code: m.code, name: m.name, ...counts(byMunicipality.get(m.code)) })),
      ...(chosen ? [] : [{ code: null, name: NO_MUNICIPALITY_LABEL, ...counts(byMunicipality.get(null)) }]),
    ],
    topItems: items.map((i) => ({
      itemId: i.item_id,
      name: i.name,
      municipalityCode: i.municipality_code,
      municipalityName: i.municipality_name,
      visits: i.visits,
      visitors: i.visitors,
    })),
    topReferrers: referrers,
    byCampaign: byCampaign
      .flatMap((g) => {
        const c = campaigns.get(g.key as string);
        return c ? [{ campaignId: c.id, name: c.name, tag: c.tag, channel: c.channel as CampaignChannel, ...counts(g) }] : [];
      })
      .sort((a, b) => b.visits - a.visits || b.visitors - a.visitors || a.name.localeCompare(b.name, "ja")),
    byLang: HUB_LANGS.map((lang) => ({ lang, label: HUB_LANG_LABELS[lang], ...counts(byLang.get(lang)) })),
    municipalities: scope.fixed && chosen ? [chosen] : municipalities,
  };
}

/** GET /api/region/analytics: staff read the whole hub or one 市町; a 市町 editor its own 市町. */
export async function getAnalytics(db: Queryable, user: Principal | null, query: AnalyticsQuery): Promise<AnalyticsDashboard> {
  const scope = await analyticsScopeOf(db, user, query.municipality);
  return analyticsFigures(db, query, scope);
}
