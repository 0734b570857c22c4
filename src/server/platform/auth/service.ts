// Login, logout, first-administrator setup and password change.
import { passwordProblem } from "../../../common/password-rules";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../audit/audit";
import { AppError, TooManyRequests, ValidationError } from "../errors";
import { hashPassword, verifyPassword } from "./passwords";
import type { Principal } from "./permissions";
import { findUserById, findUserByLogin, loadPrincipal } from "./principal-repo";
import { hitRateLimit } from "./rate-limit";
import { createSession, deleteUserSessions, type NewSession, type SessionTimeouts } from "./sessions";
import { hashToken, newToken } from "./tokens";

/** Limits in one place: 5 wrong passwords lock the account for 15 minutes; an address gets 30 tries per 5 minutes. */
export const LOGIN_LIMITS = {
  failuresBeforeLock: 5,
  lockMinutes: 15,
  perAddress: 30,
  perAddressWindowSeconds: 300,
} as const;

const WRONG_CREDENTIALS = "ログインIDまたはパスワードが正しくありません。";

export interface LoginResult extends NewSession {
  user: Principal;
}

export async function login(
  db: Db,
  input: { loginId: string; password: string; clientAddress: string; requestId: string },
  timeouts: SessionTimeouts,
): Promise<LoginResult> {
  const limit = await hitRateLimit(db, `login:${input.clientAddress}`, LOGIN_LIMITS.perAddress, LOGIN_LIMITS.perAddressWindowSeconds);
  if (!limit.allowed) {
    throw new TooManyRequests(
      `ログインの試行が多すぎます。${Math.ceil(limit.retryAfterSeconds / 60)}分ほど待ってから再度お試しください。`,
      limit.retryAfterSeconds,
    );
  }
  const user = await findUserByLogin(db, input.loginId);
  const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password);
  const actor: Actor = { userId: user?.id ?? null, label: user?.display_name ?? input.loginId, requestId: input.requestId };

  if (user?.locked_until && user.locked_until.getTime() > Date.now()) {
    throw new AppError(
      423,
      "account_locked",
      `アカウントがロックされています。${LOGIN_LIMITS.lockMinutes}分後に再度お試しいただくか、システム管理者に解除を依頼してください。`,
    );
  }
  if (!user || !passwordOk) {
    if (user) await recordFailedLogin(db, user.id, actor);
    throw new AppError(401, "invalid_credentials", WRONG_CREDENTIALS);
  }
  if (user.disabled) throw new AppError(403, "account_disabled", "このアカウントは無効です。システム管理者にお問い合わせください。");

  return db.transaction(async (tx) => {
    await tx.query("UPDATE users SET failed_login_count = 0, locked_until = NULL, last_login_at = now() WHERE id = $1", [user.id]);
    const session = await createSession(tx, user.id, timeouts);
    await recordAudit(tx, actor, { action: "login", entityType: "user", entityId: user.id, summary: "ログイン" });
    return { ...session, user: await loadPrincipal(tx, user) };
  });
}

async function recordFailedLogin(db: Db, userId: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ failed_login_count: number }>(
      `UPDATE users SET failed_login_count = failed_login_count + 1,
              locked_until = CASE WHEN failed_login_count + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
        WHERE id = $1 RETURNING failed_login_count`,
      [userId, LOGIN_LIMITS.failuresBeforeLock, LOGIN_LIMITS.lockMinutes],
    );
    const locked = rows[0].failed_login_count >= LOGIN_LIMITS.failuresBeforeLock;
    await recordAudit(tx, actor, {
      action: locked ? "account_locked" : "login_failed",
      entityType: "user",
      entityId: userId,
      summary: locked ? "連続したログイン失敗によりアカウントをロック" : "ログイン失敗",
    });
  });
}

export function assertPasswordAcceptable(password: string, loginId: string, field = "password"): void {
  const problem = passwordProblem(password, loginId);
  if (problem) throw new ValidationError(problem, { [field]: problem });
}

// ------------------------------------------------------------------ first administrator

const SETUP_TOKEN_HOURS = 24;

export async function adminExists(db: Queryable): Promise<boolean> {
  const { rows } = await db.query("SELECT 1 FROM users WHERE role = 'admin' AND NOT disabled AND password_hash IS NOT NULL LIMIT 1");
  return rows.length > 0;
}

