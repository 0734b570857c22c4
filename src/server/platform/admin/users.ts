// 利用者管理: administrators create users, change their role and organisation, disable, unlock, reset passwords.
import type { AdminUser, Role, USER_SORTS } from "../../../common/api/platform";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../audit/audit";
import { hashPassword } from "../auth/passwords";
import { assertPasswordAcceptable, clearLoginThrottle, LOGIN_SLOWED_SQL } from "../auth/service";
import { deleteUserSessions } from "../auth/sessions";
import { Conflict, NotFound, ValidationError } from "../errors";
import { getOrganisation } from "./organisations";

interface AdminUserRow {
  id: string;
  login_id: string;
  display_name: string;
  email: string | null;
  role: Role;
  organisation_id: string;
  organisation_name: string;
  disabled: boolean;
  locked: boolean;
  last_login_at: Date | null;
  created_at: Date;
  is_sample: boolean;
}

const toAdminUser = (row: AdminUserRow): AdminUser => ({
  id: row.id,
  loginId: row.login_id,
  displayName: row.display_name,
  email: row.email,
  role: row.role,
  organisationId: row.organisation_id,
  organisationName: row.organisation_name,
  disabled: row.disabled,
  locked: row.locked,
  lastLoginAt: row.last_login_at?.toISOString() ?? null,
  createdAt: row.created_at.toISOString(),
  isSample: row.is_sample,
});

/** What the audit log keeps of a user: never the password hash. */
const auditView = (user: AdminUser) => ({
  loginId: user.loginId,
  displayName: user.displayName,
  role: user.role,
  organisationId: user.organisationId,
  disabled: user.disabled,
});

const SELECT = `SELECT u.id, u.login_id, u.display_name, u.email, u.role, u.organisation_id, o.name AS organisation_name,
  u.disabled, (coalesce(u.locked_until > now(), false) OR ${LOGIN_SLOWED_SQL}) AS locked, u.last_login_at, u.created_at, u.is_sample
  FROM users u JOIN organisations o ON o.id = u.organisation_id`;

const SORT_COLUMNS: Record<(typeof USER_SORTS)[number], string> = {
  loginId: "u.login_id",
  displayName: "u.display_name",
  role: "u.role",
  organisation: "o.name",
  lastLoginAt: "u.last_login_at",
  createdAt: "u.created_at",
};

export async function listUsers(
  db: Queryable,
  query: {
    q?: string;
    role?: Role;
    organisationId?: string;
    sort: (typeof USER_SORTS)[number];
    order: "asc" | "desc";
    page: number;
    pageSize: number;
  },
) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.q) {
    params.push(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(u.login_id ILIKE $${params.length} OR u.display_name ILIKE $${params.length})`);
  }
  if (query.role) {
    params.push(query.role);
    where.push(`u.role = $${params.length}`);
  }
  if (query.organisationId) {
    params.push(query.organisationId);
    where.push(`u.organisation_id = $${params.length}`);
  }
  const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const order = `${SORT_COLUMNS[query.sort]} ${query.order === "desc" ? "DESC" : "ASC"} NULLS LAST, u.login_id`;
  const total = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM users u JOIN organisations o ON o.id = u.organisation_id ${clause}`,
    params,
  );
  const { rows } = await db.query<AdminUserRow>(
    `${SELECT} ${clause} ORDER BY ${order} LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    params,
  );
  return { items: rows.map(toAdminUser), total: total.rows[0].n, page: query.page, pageSize: query.pageSize };
}

export async function getUser(db: Queryable, id: string): Promise<AdminUser> {
  const { rows } = await db.query<AdminUserRow>(`${SELECT} WHERE u.id = $1`, [id]);
  if (!rows[0]) throw new NotFound("利用者");
  return toAdminUser(rows[0]);
}

export interface NewUserInput {
  loginId: string;
  displayName: string;
  email?: string | null;
  role: Role;
  organisationId: string;
  password: string;
}

/** A new user with its password already checked and hashed (see hashNewUserPassword). */
export interface PreparedUser extends Omit<NewUserInput, "password"> {
  passwordHash: string;
}

/** Checks a new user's password against the policy and hashes it: slow, so done before a transaction opens. */
export async function hashNewUserPassword(loginId: string, password: string): Promise<string> {
  assertPasswordAcceptable(password, loginId);
  return hashPassword(password);
}

/**
 * Inserts a prepared user and its audit row inside the caller's transaction, so that a module can create a login
 * and link it to its own record atomically (a failure after this rolls the user back too).
 */
export async function insertUser(tx: Queryable, actor: Actor, input: PreparedUser, opts: { isSample?: boolean } = {}): Promise<AdminUser> {
  await getOrganisation(tx, input.organisationId);
  const taken = await tx.query("SELECT 1 FROM users WHERE login_id = $1", [input.loginId]);
  if (taken.rowCount > 0)
    throw new ValidationError("このログインIDは既に使われています。", { loginId: "このログインIDは既に使われています。" });
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO users (login_id, display_name, email, password_hash, role, organisation_id, password_changed_at, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, now(), $7) RETURNING id`,
    [input.loginId, input.displayName, input.email ?? null, input.passwordHash, input.role, input.organisationId, opts.isSample ?? false],
  );
  const user = await getUser(tx, rows[0].id);
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "user",
    entityId: user.id,
    summary: `利用者「${user.displayName}」を追加`,
    after: auditView(user),
  });
  return user;
}

