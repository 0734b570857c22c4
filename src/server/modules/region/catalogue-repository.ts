// SQL of the public catalogue: one row per 市町 × dataset that has published items — the count, when the first was
// published (metadata_created) and the latest change a harvester must notice (metadata_modified): the latest update
// of a published item, or of a withdrawn one (its withdrawal changed the file too).
import type { Queryable } from "../../db/database";

export interface CatalogueRow {
  municipalityCode: string;
  municipalityName: string;
  municipalityNameEn: string;
  municipalityCreated: string;
  dataset: string;
  count: number;
  created: string;
  modified: string;
}

const iso = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString();

export async function findCatalogueRows(db: Queryable): Promise<CatalogueRow[]> {
  const { rows } = await db.query<{
    municipality_code: string;
    municipality_name: string;
    municipality_name_en: string;
    municipality_created: Date | string;
    dataset: string;
    count: number | string;
    created: Date | string;
    modified: Date | string;
  }>(
    `SELECT i.municipality_code, m.name AS municipality_name, m.name_en AS municipality_name_en,
            m.created_at AS municipality_created, i.dataset,
            count(*) FILTER (WHERE i.status = 'published') AS count,
            min(coalesce(i.published_at, i.created_at)) FILTER (WHERE i.status = 'published') AS created,
            max(i.updated_at) AS modified
       FROM region_items i JOIN region_municipalities m ON m.code = i.municipality_code
      WHERE i.status IN ('published', 'withdrawn')
      GROUP BY i.municipality_code, m.name, m.name_en, m.created_at, m.sort_order, i.dataset
     HAVING count(*) FILTER (WHERE i.status = 'published') > 0
      ORDER BY m.sort_order, i.municipality_code, i.dataset`,
  );
  return rows.map((r) => ({
    municipalityCode: r.municipality_code,
    municipalityName: r.municipality_name,
    municipalityNameEn: r.municipality_name_en,
    municipalityCreated: iso(r.municipality_created),
    dataset: r.dataset,
    count: Number(r.count),
    created: iso(r.created),
    modified: iso(r.modified),
  }));
}
