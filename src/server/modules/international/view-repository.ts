// SQL of 保存した条件 (international_saved_views): every statement names the owner (user_id), so a query can never
// reach another user's view.
import type { SavedViewList } from "../../../common/api/international-views";
import type { Queryable } from "../../db/database";

export interface ViewRow {
  id: string;
  list: SavedViewList;
  name: string;
  query: unknown;
  created_at: Date;
}

const COLUMNS = "id, list, name, query, created_at";

export async function findViews(db: Queryable, userId: string, list: SavedViewList): Promise<ViewRow[]> {
  const { rows } = await db.query<ViewRow>(
    `SELECT ${COLUMNS} FROM international_saved_views WHERE user_id = $1 AND list = $2 ORDER BY name, created_at`,
    [userId, list],
  );
  return rows;
}

/** The user's own view, locked for the rest of the transaction; another user's view is null, as a missing one. */
export async function lockView(db: Queryable, userId: string, id: string): Promise<ViewRow | null> {
  const { rows } = await db.query<ViewRow>(`SELECT ${COLUMNS} FROM international_saved_views WHERE id = $1 AND user_id = $2 FOR UPDATE`, [
    id,
    userId,
  ]);
  return rows[0] ?? null;
}

export async function lockViewByName(db: Queryable, userId: string, list: SavedViewList, name: string): Promise<ViewRow | null> {
  const { rows } = await db.query<ViewRow>(
    `SELECT ${COLUMNS} FROM international_saved_views WHERE user_id = $1 AND list = $2 AND name = $3 FOR UPDATE`,
    [userId, list, name],
  );
  return rows[0] ?? null;
}

export async function countViews(db: Queryable, userId: string, list: SavedViewList): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM international_saved_views WHERE user_id = $1 AND list = $2",
    [userId, list],
  );
  return rows[0]?.n ?? 0;
}

/** null when a view of that name appeared meanwhile (another tab saved it first). */
export async function insertView(db: Queryable, userId: string, list: SavedViewList, name: string, query: object): Promise<ViewRow | null> {
  const { rows } = await db.query<ViewRow>(
    `INSERT INTO international_saved_views (user_id, list, name, query) VALUES ($1, $2, $3, $4::jsonb)
     ON CONFLICT (user_id, list, name) DO NOTHING RETURNING ${COLUMNS}`,
    [userId, list, name, JSON.stringify(query)],
  );
  return rows[0] ?? null;
}

export async function updateViewQuery(db: Queryable, userId: string, id: string, query: object): Promise<ViewRow> {
  const { rows } = await db.query<ViewRow>(
    `UPDATE international_saved_views SET query = $3::jsonb WHERE id = $1 AND user_id = $2 RETURNING ${COLUMNS}`,
    [id, userId, JSON.stringify(query)],
  );
  return rows[0];
}

/** null when another of the user's views of that list already has the name. */
export async function renameView(db: Queryable, userId: string, id: string, name: string): Promise<ViewRow | null> {
  const { rows } = await db.query<ViewRow>(
    `UPDATE international_saved_views v SET name = $3 WHERE v.id = $1 AND v.user_id = $2
       AND NOT EXISTS (SELECT 1 FROM international_saved_views o
                        WHERE o.user_id = v.user_id AND o.list = v.list AND o.name = $3 AND o.id <> v.id)
     RETURNING ${COLUMNS}`,
    [id, userId, name],
  );
  return rows[0] ?? null;
}

export async function deleteView(db: Queryable, userId: string, id: string): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>("DELETE FROM international_saved_views WHERE id = $1 AND user_id = $2 RETURNING id", [
    id,
    userId,
  ]);
  return rows.length > 0;
}
