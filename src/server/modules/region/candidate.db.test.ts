// 連携事業の候補 on the real database with the region module's sample data: who may propose (any editor, for their own
// 局・課 only), who may move, adopt and drop (the bureau that runs 広域連携), the reasons the rules require, 事業化
// making the joint project (構想) in the same transaction — nothing is left behind when the adoption fails — and the
// days in each step, the 滞留 flag and the pipeline's averages as the sample histories and dated moves give them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Queryable } from "../../db/database";
import { loadDemoDataIfEmpty } from "../../demo";
import { organisationIdByCode } from "../../platform/admin/organisations";
import type { Actor } from "../../platform/audit/audit";
import { loadPrincipal } from "../../platform/auth/principal-repo";
import { createLogger } from "../../platform/logger";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildUser, TEST_PASSWORD } from "../../testing/factories";
import * as service from "./candidate-service";
import { regionModule } from "./index";

let t: TestApp;
let manager: TestClient;
let admin: TestClient;
let finance: TestClient;
let viewer: TestClient;
let municipalityEditor: TestClient;
let anonymous: TestClient;
const orgs: Record<string, string> = {};
let managerUserId: string;
let toshiken: string;

const principalOf = async (db: Queryable, id: string) => {
  const { rows } = await db.query<{ id: string; login_id: string; display_name: string; role: "editor"; organisation_id: string }>(
    "SELECT id, login_id, display_name, role, organisation_id FROM users WHERE id = $1",
    [id],
  );
  return loadPrincipal(db, rows[0]);
};
const actor = (userId: string): Actor => ({ userId, label: "試験 担当" });

beforeAll(async () => {
  t = await createTestApp();
  await loadDemoDataIfEmpty(t.db, createLogger("silent"), [regionModule]);
  for (const code of ["seisaku", "seisaku-koiki", "zaisei", "zaisei-zaisei", "sangyo-kikaku", "shobo", "city"])
    orgs[code] = await organisationIdByCode(t.db, code);
  const users = {
    manager: await buildUser(t.db, { role: "editor", organisationId: orgs["seisaku-koiki"], displayName: "広域 担当" }),
    admin: await buildUser(t.db, { role: "admin", organisationId: orgs.seisaku }),
    finance: await buildUser(t.db, { role: "editor", organisationId: orgs["zaisei-zaisei"], displayName: "財政 担当" }),
    viewer: await buildUser(t.db, { role: "viewer", organisationId: orgs["sangyo-kikaku"] }),
  };
  const nogata = await t.db.query<{ organisation_id: string }>("SELECT organisation_id FROM region_municipalities WHERE code = '402044'");
  const partner = await buildUser(t.db, { role: "partner", organisationId: nogata.rows[0].organisation_id });
  managerUserId = users.manager.id;
  manager = await t.login(users.manager.loginId, TEST_PASSWORD);
  admin = await t.login(users.admin.loginId, TEST_PASSWORD);
  finance = await t.login(users.finance.loginId, TEST_PASSWORD);
  viewer = await t.login(users.viewer.loginId, TEST_PASSWORD);
  municipalityEditor = await t.login(partner.loginId, TEST_PASSWORD);
  anonymous = t.client();
  toshiken = (await t.db.query<{ id: string }>("SELECT id FROM region_frameworks WHERE code = 'toshiken'")).rows[0].id;
}, 180_000);
afterAll(() => t?.cleanup());

interface Proposal {
  title: string;
  proposingOrganisationId: string;
  frameworkId: string;
  memberIds: string[];
  summary: string;
  expectedEffect: string;
  obstacle: "effort" | "cost" | "share" | "other";
  obstacleNote: string;
}

const proposal = (overrides: Partial<Proposal> = {}): Proposal => ({
  title: "圏域の公共施設予約の共通化",
  proposingOrganisationId: orgs["zaisei-zaisei"],
  frameworkId: toshiken,
  memberIds: [],
  summary: "市町ごとの公共施設予約システムを共通化する。",
  expectedEffect: "システム経費の削減",
  obstacle: "cost",
  obstacleNote: "",
  ...overrides,
});

