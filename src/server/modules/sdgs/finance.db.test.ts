// 金融連携 over HTTP on the module's sample data: a bank's login sees certified companies valid today only and its own
// finance records only (another bank's record is a 404 for reading, changing and deleting), a finance date outside
// the certification's validity (or for a revoked one) is refused with the reason, a stale version is a 409, every
// write leaves its audit row, the bureau keeps the banks, and the dashboard's figures equal counts made here
// independently with SQL of the test's own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fiscalYearOf, todayInJapan } from "../../../common/dates";
import { AMOUNT_BAND_LOWER_YEN, type AmountBand } from "../../../common/sdgs/labels";
import type { TestApp, TestClient } from "../../testing/app";
import { buildUser, TEST_PASSWORD } from "../../testing/factories";
import { buildBankLogin, buildRegistryWorld } from "./registry.fixture";

let t: TestApp;
let bank1: TestClient;
let bank2: TestClient;
let manager: TestClient;
let viewer: TestClient;
let bank1Id: string;
let bank2Id: string;
let today: string;

beforeAll(async () => {
  const world = await buildRegistryWorld();
  t = world.t;
  const first = await buildBankLogin(t, "sdgs-sample-bank-1");
  const second = await buildBankLogin(t, "sdgs-sample-bank-2");
  bank1Id = first.bankId;
  bank2Id = second.bankId;
  bank1 = await t.login(first.user.loginId, TEST_PASSWORD);
  bank2 = await t.login(second.user.loginId, TEST_PASSWORD);
  const editor = await buildUser(t.db, { role: "editor", organisationId: world.city.bureau.id });
  manager = await t.login(editor.loginId, TEST_PASSWORD);
  viewer = await t.login(world.city.viewer.loginId, TEST_PASSWORD);
  today = todayInJapan();
}, 120_000);
afterAll(() => t?.cleanup());

async function certificationOf(companyName: string) {
  const { rows } = await t.db.query<{ id: string; number: string; valid_from: string; valid_until: string; status: string }>(
    `SELECT ce.id, ce.number, ce.valid_from::text AS valid_from, ce.valid_until::text AS valid_until, ce.status
       FROM sdgs_certifications ce JOIN sdgs_companies co ON co.id = ce.company_id WHERE co.name = $1 ORDER BY ce.valid_from DESC LIMIT 1`,
    [companyName],
  );
  return rows[0];
}

const financeBody = (certificateNumber: string, executedOn: string, extra: object = {}) => ({
  certificateNumber,
  productKind: "loan",
  productName: "テスト融資",
  amountBand: "10m_50m",
  executedOn,
  note: "",
  ...extra,
});

