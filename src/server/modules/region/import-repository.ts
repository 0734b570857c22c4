// SQL of the open-data imports (region_imports) and of what one writes: items created and updated in batches (one
// statement per few hundred rows, their values as one JSON array) and the rows held for an editor to fix
// (region_import_problems). Everything here runs inside the import's one transaction.
import type { DatasetKey } from "../../../common/region/datasets";
import type { Queryable } from "../../db/database";
import type { ItemContent, MunicipalityScope } from "./item-repository";

export interface ImportRow {
  id: string;
  municipality_code: string;
  municipality_name: string;
  dataset: DatasetKey;
  file_name: string;
  encoding: string;
  header_generation: string;
  rows_read: number;
  created_count: number;
  updated_count: number;
  unchanged_count: number;
  problem_count: number;
  skipped: { line: number; reason: string }[];
  created_by_name: string | null;
  created_at: Date;
  is_sample: boolean;
}

export async function insertImport(
  db: Queryable,
  values: {
    municipalityCode: string;
    dataset: DatasetKey;
    fileId: string | null;
    fileName: string;
    encoding: string;
    headerGeneration: string;
    skipped: readonly { line: number; reason: string }[];
    userId: string | null;
    isSample: boolean;
  },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO region_imports (municipality_code, dataset, file_id, file_name, encoding, header_generation, skipped, created_by, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      values.municipalityCode,
      values.dataset,
      values.fileId,
      values.fileName,
      values.encoding,
      values.headerGeneration,
      JSON.stringify(values.skipped),
      values.userId,
      values.isSample,
    ],
  );
  return rows[0].id;
}

export async function finishImport(
  db: Queryable,
  id: string,
  counts: { rowsRead: number; created: number; updated: number; unchanged: number; problems: number },
): Promise<void> {
  await db.query(
    `UPDATE region_imports SET rows_read = $2, created_count = $3, updated_count = $4, unchanged_count = $5, problem_count = $6
      WHERE id = $1`,
    [id, counts.rowsRead, counts.created, counts.updated, counts.unchanged, counts.problems],
  );
}

export interface ExistingItem {
  id: string;
  source_id: string;
  fields: Record<string, string>;
  name_en: string;
  description_en: string;
}

/** The 市町's items of the dataset that carry a publisher's ID: what a new file's rows are matched against. */
export async function findExistingItems(db: Queryable, code: string, dataset: DatasetKey): Promise<ExistingItem[]> {
  const { rows } = await db.query<ExistingItem>(
    `SELECT id, source_id, fields, name_en, description_en FROM region_items
      WHERE municipality_code = $1 AND dataset = $2 AND source_id IS NOT NULL FOR UPDATE`,
    [code, dataset],
  );
  return rows;
}

export interface ImportedItem {
  sourceId: string;
  original: unknown;
  content: ItemContent;
}

function itemJson(item: ImportedItem, id?: string) {
  const c = item.content.columns;
  return {
    id,
    source_id: item.sourceId,
    fields: item.content.fields,
    original: item.original,
    name: c.name,
    name_kana: c.nameKana,
    name_en: c.nameEn,
    description: c.description,
    description_en: c.descriptionEn,
    category: c.category,
    address: c.address,
    lat: c.lat,
    lon: c.lon,
    start_date: c.startDate,
    end_date: c.endDate,
    start_time: c.startTime,
    end_time: c.endTime,
    url: c.url,
    image_url: c.imageUrl,
    bigrams: item.content.bigrams,
  };
}

const RECORD = `r(id uuid, source_id text, fields jsonb, original jsonb, name text, name_kana text, name_en text, description text,
  description_en text, category text, address text, lat double precision, lon double precision, start_date date, end_date date,
  start_time text, end_time text, url text, image_url text, bigrams text[])`;

/** New items (drafts) of one import, in one statement. */
export async function insertItems(
  db: Queryable,
  context: { municipalityCode: string; dataset: DatasetKey; importId: string; userId: string | null; isSample: boolean },
  items: readonly ImportedItem[],
): Promise<void> {
  if (items.length === 0) return;
  await db.query(
    `INSERT INTO region_items (municipality_code, dataset, source_id, origin, fields, original, import_id, name, name_kana, name_en,
       description, description_en, category, address, lat, lon, start_date, end_date, start_time, end_time, url, image_url, bigrams,
       created_by, updated_by, is_sample)
     SELECT $1, $2, r.source_id, 'import', r.fields, r.original, $3, r.name, r.name_kana, r.name_en, r.description, r.description_en,
       r.category, r.address, r.lat, r.lon, r.start_date, r.end_date, r.start_time, r.end_time, r.url, r.image_url, r.bigrams,
       $4, $4, $5
     FROM jsonb_to_recordset($6::jsonb) AS ${RECORD}`,
    [
      context.municipalityCode,
      context.dataset,
      context.importId,
      context.userId,
      context.isSample,
      JSON.stringify(items.map((i) => itemJson(i))),
    ],
  );
}

