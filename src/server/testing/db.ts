// A fresh, migrated database per test file: in-memory PGlite by default, or a throw-away database on the
// PostgreSQL server when TEST_DB_KIND=postgres (with TEST_DATABASE_URL). Tests never mock the database.
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { type Db, openPglite, openPostgres } from "../db/database";
import { loadMigrations, type Migration, migrate } from "../db/migrate";

export interface TestDb {
  db: Db;
  /** connection string of the throw-away PostgreSQL database (postgres kind only), for second processes */
  url: string | null;
  cleanup(): Promise<void>;
}

export const testDbKind = (): "pglite" | "postgres" => (process.env.TEST_DB_KIND === "postgres" ? "postgres" : "pglite");

// initdb + migrations take seconds; a migrated image is made once per worker and loaded per test (~0.4 s).
let migratedImage: Promise<Blob> | null = null;

async function makeMigratedImage(): Promise<Blob> {
  const db = await openPglite("memory://");
  await migrate(db);
  const image = await (db.pglite as PGlite).dumpDataDir("none");
  await db.close();
  return image;
}

/**
 * `before`: migrate only up to (not including) that migration, to test what a later migration does to the data an
 * earlier version left behind; migrate(db) then applies the rest.
 */
export async function createTestDb(opts: { before?: string } = {}): Promise<TestDb> {
  const upTo = opts.before;
  const migrations = upTo ? loadMigrations().filter((m) => m.name < upTo) : undefined;
  if (testDbKind() === "postgres") return createPostgresTestDb(migrations);
  if (migrations) {
    const db = await openPglite("memory://");
    await migrate(db, migrations);
    return { db, url: null, cleanup: () => db.close() };
  }
  migratedImage ??= makeMigratedImage();
  const db = await openPglite("memory://", { loadDataDir: await migratedImage });
  return { db, url: null, cleanup: () => db.close() };
}

async function createPostgresTestDb(migrations?: Migration[]): Promise<TestDb> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DB_KIND=postgres needs TEST_DATABASE_URL");
  const name = `yk_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString());
  await migrate(db, migrations);
  return {
    db,
    url: url.toString(),
    async cleanup() {
      await db.close();
      const dropper = new pg.Client({ connectionString: base });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