/** When no administrator exists, issues a fresh one-time setup token (earlier unused ones stop working). */
export async function issueSetupToken(db: Db): Promise<string | null> {
  if (await adminExists(db)) return null;
  const token = newToken();
  await db.transaction(async (tx) => {
    await tx.query("DELETE FROM setup_tokens WHERE used_at IS NULL");
    await tx.query(
      "INSERT INTO setup_tokens (token_hash, purpose, expires_at) VALUES ($1, 'first-admin', now() + make_interval(hours => $2))",
      [hashToken(token), SETUP_TOKEN_HOURS],
    );
  });
  return token;
}

export async function setupTokenValid(db: Queryable, token: string): Promise<boolean> {
  const { rows } = await db.query("SELECT 1 FROM setup_tokens WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()", [
    hashToken(token),
  ]);
  return rows.length > 0;
}

export async function completeSetup(
  db: Db,
  input: { token: string; loginId: string; displayName: string; password: string; requestId: string },
  timeouts: SessionTimeouts,
): Promise<LoginResult> {
  assertPasswordAcceptable(input.password, input.loginId);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // Consuming the token first, under its row lock, makes a second concurrent use fail.
    const used = await tx.query(
      "UPDATE setup_tokens SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING token_hash",
      [hashToken(input.token)],
    );
    if (used.rowCount === 0)
      throw new AppError(
        400,
        "setup_token_invalid",
        "初期設定リンクが無効か期限切れです。サーバーを再起動すると新しいリンクが表示されます。",
      );
    if (await adminExists(tx)) throw new AppError(409, "setup_done", "システム管理者は既に設定されています。");
    const root = await tx.query<{ id: string }>(
      "SELECT id FROM organisations WHERE parent_id IS NULL ORDER BY sort_order, created_at LIMIT 1",
    );
    const organisationId = root.rows[0]?.id ?? (await createRootOrganisation(tx));
    const taken = await findUserByLogin(tx, input.loginId);
    if (taken) throw new ValidationError("このログインIDは既に使われています。", { loginId: "このログインIDは既に使われています。" });
    const { rows } = await tx.query<{ id: string; login_id: string; display_name: string; role: "admin"; organisation_id: string }>(
      `INSERT INTO users (login_id, display_name, password_hash, role, organisation_id, password_changed_at, last_login_at)
       VALUES ($1, $2, $3, 'admin', $4, now(), now()) RETURNING id, login_id, display_name, role, organisation_id`,
      [input.loginId, input.displayName, passwordHash, organisationId],
    );
    const user = rows[0];
    const actor: Actor = { userId: user.id, label: user.display_name, requestId: input.requestId };
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "user",
      entityId: user.id,
      summary: "初期設定でシステム管理者を作成",
      after: { loginId: user.login_id, displayName: user.display_name, role: "admin" },
    });
    const session = await createSession(tx, user.id, timeouts);
    return { ...session, user: await loadPrincipal(tx, user) };
  });
}

async function createRootOrganisation(tx: Queryable): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    "INSERT INTO organisations (kind, name, code) VALUES ('municipality', '本市', 'city') RETURNING id",
  );
  return rows[0].id;
}

// ------------------------------------------------------------------ password change

export async function changeOwnPassword(
  db: Db,
  user: Principal,
  input: { currentPassword: string; newPassword: string; requestId: string },
  timeouts: SessionTimeouts,
): Promise<LoginResult> {
  const row = await findUserById(db, user.id);
  if (!row || !(await verifyPassword(row.password_hash, input.currentPassword))) {
    throw new ValidationError("現在のパスワードが正しくありません。", { currentPassword: "現在のパスワードが正しくありません。" });
  }
  assertPasswordAcceptable(input.newPassword, row.login_id, "newPassword");
  if (input.currentPassword === input.newPassword) {
    throw new ValidationError("新しいパスワードは現在と異なるものにしてください。", {
      newPassword: "新しいパスワードは現在と異なるものにしてください。",
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    await tx.query("UPDATE users SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE id = $1", [
      user.id,
      passwordHash,
    ]);
    await deleteUserSessions(tx, user.id); // every other device is signed out
    await recordAudit(
      tx,
      { userId: user.id, label: user.displayName, requestId: input.requestId },
      { action: "password_change", entityType: "user", entityId: user.id, summary: "パスワード変更" },
    );
    const session = await createSession(tx, user.id, timeouts);
    return { ...session, user };
  });
}
