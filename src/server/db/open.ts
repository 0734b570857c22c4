// Opens the configured database: a PostgreSQL server when DATABASE_URL is set, otherwise the embedded PGlite under
// DATA_DIR (guarded by the data-dir lock), and brings its schema up to date.
import { existsSync } from "node:fs";
import path from "node:path";
import type { Config } from "../config";
import { lockDataDir } from "./data-dir-lock";
import { type Db, openPglite, openPostgres } from "./database";
import { loadMigrations, migrate } from "./migrate";
import { readDatabaseTemplate } from "./template";

export interface OpenDatabase {
  db: Db;
  /** closes the database and releases the data-dir lock */
  close(): Promise<void>;
}

export async function openDatabase(
  config: Pick<Config, "databaseUrl" | "dataDir">,
  opts: { migrate?: boolean; phase?: (name: string) => void } = {},
): Promise<OpenDatabase> {
  let db: Db;
  let release = () => {};
  const migrations = loadMigrations();
  if (config.databaseUrl) {
    db = openPostgres(config.databaseUrl);
  } else {
    release = lockDataDir(config.dataDir);
    try {
      const pgliteDir = path.join(config.dataDir, "pglite");
      // A new database starts as a copy of the build's migrated empty one (db/template.ts) rather than by initdb;
      // not for `yokogushi migrate`, which reports the migrations it applies.
      const isNew = opts.migrate !== false && !existsSync(path.join(pgliteDir, "PG_VERSION"));
      db = await openPglite(pgliteDir, { loadDataDir: isNew ? readDatabaseTemplate(undefined, migrations) : undefined });
    } catch (error) {
      release();
      throw error;
    }
  }
  opts.phase?.("database.open");
  try {
    if (opts.migrate !== false) await migrate(db, migrations);
    opts.phase?.("database.migrate");
  } catch (error) {
    await db.close().catch(() => {});
    release();
    throw error;
  }
  return {
    db,
    async close() {
      await db.close().catch(() => {});
      release();
    },
  };
}
