// The round's KPI達成状況 report, from the database to the PDF and the Excel file: a small plan graded with the
// city's rule, read back page by page and cell by cell.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_GRADE_RULE, type GradeRule, gradeIndicator, type IndicatorForGrading } from "../../../common/vision/grading";
import type { Queryable } from "../../db/database";
import { loadExcelJs } from "../../platform/tabular/exceljs-loader";
import { readXlsx } from "../../platform/tabular/xlsx-read";
import { createTestDb, type TestDb } from "../../testing/db";
import { extractPdfText, readPdfPages } from "../../testing/pdf-text";
import { gradeRound } from "./grades";
import { KPI_SHEET_HEADER } from "./render-report-xlsx";
import { renderRoundReport } from "./report";

let t: TestDb;

interface IndicatorSpec {
  code: string;
  node: string;
  name: string;
  unit: string;
  direction?: "higher" | "lower";
  baseline?: number;
  target?: number;
  exclusion?: string;
  status?: boolean;
  /** the actual at the end of FY2025 (a number or a status rating); none: not entered */
  actual?: number | string;
}

const one = async <T>(db: Queryable, sql: string, params: unknown[]) => (await db.query<T>(sql, params)).rows[0];

/**
 * 北九州市・新ビジョン (FY2024–2028, baselines at 2024-03-31): three strategies, four measures, one project; the
 * round 令和7年度末 graded with the city's rule at 2026-03-31, two fifths of the way to the targets.
 */
