// SQL of 連携市町: the list with each 市町's newest population and its editors' organisation and logins, one 市町 for
// reading or changing, the upsert the import uses, and the organisations an edit may link.
import type { Queryable } from "../../db/database";

export interface MunicipalityRow {
  code: string;
  name: string;
  kana: string;
  name_en: string;
  kind: "designated_city" | "city" | "town";
  district: string | null;
  joined_on: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  organisation_code: string | null;
  sort_order: number;
  is_sample: boolean;
  version: number;
  updated_at: Date;
  editor_login_count: number;
  latest_basis: "census" | "resident_register" | "estimate" | null;
  latest_as_of: string | null;
  latest_population: number | null;
  latest_source: string | null;
  latest_is_sample: boolean | null;
}

// The newest figure of any basis (on one date: 住民基本台帳, then 推計人口, then 国勢調査 — the order of common use).
const COLUMNS = `m.code, m.name, m.kana, m.name_en, m.kind, m.district, m.joined_on::text AS joined_on, m.organisation_id,
    o.name AS organisation_name, o.code AS organisation_code, m.sort_order, m.is_sample, m.version, m.updated_at,
    (SELECT count(*)::int FROM users u WHERE m.organisation_id IS NOT NULL AND u.organisation_id = m.organisation_id
        AND u.role = 'partner' AND NOT u.disabled) AS editor_login_count,
    p.basis AS latest_basis, p.as_of::text AS latest_as_of, p.population AS latest_population, p.source AS latest_source,
    p.is_sample AS latest_is_sample
  FROM region_municipalities m
  LEFT JOIN organisations o ON o.id = m.organisation_id
  LEFT JOIN LATERAL (
    SELECT basis, as_of, population, source, is_sample FROM region_populations
     WHERE municipality_code = m.code
     ORDER BY as_of DESC, CASE basis WHEN 'resident_register' THEN 0 WHEN 'estimate' THEN 1 ELSE 2 END
     LIMIT 1
  ) p ON true`;

export async function findMunicipalities(db: Queryable): Promise<MunicipalityRow[]> {
  const { rows } = await db.query<MunicipalityRow>(`SELECT ${COLUMNS} ORDER BY m.sort_order, m.code`);
  return rows;
}

export async function findMunicipality(db: Queryable, code: string, forUpdate = false): Promise<MunicipalityRow | null> {
  if (forUpdate) await db.query("SELECT 1 FROM region_municipalities WHERE code = $1 FOR UPDATE", [code]);
  const { rows } = await db.query<MunicipalityRow>(`SELECT ${COLUMNS} WHERE m.code = $1`, [code]);
  return rows[0] ?? null;
}

export interface MunicipalityKey {
  code: string;
  name: string;
}

/** Code and name of every 市町 (the import resolves rows against them). */
export async function findMunicipalityKeys(db: Queryable): Promise<MunicipalityKey[]> {
  const { rows } = await db.query<MunicipalityKey>("SELECT code, name FROM region_municipalities ORDER BY sort_order, code");
  return rows;
}

export interface StoredMunicipality {
  code: string;
  name: string;
  kana: string;
  name_en: string;
  kind: string;
  district: string | null;
  joined_on: string | null;
  is_sample: boolean;
  version: number;
}

export async function findStoredMunicipalities(db: Queryable): Promise<StoredMunicipality[]> {
  const { rows } = await db.query<StoredMunicipality>(
    `SELECT code, name, kana, name_en, kind, district, joined_on::text AS joined_on, is_sample, version
       FROM region_municipalities FOR UPDATE`,
  );
  return rows;
}

export interface MunicipalityValues {
  code: string;
  name: string;
  kana: string;
  nameEn: string;
  kind: string;
  district: string | null;
  joinedOn: string | null;
}

export async function insertMunicipality(db: Queryable, m: MunicipalityValues, sortOrder: number, isSample: boolean): Promise<void> {
  await db.query(
    `INSERT INTO region_municipalities (code, name, kana, name_en, kind, district, joined_on, sort_order, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [m.code, m.name, m.kana, m.nameEn, m.kind, m.district, m.joinedOn, sortOrder, isSample],
  );
}

/** A row the import changed: its values, a new version (a sample 市町 re-imported by a user is no longer a sample). */
export async function updateImportedMunicipality(db: Queryable, m: MunicipalityValues, isSample: boolean): Promise<void> {
  await db.query(
    `UPDATE region_municipalities SET name = $2, kana = $3, name_en = $4, kind = $5, district = $6, joined_on = $7,
            is_sample = is_sample AND $8, version = version + 1, updated_at = now()
      WHERE code = $1`,
    [m.code, m.name, m.kana, m.nameEn, m.kind, m.district, m.joinedOn, isSample],
  );
}

export async function nextSortOrder(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ next: number }>("SELECT coalesce(max(sort_order), 0)::int + 1 AS next FROM region_municipalities");
  return rows[0].next;
}

export async function updateMunicipality(
  db: Queryable,
  code: string,
  input: { kana: string; nameEn: string; district: string | null; joinedOn: string | null; organisationId: string | null },
): Promise<void> {
  await db.query(
    `UPDATE region_municipalities SET kana = $2, name_en = $3, district = $4, joined_on = $5, organisation_id = $6,
            version = version + 1, updated_at = now()
      WHERE code = $1`,
    [code, input.kana, input.nameEn, input.district, input.joinedOn, input.organisationId],
  );
}

export async function linkOrganisation(db: Queryable, code: string, organisationId: string): Promise<void> {
  await db.query("UPDATE region_municipalities SET organisation_id = $2 WHERE code = $1", [code, organisationId]);
}

/** Partner logins of an organisation: a 市町's editors. */
export async function findEditorLogins(db: Queryable, organisationId: string) {
  const { rows } = await db.query<{
    id: string;
    login_id: string;
    display_name: string;
    disabled: boolean;
    last_login_at: Date | null;
  }>(
    `SELECT id, login_id, display_name, disabled, last_login_at FROM users
      WHERE organisation_id = $1 AND role = 'partner' ORDER BY disabled, login_id`,
    [organisationId],
  );
  return rows;
}

/** Which 市町 each external organisation is linked to (one organisation edits one 市町). */
export async function findOrganisationLinks(db: Queryable): Promise<Map<string, { code: string; name: string }>> {
  const { rows } = await db.query<{ organisation_id: string; code: string; name: string }>(
    "SELECT organisation_id, code, name FROM region_municipalities WHERE organisation_id IS NOT NULL",
  );
  return new Map(rows.map((r) => [r.organisation_id, { code: r.code, name: r.name }]));
}
