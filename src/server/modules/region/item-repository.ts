// SQL of the hub's items (region_items) for the curation screens: lists scoped to the 市町 a caller edits, one item
// with its import and people, and the writes (each version-checked: a stale version changes nothing).
import type { ItemSort, ItemStatus } from "../../../common/api/region-curation";
import type { DatasetKey } from "../../../common/region/datasets";
import type { ItemColumns } from "../../../common/region/item-projection";
import type { Queryable } from "../../db/database";

export interface ItemRow {
  id: string;
  municipality_code: string;
  municipality_name: string;
  dataset: DatasetKey;
  source_id: string | null;
  origin: "import" | "editor";
  fields: Record<string, string>;
  original: { fileName: string; rowNumber: number; header: string[]; values: string[] } | null;
  import_id: string | null;
  import_file_name: string | null;
  import_created_at: Date | null;
  name: string;
  name_kana: string;
  name_en: string;
  description: string;
  description_en: string;
  category: string;
  address: string;
  lat: number | null;
  lon: number | null;
  start_date: string | null;
  end_date: string | null;
  start_time: string | null;
  end_time: string | null;
  url: string;
  image_url: string;
  status: ItemStatus;
  published_at: Date | null;
  featured: boolean;
  featured_at: Date | null;
  is_sample: boolean;
  version: number;
  created_by_name: string | null;
  updated_by_name: string | null;
  created_at: Date;
  updated_at: Date;
}

export type ItemListRow = Pick<
  ItemRow,
  | "id"
  | "municipality_code"
  | "municipality_name"
  | "dataset"
  | "source_id"
  | "origin"
  | "name"
  | "name_en"
  | "category"
  | "address"
  | "start_date"
  | "end_date"
  | "lat"
  | "lon"
  | "status"
  | "featured"
  | "published_at"
  | "updated_at"
  | "version"
  | "is_sample"
>;

/** Which 市町 a list may show: every one, or the caller's own. */
export type MunicipalityScope = { all: true } | { all: false; code: string };

export interface ItemFilter {
  municipalityCode?: string;
  dataset?: DatasetKey;
  status?: ItemStatus;
  featured?: boolean;
  q?: string;
}

const LIST_COLUMNS = `i.id, i.municipality_code, m.name AS municipality_name, i.dataset, i.source_id, i.origin, i.name, i.name_en,
  i.category, i.address, i.start_date::text AS start_date, i.end_date::text AS end_date, i.lat, i.lon, i.status, i.featured,
  i.published_at, i.updated_at, i.version, i.is_sample`;

const ORDER: Record<ItemSort, string> = {
  "-updatedAt": "i.updated_at DESC, i.id",
  updatedAt: "i.updated_at ASC, i.id",
  name: "i.name ASC, i.id",
  "-name": "i.name DESC, i.id",
  municipality: "m.sort_order ASC, i.dataset, i.name, i.id",
  "-municipality": "m.sort_order DESC, i.dataset, i.name, i.id",
  startDate: "i.start_date ASC NULLS LAST, i.name, i.id",
  "-startDate": "i.start_date DESC NULLS LAST, i.name, i.id",
};

function whereOf(scope: MunicipalityScope, filter: ItemFilter): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replaceAll("?", `$${params.length}`));
  };
  if (!scope.all) add("i.municipality_code = ?", scope.code);
  if (filter.municipalityCode) add("i.municipality_code = ?", filter.municipalityCode);
  if (filter.dataset) add("i.dataset = ?", filter.dataset);
  if (filter.status) add("i.status = ?", filter.status);
  if (filter.featured !== undefined) add("i.featured = ?", filter.featured);
  if (filter.q) {
    // 名称・カナ・英語名・所在地: a substring match on NFKC text (the editors' lists are one 市町's or one dataset's)
    const like = `%${filter.q.normalize("NFKC").replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    add(
      "(normalize(i.name, NFKC) ILIKE ? OR normalize(i.name_kana, NFKC) ILIKE ? OR i.name_en ILIKE ? OR normalize(i.address, NFKC) ILIKE ?)",
      like,
    );
  }
  return { sql: where.length ? `WHERE ${where.join(" AND ")}` : "", params };
}

export async function findItems(
  db: Queryable,
  scope: MunicipalityScope,
  filter: ItemFilter,
  sort: ItemSort,
  page: { limit: number; offset: number },
): Promise<{ rows: ItemListRow[]; total: number }> {
  const { sql, params } = whereOf(scope, filter);
  const count = await db.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM region_items i JOIN region_municipalities m ON m.code = i.municipality_code ${sql}`,
    params,
  );
  const { rows } = await db.query<ItemListRow>(
    `SELECT ${LIST_COLUMNS} FROM region_items i JOIN region_municipalities m ON m.code = i.municipality_code ${sql}
      ORDER BY ${ORDER[sort]} LIMIT ${Math.trunc(page.limit)} OFFSET ${Math.trunc(page.offset)}`,
    params,
  );
  return { rows, total: count.rows[0]?.total ?? 0 };
}