/** Changed items of one import: new fields and their projection, the new original row and import; status kept. */
export async function updateItems(
  db: Queryable,
  context: { importId: string; userId: string | null },
  items: readonly (ImportedItem & { id: string })[],
): Promise<void> {
  if (items.length === 0) return;
  await db.query(
    `UPDATE region_items i SET fields = r.fields, original = r.original, import_id = $1, name = r.name, name_kana = r.name_kana,
       name_en = r.name_en, description = r.description, description_en = r.description_en, category = r.category,
       address = r.address, lat = r.lat, lon = r.lon, start_date = r.start_date, end_date = r.end_date, start_time = r.start_time,
       end_time = r.end_time, url = r.url, image_url = r.image_url, bigrams = r.bigrams, updated_by = $2,
       version = i.version + 1, updated_at = now()
     FROM jsonb_to_recordset($3::jsonb) AS ${RECORD}
     WHERE i.id = r.id`,
    [context.importId, context.userId, JSON.stringify(items.map((i) => itemJson(i, i.id)))],
  );
}

export interface HeldRow {
  rowNumber: number;
  sourceId: string | null;
  original: unknown;
  fields: Record<string, string>;
  problems: { column: string; code: string; message: string }[];
}

export async function insertProblems(
  db: Queryable,
  context: { importId: string; municipalityCode: string; dataset: DatasetKey; isSample: boolean },
  rows: readonly HeldRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO region_import_problems (import_id, municipality_code, dataset, row_number, source_id, original, fields, problems, is_sample)
     SELECT $1, $2, $3, r.row_number, r.source_id, r.original, r.fields, r.problems, $4
     FROM jsonb_to_recordset($5::jsonb) AS r(row_number int, source_id text, original jsonb, fields jsonb, problems jsonb)`,
    [
      context.importId,
      context.municipalityCode,
      context.dataset,
      context.isSample,
      JSON.stringify(
        rows.map((r) => ({ row_number: r.rowNumber, source_id: r.sourceId, original: r.original, fields: r.fields, problems: r.problems })),
      ),
    ],
  );
}

// ------------------------------------------------------------------ history

const SELECT = `SELECT r.id, r.municipality_code, m.name AS municipality_name, r.dataset, r.file_name, r.encoding, r.header_generation,
    r.rows_read, r.created_count, r.updated_count, r.unchanged_count, r.problem_count, r.skipped, u.display_name AS created_by_name,
    r.created_at, r.is_sample
  FROM region_imports r
  JOIN region_municipalities m ON m.code = r.municipality_code
  LEFT JOIN users u ON u.id = r.created_by`;

export async function findImports(
  db: Queryable,
  scope: MunicipalityScope,
  filter: { municipalityCode?: string; dataset?: DatasetKey; limit: number; offset: number },
): Promise<{ rows: ImportRow[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replace("?", `$${params.length}`));
  };
  if (!scope.all) add("r.municipality_code = ?", scope.code);
  if (filter.municipalityCode) add("r.municipality_code = ?", filter.municipalityCode);
  if (filter.dataset) add("r.dataset = ?", filter.dataset);
  const sql = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const count = await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM region_imports r ${sql}`, params);
  const { rows } = await db.query<ImportRow>(
    `${SELECT} ${sql} ORDER BY r.created_at DESC, r.id LIMIT ${Math.trunc(filter.limit)} OFFSET ${Math.trunc(filter.offset)}`,
    params,
  );
  return { rows, total: count.rows[0]?.total ?? 0 };
}

export async function findImport(db: Queryable, id: string): Promise<ImportRow | null> {
  const { rows } = await db.query<ImportRow>(`${SELECT} WHERE r.id = $1`, [id]);
  return rows[0] ?? null;
}

export interface ImportProblemRow {
  id: string;
  row_number: number;
  source_id: string | null;
  fields: Record<string, string>;
  status: "open" | "fixed" | "dismissed";
  problems: { column: string; code: string; message: string }[];
}

/** The held rows of one import, in file order (at most `limit`). */
export async function findImportProblems(db: Queryable, importId: string, limit: number): Promise<ImportProblemRow[]> {
  const { rows } = await db.query<ImportProblemRow>(
    `SELECT id, row_number, source_id, fields, status, problems FROM region_import_problems
      WHERE import_id = $1 ORDER BY row_number, id LIMIT ${Math.trunc(limit)}`,
    [importId],
  );
  return rows;
}
