// SQL of the アクセス解析 sample data: the published items and 市町 the sample visits point at, and the visits
// themselves in bulk (is_sample: 0018_region_analytics.sql).
import type { Queryable } from "../../db/database";

export async function hasSampleCampaigns(db: Queryable): Promise<boolean> {
  const { rowCount } = await db.query("SELECT 1 FROM region_campaigns WHERE is_sample LIMIT 1");
  return rowCount > 0;
}

/** Published items in a stable order (the sample visits pick among them by index). */
export async function publishedItemsForSample(db: Queryable, limit: number): Promise<{ id: string; municipality_code: string }[]> {
  const { rows } = await db.query<{ id: string; municipality_code: string }>(
    `SELECT id, municipality_code::text AS municipality_code FROM region_items
      WHERE status = 'published'
      ORDER BY featured DESC, municipality_code, dataset, source_id NULLS LAST, name, id
      LIMIT $1`,
    [limit],
  );
  return rows;
}

export async function municipalityCodesForSample(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ code: string }>("SELECT code::text AS code FROM region_municipalities ORDER BY sort_order, code");
  return rows.map((r) => r.code);
}

export interface SampleVisit {
  day: string;
  visitorHash: string;
  path: string;
  pageKind: string;
  municipalityCode: string | null;
  itemId: string | null;
  lang: "ja" | "en";
  referrerHost: string;
  campaignId: string | null;
}

/** Inserts the visits in one statement (the caller slices a long list). */
export async function insertSampleVisits(db: Queryable, visits: readonly SampleVisit[]): Promise<void> {
  if (visits.length === 0) return;
  const col = <K extends keyof SampleVisit>(key: K) => visits.map((v) => v[key]);
  await db.query(
    `INSERT INTO region_visits (day, visitor_hash, path, page_kind, municipality_code, item_id, lang, referrer_host, campaign_id, is_sample)
     SELECT r.day, r.visitor_hash, r.path, r.page_kind, r.municipality_code, r.item_id, r.lang, r.referrer_host, r.campaign_id, true
       FROM unnest($1::date[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[], $9::uuid[])
            AS r(day, visitor_hash, path, page_kind, municipality_code, item_id, lang, referrer_host, campaign_id)`,
    [
      col("day"),
      col("visitorHash"),
      col("path"),
      col("pageKind"),
      col("municipalityCode"),
      col("itemId"),
      col("lang"),
      col("referrerHost"),
      col("campaignId"),
    ],
  );
}
