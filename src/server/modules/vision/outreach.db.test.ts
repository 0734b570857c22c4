// 周知・浸透の記録 over HTTP: the bureau records events (和暦 dates → 年度), everyone on the staff reads them with
// yearly counts; "feed indicators" writes the year's count (or attendance) as the indicator's actual value.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OUTREACH_ACTUAL_LABEL } from "../../../common/api/vision-engagement";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, TEST_PASSWORD } from "../../testing/factories";
import { buildVisionPlan } from "../../testing/vision-engagement-fixture";
import { feedAsOf } from "./outreach";

let t: TestApp;
let city: Awaited<ReturnType<typeof buildCity>>;
let plan: Awaited<ReturnType<typeof buildVisionPlan>>;
let manager: TestClient;
let viewer: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  city = await buildCity(t.db);
  plan = await buildVisionPlan(t.db, city);
  manager = await t.login(city.editor.loginId, TEST_PASSWORD);
  viewer = await t.login(city.viewer.loginId, TEST_PASSWORD);
});
afterAll(() => t.cleanup());

const event = (over: Record<string, unknown>) => ({
  kind: "出前講演",
  title: "出前講演",
  heldOn: "令和6年9月12日",
  audience: "自治会",
  attendance: 60,
  organisationId: null,
  note: "",
  indicatorId: null,
  ...over,
});

