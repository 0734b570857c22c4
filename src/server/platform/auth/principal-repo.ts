// Reads a user together with their organisation and the 局 it belongs to.
import type { Queryable } from "../../db/database";
import type { Principal } from "./permissions";

export interface UserRow {
  id: string;
  login_id: string;
  display_name: string;
  email: string | null;
  password_hash: string | null;
  role: Principal["role"];
  organisation_id: string;
  disabled: boolean;
  failed_login_count: number;
  locked_until: Date | null;
}

/**
 * One statement that reads the rows of `seed` (a SELECT with an `organisation_id` column, at most a few rows) with
 * their organisation's name and its 局: the organisation itself or its nearest bureau ancestor. The request path
 * runs it on every signed-in request, so the organisation and the bureau come in the same round trip.
 */
export function withOrganisationAndBureau(seed: string): string {
  return `WITH RECURSIVE seed AS (${seed}),
  up AS (
    SELECT o.id, o.parent_id, o.kind, o.name, 0 AS depth, o.id AS start_id
      FROM organisations o WHERE o.id IN (SELECT organisation_id FROM seed)
    UNION ALL
    SELECT o.id, o.parent_id, o.kind, o.name, up.depth + 1, up.start_id FROM organisations o JOIN up ON o.id = up.parent_id
  )
  SELECT seed.*, org.name AS organisation_name, bureau.id AS bureau_id, bureau.name AS bureau_name
    FROM seed
    LEFT JOIN up org ON org.start_id = seed.organisation_id AND org.depth = 0
    LEFT JOIN LATERAL (
      SELECT id, name FROM up WHERE up.start_id = seed.organisation_id AND kind = 'bureau' ORDER BY depth LIMIT 1
    ) bureau ON true`;
}

export interface OrganisationColumns {
  organisation_name: string | null;
  bureau_id: string | null;
  bureau_name: string | null;
}

export function principalOf(
  user: Pick<UserRow, "id" | "login_id" | "display_name" | "role" | "organisation_id">,
  organisation: OrganisationColumns | undefined,
): Principal {
  return {
    id: user.id,
    loginId: user.login_id,
    displayName: user.display_name,
    role: user.role,
    organisationId: user.organisation_id,
    organisationName: organisation?.organisation_name ?? "",
    bureauId: organisation?.bureau_id ?? null,
    bureauName: organisation?.bureau_name ?? null,
  };
}

export async function loadPrincipal(
  db: Queryable,
  user: Pick<UserRow, "id" | "login_id" | "display_name" | "role" | "organisation_id">,
): Promise<Principal> {
  const { rows } = await db.query<OrganisationColumns>(withOrganisationAndBureau("SELECT $1::uuid AS organisation_id"), [
    user.organisation_id,
  ]);
  return principalOf(user, rows[0]);
}

export async function findUserByLogin(db: Queryable, loginId: string): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>("SELECT * FROM users WHERE login_id = $1", [loginId.toLowerCase()]);
  return rows[0] ?? null;
}

export async function findUserById(db: Queryable, id: string): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>("SELECT * FROM users WHERE id = $1", [id]);
  return rows[0] ?? null;
}
