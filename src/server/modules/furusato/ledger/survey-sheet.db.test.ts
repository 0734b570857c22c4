// 現況調査 answer sheet: the figures in the downloaded workbook are the ones the database holds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readXlsx } from "../../../platform/tabular/xlsx-read";
import { createTestApp, type TestApp, type TestClient } from "../../../testing/app";
import { buildCity, TEST_PASSWORD } from "../../../testing/factories";
import { setFurusatoOwner } from "../access";
import { buildMoneyFixture, buildSupplierLogin, FY2024 } from "./money.fixture";
import { BODY_CODE_SETTING, BODY_NAME_SETTING } from "./survey-sheet";

let t: TestApp;
let manager: TestClient;
let supplier: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const city = await buildCity(t.db);
  await setFurusatoOwner(t.db, city.bureau.id);
  const fixture = await buildMoneyFixture(t.db);
  manager = await t.login(city.editor.loginId, TEST_PASSWORD);
  supplier = await t.login((await buildSupplierLogin(t.db, fixture.suppliers.kk)).loginId, TEST_PASSWORD);
  await manager.post("/api/furusato/cost-entries", {
    fiscalYear: 2024,
    category: "広報",
    amount: 12_345,
    incurredOn: "2024-09-01",
    description: "ガイドブック印刷",
  });
});
afterAll(() => t.cleanup());

async function answerRow(): Promise<Record<string, string>> {
  const response = await manager.get("/api/furusato/survey-sheet?fiscalYear=2024");
  expect(response.status).toBe(200);
  expect(response.headers.get("content-disposition")).toMatch(/^attachment;/);
  const { header, rows } = await readXlsx(response.raw);
  expect(rows).toHaveLength(1);
  return Object.fromEntries(header.map((h, i) => [h, rows[0][i]]));
}

describe("現況調査 answer sheet", () => {
  it("matches the database: receipts, non-residents, one-stop and the six cost categories", async () => {
    const sheet = await answerRow();
    const { rows } = await t.db.query<{
      count: number;
      amount: number;
      outside_count: number;
      outside_amount: number;
      one_stop_count: number;
      one_stop_amount: number;
    }>(
      `SELECT count(*)::int AS count, sum(amount)::bigint AS amount,
              count(*) FILTER (WHERE NOT is_resident)::int AS outside_count, sum(amount) FILTER (WHERE NOT is_resident)::bigint AS outside_amount,
              count(*) FILTER (WHERE one_stop_wish)::int AS one_stop_count, sum(amount) FILTER (WHERE one_stop_wish)::bigint AS one_stop_amount
         FROM furusato_donations WHERE fiscal_year = 2024 AND status = '入金済'`,
    );
    const db = rows[0];
    expect(sheet.団体コード).toBe("401005");
    expect(sheet.団体名).toBe("北九州市");
    expect(sheet.年度).toBe("令和6年度");
    expect(Number(sheet.受入件数)).toBe(db.count);
    expect(Number(sheet["受入額（円）"])).toBe(db.amount);
    expect(Number(sheet["うち区域外からの寄附 件数"])).toBe(db.outside_count);
    expect(Number(sheet["うち区域外からの寄附 金額（円）"])).toBe(db.outside_amount);
    expect(Number(sheet["うちワンストップ特例申請分 件数"])).toBe(db.one_stop_count);
    expect(Number(sheet["うちワンストップ特例申請分 金額（円）"])).toBe(db.one_stop_amount);
    // and the hand count of the fixture
    expect([db.count, db.amount, db.outside_count, db.outside_amount, db.one_stop_count, db.one_stop_amount]).toEqual([
      5, 150_000, 4, 130_000, 3, 70_000,
    ]);

    const manual = await t.db.query<{ category: string; amount: number }>(
      "SELECT category, sum(amount)::bigint AS amount FROM furusato_cost_entries WHERE fiscal_year = 2024 GROUP BY category",
    );
    const manualOf = (category: string) => manual.rows.find((r) => r.category === category)?.amount ?? 0;
    const expected = {
      返礼品等の調達に係る費用: FY2024.procurement + manualOf("調達"),
      返礼品等の送付に係る費用: FY2024.shipping + manualOf("送付"),
      広報に係る費用: manualOf("広報"),
      決済等に係る費用: manualOf("決済等"),
      事務に係る費用: FY2024.portalFees + manualOf("事務"),
      その他の費用: manualOf("その他"),
    };
    let total = 0;
    for (const [label, amount] of Object.entries(expected)) {
      expect(Number(sheet[`${label}（円）`]), label).toBe(amount);
      expect(Number(sheet[`${label} 受入額に対する割合（%）`]), label).toBe(Math.round((amount / db.amount) * 1000) / 10);
      total += amount;
    }
    expect(expected.広報に係る費用).toBe(12_345);
    expect(Number(sheet["募集等に伴う費用 合計（円）"])).toBe(total);
    expect(Number(sheet["募集等に伴う費用 合計 受入額に対する割合（%）"])).toBe(Math.round((total / db.amount) * 1000) / 10);
  });

  it("uses the city's own 団体コード and name when set", async () => {
    await t.db.query("INSERT INTO app_settings (key, value) VALUES ($1, to_jsonb('402036'::text)), ($2, to_jsonb('久留米市'::text))", [
      BODY_CODE_SETTING,
      BODY_NAME_SETTING,
    ]);
    const sheet = await answerRow();
    expect([sheet.団体コード, sheet.団体名]).toEqual(["402036", "久留米市"]);
  });

  it("is refused to suppliers", async () => {
    expect((await supplier.get("/api/furusato/survey-sheet?fiscalYear=2024")).status).toBe(403);
  });
});