describe("outreach log", () => {
  it("lets the bureau record events; the fiscal year follows the date (March belongs to the year before)", async () => {
    expect((await viewer.post("/api/vision/outreach", event({}))).status).toBe(403);
    expect((await manager.post("/api/vision/outreach", event({ kind: "講演会" }))).status).toBe(400);
    expect((await manager.post("/api/vision/outreach", event({ attendance: -1 }))).status).toBe(400);
    const items = [
      event({ title: "出前講演 小倉北区", indicatorId: plan.lectures }),
      event({ title: "出前講演 八幡西区", heldOn: "R7.3.25", attendance: 40, indicatorId: plan.lectures }),
      event({ title: "出前講演 門司区", heldOn: "2025-04-10", attendance: 30, indicatorId: plan.lectures }),
      event({ kind: "ワークショップ", title: "若者と未来を描くワークショップ", heldOn: "令和6年8月24日", attendance: 48 }),
      event({ kind: "PR動画", title: "PR動画 公開", heldOn: "令和6年10月1日", attendance: null, organisationId: city.division.id }),
    ];
    for (const item of items) expect((await manager.post("/api/vision/outreach", item)).status).toBe(200);
    const list = await viewer.get("/api/vision/outreach");
    expect(list.status).toBe(200);
    expect(list.body.canManage).toBe(false);
    expect(list.body.items).toHaveLength(5);
    const march = list.body.items.find((e: { title: string }) => e.title === "出前講演 八幡西区");
    expect(march).toMatchObject({ heldOn: "2025-03-25", fiscalYear: 2024, indicatorName: "出前講演の実施回数" });
    expect(list.body.indicators.map((i: { code: string }) => i.code)).toEqual(["K1", "K2"]);
  });

  it("filters by fiscal year and kind and counts events and attendance per year and kind", async () => {
    const fy2024 = await viewer.get("/api/vision/outreach?fiscalYear=2024&kind=出前講演");
    expect(fy2024.body.items.map((e: { title: string }) => e.title).sort()).toEqual(["出前講演 八幡西区", "出前講演 小倉北区"]);
    const summary = fy2024.body.summary;
    expect(summary).toContainEqual({ fiscalYear: 2024, kind: "出前講演", count: 2, attendance: 100 });
    expect(summary).toContainEqual({ fiscalYear: 2025, kind: "出前講演", count: 1, attendance: 30 });
    expect(summary).toContainEqual({ fiscalYear: 2024, kind: "PR動画", count: 1, attendance: 0 });
  });

  it("feeds the year's count of linked events to the indicator as an actual, audited, marks the round task updated and regrades the open round", async () => {
    const preview = await manager.get(`/api/vision/outreach/feed?indicatorId=${plan.lectures}&fiscalYear=2025&measure=count`);
    expect(preview.body).toMatchObject({ eventCount: 1, attendance: 30, value: 1, currentValue: null });
    expect(
      (await viewer.post("/api/vision/outreach/feed", { indicatorId: plan.lectures, fiscalYear: 2025, measure: "count" })).status,
    ).toBe(403);
    expect(
      (await manager.post("/api/vision/outreach/feed", { indicatorId: plan.training, fiscalYear: 2025, measure: "count" })).status,
    ).toBe(400);

    const fed = await manager.post("/api/vision/outreach/feed", { indicatorId: plan.lectures, fiscalYear: 2024, measure: "count" });
    expect(fed.status).toBe(200);
    expect(fed.body).toMatchObject({ value: 2, eventCount: 2, asOf: "2025-03-31" });
    const actual = await t.db.query<{ value: number; fiscal_year: number; as_of: string; entered_by_label: string; note: string }>(
      "SELECT value, fiscal_year, as_of, entered_by_label, note FROM vision_actuals WHERE id = $1",
      [fed.body.actualId],
    );
    expect(actual.rows[0]).toEqual({
      value: 2,
      fiscal_year: 2024,
      as_of: "2025-03-31",
      entered_by_label: OUTREACH_ACTUAL_LABEL,
      note: "周知・浸透の記録 2件の実施件数",
    });
    const audit = await t.db.query<{ action: string; entity_id: string }>(
      "SELECT action, entity_id FROM audit_log WHERE action = 'feed_actual'",
    );
    expect(audit.rows).toEqual([{ action: "feed_actual", entity_id: plan.lectures }]);

    // Attendance of the running year goes into the open round and counts as the owner's update.
    const byAttendance = await manager.post("/api/vision/outreach/feed", {
      indicatorId: plan.lectures,
      fiscalYear: 2025,
      measure: "attendance",
    });
    expect(byAttendance.body.value).toBe(30);
    const task = await t.db.query<{ updated: boolean }>(
      "SELECT updated_at IS NOT NULL AS updated FROM vision_round_tasks WHERE round_id = $1 AND indicator_id = $2",
      [plan.openRound, plan.lectures],
    );
    expect(task.rows[0].updated).toBe(true);
    const graded = await t.db.query("SELECT 1 FROM vision_grades WHERE round_id = $1 AND indicator_id = $2", [
      plan.openRound,
      plan.lectures,
    ]);
    expect(graded.rows).toHaveLength(1); // the open round is regraded with the new value
    // The history keeps both values (append-only): the newest of the year is current.
    const history = await t.db.query("SELECT count(*)::int AS n FROM vision_actuals WHERE indicator_id = $1", [plan.lectures]);
    expect(history.rows[0]).toEqual({ n: 3 });
  });

  it("edits and deletes events (bureau only)", async () => {
    const list = await manager.get("/api/vision/outreach?kind=PR動画");
    const id = list.body.items[0].id;
    expect((await viewer.put(`/api/vision/outreach/${id}`, event({ kind: "PR動画", title: "x" }))).status).toBe(403);
    const edited = await manager.put(
      `/api/vision/outreach/${id}`,
      event({ kind: "PR動画", title: "PR動画（改訂版）", heldOn: "令和7年4月1日", attendance: null }),
    );
    expect(edited.body).toMatchObject({ title: "PR動画（改訂版）", fiscalYear: 2025 });
    expect((await viewer.delete(`/api/vision/outreach/${id}`)).status).toBe(403);
    expect((await manager.delete(`/api/vision/outreach/${id}`)).status).toBe(200);
    expect((await manager.get("/api/vision/outreach?kind=PR動画")).body.items).toEqual([]);
  });

  it("dates a running year's value today and a past year's at its end (31 March)", () => {
    expect(feedAsOf(2024, "2026-01-01")).toBe("2025-03-31");
    expect(feedAsOf(2025, "2026-01-01")).toBe("2026-01-01");
  });
});
