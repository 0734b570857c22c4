// SQL of the visit counter: what a visit refers to (a published item, a member 市町, a campaign by its tag), and the
// visit row itself — no address, no user agent, only the day's visitor hash.
import type { Queryable } from "../../db/database";

export interface VisitReferences {
  /** the item's 市町 when the item is published (else the item is not recorded) */
  itemMunicipality: string | null;
  /** the 市町 code when it is a member 市町 */
  municipality: string | null;
  campaignId: string | null;
}

/** One round trip for the three look-ups a visit needs. */
export async function findVisitReferences(
  db: Queryable,
  ref: { itemId: string | null; municipalityCode: string | null; tag: string | null },
): Promise<VisitReferences> {
  const { rows } = await db.query<{ item_municipality: string | null; municipality: string | null; campaign_id: string | null }>(
    `SELECT (SELECT municipality_code FROM region_items WHERE id = $1::uuid AND status = 'published') AS item_municipality,
            (SELECT code FROM region_municipalities WHERE code = $2) AS municipality,
            (SELECT id FROM region_campaigns WHERE tag = $3) AS campaign_id`,
    [ref.itemId, ref.municipalityCode, ref.tag],
  );
  const row = rows[0];
  return { itemMunicipality: row.item_municipality, municipality: row.municipality, campaignId: row.campaign_id };
}

export interface VisitRow {
  day: string;
  visitorHash: string;
  path: string;
  pageKind: string;
  municipalityCode: string | null;
  itemId: string | null;
  lang: string;
  referrerHost: string;
  campaignId: string | null;
}

export async function insertVisit(db: Queryable, v: VisitRow): Promise<void> {
  await db.query(
    `INSERT INTO region_visits (day, visitor_hash, path, page_kind, municipality_code, item_id, lang, referrer_host, campaign_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [v.day, v.visitorHash, v.path, v.pageKind, v.municipalityCode, v.itemId, v.lang, v.referrerHost, v.campaignId],
  );
}
