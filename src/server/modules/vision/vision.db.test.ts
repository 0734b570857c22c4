import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_GRADE_RULE } from "../../../common/vision/grading";
import { loadDemoDataIfEmpty } from "../../demo";
import { createLogger } from "../../platform/logger";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { createTestDb } from "../../testing/db";
import { buildCity, buildOrganisation, buildUser, TEST_PASSWORD } from "../../testing/factories";
import { setVisionOwner } from "./access";

let t: TestApp;
let city: Awaited<ReturnType<typeof buildCity>>;
let manager: TestClient; // 政策局 (the vision bureau) editor
let industryDivisionEditor: TestClient; // 産業政策課
let tourismDivisionEditor: TestClient; // 観光課
let industryBureauEditor: TestClient; // 産業経済局 itself
let viewer: TestClient;
let partner: TestClient;
let orgs: { industryBureau: string; industryDivision: string; tourismDivision: string };

beforeAll(async () => {
  t = await createTestApp();
  city = await buildCity(t.db);
  await setVisionOwner(t.db, city.bureau.id);
  const industryBureau = await buildOrganisation(t.db, { name: "産業経済局", kind: "bureau", parentId: city.city.id });
  const industryDivision = await buildOrganisation(t.db, { name: "産業政策課", kind: "division", parentId: industryBureau.id });
  const tourismDivision = await buildOrganisation(t.db, { name: "観光課", kind: "division", parentId: industryBureau.id });
  orgs = { industryBureau: industryBureau.id, industryDivision: industryDivision.id, tourismDivision: tourismDivision.id };
  const login = async (role: "editor" | "viewer", organisationId: string) =>
    t.login((await buildUser(t.db, { role, organisationId })).loginId, TEST_PASSWORD);
  manager = await t.login(city.editor.loginId, TEST_PASSWORD);
  industryDivisionEditor = await login("editor", industryDivision.id);
  tourismDivisionEditor = await login("editor", tourismDivision.id);
  industryBureauEditor = await login("editor", industryBureau.id);
  viewer = await t.login(city.viewer.loginId, TEST_PASSWORD);
  partner = await t.login(city.partner.loginId, TEST_PASSWORD);
}, 60_000);
afterAll(() => t.cleanup());

const nodeBody = (over: Record<string, unknown>) => ({
  description: "",
  ownerOrganisationId: null,
  rollupMethod: "average",
  weight: 1,
  sortOrder: 0,
  ...over,
});
const indicatorBody = (over: Record<string, unknown>) => ({
  unit: "件",
  kind: "成果指標",
  direction: "higher",
  ratingMode: "numeric",
  baselineValue: 0,
  baselineDate: "2024-03-31",
  targetValue: 100,
  targetFiscalYear: 2024,
  dataSource: "テスト",
  exclusion: null,
  ownerOrganisationId: null,
  weight: 1,
  sortOrder: 0,
  ...over,
});

let planId: string;
let strategyId: string;
let measure1: { id: string; version: number };
let ids: Record<"higher" | "lower" | "tourism" | "status" | "repeat", string>;
let roundId: string;

async function grades() {
  const response = await viewer.get(`/api/vision/rounds/${roundId}/grades`);
  expect(response.status).toBe(200);
  return response.body;
}
const gradeOf = (body: { indicators: { indicatorId: string }[] }, id: string) =>
  body.indicators.find((i) => i.indicatorId === id) as unknown as {
    grade: string | null;
    resultKind: string;
    ruleId: string;
    achievement: number;
    explanation: { text: string };
  };

