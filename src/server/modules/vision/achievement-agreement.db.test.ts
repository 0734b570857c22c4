// Issue 12, item 1: the experts' council page showed 達成率 100 times too large (10010.0%) while the public page showed
// 100.1%. The same indicator's 達成率 must read the same from the council round API, the public API and the report
// (PDF/Excel) model: all three in percent, shown through the one shared formatter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatAchievement } from "../../../common/vision/format";
import { createTestApp, type TestApp } from "../../testing/app";
import { buildCity, TEST_PASSWORD } from "../../testing/factories";
import { buildVisionPlan } from "../../testing/vision-engagement-fixture";
import { gradeRound } from "./grades";
import { buildReportModel } from "./report-model";
import { readReportInput } from "./report-query";

let t: TestApp;
let plan: Awaited<ReturnType<typeof buildVisionPlan>>;
let city: Awaited<ReturnType<typeof buildCity>>;

beforeAll(async () => {
  t = await createTestApp();
  city = await buildCity(t.db);
  plan = await buildVisionPlan(t.db, city);
  // K1: 9 回 at 2025-03-31 against 0 → 40 回 by 令和10年度; graded for real with the round's rule, then published.
  await gradeRound(t.db, plan.closedRound);
  await t.db.query("UPDATE vision_rounds SET status = 'published' WHERE id = $1", [plan.closedRound]);
});
afterAll(() => t.cleanup());

describe("達成率 of one indicator on every page and in the report", () => {
  it("is the same percent from the council round API, the public API and the report model, and reads the same", async () => {
    const stored = await t.db.query<{ achievement: number }>(
      "SELECT achievement::float8 AS achievement FROM vision_grades WHERE round_id = $1 AND indicator_id = $2",
      [plan.closedRound, plan.lectures],
    );
    const percent = Number(stored.rows[0].achievement);
    // 9 ÷ 8.0 (the target pro-rated to a fifth of the period) ≈ 112.6%: a percent, not a ratio
    expect(percent).toBeGreaterThan(100);
    expect(percent).toBeLessThan(120);

    const staff = await t.login(city.editor.loginId, TEST_PASSWORD);
    const council = await staff.get(`/api/vision/council/rounds/${plan.closedRound}/report`);
    expect(council.status).toBe(200);
    const councilK1 = council.body.nodes
      .flatMap((n: { indicators: { code: string; achievement: number | null }[] }) => n.indicators)
      .find((i: { code: string }) => i.code === "K1");

    const published = await t.client().get(`/api/public/vision/rounds/${plan.closedRound}`);
    expect(published.status).toBe(200);
    const publicK1 = published.body.indicators.find((i: { code: string }) => i.code === "K1");

    const { input, fallbackRule } = await readReportInput(t.db, plan.closedRound);
    const model = buildReportModel(input, fallbackRule);
    const reportK1 = model.rows.find((r) => r.code === "K1");

    expect(councilK1.achievement).toBe(percent);
    expect(publicK1.achievement).toBe(percent);
    expect(reportK1?.achievement).toBe(percent);
    const shown = formatAchievement(percent);
    expect(shown).toMatch(/^11\d\.\d%$/);
    expect(formatAchievement(councilK1.achievement)).toBe(shown);
    expect(formatAchievement(publicK1.achievement)).toBe(shown);
    expect(formatAchievement(reportK1?.achievement ?? null, model.achievementDecimals)).toBe(shown);
  });
});
