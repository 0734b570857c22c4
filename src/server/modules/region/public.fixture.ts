// Items for the public pages' tests, written straight into the tables (the curation part writes them in the
// application): three 市町 and items in any state, with the search bigrams the curation part computes
// (common/region/item-projection.ts itemBigrams), so the tests need no other part's screens.
import type { DatasetKey } from "../../../common/region/datasets";
import { itemBigrams } from "../../../common/region/item-projection";
import type { Queryable } from "../../db/database";

export const KITAKYUSHU = "401005";
export const NOGATA = "402044";
export const YUKUHASHI = "402133";

/** 北九州市, 直方市 and 行橋市 (when the sample data has not put them there already). */
export async function seedMunicipalities(db: Queryable): Promise<void> {
  await db.query(
    `INSERT INTO region_municipalities (code, name, kana, name_en, kind, sort_order)
     VALUES ('401005', '北九州市', 'きたきゅうしゅうし', 'Kitakyushu City', 'designated_city', 1),
            ('402044', '直方市', 'のおがたし', 'Nogata City', 'city', 2),
            ('402133', '行橋市', 'ゆくはしし', 'Yukuhashi City', 'city', 3)
     ON CONFLICT (code) DO NOTHING`,
  );
}

export interface FixtureItem {
  municipality?: string;
  dataset?: DatasetKey;
  name: string;
  nameKana?: string;
  nameEn?: string;
  description?: string;
  descriptionEn?: string;
  category?: string;
  address?: string;
  lat?: number | null;
  lon?: number | null;
  startDate?: string | null;
  endDate?: string | null;
  startTime?: string | null;
  endTime?: string | null;
  url?: string;
  imageUrl?: string;
  status?: "draft" | "published" | "withdrawn";
  /** ISO timestamp; default now (published items) */
  publishedAt?: string | null;
  featured?: boolean;
  featuredAt?: string | null;
  fields?: Record<string, string>;
  original?: Record<string, unknown> | null;
  createdBy?: string | null;
  isSample?: boolean;
}

let sourceCounter = 0;

/** Inserts an item and returns its id. */
export async function insertItem(db: Queryable, item: FixtureItem): Promise<string> {
  const columns = {
    name: item.name,
    nameKana: item.nameKana ?? "",
    nameEn: item.nameEn ?? "",
    description: item.description ?? "",
    address: item.address ?? "",
    category: item.category ?? "",
  };
  const status = item.status ?? "published";
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO region_items (municipality_code, dataset, source_id, origin, fields, original, name, name_kana, name_en,
       description, description_en, category, address, lat, lon, start_date, end_date, start_time, end_time, url, image_url,
       status, published_at, featured, featured_at, bigrams, is_sample, created_by, updated_by)
     VALUES ($1, $2, $3, 'import', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
             $21, $22, $23, $24, $25, $26, $27, $27)
     RETURNING id`,
    [
      item.municipality ?? KITAKYUSHU,
      item.dataset ?? "tourism",
      `fixture-${++sourceCounter}`,
      JSON.stringify(item.fields ?? {}),
      item.original === undefined
        ? JSON.stringify({ fileName: "401005_tourism.csv", rowNumber: 2, header: [], values: [] })
        : JSON.stringify(item.original),
      columns.name,
      columns.nameKana,
      columns.nameEn,
      columns.description,
      item.descriptionEn ?? "",
      columns.category,
      columns.address,
      item.lat ?? null,
      item.lon ?? null,
      item.startDate ?? null,
      item.endDate ?? null,
      item.startTime ?? null,
      item.endTime ?? null,
      item.url ?? "",
      item.imageUrl ?? "",
      status,
      item.publishedAt !== undefined ? item.publishedAt : status === "published" ? new Date().toISOString() : null,
      item.featured ?? false,
      item.featuredAt ?? (item.featured ? new Date().toISOString() : null),
      itemBigrams(columns),
      item.isSample ?? false,
      item.createdBy ?? null,
    ],
  );
  return rows[0].id;
}
