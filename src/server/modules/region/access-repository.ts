// SQL of the region module's access checks: which 市町 an outside login edits for.
import type { Queryable } from "../../db/database";

export interface ActingMunicipality {
  code: string;
  name: string;
  organisationId: string;
}

export async function findMunicipalityOfOrganisation(db: Queryable, organisationId: string): Promise<ActingMunicipality | null> {
  const { rows } = await db.query<{ code: string; name: string; organisation_id: string }>(
    "SELECT code, name, organisation_id FROM region_municipalities WHERE organisation_id = $1",
    [organisationId],
  );
  return rows[0] ? { code: rows[0].code, name: rows[0].name, organisationId: rows[0].organisation_id } : null;
}

/** The organisation whose partner logins edit a 市町's items (null: the bureau's region editors only). */
export async function findMunicipalityOrganisation(db: Queryable, code: string): Promise<{ organisationId: string | null } | null> {
  const { rows } = await db.query<{ organisation_id: string | null }>("SELECT organisation_id FROM region_municipalities WHERE code = $1", [
    code,
  ]);
  return rows[0] ? { organisationId: rows[0].organisation_id } : null;
}
