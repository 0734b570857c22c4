import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb, testDbKind } from "../testing/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await t.db.exec(
    "CREATE TABLE driver_check (id bigint PRIMARY KEY, day date NOT NULL, at timestamptz NOT NULL DEFAULT now(), amount numeric)",
  );
});
afterAll(() => t.cleanup());

// Both drivers must hand repositories the same values (DESIGN.md: they disagree by default under TZ=Asia/Tokyo).
describe("database driver values", () => {
  it("reads a date as the same YYYY-MM-DD string it was written as, under TZ=Asia/Tokyo", async () => {
    await t.db.query("INSERT INTO driver_check (id, day, amount) VALUES (1, '2024-11-30', 12.5)");
    const { rows } = await t.db.query<{ day: unknown; id: unknown; amount: unknown; at: unknown }>(
      "SELECT * FROM driver_check WHERE id = 1",
    );
    expect(process.env.TZ).toBe("Asia/Tokyo");
    expect(rows[0].day).toBe("2024-11-30");
    expect(rows[0].id).toBe(1);
    expect(rows[0].amount).toBe(12.5);
    expect(rows[0].at).toBeInstanceOf(Date);
  });

  it("counts the rows a SELECT returns and the rows a write changes", async () => {
    await t.db.query("INSERT INTO driver_check (id, day) VALUES (2, '2025-03-31'), (3, '2025-04-01')");
    expect((await t.db.query("SELECT 1 FROM driver_check WHERE id >= 2")).rowCount).toBe(2);
    expect((await t.db.query("SELECT 1 FROM driver_check WHERE id = 99")).rowCount).toBe(0);
    expect((await t.db.query("UPDATE driver_check SET amount = 1 WHERE id >= 2")).rowCount).toBe(2);
  });

  it("answers reads started together inside a transaction, one after another, without the driver's queue warning", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on("warning", onWarning);
    try {
      const answers = await t.db.transaction((tx) =>
        Promise.all([
          tx.query<{ n: number }>("SELECT 1 AS n, pg_sleep(0.02)"),
          tx.query<{ n: number }>("SELECT 2 AS n"),
          tx.query<{ n: number }>("SELECT 3 AS n"),
        ]),
      );
      expect(answers.map((a) => a.rows[0].n)).toEqual([1, 2, 3]);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.includes("already executing a query"))).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });

  it.runIf(testDbKind() === "postgres")("runs the app's queries without JIT compiling (it cost more than the queries)", async () => {
    const { rows } = await t.db.query<{ jit: string }>("SHOW jit");
    expect(rows[0].jit).toBe("off");
  });

  it("rolls back every statement of a failed transaction", async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query("INSERT INTO driver_check (id, day) VALUES (10, '2025-01-01')");
        await tx.query("INSERT INTO driver_check (id, day) VALUES (10, '2025-01-02')"); // duplicate key
      }),
    ).rejects.toThrow();
    expect((await t.db.query("SELECT 1 FROM driver_check WHERE id = 10")).rowCount).toBe(0);
    expect((await t.db.query("SELECT 1")).rowCount).toBe(1); // the connection is usable after the error
  });
});

describe("migrations", () => {
  it("applies nothing the second time (a restart on an existing database)", async () => {
    const { migrate } = await import("./migrate");
    expect(await migrate(t.db)).toEqual([]);
  });

  // Issue 13 (tidy): a migration file runs as one script, on both drivers; no statement splitter in between.
  it("item 13: applies a multi-statement migration with a function body, strings, comments and a trigger", async () => {
    const { migrate } = await import("./migrate");
    const sql = `-- a comment; with a semicolon and a 'quote
CREATE TABLE mig_check (id int PRIMARY KEY, note text NOT NULL DEFAULT 'it''s; fine');
CREATE FUNCTION mig_check_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'mig_check is frozen; no updates';
  RETURN NULL;
END;
$$;
CREATE TRIGGER mig_check_frozen BEFORE UPDATE ON mig_check FOR EACH ROW EXECUTE FUNCTION mig_check_frozen();
INSERT INTO mig_check (id) VALUES (1);`;
    expect(await migrate(t.db, [{ name: "9001_multi_statement", sql }])).toEqual(["9001_multi_statement"]);
    const { rows } = await t.db.query<{ note: string }>("SELECT note FROM mig_check WHERE id = 1");
    expect(rows[0].note).toBe("it's; fine");
    await expect(t.db.query("UPDATE mig_check SET note = 'x'")).rejects.toThrow(/frozen; no updates/);
    expect(await migrate(t.db, [{ name: "9001_multi_statement", sql }])).toEqual([]);
  });

  it("item 13: a migration whose last statement fails leaves nothing behind, not even its first statements", async () => {
    const { migrate } = await import("./migrate");
    const sql = "CREATE TABLE mig_half (id int);\nINSERT INTO mig_half VALUES (1);\nSELECT no_such_function();";
    await expect(migrate(t.db, [{ name: "9002_fails", sql }])).rejects.toThrow();
    expect((await t.db.query("SELECT 1 FROM pg_tables WHERE tablename = 'mig_half'")).rowCount).toBe(0);
    expect((await t.db.query("SELECT 1 FROM schema_migrations WHERE name = '9002_fails'")).rowCount).toBe(0);
  });
});