describe("a bank's login", () => {
  it("finds certified companies valid today only, with nothing of their applications", async () => {
    const response = await bank1.get("/api/sdgs/bank/companies");
    expect(response.status).toBe(200);
    const { rows } = await t.db.query<{ number: string }>(
      "SELECT number FROM sdgs_certifications WHERE status = 'active' AND valid_from <= $1::date AND valid_until >= $1::date ORDER BY number",
      [today],
    );
    expect(response.body.items.map((i: { certificateNumber: string }) => i.certificateNumber).sort()).toEqual(rows.map((r) => r.number));
    for (const item of response.body.items)
      expect(Object.keys(item).sort()).toEqual([
        "certificateNumber",
        "certificationId",
        "companyName",
        "corporateNumber",
        "isSample",
        "tierName",
        "tierRank",
        "validFrom",
        "validUntil",
      ]);
    // a company that only applied (draft) and the revoked one are never found
    expect((await bank1.get(`/api/sdgs/bank/companies?q=${encodeURIComponent("足立印刷")}`)).body.items).toEqual([]);
    expect((await bank1.get(`/api/sdgs/bank/companies?q=${encodeURIComponent("関門商事")}`)).body.items).toEqual([]);
    expect((await bank1.get(`/api/sdgs/bank/companies?q=${encodeURIComponent("小倉精機")}`)).body.items).toHaveLength(1);
  });

  it("lists its own records only", async () => {
    const mine = await bank1.get("/api/sdgs/bank/finance?pageSize=200");
    expect(mine.status).toBe(200);
    const { rows } = await t.db.query<{ id: string }>("SELECT id FROM sdgs_finance_links WHERE bank_id = $1", [bank1Id]);
    expect(rows.length).toBeGreaterThan(0);
    expect(mine.body.items.map((i: { id: string }) => i.id).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(mine.body.items.every((i: { bankId: string }) => i.bankId === bank1Id)).toBe(true);
  });

  it("records a loan for a certified company, edits it with its version and deletes it, each with an audit row", async () => {
    const kokura = await certificationOf("小倉精機工業株式会社");
    const created = await bank1.post("/api/sdgs/bank/finance", financeBody(kokura.number, kokura.valid_from));
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body).toMatchObject({
      bankId: bank1Id,
      certificateNumber: kokura.number,
      companyName: "小倉精機工業株式会社",
      version: 1,
    });
    const id = created.body.id;
    // by the certification's id instead of the number
    const byId = await bank1.post("/api/sdgs/bank/finance", {
      ...financeBody(kokura.number, kokura.valid_from),
      certificateNumber: undefined,
      certificationId: kokura.id,
    });
    expect(byId.status).toBe(200);

    const updated = await bank1.put(`/api/sdgs/bank/finance/${id}`, {
      version: 1,
      finance: financeBody(kokura.number, kokura.valid_from, { amountBand: "50m_100m", productName: "変更後の融資" }),
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ version: 2, amountBand: "50m_100m", productName: "変更後の融資" });
    const stale = await bank1.put(`/api/sdgs/bank/finance/${id}`, { version: 1, finance: financeBody(kokura.number, kokura.valid_from) });
    expect(stale.status).toBe(409);
    expect((await bank1.delete(`/api/sdgs/bank/finance/${id}?version=1`)).status).toBe(409);
    expect((await bank1.delete(`/api/sdgs/bank/finance/${id}?version=2`)).status).toBe(200);
    expect((await bank1.delete(`/api/sdgs/bank/finance/${byId.body.id}?version=1`)).status).toBe(200);
    const audit = await t.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity_type = 'sdgs_finance_link' AND entity_id = $1 ORDER BY occurred_at, id",
      [id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["create", "update", "delete"]);
  });

  it("never reads, changes or deletes another bank's record: 404, as a missing one", async () => {
    const { rows } = await t.db.query<{ id: string; version: number; number: string; executed_on: string }>(
      `SELECT f.id, f.version, ce.number, f.executed_on::text AS executed_on FROM sdgs_finance_links f
         JOIN sdgs_certifications ce ON ce.id = f.certification_id WHERE f.bank_id = $1 LIMIT 1`,
      [bank2Id],
    );
    const other = rows[0];
    expect(other).toBeTruthy();
    const put = await bank1.put(`/api/sdgs/bank/finance/${other.id}`, {
      version: other.version,
      finance: financeBody(other.number, other.executed_on),
    });
    expect(put.status).toBe(404);
    expect((await bank1.delete(`/api/sdgs/bank/finance/${other.id}?version=${other.version}`)).status).toBe(404);
    const still = await t.db.query("SELECT 1 FROM sdgs_finance_links WHERE id = $1 AND version = $2", [other.id, other.version]);
    expect(still.rowCount).toBe(1);
    // and the other bank's list does not show bank 1's records
    const theirs = await bank2.get("/api/sdgs/bank/finance?pageSize=200");
    expect(theirs.body.items.every((i: { bankId: string }) => i.bankId === bank2Id)).toBe(true);
  });

  it("refuses a finance date outside the certification's validity, a future date, and a revoked certification", async () => {
    const kokura = await certificationOf("小倉精機工業株式会社");
    const before = await bank1.post("/api/sdgs/bank/finance", financeBody(kokura.number, "2020-04-01"));
    expect(before.status).toBe(400);
    expect(before.body.error.message).toContain("有効期間");
    expect(before.body.error.fields.executedOn).toBeTruthy();
    const future = await bank1.post("/api/sdgs/bank/finance", financeBody(kokura.number, "2099-04-01"));
    expect(future.status).toBe(400);
    const revoked = await certificationOf("関門商事株式会社");
    expect(revoked.status).toBe("revoked");
    const refused = await bank1.post("/api/sdgs/bank/finance", financeBody(revoked.number, revoked.valid_from));
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain("取り消されています");
    const unknown = await bank1.post("/api/sdgs/bank/finance", financeBody("KSM-2099-0001", "2025-04-01"));
    expect(unknown.status).toBe(400);
    // neither or both of the number and the id
    const neither = await bank1.post("/api/sdgs/bank/finance", {
      ...financeBody("KSM-2099-0001", "2025-04-01"),
      certificateNumber: undefined,
    });
    expect(neither.status).toBe(400);
  });

  it("is not a bank for staff pages, and staff are not a bank", async () => {
    expect((await bank1.get("/api/sdgs/finance")).status).toBe(403);
    expect((await bank1.get("/api/sdgs/dashboard")).status).toBe(403);
    expect((await viewer.get("/api/sdgs/bank/finance")).status).toBe(403);
  });
});