export async function createUser(db: Db, actor: Actor, input: NewUserInput, opts: { isSample?: boolean } = {}): Promise<AdminUser> {
  const { password, ...rest } = input;
  const passwordHash = await hashNewUserPassword(input.loginId, password);
  return db.transaction((tx) => insertUser(tx, actor, { ...rest, passwordHash }, opts));
}

export async function updateUser(
  db: Db,
  actor: Actor,
  id: string,
  patch: Partial<{ displayName: string; email: string | null; role: Role; organisationId: string; disabled: boolean }>,
): Promise<AdminUser> {
  return db.transaction(async (tx) => {
    const before = await getUser(tx, id);
    if (actor.userId === id && (patch.disabled === true || (patch.role && patch.role !== "admin"))) {
      throw new Conflict("自分自身を無効にしたり、自分の管理者権限を外したりすることはできません。");
    }
    if (patch.organisationId) await getOrganisation(tx, patch.organisationId);
    const next = { ...before, ...patch };
    await tx.query(
      "UPDATE users SET display_name = $2, email = $3, role = $4, organisation_id = $5, disabled = $6, updated_at = now() WHERE id = $1",
      [id, next.displayName, next.email, next.role, next.organisationId, next.disabled],
    );
    // A disabled user or one whose rights changed must sign in again.
    if (
      patch.disabled === true ||
      (patch.role && patch.role !== before.role) ||
      (patch.organisationId && patch.organisationId !== before.organisationId)
    ) {
      await deleteUserSessions(tx, id);
    }
    const after = await getUser(tx, id);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "user",
      entityId: id,
      summary: `利用者「${after.displayName}」を変更`,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

export async function resetPassword(db: Db, actor: Actor, id: string, password: string): Promise<void> {
  const user = await getUser(db, id);
  assertPasswordAcceptable(password, user.loginId);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.query(
      "UPDATE users SET password_hash = $2, password_changed_at = now(), failed_login_count = 0, locked_until = NULL, updated_at = now() WHERE id = $1",
      [id, passwordHash],
    );
    await clearLoginThrottle(tx, user.loginId);
    await deleteUserSessions(tx, id);
    await recordAudit(tx, actor, {
      action: "password_reset",
      entityType: "user",
      entityId: id,
      summary: `利用者「${user.displayName}」のパスワードを再設定`,
    });
  });
}

export async function unlockUser(db: Db, actor: Actor, id: string): Promise<AdminUser> {
  return db.transaction(async (tx) => {
    await getUser(tx, id);
    await tx.query("UPDATE users SET failed_login_count = 0, locked_until = NULL, updated_at = now() WHERE id = $1", [id]);
    const user = await getUser(tx, id);
    // Accounts are slowed, not locked, by wrong passwords (auth/service.ts); lifting it forgets the counters.
    await clearLoginThrottle(tx, user.loginId);
    await recordAudit(tx, actor, {
      action: "unlock",
      entityType: "user",
      entityId: id,
      summary: `利用者「${user.displayName}」のログイン制限を解除`,
    });
    return user;
  });
}
