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

/** Old windows are useless; removed now and then (by the maintenance job). */
export async function pruneRateLimits(db: Queryable, olderThanSeconds = 86400): Promise<void> {
  await db.query("DELETE FROM rate_limit_counters WHERE window_start < now() - make_interval(secs => $1)", [olderThanSeconds]);
}
