// Issue 13 item 3: "the latest actual" of an ungraded indicator is one rule everywhere: the newest as-of date of the
// round's 年度 up to the round's date, and of two values for one date the one entered last. A value entered later for
// an EARLIER date (a correction of last quarter's figure) does not replace the newer figure in the KPI report while
// the grading and the council keep the newer one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDb } from "../../testing/db";
import { createTestDb } from "../../testing/db";
import { buildCity } from "../../testing/factories";
import { buildVisionPlan } from "../../testing/vision-engagement-fixture";
import { findRoundReportRows } from "./core";
import { findReportIndicators } from "./report-repository";

let t: TestDb;
let plan: Awaited<ReturnType<typeof buildVisionPlan>>;

beforeAll(async () => {
  t = await createTestDb();
  plan = await buildVisionPlan(t.db, await buildCity(t.db));
  // K2 (no grade in the open 令和7年度末 round, as of 2026-03-31): 30 as of 2026-03-31 entered in January, then 20 as
  // of 2025-12-31 entered in February.
  await t.db.query(
    `INSERT INTO vision_actuals (indicator_id, fiscal_year, as_of, value, entered_by_label, created_at)
     VALUES ($1, 2025, '2026-03-31', 30, '企画課', '2026-01-10T09:00:00+09:00'),
            ($1, 2025, '2025-12-31', 20, '企画課', '2026-02-01T09:00:00+09:00')`,
    [plan.training],
  );
});
afterAll(() => t.cleanup());

describe("issue 13 item 3: the latest actual of an ungraded indicator", () => {
  it("item 3: the KPI report and the council both show the value with the later as-of date, not the one entered last", async () => {
    const report = await findReportIndicators(t.db, plan.openRound, plan.planId);
    expect(report.find((i) => i.id === plan.training)).toMatchObject({ result_kind: null, actual_value: 30 });

    const council = await findRoundReportRows(t.db, { id: plan.openRound, planId: plan.planId, fiscalYear: 2025, asOf: "2026-03-31" });
    expect(council.indicators.find((i) => i.id === plan.training)).toMatchObject({ result_kind: null, actual_value: 30 });
  });
});
