// The dashboard's per-portal-per-month totals are kept by triggers (migrations/0011): after every kind of write they
// must equal a GROUP BY over the ledger itself — imports, a re-sent row that cancels a donation or moves it to
// another month or year, anonymisation, deletes, and a restore's TRUNCATE.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../../testing/db";
import { buildCity } from "../../../testing/factories";
import { portalMonthTotals } from "./dashboard";
import { upsertDonations } from "./donations-store";
import { buildMoneyFixture, donation } from "./money.fixture";
import { anonymiseDonors } from "./retention-repository";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  await buildCity(t.db);
  await buildMoneyFixture(t.db);
});
afterAll(() => t.cleanup());

/** What the dashboard showed before the totals table: one GROUP BY over the donations. */
async function truth(fiscalYear: number) {
  const { rows } = await t.db.query<{ portalCode: string; month: string; count: number; amount: number }>(
    `SELECT portal_code AS "portalCode", date_trunc('month', donated_on)::date::text AS month, count(*)::int AS count,
            sum(amount)::bigint AS amount
       FROM furusato_donations WHERE fiscal_year = $1 AND status <> 'キャンセル'
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [fiscalYear],
  );
  return rows;
}

async function expectExact() {
  for (const year of [2023, 2024, 2025]) expect(await portalMonthTotals(t.db, year), `年度 ${year}`).toEqual(await truth(year));
}

describe("dashboard totals", () => {
  it("match the ledger after an import", async () => {
    expect((await portalMonthTotals(t.db, 2024)).length).toBeGreaterThan(0);
    await expectExact();
  });

  it("stay exact when re-sent rows cancel, move, re-price or revive donations, in one batch with new ones", async () => {
    await t.db.transaction((tx) =>
      upsertDonations(
        tx,
        [
          donation("rakuten", "R1", "2024-06-10", 30_000, [["KK001", 1]], { status: "キャンセル" }),
          // moved to another month and another fiscal year
          donation("rakuten", "R2", "2025-04-02", 60_000, [["KK001", 2]]),
          donation("ana", "N1", "2024-12-20", 45_000, [["YH001", 1]]),
          // a cancelled donation paid after all
          donation("rakuten", "R3", "2025-01-15", 10_000, [["KK001", 1]]),
          donation("ana", "T1", "2024-12-31", 7_000, [["KK001", 1]]),
          donation("ana", "T2", "2025-03-31", 8_000, [["KK001", 1]], { status: "キャンセル" }),
        ],
        { importId: null },
      ),
    );
    await expectExact();
    const december = (await portalMonthTotals(t.db, 2024)).find((r) => r.portalCode === "ana" && r.month === "2024-12-01");
    // N1 re-priced to 45,000, N2 20,000, T1 7,000
    expect(december).toEqual({ portalCode: "ana", month: "2024-12-01", count: 3, amount: 72_000 });
  });

  it("a month whose only donation was cancelled disappears, as it did from the GROUP BY", async () => {
    const months = (await portalMonthTotals(t.db, 2024)).filter((r) => r.portalCode === "rakuten").map((r) => r.month);
    expect(months).not.toContain("2024-06-01");
    expect(months).not.toContain("2024-11-01");
  });

  it("stay exact after anonymisation, a direct update, deletes and a TRUNCATE", async () => {
    await t.db.transaction((tx) => anonymiseDonors(tx, 2024, "（匿名化済）"));
    await expectExact();
    await t.db.query("UPDATE furusato_donations SET amount = amount + 1 WHERE portal_code = 'ana'");
    await expectExact();
    await t.db.query("DELETE FROM furusato_donations WHERE order_number IN ('N1', 'S1')");
    await expectExact();
    await t.db.query("TRUNCATE furusato_donations CASCADE");
    for (const year of [2023, 2024, 2025]) expect(await portalMonthTotals(t.db, year)).toEqual([]);
    await t.db.transaction((tx) => upsertDonations(tx, [donation("ana", "U1", "2024-05-05", 9_000, [])], { importId: null }));
    expect(await portalMonthTotals(t.db, 2024)).toEqual([{ portalCode: "ana", month: "2024-05-01", count: 1, amount: 9_000 }]);
  });

  it("a rolled-back import leaves them as they were", async () => {
    const before = await portalMonthTotals(t.db, 2024);
    await expect(
      t.db.transaction(async (tx) => {
        await upsertDonations(tx, [donation("ana", "V1", "2024-05-06", 5_000, [])], { importId: null });
        throw new Error("crash");
      }),
    ).rejects.toThrow("crash");
    expect(await portalMonthTotals(t.db, 2024)).toEqual(before);
  });
});
