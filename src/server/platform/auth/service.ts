// Login, logout, first-administrator setup and password change.
import type { OrganisationKind } from "../../../common/api/platform";
import { passwordProblem } from "../../../common/password-rules";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../audit/audit";
import { AppError, NotFound, TooManyRequests, ValidationError } from "../errors";
import { hashPassword, verifyPassword } from "./passwords";
import type { Principal } from "./permissions";
import { findUserById, findUserByLogin, loadPrincipal } from "./principal-repo";
import { clearRateLimits, hitRateLimit, readRateLimit, unhitRateLimit } from "./rate-limit";
import {
  createSession,
  deleteOwnSessions,
  deleteUserSessions,
  type NewSession,
  type SessionOrigin,
  type SessionTimeouts,
} from "./sessions";
import { hashToken, newToken } from "./tokens";

/**
 * Login throttling, in one place. No wrong password ever locks an account (anyone could lock anyone out, the
 * administrator included). Instead, counted in the database (rate_limit_counters) so every server process shares them:
 * - an address: 30 attempts per 5 minutes, whatever the accounts (one machine spraying many accounts);
 * - an account from one address: after 5 wrong passwords in 15 minutes, that address waits until the window ends
 *   (429 + Retry-After) — the real user at another address is not affected;
 * - an account from anywhere: after 10 wrong passwords in 15 minutes, the account is slowed, not locked: 3 attempts a
 *   minute in all from addresses that are not exempt. Exempt is an address the account has signed in from before
 *   (within knownAddressDays) that has not failed for it since: the real user keeps signing in at once, while a
 *   guesser spread over many fresh addresses gets 3 guesses a minute (plus 10 a window), about 5,000 a day at most.
 */
export const LOGIN_LIMITS = {
  perAddress: 30,
  perAddressWindowSeconds: 300,
  perAccountAddress: 5,
  perAccountAddressWindowSeconds: 900,
  accountFailuresBeforeSlowing: 10,
  accountWindowSeconds: 900,
  slowedAttempts: 3,
  slowedWindowSeconds: 60,
  knownAddressDays: 90,
} as const;

const WRONG_CREDENTIALS = "ログインIDまたはパスワードが正しくありません。";

/** The counters of one account (by login id, so that unknown ids behave like known ones). */
export const loginBuckets = (loginId: string, clientAddress: string) => ({
  address: `login:${clientAddress}`,
  pair: `login-pair:${loginId}|${clientAddress}`,
  accountFailures: `login-fail:${loginId}`,
  slowed: `login-slow:${loginId}`,
});

export interface LoginResult extends NewSession {
  user: Principal;
}

const waitMinutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

