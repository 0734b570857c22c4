// Portable backup: every application table as JSON lines (gzip), restorable into PGlite or a PostgreSQL server.
// Rows are written and read through jsonb so that both drivers agree on every type; a restore runs in one
// transaction, so a bad file leaves the database as it was.
import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import type { Db, Queryable } from "../../db/database";

/** The platform's tables in an order where every foreign key points to an earlier table (or to the same one). */
const PLATFORM_TABLES = [
  "organisations",
  "users",
  "sessions",
  "login_known_addresses",
  "setup_tokens",
  "rate_limit_counters",
  "audit_log",
  "search_documents",
  "job_runs",
  "files",
  "file_parts",
  "tabular_imports",
  "app_settings",
  // 会議 (platform/meetings): they point at users and organisations only; their owners are checked, not keyed
  "meetings",
  "meeting_attendees",
  "meeting_decisions",
  "meeting_followups",
] as const;

/** Each module's tables, in its manifest's order, after the platform's (registered by modules/index.ts). */
const moduleTables: string[] = [];

/** Self-referencing tables (table → its parent column): a restore inserts parents before their children. */
const selfReferences = new Map<string, string>([["organisations", "parent_id"]]);

/** Tables that triggers derive from backed-up ones (a module's counts): left out of a backup, rebuilt by a restore. */
const derived: string[] = [];

export function registerBackupTables(
  tables: readonly string[],
  parentColumns: Readonly<Record<string, string>> = {},
  derivedTables: readonly string[] = [],
): () => void {
  const added = tables.filter((table) => !moduleTables.includes(table));
  moduleTables.push(...added);
  const addedParents = Object.keys(parentColumns).filter((table) => !selfReferences.has(table));
  for (const table of addedParents) selfReferences.set(table, parentColumns[table]);
  const addedDerived = derivedTables.filter((table) => !derived.includes(table));
  derived.push(...addedDerived);
  return () => {
    for (const table of added) moduleTables.splice(moduleTables.indexOf(table), 1);
    for (const table of addedParents) selfReferences.delete(table);
    for (const table of addedDerived) derived.splice(derived.indexOf(table), 1);
  };
}

/** The derived tables the modules declared (the backup test checks that every table is backed up or derived). */
export function derivedTables(): readonly string[] {
  return [...derived];
}

/** Every table a backup holds, each after the tables its foreign keys point to. */
export function backupTables(): readonly string[] {
  return [...PLATFORM_TABLES, ...moduleTables];
}

const FORMAT = "yokogushi-backup";
const BATCH = 500;

interface Header {
  format: typeof FORMAT;
  version: 1;
  createdAt: string;
  migrations: string[];
  tables: Record<string, number>;
}

export async function createBackup(db: Db): Promise<Buffer> {
  const lines: string[] = [];
  const counts: Record<string, number> = {};
  const migrations = await db.query<{ name: string }>("SELECT name FROM schema_migrations ORDER BY name");
  // Read every table in one transaction: a consistent snapshot even while the server runs (PostgreSQL).
  await db.transaction(async (tx) => {
    if (db.kind === "postgres") await tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    for (const table of backupTables()) {
      const { rows } = await tx.query<{ row: unknown }>(`SELECT to_jsonb(t) AS row FROM ${table} t`);
      counts[table] = rows.length;
      for (const { row } of rows) lines.push(JSON.stringify({ t: table, r: row }));
    }
  });
  const header: Header = {
    format: FORMAT,
    version: 1,
    createdAt: new Date().toISOString(),
    migrations: migrations.rows.map((m) => m.name),
    tables: counts,
  };
  return gzipSync(Buffer.from(`${JSON.stringify(header)}\n${lines.join("\n")}\n`, "utf8"));
}

export class BackupError extends Error {}

