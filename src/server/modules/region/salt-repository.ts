// SQL of the daily salts of the visitor hash (region_visit_salts): one per day in Japan, made on first use.
import type { Queryable } from "../../db/database";

/** The day's salt, or null before the first visit of the day. */
export async function findSalt(db: Queryable, day: string): Promise<Uint8Array | null> {
  const { rows } = await db.query<{ salt: Uint8Array }>("SELECT salt FROM region_visit_salts WHERE day = $1", [day]);
  return rows[0] ? new Uint8Array(rows[0].salt) : null;
}

/** Stores the day's salt unless another request (or process) stored one first; the caller then reads the stored one. */
export async function insertSaltIfNone(db: Queryable, day: string, salt: Uint8Array): Promise<void> {
  await db.query("INSERT INTO region_visit_salts (day, salt) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING", [day, salt]);
}

/** Deletes the salts made before `before`; returns the days deleted. */
export async function deleteSaltsCreatedBefore(db: Queryable, before: Date): Promise<string[]> {
  const { rows } = await db.query<{ day: string }>("DELETE FROM region_visit_salts WHERE created_at < $1 RETURNING day", [before]);
  return rows.map((r) => r.day).sort();
}
