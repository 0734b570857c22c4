// Fixed-window rate limiting with the counters in the database, so every server process shares them.
import type { Queryable } from "../../db/database";

export interface RateLimitResult {
  allowed: boolean;
  hits: number;
  retryAfterSeconds: number;
}

/** Counts one hit on `bucket` in the current window of `windowSeconds`; allowed while hits ≤ limit. */
export async function hitRateLimit(db: Queryable, bucket: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const nowSeconds = Math.floor(Date.now() / 1000);
  const windowStartSeconds = nowSeconds - (nowSeconds % windowSeconds);
  const { rows } = await db.query<{ hits: number }>(
    `INSERT INTO rate_limit_counters (bucket, window_start, hits) VALUES ($1, to_timestamp($2), 1)
     ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_counters.hits + 1
     RETURNING hits`,
    [bucket, windowStartSeconds],
  );
  const hits = rows[0].hits;
  return { allowed: hits <= limit, hits, retryAfterSeconds: windowStartSeconds + windowSeconds - nowSeconds };
}

/** The hits on `bucket` in the current window, without counting one. */
export async function readRateLimit(db: Queryable, bucket: string, windowSeconds: number): Promise<number> {
  const nowSeconds = Math.floor(Date.now() / 1000);
  const { rows } = await db.query<{ hits: number }>(
    "SELECT hits FROM rate_limit_counters WHERE bucket = $1 AND window_start = to_timestamp($2)",
    [bucket, nowSeconds - (nowSeconds % windowSeconds)],
  );
  return rows[0]?.hits ?? 0;
}

/** Takes back one hit on `bucket` in the current window (an attempt that was turned away before it was tried). */
export async function unhitRateLimit(db: Queryable, bucket: string, windowSeconds: number): Promise<void> {
  const nowSeconds = Math.floor(Date.now() / 1000);
  await db.query("UPDATE rate_limit_counters SET hits = hits - 1 WHERE bucket = $1 AND window_start = to_timestamp($2) AND hits > 0", [
    bucket,
    nowSeconds - (nowSeconds % windowSeconds),
  ]);
}

/** Forgets every window of the buckets named (a successful login, an administrator lifting a limit). */
export async function clearRateLimits(db: Queryable, buckets: string[]): Promise<void> {
  await db.query("DELETE FROM rate_limit_counters WHERE bucket = ANY($1::text[])", [buckets]);
}

/** Old windows are useless; removed every hour (auth/housekeeping.ts). */
export async function pruneRateLimits(db: Queryable, olderThanSeconds = 86400): Promise<void> {
  await db.query("DELETE FROM rate_limit_counters WHERE window_start < now() - make_interval(secs => $1)", [olderThanSeconds]);
}
