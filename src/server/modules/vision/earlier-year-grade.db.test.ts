// Issue 12 item 2: 令和7年度末 showed A 160.1% taken silently from the 令和6年度 value. The grade rule now says what a
// round grades when its own 年度 has no value: 未評価 (the default), or the newest earlier value with its 年度 said
// (「令和6年度の値で評価」) in the round's grades, the council report, the public page and the PDF/Excel report.
// Item 3: the report prints 按分目標 in the indicator's own precision (38,800 億円, not 38,799.5619).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_GRADE_RULE, type GradeRule } from "../../../common/vision/grading";
import { loadMigrations } from "../../db/migrate";
import { readXlsx } from "../../platform/tabular/xlsx-read";
import { createTestApp, type TestApp } from "../../testing/app";
import { buildCity, TEST_PASSWORD } from "../../testing/factories";
import { extractPdfText } from "../../testing/pdf-text";
import { buildVisionPlan } from "../../testing/vision-engagement-fixture";
import * as gradeRepo from "./grade-repository";
import { gradeRound, putRule } from "./grades";
import { renderRoundReport } from "./report";

let t: TestApp;
let plan: Awaited<ReturnType<typeof buildVisionPlan>>;
let city: Awaited<ReturnType<typeof buildCity>>;
const actor = { userId: null, label: "テスト" };
const flat = (text: string) => text.replace(/\s+/g, "");

type Row = Record<string, unknown>;
const k1Of = (items: Row[]) => items.find((i) => i.code === "K1") as Row;
const councilK1 = (body: { nodes: { indicators: Row[] }[] }) => k1Of(body.nodes.flatMap((n) => n.indicators));

beforeAll(async () => {
  t = await createTestApp();
  city = await buildCity(t.db);
  // K1 出前講演の実施回数: 0 → 40 回 by 令和10年度, 9 回 for 令和6年度 only; the open round is 令和7年度末.
  plan = await buildVisionPlan(t.db, city);
});
afterAll(() => t.cleanup());

