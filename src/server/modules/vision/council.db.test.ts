// 有識者会議 over HTTP: the bureau registers members and gives one a login; that member reads a closed round's report
// and comments on a strategy; a partner who is not a member gets 403; the bureau records meetings and responses,
// filters by response status and exports the list as CSV.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/database";
import { loadPrincipal } from "../../platform/auth/principal-repo";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, TEST_PASSWORD } from "../../testing/factories";
import { buildVisionPlan } from "../../testing/vision-engagement-fixture";
import { createMemberLogin } from "./council-members";

let t: TestApp;
let city: Awaited<ReturnType<typeof buildCity>>;
let plan: Awaited<ReturnType<typeof buildVisionPlan>>;
let manager: TestClient;
let otherStaff: TestClient;
let viewer: TestClient;
let outsider: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  city = await buildCity(t.db);
  plan = await buildVisionPlan(t.db, city);
  manager = await t.login(city.editor.loginId, TEST_PASSWORD); // editor of 政策局 (the vision bureau)
  otherStaff = await t.login(city.otherEditor.loginId, TEST_PASSWORD);
  viewer = await t.login(city.viewer.loginId, TEST_PASSWORD);
  outsider = await t.login(city.partner.loginId, TEST_PASSWORD); // a partner account that is not on the council
});
afterAll(() => t.cleanup());

