// The visitor hash's daily salts: 16 random bytes per day in Japan, made by the day's first visit and the same for the
// rest of the day; the scheduled task (registered in the module's manifest) deletes every salt older than 48 hours and
// no other, so yesterday's and today's salts stay while they can still be needed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../platform/logger";
import { createTestDb, type TestDb } from "../../testing/db";
import { regionModule } from "./index";
import { pruneVisitSalts, saltOfDay, visitSaltPruneTask } from "./salt-service";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 120_000);
afterAll(() => t?.cleanup());

const HOUR = 3_600_000;

describe("the daily salt", () => {
  it("is 16 random bytes made on first use, the same all day, another the next day (in Japan)", async () => {
    const morning = await saltOfDay(t.db, new Date("2026-11-04T00:00:00+09:00"));
    const night = await saltOfDay(t.db, new Date("2026-11-04T23:59:59+09:00"));
    const next = await saltOfDay(t.db, new Date("2026-11-05T00:00:00+09:00"));
    expect(morning.day).toBe("2026-11-04");
    expect(morning.salt).toHaveLength(16);
    expect(Buffer.from(night.salt).equals(Buffer.from(morning.salt))).toBe(true);
    expect(next.day).toBe("2026-11-05");
    expect(Buffer.from(next.salt).equals(Buffer.from(morning.salt))).toBe(false);
  });
});

describe("the salt pruning task", () => {
  it("deletes the salts made more than 48 hours ago, and keeps the others", async () => {
    await t.db.query("DELETE FROM region_visit_salts");
    const now = new Date("2026-12-07T12:00:00+09:00");
    const made = (day: string, hoursAgo: number) =>
      t.db.query("INSERT INTO region_visit_salts (day, salt, created_at) VALUES ($1, $2, $3)", [
        day,
        new Uint8Array(16).fill(hoursAgo % 256),
        new Date(now.getTime() - hoursAgo * HOUR),
      ]);
    await made("2026-12-03", 100);
    await made("2026-12-05", 48.5);
    await made("2026-12-06", 47.5);
    await made("2026-12-07", 1);
    expect(await pruneVisitSalts(t.db, now)).toEqual({ deleted: ["2026-12-03", "2026-12-05"] });
    const left = await t.db.query<{ day: string }>("SELECT day FROM region_visit_salts ORDER BY day");
    expect(left.rows.map((r) => r.day)).toEqual(["2026-12-06", "2026-12-07"]);
    expect(await pruneVisitSalts(t.db, now)).toEqual({ deleted: [] });
  });

  it("runs as the module's scheduled task, hourly, against the clock", async () => {
    expect(regionModule.scheduled).toContain(visitSaltPruneTask);
    expect(visitSaltPruneTask.everyMinutes).toBeLessThanOrEqual(60);
    await t.db.query("DELETE FROM region_visit_salts");
    await t.db.query("INSERT INTO region_visit_salts (day, salt, created_at) VALUES ('2020-01-01', $1, now() - interval '49 hours')", [
      new Uint8Array(16),
    ]);
    await t.db.query("INSERT INTO region_visit_salts (day, salt) VALUES ('2020-01-02', $1)", [new Uint8Array(16)]);
    expect(await visitSaltPruneTask.run(t.db, createLogger("silent"))).toEqual({ deleted: ["2020-01-01"] });
  });
});
