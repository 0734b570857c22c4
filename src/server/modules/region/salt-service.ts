// The daily salt of the visitor hash: 16 random bytes per day in Japan, made by the day's first visit and deleted 48
// hours after it was made (a scheduled task), so that a stored hash can no longer be recomputed from an address and
// one person's visits on two days cannot be tied together. No audit row: a salt is no one's record, and deleting it is
// the point.
import { randomBytes } from "node:crypto";
import { isoDateInJapan } from "../../../common/dates";
import { SALT_BYTES, SALT_MAX_AGE_HOURS } from "../../../common/region/visitor-hash";
import type { Db, Queryable } from "../../db/database";
import type { ScheduledTask } from "../../platform/scheduler";
import * as repo from "./salt-repository";

/** The salt of the day `now` falls on in Japan, made on first use (two requests at once share the one stored first). */
export async function saltOfDay(db: Queryable, now: Date): Promise<{ day: string; salt: Uint8Array }> {
  const day = isoDateInJapan(now);
  const found = await repo.findSalt(db, day);
  if (found) return { day, salt: found };
  await repo.insertSaltIfNone(db, day, new Uint8Array(randomBytes(SALT_BYTES)));
  const stored = await repo.findSalt(db, day);
  if (!stored) throw new Error(`region visit salt of ${day} missing after insert`);
  return { day, salt: stored };
}

/** Deletes the salts older than 48 hours; returns the days whose salt went. */
export async function pruneVisitSalts(db: Queryable, now = new Date()): Promise<{ deleted: string[] }> {
  const before = new Date(now.getTime() - SALT_MAX_AGE_HOURS * 3_600_000);
  return { deleted: await repo.deleteSaltsCreatedBefore(db, before) };
}

/** Hourly: a salt lives at most an hour past its 48 hours. Idempotent, so several processes may run it. */
export const visitSaltPruneTask: ScheduledTask = {
  name: "region.visit-salt-prune",
  everyMinutes: 60,
  run: async (db: Db, log) => {
    const { deleted } = await pruneVisitSalts(db);
    if (deleted.length > 0) log.info({ task: "region.visit-salt-prune", deleted: deleted.length }, "visit salts deleted");
    return { deleted };
  },
};