async function projectCount(): Promise<number> {
  return (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM region_projects")).rows[0].n;
}

describe("the sample pipeline", () => {
  it("spreads the sample candidates over the steps, flags the stalled ones and links the adopted 圏域合同企業説明会 to its project", async () => {
    const response = await viewer.get("/api/region/candidates/pipeline");
    expect(response.status).toBe(200);
    const p = response.body;
    expect(p.stalledAfterDays).toBe(60);
    const column = (step: string) => p.columns.find((c: { step: string }) => c.step === step);
    expect(p.columns.map((c: { step: string; count: number }) => [c.step, c.count])).toEqual([
      ["proposed", 2],
      ["department_dialogue", 2],
      ["partner_consultation", 1],
      ["budget_consultation", 1],
      ["adopted", 2],
      ["dropped", 1],
    ]);
    // 75, 95 and 70 days in their step: over 60
    expect(p.stalledCount).toBe(3);
    expect(column("budget_consultation").cards[0]).toMatchObject({
      title: "消防指令業務の共同化（遠賀郡4町への拡大）",
      daysInStep: 75,
      stalled: true,
    });
    expect(column("department_dialogue").cards.map((c: { daysInStep: number }) => c.daysInStep)).toEqual([45, 20]);
    // the closed candidates' averages: 提案受付 = (20 + 10 + 20) / 3, 予算協議 = 50 (圏域合同企業説明会 only)
    expect(column("proposed")).toMatchObject({ averageDays: 16.7, averageOver: 3 });
    expect(column("budget_consultation")).toMatchObject({ averageDays: 50, averageOver: 1 });
    const fair = await t.db.query<{ adopted_project_id: string; project: string }>(
      `SELECT c.adopted_project_id, (SELECT id FROM region_projects WHERE name = '圏域合同企業説明会') AS project
         FROM region_candidates c WHERE c.title = '圏域合同企業説明会'`,
    );
    expect(fair.rows[0].adopted_project_id).toBe(fair.rows[0].project);
  });

  it("filters the list to the stalled candidates, sorted by days in the step, and exports it", async () => {
    const list = await viewer.get("/api/region/candidates?stalled=true&sort=-daysInStep");
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { title: string; daysInStep: number }) => [c.title, c.daysInStep])).toEqual([
      ["ごみ処理の広域化（焼却施設の共同利用）", 95],
      ["消防指令業務の共同化（遠賀郡4町への拡大）", 75],
      ["関門海峡の海ごみ共同回収", 70],
    ]);
    const byDepartment = await viewer.get(`/api/region/candidates?organisationId=${orgs.shobo}&sort=title`);
    expect(byDepartment.body.total).toBe(2);
    const csv = await viewer.get("/api/region/candidates/export?format=csv&stalled=true");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const text = csv.body as string;
    expect(text).toContain("今の段階の日数");
    expect(text).toContain("ごみ処理の広域化（焼却施設の共同利用）");
    expect(text).toContain("滞留（60日超）");
    expect(text.trim().split("\n")).toHaveLength(4);
  });

  it("counts a stalled step against the setting, which only the bureau changes", async () => {
    expect((await finance.put("/api/region/candidates/settings", { stalledAfterDays: 90 })).status).toBe(403);
    expect((await manager.put("/api/region/candidates/settings", { stalledAfterDays: 0 })).status).toBe(400);
    expect((await manager.put("/api/region/candidates/settings", { stalledAfterDays: 90 })).status).toBe(200);
    expect((await viewer.get("/api/region/candidates/pipeline")).body.stalledCount).toBe(1);
    expect((await manager.put("/api/region/candidates/settings", { stalledAfterDays: 60 })).status).toBe(200);
  });
});

describe("proposing", () => {
  it("lets 財政課's editor propose for 財政課 or 財政局, never for another bureau", async () => {
    const options = (await finance.get("/api/region/candidates/options")).body;
    expect(options.proposeFor.map((o: { name: string }) => o.name)).toEqual(["財政局", "財政局 財政課"]);
    expect(options.canManage).toBe(false);
    const made = await finance.post("/api/region/candidates", proposal());
    expect(made.status).toBe(200);
    expect(made.body).toMatchObject({ step: "proposed", daysInStep: 0, totalDays: 0, proposingOrganisation: { name: "財政局 財政課" } });
    expect(made.body.history).toEqual([
      expect.objectContaining({ step: "proposed", moveKind: "submitted", recordedBy: expect.any(String) }),
    ]);
    expect(
      (await finance.post("/api/region/candidates", proposal({ title: "局として", proposingOrganisationId: orgs.zaisei }))).status,
    ).toBe(200);
    const foreign = await finance.post("/api/region/candidates", proposal({ proposingOrganisationId: orgs.seisaku }));
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields.proposingOrganisationId).toBeTruthy();
  });

  it("refuses viewers, 市町 editors and anonymous callers; an administrator proposes for any 局", async () => {
    expect((await viewer.post("/api/region/candidates", proposal())).status).toBe(403);
    expect((await municipalityEditor.post("/api/region/candidates", proposal())).status).toBe(403);
    expect((await anonymous.post("/api/region/candidates", proposal())).status).toBe(401);
    expect((await municipalityEditor.get("/api/region/candidates/pipeline")).status).toBe(403);
    const byAdmin = await admin.post("/api/region/candidates", proposal({ title: "消防の候補", proposingOrganisationId: orgs.shobo }));
    expect(byAdmin.status).toBe(200);
  });

  it("accepts as partners only members of the chosen framework", async () => {
    const kanmonMember = (
      await t.db.query<{ id: string }>(
        "SELECT m.id FROM region_framework_members m JOIN region_frameworks f ON f.id = m.framework_id WHERE f.code = 'kanmon' AND m.name = '下関市'",
      )
    ).rows[0].id;
    const wrong = await finance.post("/api/region/candidates", proposal({ memberIds: [kanmonMember] }));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.memberIds).toBeTruthy();
  });
});

