// SQL of the kintone import: what it looks names up in (organisations, users, 分野, partners, records imported before),
// the mapping kept per app, and the hash and state an imported record carries.
import type { Queryable } from "../../db/database";

export interface OrganisationRef {
  id: string;
  name: string;
  code: string | null;
  /** the nearest bureau's name (the organisation's own when it is one) */
  bureau_name: string | null;
}

export async function findOrganisationRefs(db: Queryable): Promise<OrganisationRef[]> {
  const { rows } = await db.query<OrganisationRef>(
    `WITH RECURSIVE up AS (
       SELECT id AS org_id, id, parent_id, kind, name FROM organisations
       UNION ALL
       SELECT up.org_id, o.id, o.parent_id, o.kind, o.name FROM up JOIN organisations o ON o.id = up.parent_id WHERE up.kind <> 'bureau'
     )
     SELECT o.id, o.name, o.code,
            (SELECT up.name FROM up WHERE up.org_id = o.id AND up.kind = 'bureau' LIMIT 1) AS bureau_name
       FROM organisations o
      WHERE o.kind <> 'external'`,
  );
  return rows;
}

export async function findStaffUsers(db: Queryable): Promise<{ id: string; login_id: string; display_name: string }[]> {
  const { rows } = await db.query<{ id: string; login_id: string; display_name: string }>(
    "SELECT id, login_id, display_name FROM users WHERE role IN ('admin', 'editor', 'viewer') AND NOT disabled",
  );
  return rows;
}

export async function findFieldNames(db: Queryable): Promise<{ id: string; name: string }[]> {
  const { rows } = await db.query<{ id: string; name: string }>("SELECT id, name FROM international_fields WHERE active");
  return rows;
}

export async function findPartnerKeys(db: Queryable): Promise<{ id: string; country: string; city: string; organisation: string }[]> {
  const { rows } = await db.query<{ id: string; country: string; city: string; organisation: string }>(
    "SELECT id, country, city, organisation FROM international_partners",
  );
  return rows;
}

export type ImportedTable = "international_projects" | "international_trips";

/** Records imported before, by their kintone レコード番号: id, the hash of what the import made of them, and version. */
export async function findImported(
  db: Queryable,
  table: ImportedTable,
): Promise<{ id: string; source_key: string; source_hash: string | null }[]> {
  const { rows } = await db.query<{ id: string; source_key: string; source_hash: string | null }>(
    `SELECT id, source_key, source_hash FROM ${table} WHERE source_key IS NOT NULL`,
  );
  return rows;
}

export async function setSourceHash(db: Queryable, table: ImportedTable, id: string, hash: string): Promise<void> {
  await db.query(`UPDATE ${table} SET source_hash = $2 WHERE id = $1`, [id, hash]);
}

/** An imported trip takes the state kintone had (its history begins with the import), with the report's fields. */
export async function setImportedTripState(
  db: Queryable,
  id: string,
  state: { status: string; safetyLevel: number | null; reportFiledOn: string | null; results: string },
): Promise<void> {
  await db.query(
    `UPDATE international_trips
        SET status = $2, safety_level = $3, report_filed_on = $4, report_results = $5, updated_at = now()
      WHERE id = $1`,
    [id, state.status, state.safetyLevel, state.reportFiledOn, state.results],
  );
}

export interface MappingRow {
  mapping: unknown;
  updated_at: string;
}

export async function findMapping(db: Queryable, app: string): Promise<MappingRow | null> {
  const { rows } = await db.query<MappingRow>(
    "SELECT mapping, updated_at::text FROM international_kintone_mappings WHERE app = $1 AND name = '標準'",
    [app],
  );
  return rows[0] ?? null;
}

export async function upsertMapping(db: Queryable, app: string, mapping: unknown, userId: string | null): Promise<MappingRow> {
  const { rows } = await db.query<MappingRow>(
    `INSERT INTO international_kintone_mappings (app, name, mapping, updated_by) VALUES ($1, '標準', $2, $3)
     ON CONFLICT (app, name) DO UPDATE SET mapping = EXCLUDED.mapping, updated_by = EXCLUDED.updated_by, updated_at = now()
     RETURNING mapping, updated_at::text`,
    [app, JSON.stringify(mapping), userId],
  );
  return rows[0];
}
