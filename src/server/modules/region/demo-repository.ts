// SQL of the region module's sample data: plain inserts of the sample 市町, their organisations and populations.
import type { Queryable } from "../../db/database";

export async function hasMunicipalities(db: Queryable): Promise<boolean> {
  const { rowCount } = await db.query("SELECT 1 FROM region_municipalities LIMIT 1");
  return (rowCount ?? 0) > 0;
}

export async function insertSampleMunicipalityOrganisation(db: Queryable, name: string, code: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    "INSERT INTO organisations (kind, name, code, is_sample) VALUES ('external', $1, $2, true) RETURNING id",
    [name, `region-${code}`],
  );
  return rows[0].id;
}

export interface SampleMunicipality {
  code: string;
  name: string;
  kana: string;
  nameEn: string;
  kind: "designated_city" | "city" | "town";
  district: string | null;
  joinedOn: string | null;
  organisationId: string | null;
  sortOrder: number;
}

export async function insertSampleMunicipality(db: Queryable, m: SampleMunicipality): Promise<void> {
  await db.query(
    `INSERT INTO region_municipalities (code, name, kana, name_en, kind, district, joined_on, organisation_id, sort_order, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, true)`,
    [m.code, m.name, m.kana, m.nameEn, m.kind, m.district, m.joinedOn, m.organisationId, m.sortOrder],
  );
}

export async function insertSamplePopulation(
  db: Queryable,
  p: { code: string; basis: string; asOf: string; population: number; source: string },
): Promise<void> {
  await db.query(
    `INSERT INTO region_populations (municipality_code, basis, as_of, population, source, is_sample)
     VALUES ($1, $2, $3, $4, $5, true)`,
    [p.code, p.basis, p.asOf, p.population, p.source],
  );
}
