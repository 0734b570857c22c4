// ledger.import_1m / ledger.dashboard: the ふるさと納税 donation ledger on PostgreSQL (TEST_DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/test; a throw-away database is created and dropped).
//
// ledger.import_1m: one portal file of 1,000,000 donation rows (汎用レイアウト, UTF-8 CSV, ~270 MB) imported by the
// operator's CLI import in a process of its own (bench/ledger-import-child.ts; the same code as the upload's job, minus
// reading the upload back): decode and parse, map every row through the mapping (value maps, dates, gift and 使い道
// checks), then upsert donations, items, shipments and one-stop applications in one transaction with the file's
// import key. The process's resident size after the import and its peak are printed beside the time.
// Floor: PostgreSQL's own COPY of the same rows (the mapped donations and their items, as CSV files the server reads)
// into tables shaped like the ledger's (same columns, constraints and indexes): the fastest way the same rows land.
//
// ledger.dashboard: the dashboard's per-portal-per-month query (portalMonthTotals) for one fiscal year over a ledger
// of 1,000,000 donations spread over two fiscal years and four portals, after VACUUM ANALYZE (what autovacuum keeps
// true in a running system). The rows go in with one INSERT, so the month totals the ledger's triggers keep
// (migrations/0011) are built as they would be by imports. No floor: it reads a few dozen rows.
import { spawn } from "node:child_process";
import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { donationMappingConfigSchema } from "../src/common/furusato/donation-mapping";
import { mapDonationRows } from "../src/common/furusato/donation-orders";
import type { Db } from "../src/server/db/database";
import { portalMonthTotals } from "../src/server/modules/furusato/ledger/dashboard";
import { readMappingTable } from "../src/server/modules/furusato/ledger/donation-import";
import { sampleGenericRows } from "../src/server/modules/furusato/ledger/sample-donations";
import { genericMapping, SAMPLE_FUND_USES } from "../src/server/modules/furusato/ledger/shipped-mappings";
import { writeCsv } from "../src/server/platform/tabular/csv-write";
import { createTestDb, type TestDb } from "../src/server/testing/db";
import { buildLedgerCity } from "../src/server/testing/furusato-ledger";
import { type Bench, log, removeDir, repoRoot, tempDir, timeIt } from "./harness";

const ROWS = 1_000_000;
const CHUNK = 50_000;
const GIFTS = [
  { code: "KMF001", amount: 19000 },
  { code: "KKB001", amount: 32000 },
];

async function postgresDb(): Promise<TestDb> {
  process.env.TEST_DB_KIND = "postgres";
  process.env.TEST_DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/test";
  return createTestDb();
}

/** The portal file, generated in chunks so that only one chunk of rows is held as strings at a time. */
function portalFile(): Uint8Array {
  const parts: Uint8Array[] = [];
  for (let start = 0; start < ROWS; start += CHUNK) {
    const [header, ...rows] = sampleGenericRows({
      count: CHUNK,
      seed: 7 + start,
      from: "2025-04-01",
      to: "2026-11-20",
      orderPrefix: `B${String(start / CHUNK).padStart(2, "0")}-`,
      gifts: GIFTS,
    });
    const bytes = writeCsv(header, rows, { encoding: "utf-8", lineEnding: "\n" }).bytes;
    // every chunk but the first drops its header line
    parts.push(start === 0 ? bytes : bytes.subarray(bytes.indexOf(10) + 1));
  }
  return Buffer.concat(parts);
}

const csvCell = (value: unknown) => (value === null || value === undefined ? "" : `"${String(value).replaceAll('"', '""')}"`);

/** The same rows as the import writes them, as CSV for COPY (donations, then items). */
async function floorFiles(dir: string, bytes: Uint8Array): Promise<{ donations: string; items: string }> {
  const table = await readMappingTable("floor.csv", "text/csv", bytes);
  const mapped = mapDonationRows(table, donationMappingConfigSchema.parse(genericMapping()), "ana", {
    fundUses: SAMPLE_FUND_USES,
    giftCodes: new Set(GIFTS.map((g) => g.code)),
  });
  if (!mapped.ok) throw new Error(`floor rows do not map: ${mapped.errors[0]?.message}`);
  const donations: string[] = [];
  const items: string[] = [];
  for (const d of mapped.donations) {
    donations.push(
      [
        d.portalCode,
        d.orderNumber,
        d.appliedOn,
        d.paidOn,
        d.donatedOn,
        Number(d.donatedOn.slice(0, 4)) - (Number(d.donatedOn.slice(5, 7)) < 4 ? 1 : 0),
        d.paymentMethod,
        d.amount,
        d.status,
        d.fundUseCode,
        d.isResident,
        d.oneStopWish,
        d.publicationConsent,
        d.donor.name,
        d.donor.kana,
        d.donor.postalCode,
        d.donor.address,
        d.donor.phone,
        d.donor.email,
        d.donor.gender,
        "hash",
      ]
        .map(csvCell)
        .join(","),
    );
    d.items.forEach((item, i) => {
      items.push([d.orderNumber, i + 1, item.giftCode, item.quantity].map(csvCell).join(","));
    });
  }
  const paths = { donations: join(dir, "donations.csv"), items: join(dir, "items.csv") };
  writeFileSync(paths.donations, `${donations.join("\n")}\n`);
  writeFileSync(paths.items, `${items.join("\n")}\n`);
  // The server process (user postgres) reads them.
  chmodSync(dir, 0o755);
  chmodSync(paths.donations, 0o644);
  chmodSync(paths.items, 0o644);
  return paths;
}