function readBackup(file: Buffer): { header: Header; rows: Map<string, Record<string, unknown>[]> } {
  let text: string;
  try {
    text = gunzipSync(file).toString("utf8");
  } catch {
    throw new BackupError("バックアップファイルを読み取れません（gzip 形式ではありません）。");
  }
  const [first, ...rest] = text.split("\n");
  const parseLine = <T>(line: string): T => {
    try {
      return JSON.parse(line) as T;
    } catch {
      throw new BackupError("バックアップファイルが壊れているか、途中で切れています。");
    }
  };
  const header = parseLine<Header>(first);
  if (header.format !== FORMAT || header.version !== 1) throw new BackupError("Yokogushi のバックアップファイルではありません。");
  const rows = new Map<string, Record<string, unknown>[]>();
  for (const line of rest) {
    if (!line) continue;
    const { t, r } = parseLine<{ t: string; r: Record<string, unknown> }>(line);
    if (!backupTables().includes(t)) throw new BackupError(`不明なテーブルがあります: ${t}`);
    const list = rows.get(t);
    if (list) list.push(r);
    else rows.set(t, [r]);
  }
  for (const [table, count] of Object.entries(header.tables)) {
    if ((rows.get(table)?.length ?? 0) !== count) throw new BackupError(`バックアップが途中で切れています（${table}: ${count}件のはず）。`);
  }
  return { header, rows };
}

function parentsFirst(rows: Record<string, unknown>[], parentColumn: string): Record<string, unknown>[] {
  const placed = new Set<unknown>();
  const ordered: Record<string, unknown>[] = [];
  let pending = rows;
  while (pending.length > 0) {
    const ready = pending.filter((row) => row[parentColumn] === null || placed.has(row[parentColumn]));
    if (ready.length === 0) throw new BackupError("組織の親子関係が循環しています。");
    for (const row of ready) {
      ordered.push(row);
      placed.add(row.id);
    }
    pending = pending.filter((row) => !ready.includes(row));
  }
  return ordered;
}

async function tableHasRows(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ n: number }>("SELECT (SELECT count(*) FROM organisations) + (SELECT count(*) FROM users) AS n");
  return Number(rows[0].n) > 0;
}

/**
 * The tables whose `id` is GENERATED ALWAYS AS IDENTITY (audit_log, 申請の経過, 情報ハブの閲覧 …): a restore keeps their
 * ids (OVERRIDING SYSTEM VALUE) and moves the sequence past them. Read from the catalogue, so a module's new table
 * of this kind needs nothing here.
 */
async function identityColumnTables(db: Queryable): Promise<Set<string>> {
  const { rows } = await db.query<{ table_name: string }>(
    `SELECT DISTINCT table_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES' AND identity_generation = 'ALWAYS'`,
  );
  return new Set(rows.map((row) => row.table_name));
}

/** Restores into a migrated database. Refuses a database that holds data unless `force` (then it is replaced). */
export async function restoreBackup(db: Db, file: Buffer, opts: { force?: boolean } = {}): Promise<Record<string, number>> {
  const { header, rows } = readBackup(file);
  const applied = await db.query<{ name: string }>("SELECT name FROM schema_migrations ORDER BY name");
  const known = new Set(applied.rows.map((m) => m.name));
  const missing = header.migrations.filter((m) => !known.has(m));
  if (missing.length > 0)
    throw new BackupError(
      `このバックアップは新しい版で作られています（未適用のマイグレーション: ${missing.join(", ")}）。先に更新してください。`,
    );
  if (!opts.force && (await tableHasRows(db)))
    throw new BackupError("復元先にデータがあります。置き換える場合は --force を指定してください。");
  return db.transaction(async (tx) => {
    await tx.query(`TRUNCATE ${[...backupTables()].reverse().join(", ")} RESTART IDENTITY CASCADE`);
    const identityTables = await identityColumnTables(tx);
    const restored: Record<string, number> = {};
    for (const table of backupTables()) {
      let tableRows = rows.get(table) ?? [];
      const parentColumn = selfReferences.get(table);
      if (parentColumn) tableRows = parentsFirst(tableRows, parentColumn);
      const overriding = identityTables.has(table) ? "OVERRIDING SYSTEM VALUE" : "";
      for (let i = 0; i < tableRows.length; i += BATCH) {
        const batch = tableRows.slice(i, i + BATCH);
        // Self-referencing rows go one level at a time within the batch order, which parentsFirst guarantees.
        await tx.query(`INSERT INTO ${table} ${overriding} SELECT * FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`, [
          JSON.stringify(batch),
        ]);
      }
      if (identityTables.has(table) && tableRows.length > 0) {
        await tx.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
      }
      restored[table] = tableRows.length;
    }
    return restored;
  });
}

export function checksumOf(buffer: Buffer): string {
  return createHash("sha256").update(buffer).digest("hex");
}