describe("moving through the steps", () => {
  it("lets only the bureau move; forward needs no reason, a skip, a return and a drop do; a stale version is refused", async () => {
    const made = (await finance.post("/api/region/candidates", proposal({ title: "移動の試験" }))).body;
    const path = `/api/region/candidates/${made.id}/moves`;
    expect((await finance.post(path, { version: made.version, to: "department_dialogue" })).status).toBe(403);
    expect((await viewer.post(path, { version: made.version, to: "department_dialogue" })).status).toBe(403);

    const forward = await manager.post(path, { version: made.version, to: "department_dialogue", note: "財政課と意見交換" });
    expect(forward.status).toBe(200);
    expect(forward.body.step).toBe("department_dialogue");
    expect(forward.body.history.at(-1)).toMatchObject({
      moveKind: "forward",
      note: "財政課と意見交換",
      recordedBy: expect.stringContaining("広域 担当"),
    });

    const stale = await manager.post(path, { version: made.version, to: "partner_consultation" });
    expect(stale.status).toBe(409);

    const skip = await manager.post(path, { version: forward.body.version, to: "budget_consultation" });
    expect(skip.status).toBe(400);
    expect(skip.body.error.fields.reason).toContain("相手自治体と協議");
    const skipped = await manager.post(path, { version: forward.body.version, to: "budget_consultation", reason: "相手市とは協議済み" });
    expect(skipped.status).toBe(200);
    expect(skipped.body.history.at(-1)).toMatchObject({ moveKind: "skip", reason: "相手市とは協議済み" });

    expect((await manager.post(path, { version: skipped.body.version, to: "proposed" })).status).toBe(400);
    const back = await manager.post(path, { version: skipped.body.version, to: "department_dialogue", reason: "負担割合を見直す" });
    expect(back.body.history.at(-1)).toMatchObject({ moveKind: "back" });

    expect((await manager.post(path, { version: back.body.version, to: "dropped" })).status).toBe(400);
    const dropped = await manager.post(path, { version: back.body.version, to: "dropped", reason: "他の事業に統合" });
    expect(dropped.body).toMatchObject({ step: "dropped", daysInStep: null, stalled: false, movableSteps: [] });
    const after = await manager.post(path, { version: dropped.body.version, to: "department_dialogue", reason: "再開" });
    expect(after.status).toBe(400);
    const audit = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id", [made.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(["create", "candidate_move", "candidate_move", "candidate_move", "candidate_drop"]);
  });

  it("dates a move on the day given (和暦 or 西暦), never before the current step nor after today", async () => {
    const made = (await finance.post("/api/region/candidates", proposal({ title: "日付の試験" }))).body;
    const path = `/api/region/candidates/${made.id}/moves`;
    const early = await manager.post(path, { version: made.version, to: "department_dialogue", enteredOn: "平成31年4月1日" });
    expect(early.status).toBe(400);
    expect(early.body.error.fields.enteredOn).toBeTruthy();
    expect((await manager.post(path, { version: made.version, to: "department_dialogue", enteredOn: "2999-01-01" })).status).toBe(400);
    expect((await manager.post(path, { version: made.version, to: "department_dialogue", enteredOn: "あした" })).status).toBe(400);
  });
});