async function buildPlan(db: Queryable, planName: string, extra: IndicatorSpec[] = []): Promise<string> {
  const ruleId = (
    await one<{ id: string }>(db, "INSERT INTO vision_grade_rules (name, rule) VALUES ($1, $2) RETURNING id", [
      `${planName}の評価基準`,
      JSON.stringify(DEFAULT_GRADE_RULE),
    ])
  ).id;
  const planId = (
    await one<{ id: string }>(
      db,
      "INSERT INTO vision_plans (name, first_fiscal_year, last_fiscal_year) VALUES ($1, 2024, 2028) RETURNING id",
      [planName],
    )
  ).id;
  const nodes = new Map<string, string>();
  const node = async (code: string, parent: string | null, kind: string, title: string, sort: number, method = "average") => {
    const row = await one<{ id: string }>(
      db,
      `INSERT INTO vision_nodes (plan_id, parent_id, kind, code, title, sort_order, rollup_method)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [planId, parent ? nodes.get(parent) : null, kind, code, title, sort, method],
    );
    nodes.set(code, row.id);
  };
  await node("V", null, "vision", "北九州市の未来", 0);
  await node("1", "V", "strategy", "稼げるまち", 1);
  await node("2", "V", "strategy", "彩りあるまち", 2);
  await node("3", "V", "strategy", "安らぐまち", 3);
  await node("1-1", "1", "measure", "企業誘致の推進", 1, "weighted");
  await node("1-1-1", "1-1", "project", "産業用地の整備", 1);
  await node("2-1", "2", "measure", "観光の振興", 1);
  await node("3-1", "3", "measure", "子育て支援", 1);

  const specs: IndicatorSpec[] = [
    { code: `${planName}-K1`, node: "1-1", name: "企業誘致件数", unit: "件", baseline: 0, target: 100, actual: 52 },
    { code: `${planName}-K2`, node: "1-1-1", name: "分譲面積", unit: "ha", baseline: 10, target: 60, actual: 26 },
    { code: `${planName}-K3`, node: "2-1", name: "観光客数", unit: "人", baseline: 2_000_000, target: 2_500_000, actual: 2_200_000 },
    { code: `${planName}-K4`, node: "2-1", name: "宿泊者数（再掲）", unit: "人", exclusion: "再掲" },
    { code: `${planName}-K5`, node: "2-1", name: "文化イベントの満足度", unit: "", status: true, actual: "一部遅れ" },
    { code: `${planName}-K6`, node: "3-1", name: "待機児童数", unit: "人", direction: "lower", baseline: 200, target: 0, actual: 150 },
    { code: `${planName}-K7`, node: "3-1", name: "子育て講座の参加者数", unit: "人", baseline: 0, target: 500 },
    ...extra,
  ];
  const roundId = (
    await one<{ id: string }>(
      db,
      `INSERT INTO vision_rounds (plan_id, name, fiscal_year, as_of, deadline, status, rule_id)
       VALUES ($1, '令和7年度末', 2025, '2026-03-31', '2026-05-31', 'closed', $2) RETURNING id`,
      [planId, ruleId],
    )
  ).id;
  for (const [i, spec] of specs.entries()) {
    const numeric = !spec.status && !spec.exclusion;
    const indicatorId = (
      await one<{ id: string }>(
        db,
        `INSERT INTO vision_indicators (node_id, code, name, unit, kind, direction, rating_mode, baseline_value, baseline_date,
                                        target_value, target_fiscal_year, exclusion, sort_order)
         VALUES ($1, $2, $3, $4, '成果指標', $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          nodes.get(spec.node),
          spec.code,
          spec.name,
          spec.unit,
          spec.direction ?? "higher",
          spec.status ? "status" : "numeric",
          numeric ? spec.baseline : null,
          numeric ? "2024-03-31" : null,
          numeric ? spec.target : null,
          numeric ? 2028 : null,
          spec.exclusion ?? null,
          i,
        ],
      )
    ).id;
    let actualId: string | null = null;
    if (spec.actual !== undefined) {
      const isNumber = typeof spec.actual === "number";
      if (isNumber) {
        // an earlier entry, corrected later: the report shows the value the grade was computed from
        await db.query(
          `INSERT INTO vision_actuals (indicator_id, fiscal_year, as_of, value, entered_by_label, created_at)
           VALUES ($1, 2025, '2026-03-31', 1, 'テスト', now() - interval '1 day')`,
          [indicatorId],
        );
      }
      actualId = (
        await one<{ id: string }>(
          db,
          `INSERT INTO vision_actuals (indicator_id, fiscal_year, as_of, value, status_rating, note, entered_by_label)
           VALUES ($1, 2025, '2026-03-31', $2, $3, $4, 'テスト') RETURNING id`,
          [indicatorId, isNumber ? spec.actual : null, isNumber ? null : spec.actual, isNumber ? "" : "会場改修のため一部中止"],
        )
      ).id;
    }
    const forGrading: IndicatorForGrading = {
      direction: spec.direction ?? "higher",
      baselineValue: spec.baseline ?? 0,
      baselineDate: "2024-03-31",
      targetValue: spec.target ?? 0,
      targetFiscalYear: 2028,
      exclusion: (spec.exclusion as IndicatorForGrading["exclusion"]) ?? null,
    };
    const observation =
      spec.actual === undefined
        ? null
        : typeof spec.actual === "number"
          ? { asOf: "2026-03-31", value: spec.actual, status: null }
          : { asOf: "2026-03-31", value: null, status: spec.actual as "一部遅れ" };
    const result = gradeIndicator(forGrading, observation, DEFAULT_GRADE_RULE as GradeRule);
    await db.query(
      `INSERT INTO vision_grades (round_id, indicator_id, actual_id, rule_id, result_kind, grade, achievement, explanation)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        roundId,
        indicatorId,
        actualId,
        ruleId,
        result.kind,
        result.kind === "graded" || result.kind === "status" ? result.grade : null,
        result.kind === "graded" || result.kind === "status" ? result.achievement : null,
        JSON.stringify(result.explanation),
      ],
    );
  }
  return roundId;
}

const flat = (text: string) => text.replace(/\s+/g, "");

let roundId: string;
let bigRoundId: string;

beforeAll(async () => {
  t = await createTestDb();
  roundId = await buildPlan(t.db, "北九州市・新ビジョン");
  const many = Array.from({ length: 70 }, (_, i) => ({
    code: `BIG-R${i + 1}`,
    node: "3-1",
    name: `参考指標その${i + 1}（複数ページにわたる表の確認用）`,
    unit: "件",
    baseline: 0,
    target: 100,
    actual: 40 + (i % 20),
  }));
  bigRoundId = await buildPlan(t.db, "大きな計画", many);
}, 60_000);
afterAll(() => t?.cleanup());

describe("the round's KPI達成状況 report", () => {
  it("prints the PDF on A4 landscape with the title, 和暦 dates, legend, every KPI and its grade", async () => {
    const file = await renderRoundReport(t.db, roundId, "pdf");
    expect(file.name).toBe("北九州市・新ビジョン_KPI達成状況_令和7年度末.pdf");
    expect(file.mimeType).toBe("application/pdf");
    const pages = await readPdfPages(file.bytes);
    expect(Math.round(pages[0].width)).toBe(842);
    expect(Math.round(pages[0].height)).toBe(595);
    const first = flat(pages[0].text);
    expect(first).toContain(flat("北九州市・新ビジョン KPI達成状況（令和7年度末）"));
    expect(first).toContain("実績の時点:令和8年3月31日");
    expect(first).toContain("A：120%以上");
    expect(first).toContain("D：70%未満");
    for (const name of ["1稼げるまち", "1-1企業誘致の推進", "1-1-1産業用地の整備", "2彩りあるまち", "3安らぐまち"])
      expect(first).toContain(name);
    for (const name of [
      "企業誘致件数",
      "分譲面積",
      "観光客数",
      "宿泊者数（再掲）",
      "文化イベントの満足度",
      "待機児童数",
      "子育て講座の参加者数",
    ])
      expect(first).toContain(name);
    // 企業誘致件数: 0 → 100 by FY2028, 52 at the end of FY2025 against a pro-rated ~39.98 → 130.1% A
    expect(first).toContain("52（令和8年3月末）");
    expect(first).toContain("130.1%A");
    expect(first).toContain("2,200,000（令和8年3月末）");
    expect(first).toContain("0（令和6年3月末）");
    expect(first).toContain("100（令和10年度）");
    expect(first).toContain("一部遅れ");
    expect(first).toContain("対象外");
    expect(first).toContain("未評価");
  });

  it("ends with the summary: grade counts and roll-ups per strategy and measure", async () => {
    const pages = await readPdfPages((await renderRoundReport(t.db, roundId, "pdf")).bytes);
    const last = flat(pages.at(-1)?.text ?? "");
    expect(last).toContain("評価の集計（戦略・施策別）");
    // 1 稼げるまち: A 1, B 0, C 1, D 0, 一部遅れ 0, 対象外 0, 未評価 0, 計 2, 50% at ≥100%, roll-up (130.1×1 + 80.0×1)/2
    expect(last).toContain("1稼げるまち1010000250.0%105.1%B");
    expect(last).toContain("合計");
    expect(last).toContain("状況による評価は集計で次の達成度とみなす");
  });

  it("repeats the table's header row on every page of a long report", async () => {
    const pages = await readPdfPages((await renderRoundReport(t.db, bigRoundId, "pdf")).bytes);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const tablePages = pages.slice(0, -1);
    for (const page of tablePages) expect(flat(page.text)).toContain("按分目標");
    expect(flat(pages[1].text)).toContain(flat("大きな計画 KPI達成状況（令和7年度末）"));
    const text = flat(await extractPdfText((await renderRoundReport(t.db, bigRoundId, "pdf")).bytes));
    expect(text).toContain("参考指標その70");
  });

  it("writes the same KPI table to Excel, one row per KPI with numbers as numbers", async () => {
    const file = await renderRoundReport(t.db, roundId, "xlsx");
    expect(file.name).toBe("北九州市・新ビジョン_KPI達成状況_令和7年度末.xlsx");
    const sheet = await readXlsx(file.bytes);
    expect(sheet.header).toEqual(KPI_SHEET_HEADER);
    const rows = sheet.rows.map((r) => Object.fromEntries(sheet.header.map((h, i) => [h, r[i]])));
    expect(rows.map((r) => r.KPI)).toEqual([
      "企業誘致件数",
      "分譲面積",
      "観光客数",
      "宿泊者数（再掲）",
      "文化イベントの満足度",
      "待機児童数",
      "子育て講座の参加者数",
    ]);
    expect(rows[0]).toMatchObject({
      戦略: "1 稼げるまち",
      施策: "1-1 企業誘致の推進",
      事業: "",
      単位: "件",
      基準値: "0",
      基準値の時点: "令和6年3月末",
      目標値: "100",
      目標年度: "令和10年度",
      // issue 12 item 3: in the indicator's own precision (0 → 100 件: whole numbers), not 39.98
      按分目標: "40",
      実績値: "52",
      実績値の時点: "令和8年3月末",
      "達成度（%）": "130.1",
      評価: "A",
    });
    expect(rows[1]).toMatchObject({ 事業: "1-1-1 産業用地の整備", 評価: "C" });
    expect(rows[3]).toMatchObject({ 評価: "対象外", 備考: "再掲", "達成度（%）": "" });
    expect(rows[4]).toMatchObject({ 実績値: "一部遅れ", 評価: "一部遅れ", 備考: "会場改修のため一部中止" });
    expect(rows[5]).toMatchObject({ KPI: "待機児童数", 評価: "D" });
    expect(rows[5].備考).toContain("低いほど良い指標");
    expect(rows[6]).toMatchObject({ 評価: "未評価", 実績値: "" });
    expect(rows[6].備考).toContain("実績値が未入力です");

    const workbook = new (await loadExcelJs()).Workbook();
    await workbook.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["KPI達成状況", "評価の集計", "評価基準"]);
    // numbers stay numbers for staff to sum and sort
    expect(workbook.worksheets[0].getCell("M2").value).toBe(52);
    const summary = workbook.worksheets[1];
    const header = (summary.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      "区分",
      "戦略・施策",
      "A",
      "B",
      "C",
      "D",
      "一部遅れ",
      "対象外",
      "未評価",
      "計",
      "達成度100%以上の割合（%）",
      "達成度（集計・%）",
      "評価（集計）",
    ]);
    const values = (n: number) => (summary.getRow(n).values as unknown[]).slice(1);
    expect(values(2)).toEqual(["戦略", "1 稼げるまち", 1, 0, 1, 0, 0, 0, 0, 2, 50, 105.1, "B"]);
    expect(values(3)).toEqual(["施策", "1-1 企業誘致の推進", 1, 0, 1, 0, 0, 0, 0, 2, 50, 105.1, "B"]);
    // 2-1: 観光客数 B (100.0…%) and 一部遅れ counted as 85 → 92.6 C; the 再掲 is listed, not counted
    expect(values(5)).toEqual(["施策", "2-1 観光の振興", 0, 1, 0, 0, 1, 1, 0, 3, 100, 92.6, "C"]);
    expect(values(8)).toEqual(["合計", "合計", 1, 1, 1, 1, 1, 1, 1, 7, 50, expect.any(Number), expect.any(String)]);
    const legend = workbook.worksheets[2];
    expect(legend.getCell("B2").value).toBe("北九州市・新ビジョン KPI達成状況（令和7年度末）");
  });

  it("reads the grades as the module's own recompute (gradeRound) stores them", async () => {
    const before = await readXlsx((await renderRoundReport(t.db, roundId, "xlsx")).bytes);
    await t.db.transaction((tx) => gradeRound(tx, roundId));
    const after = await readXlsx((await renderRoundReport(t.db, roundId, "xlsx")).bytes);
    expect(after.rows).toEqual(before.rows);
  });

  it("refuses an unknown round", async () => {
    await expect(renderRoundReport(t.db, "00000000-0000-0000-0000-000000000000", "pdf")).rejects.toThrow("報告ラウンドが見つかりません");
  });
});