describe("the plan tree", () => {
  it("builds vision → strategy → measures with owners, nested, and keeps levels in order", async () => {
    const plan = await manager.post("/api/vision/plans", {
      name: "テスト新ビジョン",
      cityImage: "成長と幸福の好循環",
      adoptedOn: "令和6年3月末",
      firstFiscalYear: 2024,
      lastFiscalYear: 2033,
    });
    expect(plan.status).toBe(200);
    expect(plan.body.adoptedOn).toBe("2024-03-31");
    planId = plan.body.id;
    const root = plan.body.tree[0];
    expect(root.kind).toBe("vision");

    const strategy = await manager.post(
      `/api/vision/plans/${planId}/nodes`,
      nodeBody({
        parentId: root.id,
        kind: "strategy",
        code: "S1",
        title: "稼げるまち",
        ownerOrganisationId: orgs.industryBureau,
      }),
    );
    expect(strategy.status).toBe(200);
    strategyId = strategy.body.id;
    const m1 = await manager.post(
      `/api/vision/plans/${planId}/nodes`,
      nodeBody({
        parentId: strategyId,
        kind: "measure",
        code: "S1-M1",
        title: "産業の振興",
        ownerOrganisationId: orgs.industryDivision,
      }),
    );
    const m2 = await manager.post(
      `/api/vision/plans/${planId}/nodes`,
      nodeBody({
        parentId: strategyId,
        kind: "measure",
        code: "S1-M2",
        title: "観光の振興",
        ownerOrganisationId: orgs.tourismDivision,
        sortOrder: 1,
      }),
    );
    expect([m1.status, m2.status]).toEqual([200, 200]);
    measure1 = { id: m1.body.id, version: m1.body.version };

    // A project cannot hang on a strategy; a duplicate code is refused.
    const wrongLevel = await manager.post(
      `/api/vision/plans/${planId}/nodes`,
      nodeBody({ parentId: strategyId, kind: "project", code: "P", title: "事業" }),
    );
    expect(wrongLevel.status).toBe(400);
    expect(wrongLevel.body.error.message).toContain("事業は施策の下に置きます");
    const duplicate = await manager.post(
      `/api/vision/plans/${planId}/nodes`,
      nodeBody({ parentId: strategyId, kind: "measure", code: "S1-M1", title: "重複" }),
    );
    expect(duplicate.status).toBe(400);

    const add = (nodeId: string, body: Record<string, unknown>) =>
      manager.post(`/api/vision/nodes/${nodeId}/indicators`, indicatorBody(body));
    const higher = await add(m1.body.id, { code: "K-1", name: "新規事業の件数" });
    const lower = await add(m1.body.id, { code: "K-2", name: "廃業件数", direction: "lower", baselineValue: 100, targetValue: 50 });
    const tourism = await add(m2.body.id, { code: "K-3", name: "観光客数", targetValue: 10 });
    const status = await add(m2.body.id, {
      code: "K-4",
      name: "観光戦略の進捗",
      ratingMode: "status",
      baselineValue: null,
      baselineDate: null,
      targetValue: null,
      targetFiscalYear: null,
    });
    const repeat = await add(m2.body.id, { code: "K-5", name: "新規事業の件数（再掲）", exclusion: "再掲" });
    for (const r of [higher, lower, tourism, status, repeat]) expect(r.status, JSON.stringify(r.body)).toBe(200);
    ids = { higher: higher.body.id, lower: lower.body.id, tourism: tourism.body.id, status: status.body.id, repeat: repeat.body.id };
    expect(higher.body.ownerOrganisationName).toBe("産業政策課"); // inherited from its measure

    const incomplete = await add(m1.body.id, { code: "K-9", name: "目標なし", targetValue: null });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.fields.targetValue).toContain("目標値");

    const tree = (await viewer.get(`/api/vision/plans/${planId}`)).body;
    const s1 = tree.tree[0].children[0];
    expect(s1.title).toBe("稼げるまち");
    expect(s1.children.map((c: { code: string }) => c.code)).toEqual(["S1-M1", "S1-M2"]);
    expect(s1.children[1].indicators.map((i: { code: string }) => i.code)).toEqual(["K-3", "K-4", "K-5"]);
    expect(tree.indicatorCount).toBe(5);
  });

  it("refuses a stale version, and lets only the vision bureau change the plan", async () => {
    const body = nodeBody({
      version: measure1.version,
      parentId: strategyId,
      code: "S1-M1",
      title: "産業の振興（改）",
      ownerOrganisationId: orgs.industryDivision,
    });
    expect((await industryDivisionEditor.put(`/api/vision/nodes/${measure1.id}`, body)).status).toBe(403);
    const saved = await manager.put(`/api/vision/nodes/${measure1.id}`, body);
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(measure1.version + 1);
    const stale = await manager.put(`/api/vision/nodes/${measure1.id}`, body);
    expect(stale.status).toBe(409);
    measure1.version = saved.body.version;
    expect(
      (await viewer.post(`/api/vision/plans/${planId}/nodes`, nodeBody({ parentId: strategyId, kind: "measure", code: "X", title: "x" })))
        .status,
    ).toBe(403);
    expect((await partner.get(`/api/vision/plans/${planId}`)).status).toBe(403);
    expect((await partner.get("/api/vision/plans")).status).toBe(403);
    const audit = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE entity_type LIKE 'vision_%'");
    expect(audit.rows[0].n).toBeGreaterThanOrEqual(10);
  });
});

