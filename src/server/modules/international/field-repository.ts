// SQL of the 分野 list (international_fields), the list the coordinating bureau keeps: a field in use is retired
// (active = false), never deleted, so the projects filed under it keep their field.
import type { Queryable } from "../../db/database";

export interface FieldRow {
  id: string;
  name: string;
  sort_order: number;
  active: boolean;
  project_count: number;
}

const SELECT = `SELECT f.id, f.name, f.sort_order, f.active,
    (SELECT count(*)::int FROM international_projects p WHERE p.field_id = f.id) AS project_count
  FROM international_fields f`;

export async function findFields(db: Queryable): Promise<FieldRow[]> {
  return (await db.query<FieldRow>(`${SELECT} ORDER BY f.sort_order, f.name, f.id`)).rows;
}

export async function findField(db: Queryable, id: string): Promise<FieldRow | null> {
  return (await db.query<FieldRow>(`${SELECT} WHERE f.id = $1`, [id])).rows[0] ?? null;
}

/** The next place at the end of the list (a field added without a sort order goes last). */
export async function nextFieldSortOrder(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>("SELECT coalesce(max(sort_order), 0)::int + 10 AS n FROM international_fields");
  return Math.min(rows[0].n, 9999);
}

export async function insertField(
  db: Queryable,
  input: { name: string; sortOrder: number; active: boolean; isSample: boolean },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    "INSERT INTO international_fields (name, sort_order, active, is_sample) VALUES ($1, $2, $3, $4) RETURNING id",
    [input.name, input.sortOrder, input.active, input.isSample],
  );
  return rows[0].id;
}

export async function updateField(db: Queryable, id: string, input: { name: string; sortOrder: number; active: boolean }): Promise<void> {
  await db.query("UPDATE international_fields SET name = $2, sort_order = $3, active = $4 WHERE id = $1", [
    id,
    input.name,
    input.sortOrder,
    input.active,
  ]);
}
