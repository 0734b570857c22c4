// SQL shared by the parts of 広域連携 (issue 18): names of frameworks and projects by id (meeting owners, links).
import type { Queryable } from "../../db/database";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function nameById(db: Queryable, table: "region_frameworks" | "region_projects", id: string): Promise<string | null> {
  if (!UUID.test(id)) return null;
  const { rows } = await db.query<{ name: string }>(`SELECT name FROM ${table} WHERE id = $1`, [id]);
  return rows[0]?.name ?? null;
}

export const findFrameworkName = (db: Queryable, id: string) => nameById(db, "region_frameworks", id);
export const findProjectName = (db: Queryable, id: string) => nameById(db, "region_projects", id);
