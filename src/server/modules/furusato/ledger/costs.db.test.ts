// 経費台帳 on a real database: catalog costs on the donation date, portal fees, manual entries with audit, the
// 5割 test at its edge, the forecast, the CSV, and who may see and change it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../../testing/app";
import { buildCity, TEST_PASSWORD } from "../../../testing/factories";
import { setFurusatoOwner } from "../access";
import { costLedger } from "./costs";
import { buildMoneyFixture, buildSupplierLogin, FY2024 } from "./money.fixture";

let t: TestApp;
let manager: TestClient;
let otherStaff: TestClient;
let supplier: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const city = await buildCity(t.db);
  await setFurusatoOwner(t.db, city.bureau.id);
  const fixture = await buildMoneyFixture(t.db);
  manager = await t.login(city.editor.loginId, TEST_PASSWORD);
  otherStaff = await t.login(city.otherEditor.loginId, TEST_PASSWORD);
  const login = await buildSupplierLogin(t.db, fixture.suppliers.kk);
  supplier = await t.login(login.loginId, TEST_PASSWORD);
});
afterAll(() => t.cleanup());

const line = (ledger: { lines: { category: string }[] }, category: string) => ledger.lines.find((l) => l.category === category) as never;

describe("cost ledger", () => {
  it("counts the catalog's cost on each donation's date, × quantity × deliveries, for paid non-residents only", async () => {
    const ledger = await costLedger(t.db, 2024, "2025-06-01");
    expect(ledger.donationAmount).toBe(FY2024.paidAmount);
    expect(ledger.donationCount).toBe(FY2024.paidCount);
    expect(line(ledger, "調達")).toMatchObject({ computed: FY2024.procurement, manual: 0 });
    expect(line(ledger, "送付")).toMatchObject({ computed: FY2024.shipping, manual: 0 });
    expect(ledger.uncostedItems).toBe(1);
  });

  it("puts each portal's fee (fee ratio × paid donations) under 事務 as its own ポータル手数料 line", async () => {
    const ledger = await costLedger(t.db, 2024, "2025-06-01");
    expect(ledger.portalFees.map((f) => [f.portalCode, f.amount, f.fee])).toEqual([
      ["rakuten", 100_000, 12_000],
      ["ana", 50_000, 5_000],
    ]);
    expect(line(ledger, "事務")).toMatchObject({ computed: FY2024.portalFees, portalFees: FY2024.portalFees });
    expect(ledger.computedTotal).toBe(FY2024.procurement + FY2024.shipping + FY2024.portalFees);
  });

  it("adds manual entries with an audit row; exactly 50% passes, one yen more fails, deleting restores", async () => {
    const computed = FY2024.procurement + FY2024.shipping + FY2024.portalFees; // 72,500
    const half = FY2024.paidAmount / 2; // 75,000
    const first = await manager.post("/api/furusato/cost-entries", {
      fiscalYear: 2024,
      category: "広報",
      amount: half - computed - 500,
      incurredOn: "令和6年8月1日",
      description: "ポータル特集ページ掲載料",
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ category: "広報", amount: 2000, incurredOn: "2024-08-01" });
    await manager.post("/api/furusato/cost-entries", {
      fiscalYear: 2024,
      category: "決済等",
      amount: 500,
      incurredOn: "2025-04-30",
      description: "クレジットカード決済手数料（3月分）",
    });
    const exact = await manager.get("/api/furusato/cost-ledger?fiscalYear=2024");
    expect(exact.status).toBe(200);
    expect(exact.body.totalCosts).toBe(half);
    expect(exact.body.costRatio).toBe(0.5);
    expect(exact.body.withinHalf).toBe(true);
    expect(exact.body.usableAmount).toBe(half);
    expect(line(exact.body, "広報")).toMatchObject({ computed: 0, manual: 2000, total: 2000 });

    const over = await manager.post("/api/furusato/cost-entries", {
      fiscalYear: 2024,
      category: "その他",
      amount: 1,
      incurredOn: "2025-03-31",
      description: "振込手数料",
    });
    const red = (await manager.get("/api/furusato/cost-ledger?fiscalYear=2024")).body;
    expect(red.withinHalf).toBe(false);
    expect(red.light).toBe("red");

    expect((await manager.delete(`/api/furusato/cost-entries/${over.body.id}`)).status).toBe(200);
    expect((await manager.get("/api/furusato/cost-ledger?fiscalYear=2024")).body.withinHalf).toBe(true);
    expect((await manager.delete(`/api/furusato/cost-entries/${over.body.id}`)).status).toBe(404);

    const audit = await t.db.query<{ action: string; entity_id: string }>(
      "SELECT action, entity_id FROM audit_log WHERE entity_type = 'furusato_cost_entry' ORDER BY id",
    );
    expect(audit.rows.filter((r) => r.entity_id === over.body.id).map((r) => r.action)).toEqual(["create", "delete"]);
    const entries = await manager.get("/api/furusato/cost-entries?fiscalYear=2024");
    expect(entries.body.items.map((e: { amount: number }) => e.amount)).toEqual([2000, 500]);
  });

  it("refuses invalid entries with Japanese messages per field", async () => {
    const zero = await manager.post("/api/furusato/cost-entries", {
      fiscalYear: 2024,
      category: "広報",
      amount: 0,
      incurredOn: "2024-08-01",
      description: "",
    });
    expect(zero.status).toBe(400);
    expect(zero.body.error.fields.amount).toMatch(/0円/);
    expect(zero.body.error.fields.description).toBe("内容を入力してください。");
    const outside = await manager.post("/api/furusato/cost-entries", {
      fiscalYear: 2024,
      category: "広報",
      amount: 100,
      incurredOn: "2025-06-01",
      description: "年度外",
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields.incurredOn).toMatch(/出納整理期間/);
    const unknown = await manager.post("/api/furusato/cost-entries", {
      fiscalYear: 2024,
      category: "交際費",
      amount: 100,
      incurredOn: "2024-08-01",
      description: "x",
    });
    expect(unknown.status).toBe(400);
  });

  it("forecasts the year's end from last year's share by the same day", async () => {
    // FY2025 so far: 40,000 on 10 May (KK001 after the rise: 9,500 + 1,600, fee 12% = 4,800 → 15,900).
    // Last year by 30 June: 30,000 of its 150,000 (20%), so the year is forecast at 200,000.
    const ledger = await costLedger(t.db, 2025, "2025-06-30");
    expect(ledger.totalCosts).toBe(15_900);
    expect(ledger.lastYear).toEqual({ samePeriodAmount: 30_000, totalAmount: FY2024.paidAmount });
    expect(ledger.forecast).toMatchObject({ method: "last-year-share", donations: 200_000 });
    expect(ledger.forecast.shareOfYearSoFar).toBeCloseTo(0.2, 10);
    expect(ledger.forecast.costs).toBe(15_900 + Math.round(160_000 * (15_900 / 40_000)));
    const closed = await costLedger(t.db, 2024, "2025-06-01");
    expect(closed.forecast.method).toBe("actual");
    expect(closed.forecast.donations).toBe(FY2024.paidAmount);
  });

  it("exports the ledger as CSV with the categories, the portal-fee line and the entries", async () => {
    const csv = await manager.get("/api/furusato/cost-entries/export?fiscalYear=2024");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment;/);
    const text = typeof csv.body === "string" ? csv.body : new TextDecoder().decode(csv.raw);
    expect(text).toContain("ポータル手数料");
    expect(text).toContain("ポータル特集ページ掲載料");
    expect(text).toMatch(/合計,,,,72500,2500,75000,50\.00/);
  });

  it("lets other staff read but not write, and refuses suppliers", async () => {
    expect((await otherStaff.get("/api/furusato/cost-ledger?fiscalYear=2024")).status).toBe(200);
    const write = await otherStaff.post("/api/furusato/cost-entries", {
      fiscalYear: 2024,
      category: "広報",
      amount: 100,
      incurredOn: "2024-08-01",
      description: "x",
    });
    expect(write.status).toBe(403);
    expect((await supplier.get("/api/furusato/cost-ledger?fiscalYear=2024")).status).toBe(403);
    expect((await supplier.get("/api/furusato/cost-entries?fiscalYear=2024")).status).toBe(403);
    expect((await supplier.get("/api/furusato/cost-entries/export?fiscalYear=2024")).status).toBe(403);
    expect((await t.client().get("/api/furusato/cost-ledger?fiscalYear=2024")).status).toBe(401);
  });
});
