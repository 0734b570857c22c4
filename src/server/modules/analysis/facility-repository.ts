// SQL of 経営分析's facilities (施設: built year, floor area, last renovation) of a subject or peer.
import type { Queryable } from "../../db/database";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FacilityRow {
  id: string;
  subject_id: string;
  name: string;
  built_year: number;
  floor_area_m2: number | null;
  last_renovated_year: number | null;
  note: string;
  is_sample: boolean;
}

export interface FacilityValues {
  name: string;
  builtYear: number;
  floorAreaM2: number | null;
  lastRenovatedYear: number | null;
  note: string;
}

const COLUMNS = `id, subject_id, name, built_year, floor_area_m2::float8 AS floor_area_m2, last_renovated_year, note, is_sample`;

export async function findFacilities(db: Queryable, subjectId: string): Promise<FacilityRow[]> {
  const { rows } = await db.query<FacilityRow>(
    `SELECT ${COLUMNS} FROM analysis_facilities WHERE subject_id = $1 ORDER BY sort_order, built_year, name`,
    [subjectId],
  );
  return rows;
}

export async function findFacility(db: Queryable, id: string): Promise<FacilityRow | null> {
  if (!UUID.test(id)) return null;
  const { rows } = await db.query<FacilityRow>(`SELECT ${COLUMNS} FROM analysis_facilities WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

/** Whether another facility of the subject has this name (the name is unique per subject). */
export async function facilityNameTaken(db: Queryable, subjectId: string, name: string, exceptId: string | null): Promise<boolean> {
  const { rows } = await db.query(
    "SELECT 1 FROM analysis_facilities WHERE subject_id = $1 AND name = $2 AND ($3::uuid IS NULL OR id <> $3::uuid)",
    [subjectId, name, exceptId],
  );
  return rows.length > 0;
}

export async function insertFacility(
  tx: Queryable,
  subjectId: string,
  v: FacilityValues,
  opts: { isSample?: boolean } = {},
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO analysis_facilities (subject_id, name, built_year, floor_area_m2, last_renovated_year, note, is_sample, sort_order)
     VALUES ($1, $2, $3, $4, $5, $6, $7,
             (SELECT coalesce(max(sort_order), 0) + 1 FROM analysis_facilities WHERE subject_id = $1)) RETURNING id`,
    [subjectId, v.name, v.builtYear, v.floorAreaM2, v.lastRenovatedYear, v.note, opts.isSample ?? false],
  );
  return rows[0]!.id;
}

export async function updateFacility(tx: Queryable, id: string, v: FacilityValues): Promise<void> {
  await tx.query(
    `UPDATE analysis_facilities SET name = $2, built_year = $3, floor_area_m2 = $4, last_renovated_year = $5, note = $6
      WHERE id = $1`,
    [id, v.name, v.builtYear, v.floorAreaM2, v.lastRenovatedYear, v.note],
  );
}

export async function deleteFacility(tx: Queryable, id: string): Promise<void> {
  await tx.query("DELETE FROM analysis_facilities WHERE id = $1", [id]);
}
