// SQL of the promotion campaigns (region_campaigns) and their reach figures (region_campaign_metrics), with what the
// hub counted for each (the visits that came by its tagged link), in one statement per list: the latest measurement
// of each figure and the visit counts are joined per campaign (LATERAL over the (campaign_id, day) index), never
// fetched campaign by campaign.
import type { CampaignChannel, CampaignKind } from "../../../common/region/campaign-effect";
import { LASTING_AFTER_DAYS } from "../../../common/region/campaign-effect";
import type { Queryable } from "../../db/database";

export interface CampaignRow {
  id: string;
  name: string;
  channel: CampaignChannel;
  kind: CampaignKind;
  tag: string;
  target_path: string;
  published_on: string;
  ends_on: string | null;
  cost_yen: number;
  notes: string;
  is_sample: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
  /** the latest measuring day and, per figure, its latest measured value */
  measured_on: string | null;
  impressions: number | null;
  reach: number | null;
  views: number | null;
  engagements: number | null;
  link_clicks: number | null;
  visits: number;
  visitors: number;
  lasting_visits: number;
}

const LATEST = (column: string) =>
  `(array_agg(m.${column} ORDER BY m.measured_on DESC) FILTER (WHERE m.${column} IS NOT NULL))[1] AS ${column}`;

const SELECT_CAMPAIGNS = `
  SELECT c.id, c.name, c.channel, c.kind, c.tag, c.target_path, c.published_on, c.ends_on, c.cost_yen, c.notes,
         c.is_sample, c.version, c.created_at, c.updated_at,
         lm.measured_on, lm.impressions, lm.reach, lm.views, lm.engagements, lm.link_clicks,
         coalesce(vs.visits, 0) AS visits, coalesce(vs.visitors, 0) AS visitors, coalesce(vs.lasting_visits, 0) AS lasting_visits
    FROM region_campaigns c
    LEFT JOIN LATERAL (
      SELECT max(m.measured_on) AS measured_on, ${LATEST("impressions")}, ${LATEST("reach")}, ${LATEST("views")},
             ${LATEST("engagements")}, ${LATEST("link_clicks")}
        FROM region_campaign_metrics m WHERE m.campaign_id = c.id
    ) lm ON true
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS visits, count(DISTINCT v.visitor_hash || v.day::text)::int AS visitors,
             count(*) FILTER (WHERE v.day > c.published_on + ${LASTING_AFTER_DAYS})::int AS lasting_visits
        FROM region_visits v WHERE v.campaign_id = c.id
    ) vs ON true`;

export interface CampaignFilter {
  /** 公開日 from … to (a fiscal year) */
  from?: string;
  to?: string;
  channel?: CampaignChannel;
}

export async function findCampaigns(db: Queryable, f: CampaignFilter = {}): Promise<CampaignRow[]> {
  const { rows } = await db.query<CampaignRow>(
    `${SELECT_CAMPAIGNS}
      WHERE ($1::date IS NULL OR c.published_on >= $1::date) AND ($2::date IS NULL OR c.published_on <= $2::date)
        AND ($3::text IS NULL OR c.channel = $3::text)
      ORDER BY c.published_on DESC, c.name, c.id`,
    [f.from ?? null, f.to ?? null, f.channel ?? null],
  );
  return rows;
}