describe("the partner banks (staff)", () => {
  it("lets the bureau add a bank with its own external organisation, rename and deactivate it; a viewer only reads", async () => {
    const created = await manager.post("/api/sdgs/banks", { name: "テスト信用組合" });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const org = await t.db.query<{ kind: string; name: string }>("SELECT kind, name FROM organisations WHERE id = $1", [
      created.body.organisationId,
    ]);
    expect(org.rows[0]).toEqual({ kind: "external", name: "テスト信用組合" });
    const patched = await manager.patch(`/api/sdgs/banks/${created.body.id}`, { active: false, sortOrder: 5 });
    expect(patched.body).toMatchObject({ active: false, sortOrder: 5, name: "テスト信用組合" });
    const list = await viewer.get("/api/sdgs/banks");
    expect(list.status).toBe(200);
    expect(list.body.items.map((b: { name: string }) => b.name)).toContain("テスト信用組合");
    expect((await viewer.post("/api/sdgs/banks", { name: "閲覧者の銀行" })).status).toBe(403);
    expect((await manager.post("/api/sdgs/banks", { name: "テスト信用組合" })).status).toBe(409);
    const audit = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE entity_type = 'sdgs_bank' AND entity_id = $1", [
      created.body.id,
    ]);
    expect(audit.rows.map((r) => r.action).sort()).toEqual(["create", "update"]);
  });

  it("lists every bank's records with filters by bank, tier and fiscal year", async () => {
    const all = await viewer.get("/api/sdgs/finance?pageSize=200");
    expect(all.status).toBe(200);
    const { rows } = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM sdgs_finance_links");
    expect(all.body.total).toBe(rows[0].n);
    const byBank = await viewer.get(`/api/sdgs/finance?bankId=${bank2Id}`);
    expect(byBank.body.items.every((i: { bankId: string }) => i.bankId === bank2Id)).toBe(true);
    const fy = await viewer.get("/api/sdgs/finance?fiscalYear=2025&pageSize=200");
    expect(fy.body.items.every((i: { executedOn: string }) => i.executedOn >= "2025-04-01" && i.executedOn <= "2026-03-31")).toBe(true);
    const tier1 = await viewer.get("/api/sdgs/finance?tierRank=1&pageSize=200");
    expect(tier1.body.items.every((i: { tierRank: number }) => i.tierRank === 1)).toBe(true);
  });
});

