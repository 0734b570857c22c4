// Sessions live in the database (any server process can serve any request). The cookie holds a random token;
// the table holds only its hash. Idle and absolute time-outs; killed at logout, disable and password change.
import type { Queryable } from "../../db/database";
import type { Principal } from "./permissions";
import { type OrganisationColumns, principalOf, type UserRow, withOrganisationAndBureau } from "./principal-repo";
import { startRequestMemo } from "./request-memo";
import { hashToken, newToken } from "./tokens";

export interface SessionTimeouts {
  idleMinutes: number;
  absoluteHours: number;
}

export interface NewSession {
  token: string;
  csrfToken: string;
}

/** Where a session is started from, kept so that its owner can recognise it (「ログイン中の端末」). */
export interface SessionOrigin {
  clientAddress?: string | null;
  userAgent?: string | null;
}

export async function createSession(
  tx: Queryable,
  userId: string,
  timeouts: SessionTimeouts,
  origin: SessionOrigin = {},
): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken();
  await tx.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at, client_address, user_agent)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4), $5, $6)`,
    [
      hashToken(token),
      userId,
      csrfToken,
      timeouts.absoluteHours,
      origin.clientAddress?.slice(0, 100) || null,
      origin.userAgent?.slice(0, 300) || null,
    ],
  );
  return { token, csrfToken };
}

export interface SessionListItem {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  clientAddress: string | null;
  userAgent: string | null;
  current: boolean;
}

/** A user's live sessions (not expired, not idle too long), newest use first; `current` marks the caller's own. */
export async function listUserSessions(
  db: Queryable,
  userId: string,
  currentToken: string | null,
  timeouts: SessionTimeouts,
): Promise<SessionListItem[]> {
  const { rows } = await db.query<{
    id: string;
    token_hash: string;
    created_at: Date;
    last_seen_at: Date;
    expires_at: Date;
    client_address: string | null;
    user_agent: string | null;
  }>(
    `SELECT id, token_hash, created_at, last_seen_at, expires_at, client_address, user_agent FROM sessions
      WHERE user_id = $1 AND expires_at > now() AND last_seen_at > now() - make_interval(mins => $2)
      ORDER BY last_seen_at DESC, created_at DESC`,
    [userId, timeouts.idleMinutes],
  );
  const currentHash = currentToken ? hashToken(currentToken) : null;
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.created_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    clientAddress: row.client_address,
    userAgent: row.user_agent,
    current: row.token_hash === currentHash,
  }));
}

/** Ends the user's own sessions named (never another user's); returns the ids actually ended. */
export async function deleteOwnSessions(tx: Queryable, userId: string, sessionIds: string[]): Promise<SessionListItem["id"][]> {
  const { rows } = await tx.query<{ id: string }>("DELETE FROM sessions WHERE user_id = $1 AND id = ANY($2::uuid[]) RETURNING id", [
    userId,
    sessionIds,
  ]);
  return rows.map((row) => row.id);
}

export interface ActiveSession {
  user: Principal;
  csrfToken: string;
}

/**
 * The live session for a cookie token with its user, organisation and 局 (one statement), or null when the session
 * is unknown, expired, idle too long or its user is disabled; refreshes its idle clock at most once a minute.
 */
export async function findSession(db: Queryable, token: string, timeouts: SessionTimeouts): Promise<ActiveSession | null> {
  const tokenHash = hashToken(token);
  const { rows } = await db.query<
    Pick<UserRow, "id" | "login_id" | "display_name" | "role" | "organisation_id"> &
      OrganisationColumns & { csrf_token: string; stale: boolean }
  >(
    withOrganisationAndBureau(
      `SELECT u.id, u.login_id, u.display_name, u.role, u.organisation_id, s.csrf_token,
              s.last_seen_at < now() - interval '1 minute' AS stale
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled
          AND s.last_seen_at > now() - make_interval(mins => $2)`,
    ),
    [tokenHash, timeouts.idleMinutes],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.stale) await db.query("UPDATE sessions SET last_seen_at = now() WHERE token_hash = $1", [tokenHash]);
  // A new caller per lookup, i.e. per request: what the request looks up once hangs on it (request-memo.ts).
  return { user: startRequestMemo(principalOf(row, row)), csrfToken: row.csrf_token };
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.query("DELETE FROM sessions WHERE token_hash = $1", [hashToken(token)]);
}

export async function deleteUserSessions(tx: Queryable, userId: string): Promise<void> {
  await tx.query("DELETE FROM sessions WHERE user_id = $1", [userId]);
}

export async function pruneSessions(db: Queryable): Promise<void> {
  await db.query("DELETE FROM sessions WHERE expires_at < now()");
}
