// SQL of the SDGs module's access checks: which company or bank an outside login acts for, and who is a 審査員.
import type { Queryable } from "../../db/database";

export interface ActingOrganisation {
  id: string;
  organisationId: string;
  name: string;
}

export async function findCompanyOfOrganisation(db: Queryable, organisationId: string): Promise<ActingOrganisation | null> {
  const { rows } = await db.query<{ id: string; organisation_id: string; name: string }>(
    "SELECT id, organisation_id, name FROM sdgs_companies WHERE organisation_id = $1",
    [organisationId],
  );
  return rows[0] ? { id: rows[0].id, organisationId: rows[0].organisation_id, name: rows[0].name } : null;
}

export async function findActiveBankOfOrganisation(db: Queryable, organisationId: string): Promise<ActingOrganisation | null> {
  const { rows } = await db.query<{ id: string; organisation_id: string; name: string }>(
    "SELECT id, organisation_id, name FROM sdgs_banks WHERE organisation_id = $1 AND active",
    [organisationId],
  );
  return rows[0] ? { id: rows[0].id, organisationId: rows[0].organisation_id, name: rows[0].name } : null;
}

export async function isActiveReviewerUser(db: Queryable, userId: string): Promise<boolean> {
  const { rowCount } = await db.query("SELECT 1 FROM sdgs_reviewers WHERE user_id = $1 AND active", [userId]);
  return (rowCount ?? 0) > 0;
}
