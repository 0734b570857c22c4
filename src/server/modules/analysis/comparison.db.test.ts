// 経営分析の比較表 over HTTP on a city built for the test (no sample data): the subjects analysed in one fiscal year
// side by side with their kind, 外郭団体 label of the year, lead division and 局, the key indicators of their latest
// year with figures up to that year (a missing figure is null with its reason, never 0; a later year is not used),
// the assessments per viewpoint, the decision and the actions; the default year is the latest with analyses; the
// Excel says the same (missing as 「—（理由）」, 和暦 dates) and is audited; outside logins are refused.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ComparisonRow, ComparisonView } from "../../../common/api/analysis-reports";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, TEST_PASSWORD } from "../../testing/factories";
import { setAnalysisOwner } from "./access";
import { insertFacility, insertFigures, insertMeasure, insertReview, insertSubject } from "./report-fixture";

let t: TestApp;
let viewer: TestClient;
let partner: TestClient;
let associationReview: string;

beforeAll(async () => {
  t = await createTestApp();
  const city = await buildCity(t.db);
  await setAnalysisOwner(t.db, city.bureau.id);
  viewer = await t.login(city.viewer.loginId, TEST_PASSWORD);
  partner = await t.login(city.partner.loginId, TEST_PASSWORD);

  // an affiliated body with every figure for 令和5・6年度 (and a 令和7年度 that a 令和6年度 comparison must not use)
  const association = await insertSubject(t.db, {
    name: "テスト国際交流協会",
    kind: "public_interest_foundation",
    affiliated: true,
    lead: city.division.id,
    year: 2024,
  });
  const year = { "revenue.city_grant": 300_000, "revenue.own_business": 700_000, "expense.personnel": 400_000, "expense.goods": 600_000 };
  await insertFigures(t.db, association, 2023, year);
  await insertFigures(t.db, association, 2024, year);
  await insertFigures(t.db, association, 2025, { "revenue.city_grant": 900_000, "expense.personnel": 100_000 });
  await insertMeasure(t.db, association, { name: "相談件数", unit: "件", values: { 2024: 100, 2025: 50 } });
  await insertFacility(t.db, association, "交流センター", 2000);
  associationReview = await insertReview(t.db, {
    subjectId: association,
    fiscalYear: 2024,
    decided: { option: "revise", decision: "事業を見直す", on: "2025-03-26", by: "市政変革推進会議" },
    findings: [
      { viewpoint: "necessity", body: "必要性は高い", assessment: "adequate" },
      { viewpoint: "finance", body: "市への依存がある", assessment: "issue" },
      { viewpoint: "finance", body: "人件費が多い", assessment: "improve" },
      { viewpoint: "role", body: "評価前", assessment: null },
    ],
    actions: [
      { title: "自主財源を増やす", owner: city.division.id, dueOn: "2026-03-31" },
      { title: "人員配置を見直す", owner: city.division.id, doneOn: "2025-09-30", result: "1名減" },
    ],
  });

  // a programme with only an expense for 令和5年度: no revenue, no 人件費, no measure, no facility
  const station = await insertSubject(t.db, { name: "テストステーション", kind: "programme", lead: city.bureau.id, year: 2024 });
  await insertFigures(t.db, station, 2023, { "expense.goods": 500_000 });
  await insertReview(t.db, { subjectId: station, fiscalYear: 2024 });

  // another year's analysis: not in 令和6年度's table
  const university = await insertSubject(t.db, { name: "テスト大学", kind: "public_university", year: 2022 });
  await insertReview(t.db, { subjectId: university, fiscalYear: 2022 });
}, 120_000);
afterAll(() => t?.cleanup());

const indicatorOf = (row: ComparisonRow, key: string) => row.indicators.find((i) => i.key === key)!;
const rowOf = (view: ComparisonView, name: string) => view.rows.find((r) => r.name === name)!;

