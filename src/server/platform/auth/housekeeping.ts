// Removes sign-in state that can no longer matter, so that the tables stay small on a system that runs for years:
// expired sessions, rate-limit windows older than a day, and addresses an account has not signed in from within the
// known-address period (see LOGIN_LIMITS). Runs in every process that runs workers; it is idempotent.
import type { Queryable } from "../../db/database";
import type { ScheduledTask } from "../scheduler";
import { pruneRateLimits } from "./rate-limit";
import { LOGIN_LIMITS } from "./service";
import { pruneSessions } from "./sessions";

const HOUSEKEEPING_INTERVAL_MS = 60 * 60 * 1000;

export async function pruneSignInState(db: Queryable): Promise<void> {
  await pruneSessions(db);
  await pruneRateLimits(db);
  await db.query("DELETE FROM login_known_addresses WHERE last_login_at < now() - make_interval(days => $1)", [
    LOGIN_LIMITS.knownAddressDays,
  ]);
}

/** The pruning as a scheduled task: every process that runs workers runs it hourly (main.ts). */
export const signInHousekeepingTask: ScheduledTask = {
  name: "auth.sign-in-housekeeping",
  everyMinutes: HOUSEKEEPING_INTERVAL_MS / 60_000,
  run: (db) => pruneSignInState(db),
};
