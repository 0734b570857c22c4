// 周知・浸透の記録 over HTTP: the bureau records events (和暦 dates → 年度), other organisations' editors record their
// own, everyone on the staff reads them with yearly counts; "feed indicators" writes the year's count (or attendance) as the indicator's actual value.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OUTREACH_ACTUAL_LABEL } from "../../../common/api/vision-engagement";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, buildOrganisation, buildUser, TEST_PASSWORD } from "../../testing/factories";
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

  it("edits and deletes events (the bureau: any event; viewers cannot)", async () => {
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

  it("lets any editor record, edit and delete their own organisation's or 局's events; the bureau changes any; viewers read", async () => {
    // 財政局 (another bureau) with a division 財政課 under it; an editor of each, and one of a division elsewhere.
    const finance = city.otherBureau.id;
    const financeDivision = await buildOrganisation(t.db, { name: "財政課", kind: "division", parentId: finance });
    const otherDivision = await buildOrganisation(t.db, { name: "資産活用課", kind: "division", parentId: finance });
    const bureauEditor = await t.login(city.otherEditor.loginId, TEST_PASSWORD); // sits in 財政局 itself
    const divisionEditor = await t.login(
      (await buildUser(t.db, { role: "editor", organisationId: financeDivision.id })).loginId,
      TEST_PASSWORD,
    );
    const fy2026 = { heldOn: "令和8年5月20日", indicatorId: plan.lectures };

    const page = await divisionEditor.get("/api/vision/outreach");
    expect(page.body).toMatchObject({ canManage: false, canRecord: true });
    expect([...page.body.recordOrganisationIds].sort()).toEqual([finance, financeDivision.id].sort());
    expect(page.body.items.every((e: { canEdit: boolean }) => !e.canEdit)).toBe(true); // the bureau's records
    const viewerPage = await viewer.get("/api/vision/outreach");
    expect(viewerPage.body).toMatchObject({ canManage: false, canRecord: false, recordOrganisationIds: [] });
    expect((await manager.get("/api/vision/outreach")).body).toMatchObject({
      canManage: true,
      canRecord: true,
      recordOrganisationIds: null,
    });

    // Own division and own 局: yes; a sibling division, another bureau's division or no organisation: no.
    const own = await divisionEditor.post(
      "/api/vision/outreach",
      event({ ...fy2026, title: "財政課の出前講演", organisationId: financeDivision.id }),
    );
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ organisationName: "財政課", fiscalYear: 2026, canEdit: true, indicatorName: "出前講演の実施回数" });
    const ofBureau = await divisionEditor.post(
      "/api/vision/outreach",
      event({ ...fy2026, title: "財政局の職員研修", kind: "職員研修", organisationId: finance }),
    );
    expect(ofBureau.status).toBe(200);
    expect((await divisionEditor.post("/api/vision/outreach", event({ ...fy2026, organisationId: otherDivision.id }))).status).toBe(403);
    expect((await divisionEditor.post("/api/vision/outreach", event({ ...fy2026, organisationId: city.division.id }))).status).toBe(403);
    const none = await divisionEditor.post("/api/vision/outreach", event({ ...fy2026, organisationId: null }));
    expect(none.status).toBe(400);
    expect(none.body.error.fields.organisationId).toBeTruthy();
    expect((await viewer.post("/api/vision/outreach", event({ ...fy2026, organisationId: finance }))).status).toBe(403);
    // The editor sitting in 財政局 records for the 局 but not for a division of it they do not sit in.
    expect((await bureauEditor.post("/api/vision/outreach", event({ ...fy2026, organisationId: finance }))).status).toBe(200);
    expect((await bureauEditor.post("/api/vision/outreach", event({ ...fy2026, organisationId: otherDivision.id }))).status).toBe(403);

    // Editing: own events only, and not moving them to another organisation; the bureau's events stay the bureau's.
    const bureauEvent = (await manager.get("/api/vision/outreach?kind=ワークショップ")).body.items[0];
    const changed = event({ ...fy2026, title: "財政課の出前講演（改）", organisationId: financeDivision.id });
    expect((await divisionEditor.put(`/api/vision/outreach/${bureauEvent.id}`, changed)).status).toBe(403);
    expect((await divisionEditor.delete(`/api/vision/outreach/${bureauEvent.id}`)).status).toBe(403);
    expect((await divisionEditor.put(`/api/vision/outreach/${own.body.id}`, { ...changed, organisationId: city.division.id })).status).toBe(
      403,
    );
    expect((await viewer.put(`/api/vision/outreach/${own.body.id}`, changed)).status).toBe(403);
    const edited = await divisionEditor.put(`/api/vision/outreach/${own.body.id}`, changed);
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: "財政課の出前講演（改）", canEdit: true });
    const listed = (await divisionEditor.get("/api/vision/outreach?fiscalYear=2026")).body.items;
    expect(listed.map((e: { title: string; canEdit: boolean }) => [e.title, e.canEdit]).sort()).toEqual(
      [
        ["出前講演", true], // 財政局's, by the editor sitting in it
        ["財政局の職員研修", true],
        ["財政課の出前講演（改）", true],
      ].sort(),
    );
    // Feeding an indicator stays the bureau's.
    expect(
      (await divisionEditor.post("/api/vision/outreach/feed", { indicatorId: plan.lectures, fiscalYear: 2026, measure: "count" })).status,
    ).toBe(403);
    // The bureau changes and deletes any organisation's event; the editor deletes their own.
    const byBureau = await manager.put(
      `/api/vision/outreach/${ofBureau.body.id}`,
      event({ ...fy2026, kind: "職員研修", title: "財政局の職員研修（確認済）", organisationId: finance }),
    );
    expect(byBureau.body).toMatchObject({ title: "財政局の職員研修（確認済）", canEdit: true });
    expect((await manager.delete(`/api/vision/outreach/${ofBureau.body.id}`)).status).toBe(200);
    expect((await divisionEditor.delete(`/api/vision/outreach/${own.body.id}`)).status).toBe(200);
    const audit = await t.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity_type = 'vision_outreach_event' AND entity_id = $1 ORDER BY id",
      [own.body.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["create", "update", "delete"]);
  });

  it("dates a running year's value today and a past year's at its end (31 March)", () => {
    expect(feedAsOf(2024, "2026-01-01")).toBe("2025-03-31");
    expect(feedAsOf(2025, "2026-01-01")).toBe("2026-01-01");
  });
});
