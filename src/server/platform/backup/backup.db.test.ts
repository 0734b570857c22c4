// Portable backups: a populated database restored into a fresh one is the same database; a restore never damages
// the target when it is refused; PGlite and PostgreSQL backups move between the two.

import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openPglite, openPostgres } from "../../db/database";
import { migrate } from "../../db/migrate";
import { projectRoot } from "../../paths";
import { createTestApp, type TestApp } from "../../testing/app";
import { createTestDb, type TestDb } from "../../testing/db";
import { buildCity, TEST_PASSWORD } from "../../testing/factories";
import { BackupError, backupTables, createBackup, derivedTables, restoreBackup } from "./backup";

const SEED = readFileSync(path.join(projectRoot, "src/server/modules/policy/demo/sample-policy.txt"), "utf8");
const POLICY_TABLES = ["policy_statuses", "policy_documents", "policy_challenges", "policy_progress_entries"];

let source: TestApp;
let backup: Buffer;
const toClose: (() => Promise<void>)[] = [];

async function counts(db: Db): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of backupTables()) {
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    result[table] = rows[0].n;
  }
  return result;
}

/** Every row of a table as canonical JSON text (UTC timestamps), sorted: equal tables give equal arrays. */
async function contentOf(db: Db, table: string): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query("SET LOCAL TIME ZONE 'UTC'");
    const { rows } = await tx.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM ${table} t`);
    return rows.map((r) => r.row).sort();
  });
}

async function expectSameData(actual: Db, expected: Db, tables: readonly string[] = backupTables()) {
  expect(await counts(actual)).toEqual(await counts(expected));
  for (const table of tables) expect(await contentOf(actual, table), table).toEqual(await contentOf(expected, table));
}

async function freshDb(): Promise<TestDb> {
  const db = await createTestDb();
  toClose.push(db.cleanup);
  return db;
}

beforeAll(async () => {
  source = await createTestApp();
  const city = await buildCity(source.db);
  const editor = await source.login(city.editor.loginId, TEST_PASSWORD);
  const imported = await editor.post("/api/policy/import", { text: SEED, organisationId: city.bureau.id, fiscalYear: 2024 });
  expect(imported.status).toBe(200);
  const doc = await editor.get(`/api/policy/documents/${imported.body.documentId}`);
  const first = doc.body.challenges[0].id;
  expect(
    (
      await editor.post(`/api/policy/challenges/${first}/progress`, {
        asOf: "令和7年2月末",
        text: "寄附受付サイトを追加した。",
        status: "順調",
      })
    ).status,
  ).toBe(200);
  const detail = await editor.get(`/api/policy/challenges/${first}`);
  expect(
    (await editor.patch(`/api/policy/challenges/${first}`, { version: detail.body.version, ownerOrganisationId: city.division.id })).status,
  ).toBe(200);
  expect((await editor.post(`/api/policy/documents/${imported.body.documentId}/publish`, { published: true })).status).toBe(200);
  // a module's table whose id is GENERATED ALWAYS AS IDENTITY (情報ハブの閲覧), besides audit_log
  await source.db.query(
    `INSERT INTO region_visits (day, visitor_hash, path, page_kind) VALUES ('2026-12-01', repeat('a', 32), '/public/region', 'home'),
       ('2026-12-02', repeat('b', 32), '/public/region/map', 'map')`,
  );
  backup = await createBackup(source.db);
});
afterAll(async () => {
  for (const close of toClose.reverse()) await close();
  await source.cleanup();
});

describe("backup and restore", () => {
  it("covers every table of the schema except the migrations bookkeeping and the tables triggers derive", async () => {
    const { rows } = await source.db.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    );
    const tables = rows
      .map((r) => r.table_name)
      .filter((name) => name !== "schema_migrations")
      .sort();
    expect([...backupTables(), ...derivedTables()].sort()).toEqual(tables);
  });

  it("restores a populated database into a fresh one: same row counts, same policy content", async () => {
    const before = await counts(source.db);
    expect(before.policy_challenges).toBe(10);
    expect(before.policy_progress_entries).toBe(11);
    expect(before.audit_log).toBeGreaterThanOrEqual(5);
    expect(before.users).toBe(5);

    const target = await freshDb();
    const restored = await restoreBackup(target.db, backup);
    expect(restored).toEqual(before);
    await expectSameData(target.db, source.db);
    for (const table of POLICY_TABLES) expect((await contentOf(target.db, table)).length, table).toBe(before[table]);

    // the restored audit log keeps counting from where it was (no duplicate ids on the next write)
    await target.db.query("INSERT INTO audit_log (actor_label, action, entity_type) VALUES ('テスト', 'test', 'test')");
    const { rows } = await target.db.query<{ max: number }>("SELECT max(id)::int AS max FROM audit_log");
    expect(rows[0].max).toBe(before.audit_log + 1);
    // so do the modules' identity tables
    expect(before.region_visits).toBe(2);
    await target.db.query(
      "INSERT INTO region_visits (day, visitor_hash, path, page_kind) VALUES ('2026-12-03', repeat('c', 32), '/public/region', 'home')",
    );
    const visits = await target.db.query<{ max: number }>("SELECT max(id)::int AS max FROM region_visits");
    expect(visits.rows[0].max).toBe(3);
  });

  it("a restored database keeps the append-only rule and the password hashes", async () => {
    const target = await freshDb();
    await restoreBackup(target.db, backup);
    // the progress history is still append-only after the restore
    await expect(target.db.query("UPDATE policy_progress_entries SET body = 'x'")).rejects.toThrow(/append-only/);
    const { rows } = await target.db.query<{ login_id: string; password_hash: string }>(
      "SELECT login_id, password_hash FROM users WHERE role = 'editor' ORDER BY login_id",
    );
    expect(rows.every((r) => r.password_hash.startsWith("$argon2id$"))).toBe(true);
  });

  it("refuses to restore over data without force, and changes nothing", async () => {
    const target = await freshDb();
    await buildCity(target.db);
    const before = await counts(target.db);
    const snapshot = await contentOf(target.db, "users");
    await expect(restoreBackup(target.db, backup)).rejects.toThrow(BackupError);
    await expect(restoreBackup(target.db, backup)).rejects.toThrow(/--force/);
    expect(await counts(target.db)).toEqual(before);
    expect(await contentOf(target.db, "users")).toEqual(snapshot);

    await restoreBackup(target.db, backup, { force: true });
    await expectSameData(target.db, source.db);
  });

  it("refuses a truncated backup and leaves the target as it was", async () => {
    const target = await freshDb();
    await buildCity(target.db);
    const before = await counts(target.db);
    const users = await contentOf(target.db, "users");

    // a file cut off in the middle (copy interrupted)
    const cut = backup.subarray(0, Math.floor(backup.length * 0.6));
    await expect(restoreBackup(target.db, cut, { force: true })).rejects.toThrow(BackupError);

    // a complete gzip whose last lines are missing
    const lines = gunzipSync(backup).toString("utf8").trimEnd().split("\n");
    const shortened = gzipSync(Buffer.from(`${lines.slice(0, lines.length - 3).join("\n")}\n`, "utf8"));
    await expect(restoreBackup(target.db, shortened, { force: true })).rejects.toThrow(/途中で切れています/);

    // a complete gzip cut in the middle of a line
    const text = gunzipSync(backup).toString("utf8");
    const midLine = gzipSync(Buffer.from(text.slice(0, Math.floor(text.length / 2)), "utf8"));
    await expect(restoreBackup(target.db, midLine, { force: true })).rejects.toThrow(/壊れているか、途中で切れています/);

    // not a backup at all
    await expect(restoreBackup(target.db, gzipSync(Buffer.from('{"format":"something-else"}\n')), { force: true })).rejects.toThrow(
      BackupError,
    );

    expect(await counts(target.db)).toEqual(before);
    expect(await contentOf(target.db, "users")).toEqual(users);
  });
});

describe("a backup of a long-running installation", () => {
  it("restores 50,000 audit rows in seconds, not minutes", { timeout: 120_000 }, async () => {
    // The audit log grows with every login and change: a year of use is tens of thousands of rows.
    const [headerLine, ...lines] = gunzipSync(backup).toString("utf8").trimEnd().split("\n");
    const header = JSON.parse(headerLine);
    const existing = header.tables.audit_log as number;
    const extra = 50_000;
    const auditLines = Array.from({ length: extra }, (_, i) =>
      JSON.stringify({
        t: "audit_log",
        r: {
          id: existing + 1000 + i,
          occurred_at: "2025-01-06T00:00:00+00:00",
          actor_user_id: null,
          actor_label: "職員",
          action: "login",
          entity_type: "user",
          entity_id: null,
          summary: "ログイン",
          before: null,
          after: null,
          request_id: null,
        },
      }),
    );
    header.tables.audit_log = existing + extra;
    const big = gzipSync(Buffer.from(`${JSON.stringify(header)}\n${[...lines, ...auditLines].join("\n")}\n`, "utf8"));

    const target = await freshDb();
    const started = performance.now();
    const restored = await restoreBackup(target.db, big);
    const seconds = (performance.now() - started) / 1000;
    expect(restored.audit_log).toBe(existing + extra);
    expect((await counts(target.db)).audit_log).toBe(existing + extra);
    expect(seconds).toBeLessThan(15);
  });
});

// ------------------------------------------------------------------ across drivers

async function openServerDb(base: string): Promise<Db> {
  const name = `yk_backup_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString());
  await migrate(db);
  toClose.push(async () => {
    await db.close();
    const dropper = new pg.Client({ connectionString: base });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  });
  return db;
}

