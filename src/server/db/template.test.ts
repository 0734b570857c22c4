// The first-start template (template.ts) must be the very database that initdb and the migrations make: the same
// schema, the same rows the migrations insert, the same migrations recorded.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openPglite } from "./database";
import { loadMigrations, migrate } from "./migrate";
import { readDatabaseTemplate, writeDatabaseTemplate } from "./template";

/** Everything the migrations define in the public schema, as sorted text (no OIDs, no timestamps). */
async function describeDatabase(db: Db): Promise<Record<string, string[]>> {
  const list = async (sql: string) => (await db.query<{ d: string }>(sql)).rows.map((row) => row.d).sort();
  const description: Record<string, string[]> = {
    columns: await list(`SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' '
      || coalesce(column_default, '') AS d FROM information_schema.columns WHERE table_schema = 'public'`),
    constraints: await list(`SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS d
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace`),
    indexes: await list("SELECT indexdef AS d FROM pg_indexes WHERE schemaname = 'public'"),
    functions: await list(`SELECT pg_get_functiondef(p.oid) AS d FROM pg_proc p
      WHERE p.pronamespace = 'public'::regnamespace AND p.prokind = 'f'`),
    triggers: await list("SELECT pg_get_triggerdef(oid) AS d FROM pg_trigger WHERE NOT tgisinternal"),
    views: await list("SELECT viewname || ' ' || definition AS d FROM pg_views WHERE schemaname = 'public'"),
    extensions: await list("SELECT extname || ' ' || extversion AS d FROM pg_extension"),
  };
  // The rows the migrations insert (settings, code lists…), without the timestamps taken when they ran.
  const tables = await list("SELECT tablename AS d FROM pg_tables WHERE schemaname = 'public'");
  for (const table of tables) {
    const { rows } = await db.query<{ d: string }>(
      `SELECT (to_jsonb(t) - ARRAY(SELECT column_name::text FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = $1 AND data_type LIKE 'timestamp%'))::text AS d FROM "${table}" t`,
      [table],
    );
    description[`rows of ${table}`] = rows.map((row) => row.d).sort();
  }
  return description;
}

describe("database template", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "yokogushi-template-"));
  const tarball = path.join(dir, "template.tar.gz");
  const migrations = loadMigrations();

  beforeAll(() => writeDatabaseTemplate(tarball, migrations));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is the database a fresh initdb and migrate make", async () => {
    const template = readDatabaseTemplate(tarball, migrations);
    expect(template).toBeDefined();
    const copied = await openPglite("memory://", { loadDataDir: template });
    const fresh = await openPglite("memory://");
    try {
      expect(await migrate(fresh, migrations)).toHaveLength(migrations.length);
      // nothing left to apply: every migration is recorded in the copy
      expect(await migrate(copied, migrations)).toEqual([]);
      const expected = await describeDatabase(fresh);
      expect(expected.columns.length).toBeGreaterThan(100);
      expect(await describeDatabase(copied)).toEqual(expected);
    } finally {
      await copied.close();
      await fresh.close();
    }
  }, 120_000); // two databases made from nothing on a busy machine

  it("is not used for other migrations than those it was made from", () => {
    const edited = migrations.map((m, i) => (i === migrations.length - 1 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
    expect(readDatabaseTemplate(tarball, edited)).toBeUndefined();
    expect(readDatabaseTemplate(tarball, [...migrations, { name: "9999_next", sql: "SELECT 1" }])).toBeUndefined();
    expect(readDatabaseTemplate(path.join(dir, "missing.tar.gz"), migrations)).toBeUndefined();
    writeFileSync(tarball.replace(/\.tar\.gz$/, ".json"), "not json");
    expect(readDatabaseTemplate(tarball, migrations)).toBeUndefined();
  });
});