describe("a reporting round: to-dos, late owners, reminders", () => {
  it("opens with a task per graded indicator for its owner, and shows each owner its own to-do list", async () => {
    const opened = await manager.post(`/api/vision/plans/${planId}/rounds`, {
      name: "令和6年度末",
      fiscalYear: 2024,
      asOf: "令和7年3月31日",
      deadline: "2025-04-30",
      graceDays: 7,
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    roundId = opened.body.id;
    expect(opened.body.taskCount).toBe(4); // 再掲 is not asked for
    expect(opened.body.dueBy).toBe("2025-05-07");
    // The deadline and grace are long past: every owner with pending tasks is late.
    const owners = opened.body.owners as { organisationName: string; late: boolean; taskCount: number }[];
    expect(owners.map((o) => [o.organisationName, o.taskCount, o.late]).sort()).toEqual([
      ["産業政策課", 2, true],
      ["観光課", 2, true],
    ]);

    const todo = (await industryDivisionEditor.get("/api/vision/todo")).body;
    expect(todo.rounds).toHaveLength(1);
    expect(todo.rounds[0].tasks.map((task: { indicatorCode: string }) => task.indicatorCode)).toEqual(["K-1", "K-2"]);
    expect(todo.rounds[0].late).toBe(true);
    // The bureau's own editors see their divisions' tasks.
    const bureauTodo = (await industryBureauEditor.get("/api/vision/todo")).body;
    expect(bureauTodo.rounds[0].tasks).toHaveLength(4);
    expect((await viewer.get("/api/vision/todo")).body.rounds).toEqual([]);
  });

  it("lets an owner division's editor enter values for its own indicators only; viewers and partners none", async () => {
    const value = (fiscalYear: number, v: number | null, statusRating: string | null = null) => ({
      fiscalYear,
      asOf: null,
      value: v,
      statusRating,
      note: "",
    });
    const ok = await industryDivisionEditor.post(`/api/vision/indicators/${ids.higher}/actuals`, value(2024, 125));
    expect(ok.status).toBe(200);
    expect(ok.body.actuals[0]).toMatchObject({ fiscalYear: 2024, asOf: "2025-03-31", value: 125, current: true });
    expect((await industryDivisionEditor.post(`/api/vision/indicators/${ids.lower}/actuals`, value(2024, 80))).status).toBe(200);
    const others = await industryDivisionEditor.post(`/api/vision/indicators/${ids.tourism}/actuals`, value(2024, 9));
    expect(others.status).toBe(403);
    expect(others.body.error.message).toContain("K-3");
    expect((await tourismDivisionEditor.post(`/api/vision/indicators/${ids.higher}/actuals`, value(2024, 1))).status).toBe(403);
    expect((await viewer.post(`/api/vision/indicators/${ids.tourism}/actuals`, value(2024, 9))).status).toBe(403);
    expect((await partner.post(`/api/vision/indicators/${ids.tourism}/actuals`, value(2024, 9))).status).toBe(403);
    // A status-rated indicator takes a 状況, not a number; a date outside the fiscal year is refused.
    const wrongMode = await tourismDivisionEditor.post(`/api/vision/indicators/${ids.status}/actuals`, value(2024, 5));
    expect(wrongMode.status).toBe(400);
    const outside = await tourismDivisionEditor.post(`/api/vision/indicators/${ids.tourism}/actuals`, {
      ...value(2024, 9),
      asOf: "2025-04-01",
    });
    expect(outside.status).toBe(400);
    expect((await partner.get(`/api/vision/indicators/${ids.higher}`)).status).toBe(403);
    expect((await viewer.get(`/api/vision/indicators/${ids.higher}`)).body.canUpdate).toBe(false);

    const round = (await viewer.get(`/api/vision/rounds/${roundId}`)).body;
    const industry = round.owners.find((o: { organisationName: string }) => o.organisationName === "産業政策課");
    expect(industry).toMatchObject({ updatedCount: 2, late: false, pendingIndicatorCodes: [] });
  });

  it("reminds the owners who have not updated: recorded on their tasks, shown on their list, audited", async () => {
    expect((await industryDivisionEditor.post(`/api/vision/rounds/${roundId}/remind`, {})).status).toBe(403);
    const reminded = await manager.post(`/api/vision/rounds/${roundId}/remind`, {});
    expect(reminded.status).toBe(200);
    expect(reminded.body.reminded).toBe(1);
    const tourism = reminded.body.owners.find((o: { organisationName: string }) => o.organisationName === "観光課");
    expect(tourism).toMatchObject({ reminderCount: 1, late: true, pendingIndicatorCodes: ["K-3", "K-4"] });
    expect(tourism.remindedAt).not.toBeNull();
    const todo = (await tourismDivisionEditor.get("/api/vision/todo")).body;
    expect(todo.rounds[0]).toMatchObject({ reminded: true, pendingCount: 2 });
    expect(todo.rounds[0].tasks[0].reminderCount).toBe(1);
    const audit = await t.db.query("SELECT 1 FROM audit_log WHERE action = 'remind' AND entity_id = $1", [roundId]);
    expect(audit.rowCount).toBe(1);
    const pending = (await viewer.get(`/api/vision/rounds/${roundId}/tasks?pending=true`)).body.items;
    expect(pending.map((p: { indicatorCode: string }) => p.indicatorCode)).toEqual(["K-3", "K-4"]);
  });
});

describe("grading, roll-up and the rule", () => {
  it("grades each indicator as values arrive, stored with the rule version and an explanation", async () => {
    // The bureau's own editor enters for its division 観光課.
    const tourism = await industryBureauEditor.post(`/api/vision/indicators/${ids.tourism}/actuals`, {
      fiscalYear: 2024,
      asOf: null,
      value: 9,
      statusRating: null,
      note: "",
    });
    expect(tourism.status).toBe(200);
    const status = await tourismDivisionEditor.post(`/api/vision/indicators/${ids.status}/actuals`, {
      fiscalYear: 2024,
      asOf: null,
      value: null,
      statusRating: "順調",
      note: "計画どおり",
    });
    expect(status.status).toBe(200);

    const rule = (await viewer.get("/api/vision/grade-rule")).body;
    expect(rule.current.rule).toEqual(DEFAULT_GRADE_RULE);
    const body = await grades();
    expect(body.rule.id).toBe(rule.current.id);
    expect(gradeOf(body, ids.higher)).toMatchObject({ grade: "A", achievement: 125, ruleId: rule.current.id, resultKind: "graded" });
    expect(gradeOf(body, ids.higher).explanation.text).toContain("125% → A");
    expect(gradeOf(body, ids.lower)).toMatchObject({ grade: "D", achievement: 40 }); // (80−100) ÷ (50−100)
    expect(gradeOf(body, ids.tourism)).toMatchObject({ grade: "C", achievement: 90 });
    expect(gradeOf(body, ids.status)).toMatchObject({ grade: "順調", resultKind: "status", achievement: 100 });
    expect(gradeOf(body, ids.repeat)).toMatchObject({ grade: null, resultKind: "excluded" });
    const stored = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM vision_grades WHERE round_id = $1 AND rule_id = $2", [
      roundId,
      rule.current.id,
    ]);
    expect(stored.rows[0].n).toBe(5);
  });

  it("rolls achievements up the tree (plain or weighted per node) and counts grades per strategy", async () => {
    let body = await grades();
    const s1 = body.tree[0].children[0];
    expect(s1.children.map((m: { achievement: number }) => m.achievement)).toEqual([82.5, 95]); // (125+40)/2, (90+100)/2
    expect(s1.achievement).toBe(88.8);
    expect(body.strategies).toEqual([
      expect.objectContaining({ code: "S1", grade: "C", counts: { A: 1, D: 1, C: 1, 順調: 1, 対象外: 1 } }),
    ]);

    // The strategy switches to a weighted average with 産業の振興 weighing 3.
    const strategy = (await viewer.get(`/api/vision/nodes/${strategyId}`)).body;
    const put = (id: string, node: Record<string, unknown>) => manager.put(`/api/vision/nodes/${id}`, node);
    const pick = (n: Record<string, unknown>) => ({
      version: n.version,
      parentId: n.parentId,
      code: n.code,
      title: n.title,
      description: n.description,
      ownerOrganisationId: n.ownerOrganisationId,
      rollupMethod: n.rollupMethod,
      weight: n.weight,
      sortOrder: n.sortOrder,
    });
    expect((await put(strategyId, { ...pick(strategy), rollupMethod: "weighted" })).status).toBe(200);
    const m1 = (await viewer.get(`/api/vision/nodes/${measure1.id}`)).body;
    expect((await put(measure1.id, { ...pick(m1), weight: 3 })).status).toBe(200);
    body = await grades();
    expect(body.tree[0].children[0].achievement).toBe(85.6); // (82.5×3 + 95) ÷ 4

    const dashboard = (await viewer.get(`/api/vision/plans/${planId}/dashboard`)).body;
    expect(dashboard.round.id).toBe(roundId);
    expect(dashboard.strategies[0]).toMatchObject({ code: "S1", counts: { A: 1, D: 1, C: 1, 順調: 1, 対象外: 1 }, indicatorCount: 5 });
    expect(dashboard.strategies[0].lateUpdates).toEqual([]); // everyone has updated now
  });

  it("keeps old grades on their rule when the rule changes, and regrades with the new version on recompute", async () => {
    const before = (await viewer.get("/api/vision/grade-rule")).body.current;
    const stricter = {
      ...DEFAULT_GRADE_RULE,
      bands: [
        { grade: "A", min: 130 },
        { grade: "B", min: 100 },
        { grade: "C", min: 70 },
        { grade: "D", min: null },
      ],
    };
    expect((await industryBureauEditor.put("/api/vision/grade-rule", { name: "A 130%以上", rule: stricter })).status).toBe(403);
    const badBands = await manager.put("/api/vision/grade-rule", {
      name: "x",
      rule: {
        ...stricter,
        bands: [
          { grade: "A", min: 10 },
          { grade: "B", min: 50 },
        ],
      },
    });
    expect(badBands.status).toBe(400);
    const changed = await manager.put("/api/vision/grade-rule", { name: "A 130%以上", rule: stricter });
    expect(changed.status).toBe(200);
    expect(changed.body.versions).toHaveLength(2);
    const after = changed.body.current;
    expect(after.id).not.toBe(before.id);

    // Until recomputed, the round's grades still name (and follow) the old version.
    let body = await grades();
    expect(gradeOf(body, ids.higher)).toMatchObject({ grade: "A", ruleId: before.id });
    expect(body.rule.id).toBe(before.id);

    const recomputed = await manager.post(`/api/vision/rounds/${roundId}/recompute`, {});
    expect(recomputed.status).toBe(200);
    expect(recomputed.body.ruleId).toBe(after.id);
    body = await grades();
    expect(gradeOf(body, ids.higher)).toMatchObject({ grade: "B", achievement: 125, ruleId: after.id });
    expect(body.rule).toMatchObject({ id: after.id, isCurrent: true });
    // The old version is still stored, unchanged.
    const old = await t.db.query<{ rule: unknown }>("SELECT rule FROM vision_grade_rules WHERE id = $1", [before.id]);
    expect(old.rows[0].rule).toEqual(DEFAULT_GRADE_RULE);
  });

  it("publishes a closed round on the public page without staff-only data", async () => {
    expect((await t.client().get(`/api/public/vision/rounds/${roundId}`)).status).toBe(404);
    expect((await manager.post(`/api/vision/rounds/${roundId}/publish`, {})).status).toBe(409);
    expect((await manager.post(`/api/vision/rounds/${roundId}/close`, {})).status).toBe(200);
    expect((await manager.post(`/api/vision/rounds/${roundId}/publish`, {})).status).toBe(200);
    const list = await t.client().get("/api/public/vision/progress");
    expect(list.status).toBe(200);
    expect(list.body.plans[0].rounds[0].id).toBe(roundId);
    const report = await t.client().get(`/api/public/vision/rounds/${roundId}`);
    expect(report.status).toBe(200);
    expect(report.body.strategies[0].counts).toMatchObject({ B: 1, C: 1, D: 1 });
    const text = JSON.stringify(report.body);
    for (const secret of ["産業政策課", "観光課", "計画どおり", "reminder", "owner"]) expect(text).not.toContain(secret);
  });

  it("draws an indicator's actuals against its pro-rated target line", async () => {
    const long = await manager.post(
      `/api/vision/nodes/${measure1.id}/indicators`,
      indicatorBody({
        code: "K-6",
        name: "長期の指標",
        baselineValue: 0,
        baselineDate: "2024-03-31",
        targetValue: 1000,
        targetFiscalYear: 2033,
      }),
    );
    expect(long.status).toBe(200);
    for (const [fiscalYear, value] of [
      [2024, 120],
      [2025, 150],
    ])
      await industryDivisionEditor.post(`/api/vision/indicators/${long.body.id}/actuals`, {
        fiscalYear,
        asOf: null,
        value,
        statusRating: null,
        note: "",
      });
    const series = (await viewer.get(`/api/vision/indicators/${long.body.id}/series`)).body;
    expect(series.actuals.map((a: { fiscalYear: number }) => a.fiscalYear)).toEqual([2024, 2025]);
    expect(series.targetLine[0]).toEqual({ fiscalYear: null, date: "2024-03-31", value: 0 });
    expect(series.targetLine.at(-1)).toEqual({ fiscalYear: 2033, date: "2034-03-31", value: 1000 });
    expect(series.targetLine).toHaveLength(11);
    // 150 in FY2025 is below its pro-rated target (≈200) and further behind than FY2024: trending away.
    const dashboard = (await viewer.get(`/api/vision/plans/${planId}/dashboard`)).body;
    expect(dashboard.strategies[0].trendingAway.map((i: { code: string }) => i.code)).toEqual(["K-6"]);
  });
});