describe("事業化", () => {
  it("makes the joint project (構想) with the candidate's partners in the same transaction and links it", async () => {
    const members = await t.db.query<{ id: string }>(
      "SELECT id FROM region_framework_members WHERE framework_id = $1 AND name IN ('行橋市', '苅田町') ORDER BY sort_order",
      [toshiken],
    );
    const made = (
      await finance.post("/api/region/candidates", proposal({ title: "事業化の試験", memberIds: members.rows.map((r) => r.id) }))
    ).body;
    const path = `/api/region/candidates/${made.id}/adopt`;
    expect((await finance.post(path, { version: made.version, projectName: "事業化の試験事業", reason: "x" })).status).toBe(403);
    const before = await projectCount();
    // from 提案受付, 事業化 skips three steps: a reason is required
    const refused = await manager.post(path, { version: made.version, projectName: "事業化の試験事業" });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.reason).toContain("予算協議（財政）");
    expect(await projectCount()).toBe(before);
    // a name the framework already uses is refused, and nothing is made
    const duplicate = await manager.post(path, { version: made.version, projectName: "圏域合同企業説明会", reason: "試験" });
    expect(duplicate.status).toBe(409);
    expect(await projectCount()).toBe(before);

    const adopted = await manager.post(path, {
      version: made.version,
      projectName: "事業化の試験事業",
      leadMemberId: members.rows[0].id,
      startFiscalYear: 2027,
      reason: "既存予算で実施",
      note: "財政課と合意",
    });
    expect(adopted.status).toBe(200);
    expect(adopted.body).toMatchObject({ step: "adopted", adoptedProject: { name: "事業化の試験事業" }, daysInStep: null });
    expect(await projectCount()).toBe(before + 1);
    const project = await t.db.query<{
      status: string;
      framework_id: string;
      owner_organisation_id: string;
      start_fiscal_year: number;
      lead: string;
      members: string[];
    }>(
      `SELECT p.status, p.framework_id, p.owner_organisation_id, p.start_fiscal_year, m.name AS lead,
              ARRAY(SELECT fm.name FROM region_project_members pm JOIN region_framework_members fm ON fm.id = pm.member_id
                     WHERE pm.project_id = p.id ORDER BY fm.sort_order) AS members
         FROM region_projects p LEFT JOIN region_framework_members m ON m.id = p.lead_member_id WHERE p.id = $1`,
      [adopted.body.adoptedProject.id],
    );
    expect(project.rows[0]).toEqual({
      status: "concept",
      framework_id: toshiken,
      owner_organisation_id: orgs["zaisei-zaisei"],
      start_fiscal_year: 2027,
      lead: "行橋市",
      members: ["行橋市", "苅田町"],
    });
    // the project's status history starts at 構想, so its page can count the days in each status
    const history = await t.db.query<{ status: string; reason: string }>(
      "SELECT status, reason FROM region_project_status_history WHERE project_id = $1",
      [adopted.body.adoptedProject.id],
    );
    expect(history.rows).toEqual([{ status: "concept", reason: "連携の候補から事業化" }]);
    // a closed candidate is adopted once
    expect((await manager.post(path, { version: adopted.body.version, projectName: "二度目", reason: "x" })).status).toBe(400);
  });

  it("leaves no project behind when the adoption fails after the project was written", async () => {
    const made = (await finance.post("/api/region/candidates", proposal({ title: "原子性の試験" }))).body;
    const user = await principalOf(t.db, managerUserId);
    const before = await projectCount();
    // a reason longer than the history's column allows: the project insert runs, then the step insert fails
    await expect(
      service.adoptCandidate(t.db, user, actor(managerUserId), made.id, {
        version: made.version,
        projectName: "原子性の試験事業",
        leadMemberId: null,
        startFiscalYear: null,
        enteredOn: null,
        note: "",
        reason: "長".repeat(2001),
      }),
    ).rejects.toThrow();
    expect(await projectCount()).toBe(before);
    const still = (await viewer.get(`/api/region/candidates/${made.id}`)).body;
    expect(still).toMatchObject({ step: "proposed", adoptedProject: null, version: made.version });
  });
});

describe("days in each step", () => {
  it("counts each step from the day it was entered to the next, the current one to today, and flags a stall after N days", async () => {
    const user = await principalOf(t.db, managerUserId);
    const who = actor(managerUserId);
    const made = await service.createCandidate(
      t.db,
      user,
      who,
      proposal({ title: "日数の試験", proposingOrganisationId: orgs.seisaku, obstacle: "share" }),
      "2026-01-10",
    );
    const moved = await service.moveCandidate(
      t.db,
      user,
      who,
      made.id,
      { version: made.version, to: "department_dialogue", enteredOn: "2026-02-09", note: "", reason: "" },
      "2026-02-09",
    );
    const detail = await service.getCandidate(t.db, user, moved.id, "2026-04-10");
    expect(detail.history.map((h) => [h.step, h.enteredOn, h.leftOn, h.days])).toEqual([
      ["proposed", "2026-01-10", "2026-02-09", 30],
      ["department_dialogue", "2026-02-09", null, 60],
    ]);
    expect(detail).toMatchObject({ daysInStep: 60, totalDays: 90, stalled: false });
    expect((await service.getCandidate(t.db, user, moved.id, "2026-04-11")).stalled).toBe(true);
    const listed = await service.listCandidates(
      t.db,
      user,
      { page: 1, pageSize: 50, sort: "-daysInStep", stalled: "true", q: "日数の試験" },
      "2026-04-11",
    );
    expect(listed.items.map((c) => c.title)).toEqual(["日数の試験"]);
    expect(
      (
        await service.listCandidates(
          t.db,
          user,
          { page: 1, pageSize: 50, sort: "-daysInStep", stalled: "true", q: "日数の試験" },
          "2026-04-10",
        )
      ).total,
    ).toBe(0);
  });
});