describe("the dashboard", () => {
  it("equals counts made independently from the tables", async () => {
    // a new loan first, so that the dashboard is seen to count it
    const kitaq = await certificationOf("黒崎電機株式会社");
    expect(
      (await bank1.post("/api/sdgs/bank/finance", financeBody(kitaq.number, kitaq.valid_from, { amountBand: "over_500m" }))).status,
    ).toBe(200);

    const response = await viewer.get("/api/sdgs/dashboard");
    expect(response.status).toBe(200);
    const d = response.body;
    expect(d.asOf).toBe(today);
    expect(d.fiscalYear).toBe(fiscalYearOf(today));

    const valid = await t.db.query<{ company_id: string; tier_rank: number; ward: string; industry: string; valid_until: string }>(
      `SELECT ce.company_id, ce.tier_rank, co.ward, co.industry, ce.valid_until::text AS valid_until FROM sdgs_certifications ce
         JOIN sdgs_companies co ON co.id = ce.company_id WHERE ce.status = 'active' AND ce.valid_from <= $1::date AND ce.valid_until >= $1::date`,
      [today],
    );
    const companies = new Set(valid.rows.map((r) => r.company_id));
    expect(d.certified.total).toBe(companies.size);
    expect(d.certified.byTier.reduce((s: number, r: { count: number }) => s + r.count, 0)).toBe(companies.size);
    for (const w of d.certified.byWard) expect(w.count).toBe(valid.rows.filter((r) => r.ward === w.key).length);
    for (const i of d.certified.byIndustry) expect(i.count).toBe(valid.rows.filter((r) => r.industry === i.key).length);

    const links = await t.db.query<{ bank_id: string; tier_rank: number; amount_band: AmountBand; company_id: string }>(
      "SELECT f.bank_id, ce.tier_rank, f.amount_band, f.company_id FROM sdgs_finance_links f JOIN sdgs_certifications ce ON ce.id = f.certification_id",
    );
    const sum = (rows: { amount_band: AmountBand }[]) => rows.reduce((s, r) => s + AMOUNT_BAND_LOWER_YEN[r.amount_band], 0);
    expect(d.finance.count).toBe(links.rows.length);
    expect(d.finance.amountAtLeastYen).toBe(sum(links.rows));
    expect(d.finance.amountAtLeastYen).toBeGreaterThanOrEqual(500_000_000);
    for (const b of d.finance.byBank) {
      const mine = links.rows.filter((r) => r.bank_id === b.key);
      expect([b.count, b.amountAtLeastYen]).toEqual([mine.length, sum(mine)]);
    }
    for (const tier of d.finance.byTier) {
      const mine = links.rows.filter((r) => String(r.tier_rank) === tier.key);
      expect([tier.count, tier.amountAtLeastYen]).toEqual([mine.length, sum(mine)]);
    }
    const financed = [...companies].filter((c) => links.rows.some((l) => l.company_id === c)).length;
    expect(d.finance.companiesWithFinance).toBe(financed);
    expect(d.finance.financedShare).toBeCloseTo(financed / companies.size, 10);

    const apps = await t.db.query<{ status: string; n: number }>(
      "SELECT a.status, count(*)::int AS n FROM sdgs_applications a JOIN sdgs_rounds r ON r.id = a.round_id WHERE r.fiscal_year = $1 GROUP BY a.status",
      [fiscalYearOf(today)],
    );
    for (const row of apps.rows) expect(d.applications.byStatus.find((s: { key: string }) => s.key === row.status).count).toBe(row.n);
    expect(d.applications.total).toBe(apps.rows.reduce((s, r) => s + r.n, 0));

    const expiring = valid.rows.filter((r) => (Date.parse(r.valid_until) - Date.parse(today)) / 86_400_000 <= 90).length;
    expect(d.expiringSoon).toBe(expiring);
    expect(d.reportsOverdue).toBeGreaterThanOrEqual(0);
  });
});
