// SQL of the sample meetings (meeting-demo.ts): the sample frameworks by code and a sample project by name, and
// whether sample meetings were loaded already.
import type { Queryable } from "../../db/database";

export async function frameworkIdsByCode(db: Queryable): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; code: string }>("SELECT id::text AS id, code FROM region_frameworks");
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function projectIdByName(db: Queryable, frameworkId: string, name: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>("SELECT id::text AS id FROM region_projects WHERE framework_id = $1 AND name = $2", [
    frameworkId,
    name,
  ]);
  return rows[0]?.id ?? null;
}

/** Any meeting of a region record: the sample meetings are loaded once, on a database that has none. */
export async function hasRegionMeetings(db: Queryable): Promise<boolean> {
  const { rows } = await db.query("SELECT 1 FROM meetings WHERE owner_kind LIKE 'region.%' LIMIT 1");
  return rows.length > 0;
}
