// Opens the configured database: a PostgreSQL server when DATABASE_URL is set, otherwise the embedded PGlite under
// DATA_DIR (guarded by the data-dir lock), and brings its schema up to date.
import path from "node:path";
import type { Config } from "../config";
import { lockDataDir } from "./data-dir-lock";
import { type Db, openPglite, openPostgres } from "./database";
import { migrate } from "./migrate";

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
  if (config.databaseUrl) {
    db = openPostgres(config.databaseUrl);
  } else {
    release = lockDataDir(config.dataDir);
    try {
      db = await openPglite(path.join(config.dataDir, "pglite"));
    } catch (error) {
      release();
      throw error;
    }
  }
  opts.phase?.("database.open");
  try {
    if (opts.migrate !== false) await migrate(db);
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