describe("issue 12 item 2: a round whose 年度 has no value yet", () => {
  it("item 2: by default the round grades it 未評価 and uses no earlier value", async () => {
    await gradeRound(t.db, plan.openRound);
    const stored = await t.db.query<{ result_kind: string; actual_id: string | null; grade: string | null }>(
      "SELECT result_kind, actual_id, grade FROM vision_grades WHERE round_id = $1 AND indicator_id = $2",
      [plan.openRound, plan.lectures],
    );
    expect(stored.rows[0]).toEqual({ result_kind: "ungradable", actual_id: null, grade: null });

    const staff = await t.login(city.editor.loginId, TEST_PASSWORD);
    const grades = await staff.get(`/api/vision/rounds/${plan.openRound}/grades`);
    expect(grades.status).toBe(200);
    expect(k1Of(grades.body.indicators)).toMatchObject({
      resultKind: "ungradable",
      grade: null,
      achievement: null,
      actualValue: null,
      valueFiscalYear: null,
      explanation: { text: "令和7年度の実績値が未入力です（令和6年度の値では評価しません）" },
    });
    // the council reads no 令和6年度 figure beside the round either
    const council = await staff.get(`/api/vision/council/rounds/${plan.openRound}/report`);
    expect(councilK1(council.body)).toMatchObject({ actualValue: null, achievement: null, valueFiscalYear: null });
  });

  it("item 2: 「直近の値で評価」 grades the 令和6年度 value and every page and report says so", async () => {
    const rule: GradeRule = { ...DEFAULT_GRADE_RULE, earlierYearValue: "latest" };
    const ruleId = await putRule(t.db, actor, "直近の値で評価", rule);
    await gradeRound(t.db, plan.openRound, { ruleId });

    const staff = await t.login(city.editor.loginId, TEST_PASSWORD);
    const grades = await staff.get(`/api/vision/rounds/${plan.openRound}/grades`);
    const k1 = k1Of(grades.body.indicators);
    // 9 ÷ 8.0 (the target pro-rated to the end of 令和6年度, a fifth of the period) = 112.6% → B
    expect(k1).toMatchObject({ resultKind: "graded", grade: "B", achievement: 112.6, actualValue: 9, valueFiscalYear: 2024 });
    expect(String((k1.explanation as Row).text)).toMatch(/^令和6年度の値で評価: 達成度/);

    const council = await staff.get(`/api/vision/council/rounds/${plan.openRound}/report`);
    expect(councilK1(council.body)).toMatchObject({ actualValue: 9, achievement: 112.6, valueFiscalYear: 2024 });

    const xlsx = await readXlsx((await renderRoundReport(t.db, plan.openRound, "xlsx")).bytes);
    const row = xlsx.rows.map((r) => Object.fromEntries(xlsx.header.map((h, i) => [h, r[i]]))).find((r) => r.指標番号 === "K1");
    expect(row?.備考).toContain("令和6年度の値で評価");
    expect(row?.["達成度（%）"]).toBe("112.6");
    const pdf = flat(await extractPdfText((await renderRoundReport(t.db, plan.openRound, "pdf")).bytes));
    expect(pdf).toContain("令和6年度の値で評価");

    await t.db.query("UPDATE vision_rounds SET status = 'published', closed_at = now(), published_at = now() WHERE id = $1", [
      plan.openRound,
    ]);
    const published = await t.client().get(`/api/public/vision/rounds/${plan.openRound}`);
    expect(published.status).toBe(200);
    expect(k1Of(published.body.indicators)).toMatchObject({ achievement: 112.6, valueFiscalYear: 2024 });
    // the round of 令和6年度 itself graded its own value: nothing to say there
    await gradeRound(t.db, plan.closedRound, { ruleId });
    const own = await staff.get(`/api/vision/rounds/${plan.closedRound}/grades`);
    expect(k1Of(own.body.indicators)).toMatchObject({ achievement: 112.6, valueFiscalYear: null });
  });

  it("item 2: a rule version stored before the choice existed reads, and is migrated, as 「直近の値で評価」", async () => {
    const { earlierYearValue: _, ...old } = DEFAULT_GRADE_RULE;
    const inserted = await t.db.query<{ id: string }>("INSERT INTO vision_grade_rules (name, rule) VALUES ('古い版', $1) RETURNING id", [
      JSON.stringify(old),
    ]);
    const id = inserted.rows[0].id;
    expect((await gradeRepo.findRule(t.db, id))?.rule.earlierYearValue).toBe("latest");
    const staff = await t.login(city.editor.loginId, TEST_PASSWORD);
    const versions = await staff.get("/api/vision/grade-rule");
    expect(versions.status).toBe(200);
    expect(versions.body.versions.find((v: Row) => v.id === id).rule.earlierYearValue).toBe("latest");

    // migration 0010 writes the choice into such a version, and leaves the versions immutable afterwards
    const migration = loadMigrations().find((m) => m.name.startsWith("0010_vision_grade_rule"));
    expect(migration).toBeDefined();
    await t.db.transaction((tx) => tx.exec(migration?.sql ?? ""));
    const after = await t.db.query<{ rule: Row }>("SELECT rule FROM vision_grade_rules WHERE id = $1", [id]);
    expect(after.rows[0].rule.earlierYearValue).toBe("latest");
    const current = await t.db.query<{ rule: Row }>("SELECT rule FROM vision_grade_rules WHERE name = '直近の値で評価'");
    expect(current.rows[0].rule.earlierYearValue).toBe("latest");
    await expect(t.db.query("UPDATE vision_grade_rules SET name = '書き換え' WHERE id = $1", [id])).rejects.toThrow();
  });
});

describe("issue 12 item 3: 按分目標 in the report", () => {
  it("item 3: the PDF and the Excel report print 按分目標 in the indicator's own precision", async () => {
    // 市内総生産 38,000 → 42,000 億円 by 令和15年度; 38,900 for 令和7年度: 按分目標 38,799.5619… at 令和8年3月末
    const indicator = await t.db.query<{ id: string }>(
      `INSERT INTO vision_indicators (node_id, code, name, unit, kind, direction, baseline_value, baseline_date, target_value, target_fiscal_year)
       VALUES ($1, 'K3', '市内総生産（名目）', '億円', '成果指標', 'higher', 38000, '2024-03-31', 42000, 2033) RETURNING id`,
      [plan.measure],
    );
    await t.db.query(
      "INSERT INTO vision_actuals (indicator_id, fiscal_year, as_of, value, entered_by_label) VALUES ($1, 2025, '2026-03-31', 38900, '企画課')",
      [indicator.rows[0].id],
    );
    await gradeRound(t.db, plan.openRound);
    const stored = await t.db.query<{ explanation: { proRatedTarget: number } }>(
      "SELECT explanation FROM vision_grades WHERE round_id = $1 AND indicator_id = $2",
      [plan.openRound, indicator.rows[0].id],
    );
    expect(stored.rows[0].explanation.proRatedTarget).toBeCloseTo(38799.56, 1);

    const xlsx = await readXlsx((await renderRoundReport(t.db, plan.openRound, "xlsx")).bytes);
    const row = xlsx.rows.map((r) => Object.fromEntries(xlsx.header.map((h, i) => [h, r[i]]))).find((r) => r.指標番号 === "K3");
    expect(row?.按分目標).toBe("38800");
    const pdf = flat(await extractPdfText((await renderRoundReport(t.db, plan.openRound, "pdf")).bytes));
    expect(pdf).toContain("38,800");
    expect(pdf).not.toContain("38,799");
  });
});
