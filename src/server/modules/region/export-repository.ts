// SQL of the open-data export: the items of a dataset (one 市町 or all, published only or every status) in a stable
// order, the item counts per dataset × 市町 × status, and the 市町 list.
import type { DatasetKey } from "../../../common/region/datasets";
import type { Queryable } from "../../db/database";
import type { ExportItem } from "./export-table";

export interface ExportMunicipality {
  code: string;
  name: string;
  nameEn: string;
}

export async function findExportMunicipalities(db: Queryable): Promise<ExportMunicipality[]> {
  const { rows } = await db.query<{ code: string; name: string; name_en: string }>(
    "SELECT code, name, name_en FROM region_municipalities ORDER BY sort_order, code",
  );
  return rows.map((r) => ({ code: r.code, name: r.name, nameEn: r.name_en }));
}

export async function findExportMunicipality(db: Queryable, code: string): Promise<ExportMunicipality | null> {
  const { rows } = await db.query<{ code: string; name: string; name_en: string }>(
    "SELECT code, name, name_en FROM region_municipalities WHERE code = $1",
    [code],
  );
  return rows[0] ? { code: rows[0].code, name: rows[0].name, nameEn: rows[0].name_en } : null;
}

/**
 * The rows of an export, 市町 in their list order, then by the publisher's ID (shorter first, so 2 comes before 10
 * in unpadded IDs), hand-made items last.
 */
export async function findExportItems(
  db: Queryable,
  filter: { dataset: DatasetKey; municipalityCode: string | null; publishedOnly: boolean },
): Promise<ExportItem[]> {
  const { rows } = await db.query<{
    id: string;
    municipality_code: string;
    municipality_name: string;
    source_id: string | null;
    fields: Record<string, unknown> | null;
    name: string;
    name_en: string;
    description_en: string;
  }>(
    `SELECT i.id, i.municipality_code, m.name AS municipality_name, i.source_id, i.fields, i.name, i.name_en, i.description_en
       FROM region_items i JOIN region_municipalities m ON m.code = i.municipality_code
      WHERE i.dataset = $1
        AND ($2::text IS NULL OR i.municipality_code = $2::text)
        AND (NOT $3::boolean OR i.status = 'published')
      ORDER BY m.sort_order, i.municipality_code, i.source_id IS NULL, length(i.source_id), i.source_id, i.created_at, i.id`,
    [filter.dataset, filter.municipalityCode, filter.publishedOnly],
  );
  return rows.map((r) => ({
    id: r.id,
    municipalityCode: r.municipality_code,
    municipalityName: r.municipality_name,
    sourceId: r.source_id,
    fields: r.fields ?? {},
    name: r.name,
    nameEn: r.name_en,
    descriptionEn: r.description_en,
  }));
}

export interface ItemCountRow {
  dataset: string;
  municipalityCode: string;
  published: number;
  total: number;
}

export async function countItemsByDatasetAndMunicipality(db: Queryable): Promise<ItemCountRow[]> {
  const { rows } = await db.query<{ dataset: string; municipality_code: string; published: number | string; total: number | string }>(
    `SELECT dataset, municipality_code, count(*) FILTER (WHERE status = 'published') AS published, count(*) AS total
       FROM region_items GROUP BY dataset, municipality_code`,
  );
  return rows.map((r) => ({
    dataset: r.dataset,
    municipalityCode: r.municipality_code,
    published: Number(r.published),
    total: Number(r.total),
  }));
}