describe("the sample plan", () => {
  it("loads 「北九州市・新ビジョン」 with its strategies, ~30 indicators, a published and an open round", async () => {
    const demo = await createTestDb();
    try {
      expect(await loadDemoDataIfEmpty(demo.db, createLogger("silent"))).toBe(true);
      const plans = await demo.db.query<{ name: string; is_sample: boolean }>("SELECT name, is_sample FROM vision_plans");
      expect(plans.rows).toEqual([{ name: "北九州市・新ビジョン", is_sample: true }]);
      const strategies = await demo.db.query<{ title: string }>(
        "SELECT title FROM vision_nodes WHERE kind = 'strategy' ORDER BY sort_order",
      );
      expect(strategies.rows.map((r) => r.title)).toEqual(["稼げるまち", "彩りあるまち", "安らぐまち"]);
      const indicators = await demo.db.query<{ n: number }>("SELECT count(*)::int AS n FROM vision_indicators WHERE is_sample");
      expect(indicators.rows[0].n).toBeGreaterThanOrEqual(28);
      const rounds = await demo.db.query<{ name: string; status: string; deadline: string; grace_days: number }>(
        "SELECT name, status, deadline, grace_days FROM vision_rounds ORDER BY fiscal_year",
      );
      expect(rounds.rows).toEqual([
        { name: "令和6年度末", status: "published", deadline: "2025-06-30", grace_days: 7 },
        { name: "令和7年度末", status: "open", deadline: "2026-12-15", grace_days: 7 },
      ]);
      const spread = await demo.db.query<{ grade: string }>(
        "SELECT DISTINCT g.grade FROM vision_grades g JOIN vision_rounds r ON r.id = g.round_id WHERE r.name = '令和6年度末' AND g.grade IS NOT NULL",
      );
      expect(spread.rows.map((r) => r.grade).sort()).toEqual(expect.arrayContaining(["A", "B", "C", "D", "順調"]));
      const pending = await demo.db.query<{ n: number }>("SELECT count(*)::int AS n FROM vision_round_tasks WHERE updated_at IS NULL");
      expect(pending.rows[0].n).toBeGreaterThan(0);
      const owner = await demo.db.query<{ code: string }>(
        "SELECT o.code FROM app_settings s JOIN organisations o ON o.id::text = s.value #>> '{}' WHERE s.key = 'vision.bureauId'",
      );
      expect(owner.rows[0].code).toBe("seisaku");
    } finally {
      await demo.cleanup();
    }
  }, 60_000);
});