describe("the comparison table", () => {
  let view: ComparisonView;

  it("shows the latest year with analyses by default, with every subject analysed in it", async () => {
    const res = await viewer.get<ComparisonView>("/api/analysis/comparison");
    expect(res.status).toBe(200);
    view = res.body;
    expect(view.fiscalYear).toBe(2024);
    expect(view.years).toEqual([2024, 2022]);
    // in Japanese order (kana before kanji)
    expect(view.rows.map((r) => r.name)).toEqual(["テストステーション", "テスト国際交流協会"]);
  });

  it("gives each subject's kind, affiliate label of the year, lead division and 局, decision and actions", () => {
    const row = rowOf(view, "テスト国際交流協会");
    expect(row).toMatchObject({
      reviewId: associationReview,
      kindLabel: "公益財団法人",
      affiliateLabel: "外郭団体（令和7年度から政策連携団体）",
      leadOrganisationName: "企画課",
      bureauName: "政策局",
      status: "decided",
      chosenOption: "revise",
      chosenOptionLabel: "見直し",
      decidedOn: "2025-03-26",
      actionsOpen: 1,
      actionsDone: 1,
      assessmentCounts: { adequate: 1, issue: 1, improve: 1 },
    });
    expect(row.viewpoints.map((v) => [v.label, v.assessments])).toEqual([
      ["必要性", ["adequate"]],
      ["役割", []],
      ["効率性・有効性", []],
      ["運営体制", []],
      ["財務", ["issue", "improve"]],
    ]);
    const station = rowOf(view, "テストステーション");
    expect(station).toMatchObject({ affiliateLabel: null, leadOrganisationName: "政策局", bureauName: "政策局", status: "draft" });
    expect(station.chosenOption).toBeNull();
    expect(station.decidedOn).toBeNull();
  });

  it("computes the key indicators of the latest year up to the compared one, not of a later year", () => {
    const row = rowOf(view, "テスト国際交流協会");
    expect(row.indicatorYear).toBe(2024);
    expect(indicatorOf(row, "dependency").value).toBeCloseTo(30, 6);
    expect(indicatorOf(row, "self_revenue").value).toBeCloseTo(70, 6);
    expect(indicatorOf(row, "personnel_ratio").value).toBeCloseTo(40, 6);
    expect(indicatorOf(row, "cost_per_unit")).toMatchObject({ label: "相談件数1件あたりの経費", unit: "円", value: 10_000 });
    // built in 2000: 25 years old at the end of 令和6年度 (2025-03-31)
    expect(indicatorOf(row, "facility_age")).toMatchObject({ unit: "年", value: 25 });
  });

  it("shows a missing figure as null with its reason, never as 0", () => {
    const station = rowOf(view, "テストステーション");
    expect(station.indicatorYear).toBe(2023);
    for (const key of ["dependency", "self_revenue"]) {
      const v = indicatorOf(station, key);
      expect(v.value, key).toBeNull();
      expect(v.missing, key).toBe("収入合計が未入力");
    }
    expect(indicatorOf(station, "personnel_ratio")).toMatchObject({ value: null, missing: "人件費が未入力" });
    expect(indicatorOf(station, "cost_per_unit")).toMatchObject({ value: null, missing: "単位あたりの経費を計算する活動指標が未設定" });
    expect(indicatorOf(station, "facility_age")).toMatchObject({ value: null, missing: "施設が未登録" });
  });

  it("shows another year when asked, and an empty table for a year without analyses", async () => {
    const other = (await viewer.get<ComparisonView>("/api/analysis/comparison?fiscalYear=2022")).body;
    expect(other.fiscalYear).toBe(2022);
    expect(other.rows.map((r) => r.name)).toEqual(["テスト大学"]);
    // no figures at all: every figure-based indicator is missing for want of a year
    expect(other.rows[0]!.indicatorYear).toBeNull();
    expect(indicatorOf(other.rows[0]!, "dependency")).toMatchObject({ value: null, missing: "令和4年度までの数値が未入力" });
    const none = (await viewer.get<ComparisonView>("/api/analysis/comparison?fiscalYear=2030")).body;
    expect(none).toMatchObject({ fiscalYear: 2030, rows: [] });
    expect((await viewer.get("/api/analysis/comparison?fiscalYear=R6")).status).toBe(400);
  });

  it("refuses outside logins and anonymous callers", async () => {
    expect((await partner.get("/api/analysis/comparison")).status).toBe(403);
    expect((await t.client().get("/api/analysis/comparison")).status).toBe(401);
  });
});

describe("the comparison as Excel", () => {
  it("holds the same rows, a missing figure as 「—」 with its reason, dates in 和暦, and is audited", async () => {
    const res = await viewer.get("/api/analysis/comparison/export?fiscalYear=2024");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.raw.buffer.slice(res.raw.byteOffset, res.raw.byteOffset + res.raw.byteLength) as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe("比較表 令和6年度");
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const col = (name: string) => header.indexOf(name) + 1;
    expect(sheet.rowCount).toBe(3);
    const association = sheet.getRow(3);
    expect(association.getCell(col("名称")).value).toBe("テスト国際交流協会");
    expect(association.getCell(col("指標の年度")).value).toBe("令和6年度");
    expect(association.getCell(col("市財政への依存度（%）")).value).toBe(30);
    expect(association.getCell(col("単位あたりの経費の基準")).value).toBe("相談件数1件あたりの経費");
    expect(association.getCell(col("決定日")).value).toBe("令和7年3月26日");
    expect(association.getCell(col("評価：財務")).value).toBe("課題あり／要改善");
    const station = sheet.getRow(2);
    expect(station.getCell(col("名称")).value).toBe("テストステーション");
    expect(station.getCell(col("市財政への依存度（%）")).value).toBe("—（収入合計が未入力）");
    expect(station.getCell(col("人件費比率（%）")).value).toBe("—（人件費が未入力）");
    const audit = await t.db.query(
      "SELECT summary FROM audit_log WHERE entity_type = 'analysis_review' AND action = 'export' AND summary LIKE '%比較表%'",
    );
    expect(audit.rows).toEqual([{ summary: "経営分析の比較表を出力（令和6年度、2件、Excel）" }]);
  });
});