export async function findCampaign(db: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<CampaignRow | null> {
  if (opts.lock) await db.query("SELECT id FROM region_campaigns WHERE id = $1 FOR UPDATE", [id]);
  const { rows } = await db.query<CampaignRow>(`${SELECT_CAMPAIGNS} WHERE c.id = $1`, [id]);
  return rows[0] ?? null;
}

export interface CampaignValues {
  name: string;
  channel: CampaignChannel;
  kind: CampaignKind;
  tag: string;
  targetPath: string;
  publishedOn: string;
  endsOn: string | null;
  costYen: number;
  notes: string;
}

const valueParams = (v: CampaignValues) => [v.name, v.channel, v.kind, v.tag, v.targetPath, v.publishedOn, v.endsOn, v.costYen, v.notes];

export async function insertCampaign(
  db: Queryable,
  v: CampaignValues,
  opts: { createdBy: string | null; isSample?: boolean },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO region_campaigns (name, channel, kind, tag, target_path, published_on, ends_on, cost_yen, notes, created_by, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [...valueParams(v), opts.createdBy, opts.isSample ?? false],
  );
  return rows[0].id;
}

/** False when the version is not the stored one (someone saved first). */
export async function updateCampaign(db: Queryable, id: string, version: number, v: CampaignValues): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE region_campaigns
        SET name = $1, channel = $2, kind = $3, tag = $4, target_path = $5, published_on = $6, ends_on = $7, cost_yen = $8, notes = $9,
            version = version + 1, updated_at = now()
      WHERE id = $10 AND version = $11`,
    [...valueParams(v), id, version],
  );
  return rowCount > 0;
}

export async function deleteCampaign(db: Queryable, id: string, version: number): Promise<boolean> {
  const { rowCount } = await db.query("DELETE FROM region_campaigns WHERE id = $1 AND version = $2", [id, version]);
  return rowCount > 0;
}

// ------------------------------------------------------------------ 実績値

export interface MetricRow {
  id: string;
  campaign_id: string;
  measured_on: string;
  impressions: number | null;
  reach: number | null;
  views: number | null;
  engagements: number | null;
  link_clicks: number | null;
  source: "entered" | "import";
}

export interface MetricValues {
  measuredOn: string;
  impressions: number | null;
  reach: number | null;
  views: number | null;
  engagements: number | null;
  linkClicks: number | null;
}

const METRIC_COLUMNS = "id, campaign_id, measured_on, impressions, reach, views, engagements, link_clicks, source";

export async function findMetrics(db: Queryable, campaignId: string): Promise<MetricRow[]> {
  const { rows } = await db.query<MetricRow>(
    `SELECT ${METRIC_COLUMNS} FROM region_campaign_metrics WHERE campaign_id = $1 ORDER BY measured_on DESC`,
    [campaignId],
  );
  return rows;
}

export async function findMetricOn(db: Queryable, campaignId: string, measuredOn: string): Promise<MetricRow | null> {
  const { rows } = await db.query<MetricRow>(
    `SELECT ${METRIC_COLUMNS} FROM region_campaign_metrics WHERE campaign_id = $1 AND measured_on = $2`,
    [campaignId, measuredOn],
  );
  return rows[0] ?? null;
}

export async function findMetric(db: Queryable, campaignId: string, id: string): Promise<MetricRow | null> {
  const { rows } = await db.query<MetricRow>(`SELECT ${METRIC_COLUMNS} FROM region_campaign_metrics WHERE campaign_id = $1 AND id = $2`, [
    campaignId,
    id,
  ]);
  return rows[0] ?? null;
}

/** Many measurements in one statement; a day already measured is overwritten (the platform's figure is newer). */
export async function upsertMetrics(
  db: Queryable,
  rows: readonly (MetricValues & { campaignId: string })[],
  source: "entered" | "import",
): Promise<MetricRow[]> {
  if (rows.length === 0) return [];
  const col = <K extends keyof (MetricValues & { campaignId: string })>(key: K) => rows.map((r) => r[key]);
  const { rows: stored } = await db.query<MetricRow>(
    `INSERT INTO region_campaign_metrics (campaign_id, measured_on, impressions, reach, views, engagements, link_clicks, source)
     SELECT r.campaign_id, r.measured_on, r.impressions, r.reach, r.views, r.engagements, r.link_clicks, $8
       FROM unnest($1::uuid[], $2::date[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[])
            AS r(campaign_id, measured_on, impressions, reach, views, engagements, link_clicks)
     ON CONFLICT (campaign_id, measured_on) DO UPDATE
        SET impressions = EXCLUDED.impressions, reach = EXCLUDED.reach, views = EXCLUDED.views,
            engagements = EXCLUDED.engagements, link_clicks = EXCLUDED.link_clicks, source = EXCLUDED.source
     RETURNING ${METRIC_COLUMNS}`,
    [col("campaignId"), col("measuredOn"), col("impressions"), col("reach"), col("views"), col("engagements"), col("linkClicks"), source],
  );
  return stored;
}

export async function deleteMetric(db: Queryable, campaignId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query("DELETE FROM region_campaign_metrics WHERE campaign_id = $1 AND id = $2", [campaignId, id]);
  return rowCount > 0;
}

// ------------------------------------------------------------------ the import's look-ups

export async function findCampaignIdsByTag(db: Queryable, tags: string[]): Promise<Map<string, { id: string; name: string }>> {
  if (tags.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; tag: string; name: string }>(
    "SELECT id, tag, name FROM region_campaigns WHERE tag = ANY($1::text[])",
    [tags],
  );
  return new Map(rows.map((r) => [r.tag, { id: r.id, name: r.name }]));
}

/** Campaigns by name: a name may be shared, so each name maps to every campaign that bears it. */
export async function findCampaignIdsByName(db: Queryable, names: string[]): Promise<Map<string, string[]>> {
  if (names.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; name: string }>(
    "SELECT id, name FROM region_campaigns WHERE name = ANY($1::text[]) ORDER BY id",
    [names],
  );
  const byName = new Map<string, string[]>();
  for (const r of rows) byName.set(r.name, [...(byName.get(r.name) ?? []), r.id]);
  return byName;
}
