// Factories for tests: organisations and users with a known password, written straight to the database.
import type { Role } from "../../common/api/platform";
import type { Queryable } from "../db/database";
import { hashPassword } from "../platform/auth/passwords";

export const TEST_PASSWORD = "Test-password-2024";
let passwordHash: Promise<string> | null = null;
let counter = 0;

export async function buildOrganisation(
  db: Queryable,
  input: {
    name?: string;
    kind?: "municipality" | "bureau" | "department" | "division" | "external";
    parentId?: string | null;
    code?: string;
  } = {},
): Promise<{ id: string; name: string }> {
  counter++;
  const name = input.name ?? `テスト組織${counter}`;
  const { rows } = await db.query<{ id: string }>(
    "INSERT INTO organisations (parent_id, kind, name, code) VALUES ($1, $2, $3, $4) RETURNING id",
    [input.parentId ?? null, input.kind ?? "bureau", name, input.code ?? null],
  );
  return { id: rows[0].id, name };
}

export async function buildUser(
  db: Queryable,
  input: { role: Role; organisationId: string; loginId?: string; displayName?: string; disabled?: boolean },
): Promise<{ id: string; loginId: string; password: string }> {
  counter++;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const loginId = input.loginId ?? `user${counter}-${Math.random().toString(36).slice(2, 6)}`;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO users (login_id, display_name, password_hash, role, organisation_id, disabled, password_changed_at)
     VALUES ($1, $2, $3, $4, $5, $6, now()) RETURNING id`,
    [loginId, input.displayName ?? `利用者${counter}`, await passwordHash, input.role, input.organisationId, input.disabled ?? false],
  );
  return { id: rows[0].id, loginId, password: TEST_PASSWORD };
}

/** A city with one bureau (and a division under it) plus one user of each role. */
export async function buildCity(db: Queryable) {
  const city = await buildOrganisation(db, { name: "テスト市", kind: "municipality" });
  const bureau = await buildOrganisation(db, { name: "政策局", kind: "bureau", parentId: city.id, code: "seisaku" });
  const division = await buildOrganisation(db, { name: "企画課", kind: "division", parentId: bureau.id });
  const otherBureau = await buildOrganisation(db, { name: "財政局", kind: "bureau", parentId: city.id, code: "zaisei" });
  const partnerOrg = await buildOrganisation(db, { name: "福岡市", kind: "external" });
  const admin = await buildUser(db, { role: "admin", organisationId: city.id });
  const editor = await buildUser(db, { role: "editor", organisationId: division.id });
  const otherEditor = await buildUser(db, { role: "editor", organisationId: otherBureau.id });
  const viewer = await buildUser(db, { role: "viewer", organisationId: otherBureau.id });
  const partner = await buildUser(db, { role: "partner", organisationId: partnerOrg.id });
  return { city, bureau, division, otherBureau, partnerOrg, admin, editor, otherEditor, viewer, partner };
}
