// Sign-in state that can no longer matter is removed, and nothing that still matters.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../testing/db";
import { buildCity } from "../../testing/factories";
import { pruneSignInState, signInHousekeepingTask } from "./housekeeping";

let t: TestDb;
let city: Awaited<ReturnType<typeof buildCity>>;
beforeAll(async () => {
  t = await createTestDb();
  city = await buildCity(t.db);
}, 120_000);
afterAll(() => t.cleanup());

describe("sign-in housekeeping", () => {
  it("removes expired sessions, day-old rate-limit windows and long-unused known addresses, keeping current ones", async () => {
    const user = city.editor.id;
    await t.db.query(
      `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES
         ('expired', $1, 'x', now() - interval '1 minute'), ('current', $1, 'y', now() + interval '1 hour')`,
      [user],
    );
    await t.db.query(
      `INSERT INTO rate_limit_counters (bucket, window_start, hits) VALUES
         ('login:old', now() - interval '2 days', 3), ('login:new', now() - interval '1 minute', 3)`,
    );
    await t.db.query(
      `INSERT INTO login_known_addresses (user_id, address, last_login_at) VALUES
         ($1, '192.0.2.1', now() - interval '200 days'), ($1, '192.0.2.2', now() - interval '1 day')`,
      [user],
    );
    await pruneSignInState(t.db);
    expect((await t.db.query<{ token_hash: string }>("SELECT token_hash FROM sessions")).rows.map((r) => r.token_hash)).toEqual([
      "current",
    ]);
    expect((await t.db.query<{ bucket: string }>("SELECT bucket FROM rate_limit_counters")).rows.map((r) => r.bucket)).toEqual([
      "login:new",
    ]);
    expect((await t.db.query<{ address: string }>("SELECT address FROM login_known_addresses")).rows.map((r) => r.address)).toEqual([
      "192.0.2.2",
    ]);
  });

  it("item 13: runs as a scheduled task every hour, pruning an expired session", async () => {
    await t.db.query(
      "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ('stale', $1, 'z', now() - interval '1 second')",
      [city.editor.id],
    );
    expect(signInHousekeepingTask).toMatchObject({ name: "auth.sign-in-housekeeping", everyMinutes: 60 });
    const log = { warn: () => {}, info: () => {}, error: () => {} } as unknown as Parameters<typeof signInHousekeepingTask.run>[1];
    await signInHousekeepingTask.run(t.db, log);
    expect((await t.db.query("SELECT 1 FROM sessions WHERE token_hash = 'stale'")).rowCount).toBe(0);
  });
});