export async function login(
  db: Db,
  input: { loginId: string; password: string; clientAddress: string; userAgent?: string | null; requestId: string },
  timeouts: SessionTimeouts,
): Promise<LoginResult> {
  const loginId = input.loginId.trim().toLowerCase();
  const buckets = loginBuckets(loginId, input.clientAddress);
  const limit = await hitRateLimit(db, buckets.address, LOGIN_LIMITS.perAddress, LOGIN_LIMITS.perAddressWindowSeconds);
  if (!limit.allowed) {
    throw new TooManyRequests(
      `ログインの試行が多すぎます。${waitMinutes(limit.retryAfterSeconds)}分ほど待ってから再度お試しください。`,
      limit.retryAfterSeconds,
    );
  }
  // Counted before the password is checked, so that parallel requests cannot slip past the limit; a success clears it.
  const pair = await hitRateLimit(db, buckets.pair, LOGIN_LIMITS.perAccountAddress, LOGIN_LIMITS.perAccountAddressWindowSeconds);
  if (!pair.allowed) {
    throw new TooManyRequests(
      `このアカウントへのログインに続けて失敗したため、この端末からのログインを一時的に止めています。${waitMinutes(pair.retryAfterSeconds)}分ほど待ってから再度お試しください。`,
      pair.retryAfterSeconds,
    );
  }
  const user = await findUserByLogin(db, loginId);
  const accountFailures = await readRateLimit(db, buckets.accountFailures, LOGIN_LIMITS.accountWindowSeconds);
  if (accountFailures >= LOGIN_LIMITS.accountFailuresBeforeSlowing) {
    const exempt = pair.hits === 1 && user !== null && (await isKnownAddress(db, user.id, input.clientAddress));
    if (!exempt) {
      const slowed = await hitRateLimit(db, buckets.slowed, LOGIN_LIMITS.slowedAttempts, LOGIN_LIMITS.slowedWindowSeconds);
      if (!slowed.allowed) {
        // Turned away before the password was tried: not a failure of this address (the real user may retry).
        await unhitRateLimit(db, buckets.pair, LOGIN_LIMITS.perAccountAddressWindowSeconds);
        throw new TooManyRequests(
          `このアカウントへのログイン失敗が多いため、ログインの受付を遅くしています。${slowed.retryAfterSeconds}秒ほど待ってから再度お試しください。`,
          slowed.retryAfterSeconds,
        );
      }
    }
  }

  const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password);
  const actor: Actor = { userId: user?.id ?? null, label: user?.display_name ?? loginId, requestId: input.requestId };
  if (!user || !passwordOk) {
    await recordFailedLogin(db, buckets.accountFailures, user?.id ?? null, actor);
    throw new AppError(401, "invalid_credentials", WRONG_CREDENTIALS);
  }
  if (user.disabled) throw new AppError(403, "account_disabled", "このアカウントは無効です。システム管理者にお問い合わせください。");

  return db.transaction(async (tx) => {
    await tx.query("UPDATE users SET failed_login_count = 0, locked_until = NULL, last_login_at = now() WHERE id = $1", [user.id]);
    // This address is the user's again: its failures are forgotten (not the account's, which a guesser elsewhere made).
    await clearRateLimits(tx, [buckets.pair]);
    await rememberAddress(tx, user.id, input.clientAddress);
    const session = await createSession(tx, user.id, timeouts, input);
    await recordAudit(tx, actor, { action: "login", entityType: "user", entityId: user.id, summary: "ログイン" });
    return { ...session, user: await loadPrincipal(tx, user) };
  });
}

async function rememberAddress(tx: Queryable, userId: string, address: string): Promise<void> {
  await tx.query(
    `INSERT INTO login_known_addresses (user_id, address) VALUES ($1, $2)
     ON CONFLICT (user_id, address) DO UPDATE SET last_login_at = now()`,
    [userId, address.slice(0, 100)],
  );
}

async function isKnownAddress(db: Queryable, userId: string, address: string): Promise<boolean> {
  const { rows } = await db.query(
    "SELECT 1 FROM login_known_addresses WHERE user_id = $1 AND address = $2 AND last_login_at > now() - make_interval(days => $3)",
    [userId, address, LOGIN_LIMITS.knownAddressDays],
  );
  return rows.length > 0;
}

async function recordFailedLogin(db: Db, bucket: string, userId: string | null, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const failures = await hitRateLimit(tx, bucket, Number.MAX_SAFE_INTEGER, LOGIN_LIMITS.accountWindowSeconds);
    if (!userId) return; // an unknown login id: counted the same way, but there is no account to record it on
    const slowing = failures.hits === LOGIN_LIMITS.accountFailuresBeforeSlowing;
    await recordAudit(tx, actor, {
      action: slowing ? "login_slowed" : "login_failed",
      entityType: "user",
      entityId: userId,
      summary: slowing ? "ログイン失敗が続いたため、このアカウントへのログインの受付を遅くしました（ロックはしません）" : "ログイン失敗",
    });
  });
}

/** An administrator lifts every login limit of an account (its own, and from every address). */
export async function clearLoginThrottle(tx: Queryable, loginId: string): Promise<void> {
  const buckets = loginBuckets(loginId, "");
  await clearRateLimits(tx, [buckets.accountFailures, buckets.slowed]);
  await tx.query("DELETE FROM rate_limit_counters WHERE starts_with(bucket, $1)", [buckets.pair]);
}

/** SQL that tells whether an account (column `login_id` of alias u) is being slowed now, for the administrators' list. */
export const LOGIN_SLOWED_SQL = `EXISTS (SELECT 1 FROM rate_limit_counters rl
  WHERE rl.bucket = 'login-fail:' || u.login_id AND rl.window_start > now() - make_interval(secs => ${LOGIN_LIMITS.accountWindowSeconds})
    AND rl.hits >= ${LOGIN_LIMITS.accountFailuresBeforeSlowing})`;

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