describe("experts' council", () => {
  let chairId: string;
  let secondId: string;
  let member: TestClient;
  let commentId: string;

  it("lets only the vision bureau register members and create a member's login", async () => {
    const body = { name: "有識 太郎", affiliation: "北九州地域大学 教授", isChair: true };
    expect((await otherStaff.post("/api/vision/council/members", body)).status).toBe(403);
    expect((await manager.post("/api/vision/council/members", { ...body, role: "admin" })).status).toBe(400);
    const chair = await manager.post("/api/vision/council/members", body);
    expect(chair.status).toBe(200);
    chairId = chair.body.id;
    secondId = (await manager.post("/api/vision/council/members", { name: "未来 花子", affiliation: "", isChair: false })).body.id;
    const login = { loginId: "council-chair", password: "Council-review-2025" };
    expect((await viewer.post(`/api/vision/council/members/${chairId}/login`, login)).status).toBe(403);
    const linked = await manager.post(`/api/vision/council/members/${chairId}/login`, login);
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ hasLogin: true, loginId: "council-chair" });
    expect((await manager.post(`/api/vision/council/members/${chairId}/login`, { ...login, loginId: "again" })).status).toBe(400);
    expect((await t.db.query("SELECT 1 FROM users WHERE login_id = 'again'")).rows).toEqual([]);
    member = await t.login("council-chair", "Council-review-2025");
    // Staff other than the bureau see that a login exists, not which.
    const seen = await viewer.get("/api/vision/council");
    expect(seen.body.members.find((m: { id: string }) => m.id === chairId)).toMatchObject({ hasLogin: true, loginId: null });
  });

  it("creates no account when linking it fails: user, link and audit rows are one transaction", async () => {
    // Another request links the member between this one's check and its link: simulated by linking the member,
    // inside the same transaction, just before the link statement runs.
    const someone = city.otherEditor.id;
    const racing: Db = {
      ...t.db,
      transaction: (fn) =>
        t.db.transaction((tx) =>
          fn({
            async query(sql, params) {
              if (sql.startsWith("UPDATE vision_council_members SET user_id"))
                await tx.query("UPDATE vision_council_members SET user_id = $2 WHERE id = $1", [secondId, someone]);
              return tx.query(sql, params);
            },
            exec: (script) => tx.exec(script),
          }),
        ),
    };
    const audits = async () => (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log")).rows[0].n;
    const before = await audits();
    const editor = (
      await t.db.query<{ id: string; login_id: string; display_name: string; role: "editor"; organisation_id: string }>(
        "SELECT id, login_id, display_name, role, organisation_id FROM users WHERE id = $1",
        [city.editor.id],
      )
    ).rows[0];
    const principal = await loadPrincipal(t.db, editor);
    await expect(
      createMemberLogin(racing, principal, { userId: city.editor.id, label: "テスト" }, secondId, {
        loginId: "council-second",
        password: "Council-review-2025",
      }),
    ).rejects.toMatchObject({ fields: { loginId: "この委員にはログインアカウントがあります。" } });
    expect((await t.db.query("SELECT 1 FROM users WHERE login_id = 'council-second'")).rows).toEqual([]);
    expect((await t.db.query("SELECT user_id FROM vision_council_members WHERE id = $1", [secondId])).rows).toEqual([{ user_id: null }]);
    expect(await audits()).toBe(before);
    // Without the race the same call succeeds.
    await createMemberLogin(t.db, principal, { userId: city.editor.id, label: "テスト" }, secondId, {
      loginId: "council-second",
      password: "Council-review-2025",
    });
    const linked = await t.db.query("SELECT u.login_id FROM vision_council_members m JOIN users u ON u.id = m.user_id WHERE m.id = $1", [
      secondId,
    ]);
    expect(linked.rows).toEqual([{ login_id: "council-second" }]);
  });

  it("item 10: the session names a member's council audience, so the web chooses pages without probing a route", async () => {
    expect((await member.get("/api/auth/session")).body.audiences).toContain("vision.council");
    expect((await outsider.get("/api/auth/session")).body.audiences).not.toContain("vision.council");
    expect((await manager.get("/api/auth/session")).body.audiences).toContain("vision.manager");
    expect((await otherStaff.get("/api/auth/session")).body.audiences).not.toContain("vision.manager");
  });

  it("shows a member the council and the closed round only; a partner who is not a member gets 403", async () => {
    const page = await member.get("/api/vision/council");
    expect(page.status).toBe(200);
    expect(page.body.me).toMatchObject({ id: chairId, name: "有識 太郎" });
    expect(page.body.canManage).toBe(false);
    expect(page.body.rounds.map((r: { name: string }) => r.name)).toEqual(["令和6年度末"]);
    expect((await outsider.get("/api/vision/council")).status).toBe(403);
    expect((await outsider.get(`/api/vision/council/rounds/${plan.closedRound}/report`)).status).toBe(403);
    expect(
      (await outsider.post(`/api/vision/council/rounds/${plan.closedRound}/comments`, { nodeId: plan.earn, body: "意見" })).status,
    ).toBe(403);
    // The member reaches nothing else of the system.
    expect((await member.get("/api/vision/declarations/mine")).status).toBe(403);
    expect((await member.get("/api/vision/outreach")).status).toBe(403);
    expect((await member.get(`/api/vision/council/rounds/${plan.openRound}/report`)).status).toBe(404);
  });

  it("finding 9: a member downloads the report (PDF/Excel) only of a round the council may read, as on the council's own page", async () => {
    for (const format of ["pdf", "xlsx"]) {
      expect((await member.get(`/api/vision/rounds/${plan.openRound}/report?format=${format}`)).status).toBe(404);
      expect((await member.get(`/api/vision/rounds/${plan.closedRound}/report?format=${format}`)).status).toBe(200);
    }
    // A round of another plan is not the member's either.
    const other = await t.db.query<{ id: string }>(
      `WITH p AS (INSERT INTO vision_plans (name, first_fiscal_year, last_fiscal_year) VALUES ('別の計画', 2020, 2023) RETURNING id)
       INSERT INTO vision_rounds (plan_id, name, fiscal_year, as_of, deadline, status, rule_id)
       SELECT p.id, '別の計画の報告', 2022, '2023-03-31', '2023-03-31', 'published', r.rule_id FROM p, vision_rounds r WHERE r.id = $1
       RETURNING id`,
      [plan.closedRound],
    );
    expect((await member.get(`/api/vision/rounds/${other.rows[0].id}/report`)).status).toBe(404);
    // Nothing was handed out, so nothing was recorded as downloaded for the open round.
    const audits = await t.db.query("SELECT 1 FROM audit_log WHERE entity_type = 'vision_round' AND entity_id = $1", [plan.openRound]);
    expect(audits.rowCount).toBe(0);
    // Staff still read every round, open ones included.
    expect((await viewer.get(`/api/vision/rounds/${plan.openRound}/report?format=xlsx`)).status).toBe(200);
  });

  it("gives the member the round's report: the tree with each indicator's actual and grade", async () => {
    const report = await member.get(`/api/vision/council/rounds/${plan.closedRound}/report`);
    expect(report.status).toBe(200);
    expect(report.body.nodes.map((n: { code: string; depth: number }) => `${n.depth}:${n.code}`)).toEqual([
      "0:V",
      "1:S1",
      "2:S1-1",
      "1:S2",
      "1:S3",
    ]);
    const measure = report.body.nodes.find((n: { code: string }) => n.code === "S1-1");
    expect(measure.indicators[0]).toMatchObject({ code: "K1", actualValue: 9, grade: "B", achievement: 112.5, resultKind: "graded" });
    expect(measure.indicators[1]).toMatchObject({ code: "K2", actualValue: null, grade: null });
  });

  it("lets a member comment as themself only; staff outside the bureau cannot comment", async () => {
    const url = `/api/vision/council/rounds/${plan.closedRound}/comments`;
    expect((await member.post(url, { nodeId: plan.earn, body: "成果指標を増やしてください。", memberId: secondId })).status).toBe(403);
    expect((await viewer.post(url, { nodeId: plan.earn, body: "職員の意見", memberId: chairId })).status).toBe(403);
    const posted = await member.post(url, { nodeId: plan.earn, body: "成果指標を増やしてください。" });
    expect(posted.status).toBe(200);
    expect(posted.body).toMatchObject({ memberName: "有識 太郎", nodeCode: "S1", state: "未対応", mine: true });
    commentId = posted.body.id;
    // The bureau records what another member said at a meeting, under that member's name.
    const recorded = await manager.post(url, { nodeId: plan.calm, body: "区ごとの差も示してください。", memberId: secondId });
    expect(recorded.body).toMatchObject({ memberName: "未来 花子", mine: false });
    const other = await t.db.query("SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'vision_council_comment'");
    expect(other.rows[0]).toEqual({ n: 2 });
  });

  it("records the bureau's response, filters by response status and exports the list as CSV", async () => {
    const url = `/api/vision/council/rounds/${plan.closedRound}/comments`;
    expect((await viewer.put(`/api/vision/council/comments/${commentId}/response`, { response: "対応します" })).status).toBe(403);
    expect((await member.put(`/api/vision/council/comments/${commentId}/response`, { response: "対応します" })).status).toBe(403);
    const answered = await manager.put(`/api/vision/council/comments/${commentId}/response`, {
      response: "令和7年度に成果指標を追加します。",
    });
    expect(answered.body).toMatchObject({ state: "対応済", response: "令和7年度に成果指標を追加します。" });
    expect((await viewer.get(`${url}?state=未対応`)).body.items.map((c: { memberName: string }) => c.memberName)).toEqual(["未来 花子"]);
    expect((await member.get(`${url}?state=対応済`)).body.items.map((c: { id: string }) => c.id)).toEqual([commentId]);
    const rounds = (await manager.get("/api/vision/council")).body.rounds;
    expect(rounds.find((r: { id: string }) => r.id === plan.closedRound)).toMatchObject({ commentCount: 2, openCommentCount: 1 });

    const csv = await viewer.get(`${url}.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toContain("attachment");
    const text = new TextDecoder().decode(csv.raw).replace(/^\uFEFF/, "");
    expect(text.split("\r\n")[0]).toBe("報告ラウンド,コード,施策体系,委員,会議,意見,意見の日時,対応状況,市の対応,対応日時");
    expect(text).toContain("令和7年度に成果指標を追加します。");
    expect(text).toContain("未対応");
    expect((await member.get(`${url}.csv`)).status).toBe(403);

    // An empty response takes it back to 未対応.
    const reopened = await manager.put(`/api/vision/council/comments/${commentId}/response`, { response: "" });
    expect(reopened.body).toMatchObject({ state: "未対応", response: null, respondedAt: null });
  });

  it("records meetings with 和暦 dates and the members present; a meeting on an open round opens it to the members", async () => {
    const meeting = {
      title: "第2回 有識者会議",
      heldOn: "令和7年7月30日",
      place: "本庁舎 特別会議室",
      summary: "令和7年度の進捗について意見交換",
      memberIds: [chairId, secondId],
      roundId: plan.openRound,
    };
    expect((await otherStaff.post("/api/vision/council/meetings", meeting)).status).toBe(403);
    expect((await manager.post("/api/vision/council/meetings", { ...meeting, memberIds: [crypto.randomUUID()] })).status).toBe(400);
    const created = await manager.post("/api/vision/council/meetings", meeting);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ heldOn: "2025-07-30", roundName: "令和7年度末", memberIds: [chairId, secondId] });
    expect((await member.get(`/api/vision/council/rounds/${plan.openRound}/report`)).status).toBe(200);
    const edited = await manager.put(`/api/vision/council/meetings/${created.body.id}`, { ...meeting, place: "オンライン" });
    expect(edited.body.place).toBe("オンライン");
  });

  it("stops a retired member's login from reaching the council", async () => {
    await manager.patch(`/api/vision/council/members/${chairId}`, { active: false });
    expect((await member.get("/api/vision/council")).status).toBe(403);
    const staffView = await manager.get("/api/vision/council");
    expect(staffView.body.members.find((m: { id: string }) => m.id === chairId).active).toBe(false);
  });
});
