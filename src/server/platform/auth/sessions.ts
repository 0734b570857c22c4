// Sessions live in the database (any server process can serve any request). The cookie holds a random token;
// the table holds only its hash. Idle and absolute time-outs; killed at logout, disable and password change.
import type { Queryable } from "../../db/database";
import { hashToken, newToken } from "./tokens";

export interface SessionTimeouts {
  idleMinutes: number;
  absoluteHours: number;
}

export interface NewSession {
  token: string;
  csrfToken: string;
}

export async function createSession(tx: Queryable, userId: string, timeouts: SessionTimeouts): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken();
  await tx.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4))`,
    [hashToken(token), userId, csrfToken, timeouts.absoluteHours],
  );
  return { token, csrfToken };
}

export interface ActiveSession {
  userId: string;
  csrfToken: string;
}

/** The live session for a cookie token, or null; refreshes its idle clock at most once a minute. */
export async function findSession(db: Queryable, token: string, timeouts: SessionTimeouts): Promise<ActiveSession | null> {
  const tokenHash = hashToken(token);
  const { rows } = await db.query<{ user_id: string; csrf_token: string; stale: boolean }>(
    `SELECT s.user_id, s.csrf_token, s.last_seen_at < now() - interval '1 minute' AS stale
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled
        AND s.last_seen_at > now() - make_interval(mins => $2)`,
    [tokenHash, timeouts.idleMinutes],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.stale) await db.query("UPDATE sessions SET last_seen_at = now() WHERE token_hash = $1", [tokenHash]);
  return { userId: row.user_id, csrfToken: row.csrf_token };
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