async function openMemoryPglite(): Promise<Db> {
  const db = await openPglite("memory://");
  await migrate(db);
  toClose.push(() => db.close());
  return db;
}

describe.runIf(!!process.env.TEST_DATABASE_URL)("moving between PGlite and PostgreSQL", () => {
  it("a PGlite backup restores into PostgreSQL, and that one back into PGlite, unchanged", { timeout: 90_000 }, async () => {
    const base = process.env.TEST_DATABASE_URL as string;
    // the populated PGlite database: the source itself on the PGlite tier, a restored copy on the PostgreSQL tier
    let pglite: Db = source.db;
    if (source.db.kind !== "pglite") {
      pglite = await openMemoryPglite();
      await restoreBackup(pglite, backup);
    }
    expect(pglite.kind).toBe("pglite");

    const server = await openServerDb(base);
    expect(server.kind).toBe("postgres");
    await restoreBackup(server, await createBackup(pglite));
    await expectSameData(server, pglite);

    const back = await openMemoryPglite();
    await restoreBackup(back, await createBackup(server));
    await expectSameData(back, pglite);
    const { rows } = await back.query<{ as_of: string }>("SELECT as_of FROM policy_progress_entries ORDER BY as_of DESC LIMIT 1");
    expect(rows[0].as_of).toBe("2025-02-28");
  });
});
