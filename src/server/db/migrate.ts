// Applies the committed SQL migrations (migrations/NNNN_name.sql) in name order, each once, each in its own
// transaction together with its bookkeeping row. On a PostgreSQL server an advisory lock keeps two processes that
// start at the same moment from applying the same migration twice.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../paths";
import type { Db } from "./database";

const MIGRATION_LOCK_KEY = 7_320_001; // arbitrary, constant: "yokogushi migrations"

export interface Migration {
  name: string;
  sql: string;
}

export function loadMigrations(dir = path.join(projectRoot, "migrations")): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ name: file.replace(/\.sql$/, ""), sql: readFileSync(path.join(dir, file), "utf8") }));
}

const UNDEFINED_TABLE = "42P01";

/** The names recorded as applied; none on an empty database, which has no bookkeeping table yet. */
async function appliedNames(db: Db): Promise<Set<string>> {
  try {
    const { rows } = await db.query<{ name: string }>("SELECT name FROM schema_migrations");
    return new Set(rows.map((row) => row.name));
  } catch (error) {
    if ((error as { code?: string }).code === UNDEFINED_TABLE) return new Set();
    throw error;
  }
}

/**
 * Returns the names of the migrations applied by this call. On an up-to-date database (every restart) this is one
 * query; each pending migration then runs in its own transaction, which checks again under the lock whether another
 * process applied it meanwhile.
 */
export async function migrate(db: Db, migrations = loadMigrations()): Promise<string[]> {
  const seenBefore = await appliedNames(db);
  const pending = migrations.filter((migration) => !seenBefore.has(migration.name));
  if (pending.length === 0) return [];
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: string[] = [];
  for (const migration of pending) {
    const done = await db.transaction(async (tx) => {
      if (db.kind === "postgres") await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
      const seen = await tx.query("SELECT 1 FROM schema_migrations WHERE name = $1", [migration.name]);
      if (seen.rowCount > 0) return false;
      // The file runs as one script (both drivers take several statements without parameters): no splitter to
      // get a function body, a string or a comment wrong.
      await tx.exec(migration.sql);
      await tx.query("INSERT INTO schema_migrations (name) VALUES ($1)", [migration.name]);
      return true;
    });
    if (done) applied.push(migration.name);
  }
  return applied;
}
