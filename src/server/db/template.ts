// The empty, migrated PGlite database that a first start copies instead of creating one (issue 14). Running initdb
// and every migration took ~6 s of an 8 s first start; unpacking this tarball, made once by `npm run build`
// (scripts/build.mjs), takes a fraction of that. It holds no data, only the schema, and is used only when it was
// made from exactly the migrations on disk; otherwise (a migration added or edited since the build, or no dist/ as
// under tsx) the first start creates the database as before. Either way migrate() still checks it afterwards.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../paths";
import { openPglite } from "./database";
import { loadMigrations, type Migration, migrate } from "./migrate";

export const TEMPLATE_TARBALL = path.join(projectRoot, "dist", "pglite-template.tar.gz");
/** beside the tarball: which migrations it was made from */
const templateManifest = (tarball: string) => tarball.replace(/\.tar\.gz$/, ".json");

interface TemplateManifest {
  migrations: string;
}

/** One hash of every migration's name and text: the template fits only the migrations it was made from. */
export function migrationsHash(migrations: readonly Migration[]): string {
  const hash = createHash("sha256");
  for (const migration of migrations) hash.update(`${migration.name}\0${migration.sql}\0`);
  return hash.digest("hex");
}

/** Creates an empty database in memory, applies the migrations and writes it out as the template. */
export async function writeDatabaseTemplate(tarball = TEMPLATE_TARBALL, migrations = loadMigrations()): Promise<void> {
  const db = await openPglite("memory://");
  try {
    await migrate(db, migrations);
    const dump = await db.pglite!.dumpDataDir("gzip");
    writeFileSync(tarball, Buffer.from(await dump.arrayBuffer()));
    const manifest: TemplateManifest = { migrations: migrationsHash(migrations) };
    writeFileSync(templateManifest(tarball), `${JSON.stringify(manifest)}\n`);
  } finally {
    await db.close();
  }
}

/** The template for a new database, or undefined when there is none made from these migrations. */
export function readDatabaseTemplate(tarball = TEMPLATE_TARBALL, migrations = loadMigrations()): Blob | undefined {
  const manifestFile = templateManifest(tarball);
  if (!existsSync(tarball) || !existsSync(manifestFile)) return undefined;
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as TemplateManifest;
    if (manifest.migrations !== migrationsHash(migrations)) return undefined;
    return new Blob([readFileSync(tarball)]);
  } catch {
    return undefined; // unreadable: create the database as without a template
  }
}
