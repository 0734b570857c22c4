// SQL of the アクセス解析 dashboard: a period's visits grouped every way the page shows them, in a few statements (one
// scan for the day, page kind, 市町, campaign and language breakdowns via GROUPING SETS; the top items and referrers
// each with their own LIMIT), never a statement per row. A visitor is a visitor hash on a day: the hash changes daily,
// so the distinct (hash, day) pairs are the visitors of any group.
import type { Queryable } from "../../db/database";

export interface PeriodFilter {
  from: string;
  to: string;
  /** one 市町's pages only, or null */
  municipality: string | null;
}

const WHERE = "v.day BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR v.municipality_code = $3::text)";
const VISITORS = "count(DISTINCT v.visitor_hash || v.day::text)::int";
const params = (f: PeriodFilter) => [f.from, f.to, f.municipality];

export interface GroupedRow {
  set: "total" | "day" | "page_kind" | "municipality" | "campaign" | "lang";
  key: string | null;
  visits: number;
  visitors: number;
  sample_visits: number;
}

/** Totals and the breakdowns by day, page kind, 市町, campaign and language, in one statement. */
export async function groupedVisits(db: Queryable, f: PeriodFilter): Promise<GroupedRow[]> {
  const { rows } = await db.query<{
    day: string | null;
    page_kind: string | null;
    municipality_code: string | null;
    campaign_id: string | null;
    lang: string | null;
    g_day: number;
    g_kind: number;
    g_municipality: number;
    g_campaign: number;
    g_lang: number;
    visits: number;
    visitors: number;
    sample_visits: number;
  }>(
    `SELECT v.day, v.page_kind, v.municipality_code::text AS municipality_code, v.campaign_id, v.lang,
            GROUPING(v.day) AS g_day, GROUPING(v.page_kind) AS g_kind, GROUPING(v.municipality_code) AS g_municipality,
            GROUPING(v.campaign_id) AS g_campaign, GROUPING(v.lang) AS g_lang,
            count(*)::int AS visits, ${VISITORS} AS visitors, count(*) FILTER (WHERE v.is_sample)::int AS sample_visits
       FROM region_visits v
      WHERE ${WHERE}
      GROUP BY GROUPING SETS ((v.day), (v.page_kind), (v.municipality_code), (v.campaign_id), (v.lang), ())`,
    params(f),
  );
  return rows.map((r) => {
    const base = { visits: r.visits, visitors: r.visitors, sample_visits: r.sample_visits };
    if (r.g_day === 0) return { set: "day", key: r.day, ...base };
    if (r.g_kind === 0) return { set: "page_kind", key: r.page_kind, ...base };
    if (r.g_municipality === 0) return { set: "municipality", key: r.municipality_code, ...base };
    if (r.g_campaign === 0) return { set: "campaign", key: r.campaign_id, ...base };
    if (r.g_lang === 0) return { set: "lang", key: r.lang, ...base };
    return { set: "total", key: null, ...base };
  });
}

export interface TopItemRow {
  item_id: string;
  name: string | null;
  municipality_code: string | null;
  municipality_name: string | null;
  visits: number;
  visitors: number;
}

/** The most viewed items of the period, with their names (null for an item deleted since) and 市町. */
export async function topItems(db: Queryable, f: PeriodFilter, limit: number): Promise<TopItemRow[]> {
  const { rows } = await db.query<TopItemRow>(
    `WITH top AS (
       SELECT v.item_id, min(v.municipality_code)::text AS municipality_code, count(*)::int AS visits, ${VISITORS} AS visitors
         FROM region_visits v
        WHERE v.item_id IS NOT NULL AND ${WHERE}
        GROUP BY v.item_id
        ORDER BY visits DESC, visitors DESC, v.item_id
        LIMIT $4)
     SELECT top.item_id, i.name, top.municipality_code, m.name AS municipality_name, top.visits, top.visitors
       FROM top
       LEFT JOIN region_items i ON i.id = top.item_id
       LEFT JOIN region_municipalities m ON m.code = top.municipality_code
      ORDER BY top.visits DESC, top.visitors DESC, top.item_id`,
    [...params(f), limit],
  );
  return rows;
}

export interface ReferrerRow {
  host: string;
  visits: number;
  visitors: number;
}

export async function topReferrers(db: Queryable, f: PeriodFilter, limit: number): Promise<ReferrerRow[]> {
  const { rows } = await db.query<ReferrerRow>(
    `SELECT v.referrer_host AS host, count(*)::int AS visits, ${VISITORS} AS visitors
       FROM region_visits v
      WHERE ${WHERE}
      GROUP BY v.referrer_host
      ORDER BY visits DESC, visitors DESC, v.referrer_host
      LIMIT $4`,
    [...params(f), limit],
  );
  return rows;
}

export interface NamedMunicipality {
  code: string;
  name: string;
}

export async function municipalityNames(db: Queryable): Promise<NamedMunicipality[]> {
  const { rows } = await db.query<NamedMunicipality>(
    "SELECT code::text AS code, name FROM region_municipalities ORDER BY sort_order, code",
  );
  return rows;
}

export interface CampaignName {
  id: string;
  name: string;
  tag: string;
  channel: string;
}

export async function campaignNames(db: Queryable, ids: string[]): Promise<CampaignName[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<CampaignName>("SELECT id, name, tag, channel FROM region_campaigns WHERE id = ANY($1::uuid[])", [ids]);
  return rows;
}