async function copyFloor(db: Db, files: { donations: string; items: string }): Promise<number> {
  await db.exec(`DROP TABLE IF EXISTS floor_items; DROP TABLE IF EXISTS floor_donations;
    CREATE TABLE floor_donations (LIKE furusato_donations INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);
    CREATE TABLE floor_items (order_number text NOT NULL, line_no integer NOT NULL, gift_code text NOT NULL, quantity integer NOT NULL,
      PRIMARY KEY (order_number, line_no));`);
  const started = performance.now();
  await db.transaction(async (tx) => {
    await tx.query(
      `COPY floor_donations (portal_code, order_number, applied_on, paid_on, donated_on, fiscal_year, payment_method, amount,
         status, fund_use_code, is_resident, one_stop_wish, publication_consent, donor_name, donor_kana, donor_postal_code,
         donor_address, donor_phone, donor_email, donor_gender, row_hash) FROM '${files.donations}' (FORMAT csv)`,
    );
    await tx.query(`COPY floor_items FROM '${files.items}' (FORMAT csv)`);
  });
  return performance.now() - started;
}

interface ImportRun {
  importMs: number;
  floorMs: number;
  rssAfterMb: number;
  peakRssMb: number;
}

function runImportChild(url: string, file: string, mapping: string): Promise<Omit<ImportRun, "floorMs"> & { exitCode: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "bench/ledger-import-child.ts", url, file, mapping], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code !== 0) return reject(new Error(`ledger-import-child ended with ${signal ?? `exit code ${code}`}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").at(-1) ?? ""));
      } catch (error) {
        reject(error);
      }
    });
  });
}

let importRun: Promise<ImportRun> | null = null;

function measureImport(): Promise<ImportRun> {
  importRun ??= (async () => {
    const t = await postgresDb();
    const dir = tempDir("ledger-bench-");
    try {
      const city = await buildLedgerCity(t.db);
      const bytes = portalFile();
      log(`portal file: ${(bytes.length / 1e6).toFixed(0)} MB`);
      const floorMs = await copyFloor(t.db, await floorFiles(dir, bytes));
      log(`floor (COPY): ${floorMs.toFixed(0)} ms`);
      const file = join(dir, "寄附_一括.csv");
      writeFileSync(file, bytes);
      const mapping = await t.db.query<{ name: string }>("SELECT name FROM furusato_donation_mappings WHERE id = $1", [
        city.mappings.generic,
      ]);
      const result = await runImportChild(t.url as string, file, mapping.rows[0].name);
      if (result.exitCode !== 0) throw new Error(`the import failed (exit code ${result.exitCode})`);
      const count = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM furusato_donations");
      if (count.rows[0].n !== ROWS) throw new Error(`expected ${ROWS} donations, found ${count.rows[0].n}`);
      log(
        `imported in ${(result.importMs / 1000).toFixed(1)} s; rss after ${result.rssAfterMb.toFixed(0)} MB, peak ${result.peakRssMb.toFixed(0)} MB`,
      );
      return { ...result, floorMs };
    } finally {
      removeDir(dir);
      await t.cleanup();
    }
  })();
  return importRun;
}

export default [
  {
    name: "ledger.import_1m",
    description:
      "1,000,000 donation rows (one ~270 MB portal CSV) imported into PostgreSQL by the CLI import in its own process; floor: COPY of the same mapped rows",
    async run() {
      const run = await measureImport();
      return { value: run.importMs, unit: "ms", floor: run.floorMs, extra: { rss_after_mb: run.rssAfterMb, peak_rss_mb: run.peakRssMb } };
    },
  },
  {
    name: "ledger.dashboard",
    description: "the dashboard's per-portal-per-month totals of one fiscal year over a 1,000,000-donation ledger (PostgreSQL)",
    async run() {
      const t = await postgresDb();
      try {
        await buildLedgerCity(t.db);
        // The rows are made in SQL: this bench measures the query, not the import.
        await t.db.exec(`INSERT INTO furusato_donations (portal_code, order_number, applied_on, donated_on, fiscal_year,
            payment_method, amount, status, donor_name, row_hash)
          SELECT (ARRAY['rakuten', 'ana', 'ledghome', 'soumu'])[1 + n % 4], 'D' || n, d, d,
                 CASE WHEN extract(month FROM d) >= 4 THEN extract(year FROM d)::int ELSE extract(year FROM d)::int - 1 END,
                 'クレジットカード', 5000 + (n % 20) * 1000, CASE WHEN n % 50 = 0 THEN 'キャンセル' ELSE '入金済' END, '見本 太郎', 'h'
            FROM generate_series(1, ${ROWS}) AS n, LATERAL (SELECT date '2025-04-01' + (n % 600) AS d) AS day;`);
        await t.db.query("VACUUM ANALYZE furusato_donations");
        let months = 0;
        const value = await timeIt(
          async () => {
            months = (await portalMonthTotals(t.db, 2025)).length;
          },
          { warmup: 2, iterations: 9 },
        );
        if (months === 0) throw new Error("no totals");
        log(`${months} portal-month totals`);
        return { value, unit: "ms" };
      } finally {
        await t.cleanup();
      }
    },
  },
] satisfies Bench[];
