// The dashboard on a real database: per-portal months without cancellations, last year over the same months, the
// gifts most chosen, the open one-stop and shipping work, the Excel export, and who may see it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadExcelJs } from "../../../platform/tabular/exceljs-loader";
import { createTestApp, type TestApp, type TestClient } from "../../../testing/app";
import { buildCity, TEST_PASSWORD } from "../../../testing/factories";
import { setFurusatoOwner } from "../access";
import { dashboard, portalMonthTotals } from "./dashboard";
import { buildMoneyFixture, buildSupplierLogin, FY2024 } from "./money.fixture";

let t: TestApp;
let viewer: TestClient;
let supplier: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const city = await buildCity(t.db);
  await setFurusatoOwner(t.db, city.bureau.id);
  const fixture = await buildMoneyFixture(t.db);
  viewer = await t.login(city.viewer.loginId, TEST_PASSWORD);
  supplier = await t.login((await buildSupplierLogin(t.db, fixture.suppliers.kk)).loginId, TEST_PASSWORD);
  // One shipment of the beef was requested with a due date already passed.
  await t.db.query(
    `UPDATE furusato_shipments s SET status = '依頼済', due_on = '2025-01-01'
       FROM furusato_donations d WHERE d.id = s.donation_id AND d.order_number = 'R1'`,
  );
});
afterAll(() => t.cleanup());

describe("dashboard", () => {
  it("totals each portal per month, without cancelled donations", async () => {
    const rows = await portalMonthTotals(t.db, 2024);
    expect(rows).toEqual([
      { portalCode: "ana", month: "2024-12-01", count: 2, amount: 50_000 },
      { portalCode: "rakuten", month: "2024-06-01", count: 1, amount: 30_000 },
      { portalCode: "rakuten", month: "2024-11-01", count: 1, amount: 60_000 },
      { portalCode: "rakuten", month: "2025-02-01", count: 1, amount: 15_000 },
      { portalCode: "rakuten", month: "2025-03-01", count: 1, amount: 10_000 },
    ]);
  });

  it("lays the year out April → March with totals and growth against last year's same months", async () => {
    const d = await dashboard(t.db, 2024, "2025-06-01");
    expect(d.months[0]).toBe("2024-04");
    expect(d.months[11]).toBe("2025-03");
    expect(d.portals.map((p) => [p.portalCode, p.portalName, p.amount])).toEqual([
      ["rakuten", "楽天ふるさと納税", 115_000],
      ["ana", "ANAのふるさと納税", 50_000],
    ]);
    expect(d.amount).toBe(FY2024.notCancelledAmount);
    expect(d.count).toBe(FY2024.notCancelledCount);
    expect(d.previousMonthAmounts[1]).toBe(40_000); // May 2023
    expect(d.comparison).toMatchObject({ months: 12, amount: 165_000, previousAmount: 50_000, count: 6, previousCount: 2 });
    expect(d.comparison.amountGrowth).toBeCloseTo(2.3, 10);
    // While a year runs, only the months begun are compared: FY2025 as of 20 May against April–May 2023… of FY2024.
    const running = await dashboard(t.db, 2025, "2025-05-20");
    expect(running.comparison).toMatchObject({ months: 2, amount: 40_000, previousAmount: 0, amountGrowth: null });
  });

  it("ranks the gifts by amount, sharing a several-gift donation among its lines", async () => {
    const d = await dashboard(t.db, 2024, "2025-06-01");
    expect(d.topGifts.map((g) => [g.giftCode, g.title, g.count, g.quantity, g.amount])).toEqual([
      ["KK001", "小倉牛ロース", 4, 5, 125_000],
      ["YH001", "季節の果物 定期便", 2, 2, 35_000],
      ["ZZ999", "", 1, 1, 5_000],
    ]);
  });

  it("shows portal fees, the one-stop work by deadline and the shipping backlog per supplier", async () => {
    const d = await dashboard(t.db, 2024, "2025-01-05");
    expect(d.portalFees.map((f) => f.fee)).toEqual([12_000, 5_000]);
    expect(d.oneStop).toEqual([
      { deadline: "2025-01-10", daysLeft: 5, counts: { 未着: 2, 受付: 0, 不備: 0, 受理: 0 } },
      { deadline: "2026-01-10", daysLeft: 370, counts: { 未着: 1, 受付: 0, 不備: 0, 受理: 0 } },
    ]);
    // Shipping is today's work whatever the year: KK has P1, P2 (FY2023), R2 and S1 (FY2025) still to request.
    expect(d.shipments.map((s) => [s.supplierCode, s.unrequested, s.requested, s.overdue])).toEqual([
      ["KK", 4, 1, 1],
      ["YH", 2, 0, 0],
    ]);
    expect(d.cost).toMatchObject({
      donationAmount: FY2024.paidAmount,
      totalCosts: FY2024.procurement + FY2024.shipping + FY2024.portalFees,
    });
  });

  it("carries no donor personal data", async () => {
    const response = await viewer.get("/api/furusato/dashboard?fiscalYear=2024");
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body)).not.toMatch(/寄附 太郎|千代田|100-0001/);
  });

  it("exports one Excel sheet per table", async () => {
    const response = await viewer.get("/api/furusato/dashboard/export?fiscalYear=2024");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment;/);
    const workbook = new (await loadExcelJs()).Workbook();
    await workbook.xlsx.load(Buffer.from(response.raw) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "概要",
      "サイト別月別（寄附額）",
      "サイト別月別（件数）",
      "人気の返礼品",
      "サイト手数料",
      "ワンストップ特例",
      "出荷状況",
    ]);
    const amounts = workbook.getWorksheet("サイト別月別（寄附額）");
    // issue 12 item 4: the workbook is a report, so its months read in 和暦 as on the screen (not 2024年4月)
    expect(amounts?.getRow(1).getCell(2).value).toBe("令和6年4月");
    expect(amounts?.getRow(1).getCell(13).value).toBe("令和7年3月");
    expect(amounts?.getRow(2).getCell(1).value).toBe("楽天ふるさと納税");
    expect(amounts?.getRow(2).getCell(14).value).toBe(115_000);
    expect(amounts?.getRow(4).getCell(14).value).toBe(FY2024.notCancelledAmount);
    const audit = await t.db.query("SELECT 1 FROM audit_log WHERE entity_type = 'furusato_dashboard' AND action = 'download'");
    expect(audit.rowCount).toBe(1);
  });

  it("refuses suppliers and a missing year", async () => {
    expect((await supplier.get("/api/furusato/dashboard?fiscalYear=2024")).status).toBe(403);
    expect((await supplier.get("/api/furusato/dashboard/export?fiscalYear=2024")).status).toBe(403);
    expect((await viewer.get("/api/furusato/dashboard")).status).toBe(400);
  });
});
