// An open round's to-do task follows its indicator's owner: changing the indicator's owner (or the owner of the node
// it inherits from) moves the task to the new owner's list in the same transaction, with fresh reminders; a closed
// round keeps the owner it asked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, TEST_PASSWORD } from "../../testing/factories";
import { buildVisionPlan } from "../../testing/vision-engagement-fixture";

let t: TestApp;
let city: Awaited<ReturnType<typeof buildCity>>;
let plan: Awaited<ReturnType<typeof buildVisionPlan>>;
let manager: TestClient; // 政策局 企画課: the vision bureau, and the indicators' owner to begin with
let financeEditor: TestClient; // 財政局

beforeAll(async () => {
  t = await createTestApp();
  city = await buildCity(t.db);
  plan = await buildVisionPlan(t.db, city);
  manager = await t.login(city.editor.loginId, TEST_PASSWORD);
  financeEditor = await t.login(city.otherEditor.loginId, TEST_PASSWORD);
  // The closed round asked 企画課 too.
  await t.db.query("INSERT INTO vision_round_tasks (round_id, indicator_id, owner_organisation_id) VALUES ($1, $2, $3)", [
    plan.closedRound,
    plan.lectures,
    city.division.id,
  ]);
});
afterAll(() => t.cleanup());

async function tasks() {
  const { rows } = await t.db.query<{ round: string; code: string; owner: string | null; reminders: number }>(
    `SELECT r.name AS round, i.code, t.owner_organisation_id AS owner, t.reminder_count AS reminders
     FROM vision_round_tasks t JOIN vision_rounds r ON r.id = t.round_id JOIN vision_indicators i ON i.id = t.indicator_id
     ORDER BY r.name, i.code`,
  );
  return rows;
}

const todoCodes = async (client: TestClient) =>
  ((await client.get("/api/vision/todo")).body.rounds as { tasks: { indicatorCode: string }[] }[]).flatMap((r) =>
    r.tasks.map((task) => task.indicatorCode),
  );

describe("an open round's task and its indicator's owner", () => {
  it("moves the open round's task to the indicator's new owner (reminders afresh); the closed round keeps its owner", async () => {
    expect((await manager.post(`/api/vision/rounds/${plan.openRound}/remind`, {})).status).toBe(200);
    expect(await todoCodes(financeEditor)).toEqual([]);

    const detail = (await manager.get(`/api/vision/indicators/${plan.lectures}`)).body;
    const body = {
      version: detail.version,
      nodeId: detail.nodeId,
      code: detail.code,
      name: detail.name,
      unit: detail.unit,
      kind: detail.kind,
      direction: detail.direction,
      ratingMode: detail.ratingMode,
      baselineValue: detail.baselineValue,
      baselineDate: detail.baselineDate,
      targetValue: detail.targetValue,
      targetFiscalYear: detail.targetFiscalYear,
      dataSource: detail.dataSource,
      exclusion: detail.exclusion,
      ownerOrganisationId: city.otherBureau.id,
      weight: detail.weight,
      sortOrder: detail.sortOrder,
    };
    const saved = await manager.put(`/api/vision/indicators/${plan.lectures}`, body);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.ownerOrganisationName).toBe("財政局");

    expect(await tasks()).toEqual([
      { round: "令和6年度末", code: "K1", owner: city.division.id, reminders: 0 },
      { round: "令和7年度末", code: "K1", owner: city.otherBureau.id, reminders: 0 },
      { round: "令和7年度末", code: "K2", owner: city.division.id, reminders: 1 },
    ]);
    expect(await todoCodes(financeEditor)).toEqual(["K1"]);
    expect(await todoCodes(manager)).toEqual(["K2"]);
    const round = (await manager.get(`/api/vision/rounds/${plan.openRound}`)).body;
    expect(round.owners.map((o: { organisationName: string; taskCount: number }) => [o.organisationName, o.taskCount]).sort()).toEqual([
      ["企画課", 1],
      ["財政局", 1],
    ]);
    const audit = await t.db.query<{ summary: string }>(
      "SELECT summary FROM audit_log WHERE entity_type = 'vision_indicator' AND entity_id = $1 AND action = 'update'",
      [plan.lectures],
    );
    expect(audit.rows[0].summary).toContain("更新依頼1件を新しい所管へ移動");

    // A change that keeps the owner moves nothing and keeps the reminders.
    const again = await manager.put(`/api/vision/indicators/${plan.lectures}`, {
      ...body,
      version: saved.body.version,
      name: "出前講演の回数",
    });
    expect(again.status).toBe(200);
    expect((await tasks()).find((task) => task.code === "K2")?.reminders).toBe(1);
  });

  it("moves the tasks of indicators that inherit a node's owner when the node's owner changes", async () => {
    const { rows } = await t.db.query<{ code: string; title: string; parent_id: string; version: number }>(
      "SELECT code, title, parent_id, version FROM vision_nodes WHERE id = $1",
      [plan.measure],
    );
    const node = rows[0];
    const saved = await manager.put(`/api/vision/nodes/${plan.measure}`, {
      version: node.version,
      parentId: node.parent_id,
      code: node.code,
      title: node.title,
      description: "",
      ownerOrganisationId: city.otherBureau.id,
      rollupMethod: "average",
      weight: 1,
      sortOrder: 1,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // K2 inherits the measure's owner; K1 already has 財政局 as its own.
    expect((await tasks()).filter((task) => task.round === "令和7年度末").map((task) => [task.code, task.owner])).toEqual([
      ["K1", city.otherBureau.id],
      ["K2", city.otherBureau.id],
    ]);
    expect(await todoCodes(financeEditor)).toEqual(["K1", "K2"]);
    expect(await todoCodes(manager)).toEqual([]);
  });
});
