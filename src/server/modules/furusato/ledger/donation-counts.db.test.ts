// Issue 14: the donation list's total comes from furusato_donation_totals, which triggers keep in the writing
// transaction. Whatever writes the ledger (insert, the import's upsert, a status change, anonymisation, delete,
// a restore's TRUNCATE and INSERTs), the counts stay equal to counting the rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../db/database";
import { createBackup, restoreBackup } from "../../../platform/backup/backup";
import { createTestDb, type TestDb } from "../../../testing/db";
import { buildLedgerCity } from "../../../testing/furusato-ledger";
import { registerModules } from "../..";
import { countDonations, type DonationFilter } from "./donations-repository";

let t: TestDb;
const toClose: (() => Promise<void>)[] = [];

beforeAll(async () => {
  registerModules();
  t = await createTestDb();
  toClose.push(t.cleanup);
  await buildLedgerCity(t.db);
});
afterAll(async () => {
  for (const close of toClose.reverse()) await close();
});

/** `n` donations numbered from `from`, spread over two fiscal years, the portals and two statuses. */
async function insertDonations(db: Db, from: number, n: number, prefix = "C"): Promise<void> {
  await db.query(
    `INSERT INTO furusato_donations (portal_code, order_number, applied_on, donated_on, fiscal_year, payment_method, amount,
       status, row_hash)
     SELECT p.codes[1 + i % array_length(p.codes, 1)], $3 || i, date '2024-03-20' + (i % 30), date '2024-03-20' + (i % 30),
            CASE WHEN i % 30 < 12 THEN 2023 ELSE 2024 END, 'クレジットカード', 10000,
            CASE WHEN i % 4 = 0 THEN '入金待ち' ELSE '入金済' END, md5(i::text)
       FROM generate_series($1::int, $1::int + $2::int - 1) AS i
      CROSS JOIN (SELECT array_agg(code ORDER BY code) AS codes FROM furusato_portals) p`,
    [from, n, prefix],
  );
}

async function expectCountsExact(db: Db): Promise<void> {
  const { rows: kept } = await db.query<{ key: string; n: number }>(
    `SELECT fiscal_year || '/' || portal_code || '/' || status AS key, sum(donations)::int AS n
       FROM furusato_donation_totals GROUP BY fiscal_year, portal_code, status HAVING sum(donations) > 0 ORDER BY 1`,
  );
  const { rows: counted } = await db.query<{ key: string; n: number }>(
    `SELECT fiscal_year || '/' || portal_code || '/' || status AS key, count(*)::int AS n
       FROM furusato_donations GROUP BY fiscal_year, portal_code, status ORDER BY 1`,
  );
  expect(kept).toEqual(counted);
}

async function expectListTotalsExact(db: Db): Promise<void> {
  const { rows } = await db.query<{ code: string }>("SELECT code FROM furusato_portals ORDER BY code LIMIT 1");
  const filters: DonationFilter[] = [
    {},
    { fiscalYear: 2024 },
    { portal: rows[0].code },
    { status: "入金待ち" },
    { fiscalYear: 2023, portal: rows[0].code, status: "入金済" },
    { fiscalYear: 1999 },
  ];
  for (const filter of filters) {
    const params: unknown[] = [];
    const clauses: string[] = [];
    if (filter.fiscalYear !== undefined) clauses.push(`fiscal_year = $${params.push(filter.fiscalYear)}`);
    if (filter.portal) clauses.push(`portal_code = $${params.push(filter.portal)}`);
    if (filter.status) clauses.push(`status = $${params.push(filter.status)}`);
    const counted = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM furusato_donations ${clauses.length ? `WHERE ${clauses.join(" AND ")}` : ""}`,
      params,
    );
    expect(await countDonations(db, filter), JSON.stringify(filter)).toBe(counted.rows[0].n);
  }
}

describe("issue 14: the donation list's total is kept by triggers, exact after every kind of write", () => {
  it("inserts, an upsert that inserts and updates, status changes, anonymisation and deletes", async () => {
    await insertDonations(t.db, 1, 500);
    await expectCountsExact(t.db);
    await expectListTotalsExact(t.db);

    // The import's upsert: one statement both inserts new orders and updates existing ones (here, their status).
    await t.db.query(
      `INSERT INTO furusato_donations AS d (portal_code, order_number, applied_on, donated_on, fiscal_year, payment_method,
         amount, status, row_hash)
       SELECT portal_code, order_number, applied_on, donated_on, fiscal_year, payment_method, amount, 'キャンセル', 'changed'
         FROM furusato_donations WHERE order_number LIKE 'C1%'
       UNION ALL
       SELECT portal_code, 'N' || order_number, applied_on, donated_on, fiscal_year, payment_method, amount, status, row_hash
         FROM furusato_donations WHERE order_number LIKE 'C2%'
       ON CONFLICT (portal_code, order_number) DO UPDATE SET status = EXCLUDED.status, row_hash = EXCLUDED.row_hash
       WHERE d.row_hash <> EXCLUDED.row_hash`,
    );
    await expectCountsExact(t.db);

    await t.db.query("UPDATE furusato_donations SET fiscal_year = 2025, status = '入金済' WHERE order_number LIKE 'C3%'");
    await t.db.query("UPDATE furusato_donations SET donor_name = NULL, anonymised_at = now() WHERE order_number LIKE 'C4%'");
    await expectCountsExact(t.db);
    await expectListTotalsExact(t.db);

    await t.db.query("DELETE FROM furusato_donations WHERE order_number LIKE 'NC2%' OR order_number LIKE 'C5%'");
    await expectCountsExact(t.db);
    await expectListTotalsExact(t.db);
  });

  it("a write rolled back leaves the counts as they were", async () => {
    const before = await countDonations(t.db, {});
    await expect(
      t.db.transaction(async (tx) => {
        await insertDonations(tx as unknown as Db, 10_000, 50, "R");
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await countDonations(t.db, {})).toBe(before);
    await expectCountsExact(t.db);
  });

  it("a restore (TRUNCATE, then the backed-up rows) rebuilds them; a backup does not hold them", async () => {
    const backup = await createBackup(t.db);
    const target = await createTestDb();
    toClose.push(target.cleanup);
    await buildLedgerCity(target.db);
    await insertDonations(target.db, 1, 30, "X"); // replaced by the restore
    const restored = await restoreBackup(target.db, backup, { force: true });
    expect(restored).not.toHaveProperty("furusato_donation_totals");
    await expectCountsExact(target.db);
    expect(await countDonations(target.db, {})).toBe(await countDonations(t.db, {}));
    await expectListTotalsExact(target.db);
  });

  it("a 受付番号 or date filter counts the matching rows", async () => {
    await insertDonations(t.db, 20_000, 40, "Q");
    expect(await countDonations(t.db, { q: "Q2000" })).toBe(10);
    const { rows } = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM furusato_donations WHERE donated_on BETWEEN '2024-03-25' AND '2024-04-05'",
    );
    expect(await countDonations(t.db, { from: "2024-03-25", to: "2024-04-05" })).toBe(rows[0].n);
  });
});