export const EXPORT_LIMIT = 100_000;

export async function findItemsForExport(
  db: Queryable,
  scope: MunicipalityScope,
  filter: ItemFilter,
  sort: ItemSort,
): Promise<ItemListRow[]> {
  const { sql, params } = whereOf(scope, filter);
  const { rows } = await db.query<ItemListRow>(
    `SELECT ${LIST_COLUMNS} FROM region_items i JOIN region_municipalities m ON m.code = i.municipality_code ${sql}
      ORDER BY ${ORDER[sort]} LIMIT ${EXPORT_LIMIT}`,
    params,
  );
  return rows;
}

const DETAIL = `SELECT i.id, i.municipality_code, m.name AS municipality_name, i.dataset, i.source_id, i.origin, i.fields, i.original,
    i.import_id, r.file_name AS import_file_name, r.created_at AS import_created_at, i.name, i.name_kana, i.name_en, i.description,
    i.description_en, i.category, i.address, i.lat, i.lon, i.start_date::text AS start_date, i.end_date::text AS end_date,
    i.start_time, i.end_time, i.url, i.image_url, i.status, i.published_at, i.featured, i.featured_at, i.is_sample, i.version,
    cu.display_name AS created_by_name, uu.display_name AS updated_by_name, i.created_at, i.updated_at
  FROM region_items i
  JOIN region_municipalities m ON m.code = i.municipality_code
  LEFT JOIN region_imports r ON r.id = i.import_id
  LEFT JOIN users cu ON cu.id = i.created_by
  LEFT JOIN users uu ON uu.id = i.updated_by`;

export async function findItem(db: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<ItemRow | null> {
  if (opts.lock) await db.query("SELECT id FROM region_items WHERE id = $1 FOR UPDATE", [id]);
  const { rows } = await db.query<ItemRow>(`${DETAIL} WHERE i.id = $1`, [id]);
  return rows[0] ?? null;
}

/** The item a publisher's ID names in a 市町's dataset (the key an import and a held row's fix upsert by). */
export async function findItemIdBySource(db: Queryable, code: string, dataset: DatasetKey, sourceId: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    "SELECT id FROM region_items WHERE municipality_code = $1 AND dataset = $2 AND source_id = $3 FOR UPDATE",
    [code, dataset, sourceId],
  );
  return rows[0]?.id ?? null;
}

/** An item's content: its fields and their projection (with the translations) and its search bigrams. */
export interface ItemContent {
  fields: Record<string, string>;
  columns: ItemColumns;
  bigrams: string[];
}

const contentParams = (c: ItemContent) => [
  JSON.stringify(c.fields),
  c.columns.name,
  c.columns.nameKana,
  c.columns.nameEn,
  c.columns.description,
  c.columns.descriptionEn,
  c.columns.category,
  c.columns.address,
  c.columns.lat,
  c.columns.lon,
  c.columns.startDate,
  c.columns.endDate,
  c.columns.startTime,
  c.columns.endTime,
  c.columns.url,
  c.columns.imageUrl,
  c.bigrams,
];

