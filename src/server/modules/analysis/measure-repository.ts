// SQL of 経営分析's activity measures (活動指標: their definitions; the yearly values are the figures part's). A linked
// measure (linked_figure set) is read from another module's index.
import type { Queryable } from "../../db/database";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface MeasureRow {
  id: string;
  subject_id: string;
  name: string;
  unit: string;
  linked_figure: string | null;
  is_cost_basis: boolean;
}

export interface MeasureValues {
  name: string;
  unit: string;
  isCostBasis: boolean;
}

const COLUMNS = "id, subject_id, name, unit, linked_figure, is_cost_basis";

export async function findMeasures(db: Queryable, subjectId: string): Promise<MeasureRow[]> {
  const { rows } = await db.query<MeasureRow>(`SELECT ${COLUMNS} FROM analysis_measures WHERE subject_id = $1 ORDER BY sort_order, name`, [
    subjectId,
  ]);
  return rows;
}

export async function findMeasure(db: Queryable, id: string): Promise<MeasureRow | null> {
  if (!UUID.test(id)) return null;
  const { rows } = await db.query<MeasureRow>(`SELECT ${COLUMNS} FROM analysis_measures WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

/** Whether another measure of the subject has this name (the name is unique per subject). */
export async function measureNameTaken(db: Queryable, subjectId: string, name: string, exceptId: string | null): Promise<boolean> {
  const { rows } = await db.query(
    "SELECT 1 FROM analysis_measures WHERE subject_id = $1 AND name = $2 AND ($3::uuid IS NULL OR id <> $3::uuid)",
    [subjectId, name, exceptId],
  );
  return rows.length > 0;
}

export async function insertMeasure(
  tx: Queryable,
  subjectId: string,
  v: MeasureValues & { linkedFigure?: string | null },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO analysis_measures (subject_id, name, unit, linked_figure, is_cost_basis, sort_order)
     VALUES ($1, $2, $3, $4, $5, (SELECT coalesce(max(sort_order), 0) + 1 FROM analysis_measures WHERE subject_id = $1))
     RETURNING id`,
    [subjectId, v.name, v.unit, v.linkedFigure ?? null, v.isCostBasis],
  );
  return rows[0]!.id;
}

export async function updateMeasure(tx: Queryable, id: string, v: MeasureValues): Promise<void> {
  await tx.query("UPDATE analysis_measures SET name = $2, unit = $3, is_cost_basis = $4 WHERE id = $1", [
    id,
    v.name,
    v.unit,
    v.isCostBasis,
  ]);
}

export async function deleteMeasure(tx: Queryable, id: string): Promise<void> {
  await tx.query("DELETE FROM analysis_measures WHERE id = $1", [id]);
}

/** Removes the subject's linked measures (its linked source changed); returns their names. */
export async function deleteLinkedMeasures(tx: Queryable, subjectId: string): Promise<string[]> {
  const { rows } = await tx.query<{ name: string }>(
    "DELETE FROM analysis_measures WHERE subject_id = $1 AND linked_figure IS NOT NULL RETURNING name",
    [subjectId],
  );
  return rows.map((r) => r.name);
}
