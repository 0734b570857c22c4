// SQL of the curation's sample data: which sample items the first start publishes, features and translates.
import type { DatasetKey } from "../../../common/region/datasets";
import type { Queryable } from "../../db/database";

export interface SampleItemRow {
  id: string;
  municipality_code: string;
  dataset: DatasetKey;
  source_id: string | null;
  fields: Record<string, string>;
  name_en: string;
}

export async function findSampleItems(db: Queryable): Promise<SampleItemRow[]> {
  const { rows } = await db.query<SampleItemRow>(
    "SELECT id, municipality_code, dataset, source_id, fields, name_en FROM region_items WHERE is_sample ORDER BY municipality_code, dataset, source_id",
  );
  return rows;
}

export async function hasSampleImports(db: Queryable): Promise<boolean> {
  const { rowCount } = await db.query("SELECT 1 FROM region_imports WHERE is_sample LIMIT 1");
  return (rowCount ?? 0) > 0;
}
