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

const BUREAU_OF = `
  WITH RECURSIVE up AS (
    SELECT id, parent_id, kind, name, 0 AS depth FROM organisations WHERE id = $1
    UNION ALL
    SELECT o.id, o.parent_id, o.kind, o.name, up.depth + 1 FROM organisations o JOIN up ON o.id = up.parent_id
  )
  SELECT id, name FROM up WHERE kind = 'bureau' ORDER BY depth LIMIT 1`;

export async function loadPrincipal(
  db: Queryable,
  user: Pick<UserRow, "id" | "login_id" | "display_name" | "role" | "organisation_id">,
): Promise<Principal> {
  const [org, bureau] = await Promise.all([
    db.query<{ name: string }>("SELECT name FROM organisations WHERE id = $1", [user.organisation_id]),
    db.query<{ id: string; name: string }>(BUREAU_OF, [user.organisation_id]),
  ]);
  return {
    id: user.id,
    loginId: user.login_id,
    displayName: user.display_name,
    role: user.role,
    organisationId: user.organisation_id,
    organisationName: org.rows[0]?.name ?? "",
    bureauId: bureau.rows[0]?.id ?? null,
    bureauName: bureau.rows[0]?.name ?? null,
  };
}

export async function findUserByLogin(db: Queryable, loginId: string): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>("SELECT * FROM users WHERE login_id = $1", [loginId.toLowerCase()]);
  return rows[0] ?? null;
}

export async function findUserById(db: Queryable, id: string): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>("SELECT * FROM users WHERE id = $1", [id]);
  return rows[0] ?? null;
}