export async function insertItem(
  db: Queryable,
  item: {
    municipalityCode: string;
    dataset: DatasetKey;
    sourceId: string | null;
    origin: "import" | "editor";
    original: unknown;
    importId: string | null;
    content: ItemContent;
    userId: string | null;
    isSample: boolean;
  },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO region_items (fields, name, name_kana, name_en, description, description_en, category, address, lat, lon,
       start_date, end_date, start_time, end_time, url, image_url, bigrams,
       municipality_code, dataset, source_id, origin, original, import_id, created_by, updated_by, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::date, $12::date, $13, $14, $15, $16, $17,
       $18, $19, $20, $21, $22, $23, $24, $24, $25)
     RETURNING id`,
    [
      ...contentParams(item.content),
      item.municipalityCode,
      item.dataset,
      item.sourceId,
      item.origin,
      item.original === null ? null : JSON.stringify(item.original),
      item.importId,
      item.userId,
      item.isSample,
    ],
  );
  return rows[0].id;
}

/** A new content (an editor's edit, or a fixed held row's values with its original row and import). */
export async function updateItemContent(
  db: Queryable,
  id: string,
  version: number | null,
  content: ItemContent,
  opts: { userId: string | null; source?: { original: unknown; importId: string | null } },
): Promise<boolean> {
  const source = opts.source;
  const { rows } = await db.query<{ id: string }>(
    `UPDATE region_items SET fields = $1, name = $2, name_kana = $3, name_en = $4, description = $5, description_en = $6,
       category = $7, address = $8, lat = $9, lon = $10, start_date = $11::date, end_date = $12::date, start_time = $13,
       end_time = $14, url = $15, image_url = $16, bigrams = $17, updated_by = $18,
       ${source ? "original = $21, import_id = $22," : ""}
       version = version + 1, updated_at = now()
     WHERE id = $19 AND ($20::int IS NULL OR version = $20::int) RETURNING id`,
    [...contentParams(content), opts.userId, id, version, ...(source ? [JSON.stringify(source.original), source.importId] : [])],
  );
  return rows.length === 1;
}

export async function setItemStatus(db: Queryable, id: string, version: number, status: "published" | "withdrawn", userId: string | null) {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE region_items SET status = $3,
       published_at = CASE WHEN $3 = 'published' THEN now() ELSE published_at END,
       featured = CASE WHEN $3 = 'published' THEN featured ELSE false END,
       featured_at = CASE WHEN $3 = 'published' THEN featured_at ELSE NULL END,
       updated_by = $4, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, status, userId],
  );
  return rows.length === 1;
}

export async function setItemFeatured(db: Queryable, id: string, version: number, featured: boolean, userId: string | null) {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE region_items SET featured = $3, featured_at = CASE WHEN $3 THEN now() ELSE NULL END, updated_by = $4,
       version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, featured, userId],
  );
  return rows.length === 1;
}

export async function deleteItem(db: Queryable, id: string, version: number): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>("DELETE FROM region_items WHERE id = $1 AND version = $2 RETURNING id", [id, version]);
  return rows.length === 1;
}

/** Publishes many items at once (the sample data's first start): drafts only; the ids that changed. */
export async function publishDrafts(db: Queryable, ids: readonly string[], userId: string | null): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE region_items SET status = 'published', published_at = now(), updated_by = $2, version = version + 1, updated_at = now()
      WHERE id = ANY($1::uuid[]) AND status = 'draft' RETURNING id`,
    [ids, userId],
  );
  return rows.map((r) => r.id);
}

export async function featureMany(db: Queryable, ids: readonly string[], userId: string | null): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE region_items SET featured = true, featured_at = now(), updated_by = $2, version = version + 1, updated_at = now()
      WHERE id = ANY($1::uuid[]) AND status = 'published' AND NOT featured RETURNING id`,
    [ids, userId],
  );
  return rows.map((r) => r.id);
}

// ------------------------------------------------------------------ 市町

export async function findMunicipalities(db: Queryable): Promise<{ code: string; name: string }[]> {
  const { rows } = await db.query<{ code: string; name: string }>("SELECT code, name FROM region_municipalities ORDER BY sort_order, code");
  return rows;
}

export async function findMunicipalityName(db: Queryable, code: string): Promise<string | null> {
  const { rows } = await db.query<{ name: string }>("SELECT name FROM region_municipalities WHERE code = $1", [code]);
  return rows[0]?.name ?? null;
}
