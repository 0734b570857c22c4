// international.kintone_import / international.totals: the 国際 module on PostgreSQL (TEST_DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/test; a throw-away database with the sample city is created and dropped).
//
// international.kintone_import: one export of the 国際関連事業データベース app with 100,000 records and its two
// subtables (相手先, 年度別予算; field codes with dotted subtable headers, UTF-8, ~100 MB) imported by the module's
// import (importKintoneBytes: read, map every record through the mapping and the contracts, write projects, their
// partners and years with their audit rows, all in one transaction). Floor: parsing the same bytes with csv-parse
// alone (the fastest way to even read the file). BENCH_KINTONE_RECORDS sets another size (a quick look).
//
// international.totals: after that import, the totals by 分野, 局 and 相手先 and the map's points for one fiscal year
// (the four queries the totals and map pages make), median of 5, after VACUUM ANALYZE (what autovacuum keeps true in a
// running system). No floor: each answers a few dozen rows.
import { parse } from "csv-parse/sync";
import { loadDemoDataIfEmpty } from "../src/server/demo";
import { sampleKintoneExport } from "../src/server/modules/international/kintone/sample-export";
import { importKintoneBytes } from "../src/server/modules/international/kintone-service";
import { internationalMap, internationalTotals } from "../src/server/modules/international/overview-service";
import type { Principal } from "../src/server/platform/auth/permissions";
import { createLogger } from "../src/server/platform/logger";
import { createTestDb, type TestDb } from "../src/server/testing/db";
import { type Bench, BenchSkipped, log, timeIt } from "./harness";

const RECORDS = Number(process.env.BENCH_KINTONE_RECORDS ?? 100_000);

async function postgresDb(): Promise<TestDb> {
  process.env.TEST_DB_KIND = "postgres";
  process.env.TEST_DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/test";
  try {
    return await createTestDb();
  } catch (error) {
    throw new BenchSkipped(`PostgreSQL does not answer: ${(error as Error).message}`);
  }
}

let imported: { t: TestDb; staff: Principal } | null = null;

async function staffOf(t: TestDb): Promise<Principal> {
  const { rows } = await t.db.query<{ id: string; name: string }>("SELECT id, name FROM organisations WHERE code = 'sangyo-kikaku'");
  return {
    id: "00000000-0000-0000-0000-000000000000",
    loginId: "bench",
    displayName: "ベンチ",
    role: "viewer",
    organisationId: rows[0].id,
    organisationName: rows[0].name,
    bureauId: null,
    bureauName: null,
  };
}

export default [
  {
    name: "international.kintone_import",
    description: `kintone export of ${RECORDS.toLocaleString("en")} project records with 2 subtables imported all-or-nothing on PostgreSQL; floor: csv-parse alone on the same bytes`,
    async run() {
      const bytes = sampleKintoneExport({ app: "projects", records: RECORDS, seed: 11, encoding: "utf-8", headerKind: "codes" });
      log(`export: ${(bytes.length / 1024 / 1024).toFixed(1)} MB`);
      const floor = await timeIt(() => parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { relax_column_count: true }), {
        warmup: 0,
        iterations: 1,
      });
      const t = await postgresDb();
      await loadDemoDataIfEmpty(t.db, createLogger("silent"));
      const started = performance.now();
      const result = await importKintoneBytes(t.db, { userId: null, label: "ベンチ" }, "projects", bytes);
      const value = performance.now() - started;
      if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result.errors.slice(0, 3))}`);
      log(
        `imported ${result.created} projects, ${result.partnersCreated} partners; rss ${Math.round(process.memoryUsage().rss / 1048576)} MB`,
      );
      // what autovacuum keeps true in a running system: statistics of the tables the import filled
      await t.db.exec("VACUUM ANALYZE");
      imported = { t, staff: await staffOf(t) };
      return { value, unit: "ms", floor };
    },
  },
  {
    name: "international.totals",
    description: `totals by 分野, 局 and 相手先 and the map's points for one fiscal year, after the ${RECORDS.toLocaleString("en")}-project import (median of 5)`,
    async run() {
      if (!imported) throw new BenchSkipped("runs after international.kintone_import (same run)");
      const { t, staff } = imported;
      try {
        const value = await timeIt(
          async () => {
            for (const by of ["field", "bureau", "partner"] as const) await internationalTotals(t.db, staff, 2024, by);
            await internationalMap(t.db, staff, 2024);
          },
          { warmup: 1, iterations: 5 },
        );
        return { value, unit: "ms" };
      } finally {
        imported = null;
        await t.cleanup();
      }
    },
  },
] satisfies Bench[];