export interface SetupOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  depth: number;
}

/**
 * The city's own organisations (a root that is not external, and everything under it that is not external), in tree
 * order: where the first administrator may sit. Suppliers, partner municipalities and council members are external.
 */
export async function cityOrganisations(db: Queryable): Promise<SetupOrganisation[]> {
  const { rows } = await db.query<{ id: string; parent_id: string | null; kind: OrganisationKind; name: string }>(
    "SELECT id, parent_id, kind, name FROM organisations ORDER BY sort_order, created_at, name",
  );
  const children = new Map<string | null, typeof rows>();
  for (const row of rows) children.set(row.parent_id, [...(children.get(row.parent_id) ?? []), row]);
  const out: SetupOrganisation[] = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const row of children.get(parentId) ?? []) {
      if (row.kind === "external") continue;
      out.push({ id: row.id, name: row.name, kind: row.kind, depth });
      visit(row.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** 政策局 (the Policy Bureau, which runs this system) when it exists; else the city itself. */
export function defaultSetupOrganisation(organisations: readonly SetupOrganisation[]): string | null {
  const choice =
    organisations.find((o) => o.kind === "bureau" && o.name === "政策局") ??
    organisations.find((o) => o.depth === 0 && o.kind === "municipality") ??
    organisations[0];
  return choice?.id ?? null;
}

export async function completeSetup(
  db: Db,
  input: {
    token: string;
    loginId: string;
    displayName: string;
    password: string;
    organisationId?: string;
    requestId: string;
  } & SessionOrigin,
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
    // The administrator belongs to the city: never to an external organisation (a sample supplier came first before).
    const own = await cityOrganisations(tx);
    if (input.organisationId && !own.some((o) => o.id === input.organisationId)) {
      const message = "所属は市の組織から選んでください（事業者・連携自治体などの外部の団体は選べません）。";
      throw new ValidationError(message, { organisationId: message });
    }
    const organisationId = input.organisationId ?? defaultSetupOrganisation(own) ?? (await createRootOrganisation(tx));
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
    if (input.clientAddress) await rememberAddress(tx, user.id, input.clientAddress);
    const session = await createSession(tx, user.id, timeouts, input);
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
  input: { currentPassword: string; newPassword: string; requestId: string } & SessionOrigin,
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
    const session = await createSession(tx, user.id, timeouts, input);
    return { ...session, user };
  });
}

// ------------------------------------------------------------------ the user's own sessions (ログイン中の端末)

/** Ends one of the caller's other sessions; another user's session, or one already gone, is "not found". */
export async function endOwnSession(db: Db, user: Principal, actor: Actor, currentToken: string | null, sessionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const current = currentToken
      ? await tx.query("SELECT 1 FROM sessions WHERE token_hash = $1 AND id = $2", [hashToken(currentToken), sessionId])
      : { rowCount: 0 };
    if (current.rowCount > 0) {
      throw new ValidationError("この端末のセッションは「ログアウト」で終了してください。");
    }
    const ended = await deleteOwnSessions(tx, user.id, [sessionId]);
    if (ended.length === 0) throw new NotFound("セッション");
    await recordAudit(tx, actor, {
      action: "session_end",
      entityType: "user",
      entityId: user.id,
      summary: "ほかの端末のセッションを終了",
      after: { sessionIds: ended },
    });
  });
}

/** Ends every session of the caller except the one making the request; returns how many were ended. */
export async function endOtherSessions(db: Db, user: Principal, actor: Actor, currentToken: string | null): Promise<number> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2 RETURNING id", [
      user.id,
      currentToken ? hashToken(currentToken) : "",
    ]);
    if (rows.length > 0) {
      await recordAudit(tx, actor, {
        action: "session_end",
        entityType: "user",
        entityId: user.id,
        summary: `ほかの端末のセッションをすべて終了（${rows.length}件）`,
        after: { sessionIds: rows.map((row) => row.id) },
      });
    }
    return rows.length;
  });
}
