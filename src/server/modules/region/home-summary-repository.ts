// SQL of the region home's figures: read-only counts over the 市町, the editors' logins, and the curation part's
// tables (items, problem rows, imports). Nothing here writes; the curation part owns those tables.
import type { Queryable } from "../../db/database";

export async function countMunicipalities(db: Queryable) {
  const { rows } = await db.query<{ municipalities: number; with_editors: number; editor_logins: number }>(
    `SELECT count(*)::int AS municipalities, count(m.organisation_id)::int AS with_editors,
            (SELECT count(*)::int FROM users u JOIN region_municipalities r ON r.organisation_id = u.organisation_id
              WHERE u.role = 'partner' AND NOT u.disabled) AS editor_logins
       FROM region_municipalities m`,
  );
  return rows[0];
}

/** Whether the curation part has stored anything yet (an item, an import, or a problem row). */
export async function hubHasData(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ any: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM region_items) OR EXISTS (SELECT 1 FROM region_imports) OR
            EXISTS (SELECT 1 FROM region_import_problems) AS any`,
  );
  return rows[0].any;
}

export async function countItemsByStatus(db: Queryable) {
  const { rows } = await db.query<{ dataset: string; published: number; drafts: number }>(
    `SELECT dataset, count(*) FILTER (WHERE status = 'published')::int AS published,
            count(*) FILTER (WHERE status = 'draft')::int AS drafts
       FROM region_items GROUP BY dataset ORDER BY dataset`,
  );
  return rows;
}

export async function countOpenProblems(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM region_import_problems WHERE status = 'open'");
  return rows[0].n;
}

export async function findLatestImports(db: Queryable, limit: number) {
  const { rows } = await db.query<{
    id: string;
    municipality_code: string;
    municipality_name: string;
    dataset: string;
    file_name: string;
    rows_read: number;
    problem_count: number;
    created_at: Date;
  }>(
    `SELECT i.id, i.municipality_code, m.name AS municipality_name, i.dataset, i.file_name, i.rows_read, i.problem_count, i.created_at
       FROM region_imports i JOIN region_municipalities m ON m.code = i.municipality_code
      ORDER BY i.created_at DESC LIMIT $1`,
    [limit],
  );
  return rows;
}
