// SQL of 経営分析's yearly figures (analysis_figures) and activity measures' values (analysis_measure_values) of a
// subject or peer. A missing row is a missing figure; a year's rows are replaced together (entry and import).
import type { Queryable } from "../../db/database";

export type StoredSource = "entered" | "imported";

export interface FigureRow {
  subject_id: string;
  fiscal_year: number;
  item: string;
  value: number;
  source: StoredSource;
}

export interface MeasureValueRow {
  subject_id: string;
  measure_id: string;
  fiscal_year: number;
  value: number;
  source: StoredSource;
}

export async function findFigures(db: Queryable, subjectIds: readonly string[]): Promise<FigureRow[]> {
  if (subjectIds.length === 0) return [];
  const { rows } = await db.query<FigureRow>(
    `SELECT subject_id, fiscal_year, item, value::float8 AS value, source FROM analysis_figures
      WHERE subject_id = ANY($1::uuid[]) ORDER BY fiscal_year, item`,
    [subjectIds],
  );
  return rows;
}

export async function findMeasureValues(db: Queryable, subjectIds: readonly string[]): Promise<MeasureValueRow[]> {
  if (subjectIds.length === 0) return [];
  const { rows } = await db.query<MeasureValueRow>(
    `SELECT m.subject_id, v.measure_id, v.fiscal_year, v.value::float8 AS value, v.source
       FROM analysis_measure_values v JOIN analysis_measures m ON m.id = v.measure_id
      WHERE m.subject_id = ANY($1::uuid[]) ORDER BY v.fiscal_year`,
    [subjectIds],
  );
  return rows;
}

/** The year's stored rows as a token: their count and the last change (microseconds). 「0@」 for none. */
export async function yearStamp(db: Queryable, subjectId: string, fiscalYear: number): Promise<string> {
  const { rows } = await db.query<{ n: number; at: string | null }>(
    `WITH stored AS (
       SELECT updated_at FROM analysis_figures WHERE subject_id = $1 AND fiscal_year = $2
       UNION ALL
       SELECT v.updated_at FROM analysis_measure_values v JOIN analysis_measures m ON m.id = v.measure_id
        WHERE m.subject_id = $1 AND v.fiscal_year = $2
     )
     SELECT count(*)::int AS n, (floor(extract(epoch FROM max(updated_at)) * 1000000))::bigint::text AS at FROM stored`,
    [subjectId, fiscalYear],
  );
  const row = rows[0];
  return `${row?.n ?? 0}@${row?.at ?? ""}`;
}

/** Every stored figure of the year; measure values too unless `itemsOnly`. */
export async function deleteYear(tx: Queryable, subjectId: string, fiscalYear: number, opts: { itemsOnly?: boolean } = {}): Promise<void> {
  await tx.query("DELETE FROM analysis_figures WHERE subject_id = $1 AND fiscal_year = $2", [subjectId, fiscalYear]);
  if (opts.itemsOnly) return;
  await tx.query(
    `DELETE FROM analysis_measure_values v USING analysis_measures m
      WHERE m.id = v.measure_id AND m.subject_id = $1 AND v.fiscal_year = $2`,
    [subjectId, fiscalYear],
  );
}

export async function insertFigure(
  tx: Queryable,
  row: { subjectId: string; fiscalYear: number; item: string; value: number; source: StoredSource; userId: string | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO analysis_figures (subject_id, fiscal_year, item, value, source, updated_by) VALUES ($1, $2, $3, $4, $5, $6)`,
    [row.subjectId, row.fiscalYear, row.item, row.value, row.source, row.userId],
  );
}

export async function insertMeasureValue(
  tx: Queryable,
  row: { measureId: string; fiscalYear: number; value: number; source: StoredSource },
): Promise<void> {
  await tx.query("INSERT INTO analysis_measure_values (measure_id, fiscal_year, value, source) VALUES ($1, $2, $3, $4)", [
    row.measureId,
    row.fiscalYear,
    row.value,
    row.source,
  ]);
}

/** Subjects and peers by exact name (the platform import's 対象 column). */
export async function findSubjectIdsByName(
  db: Queryable,
  names: readonly string[],
): Promise<{ id: string; name: string; linked_source: string | null }[]> {
  if (names.length === 0) return [];
  const { rows } = await db.query<{ id: string; name: string; linked_source: string | null }>(
    "SELECT id, name, linked_source FROM analysis_subjects WHERE name = ANY($1::text[])",
    [names],
  );
  return rows;
}
