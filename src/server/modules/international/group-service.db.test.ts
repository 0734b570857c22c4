// テーマ別ワーキンググループ over HTTP: who may do what (the bureau's managers, a member division's editors, another
// division's), the call's deadline (the day itself still open, the day after closed, in Japan), action progress by
// its owner and by another division, overdue actions, the 成果 chain idea → action → project, and the audit rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GroupDetail } from "../../../common/api/international-groups";
import { todayInJapan } from "../../../common/dates";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, buildOrganisation, buildUser, TEST_PASSWORD } from "../../testing/factories";
import { setInternationalOwner } from "./access";

let t: TestApp;
let manager: TestClient; // 政策局's editor: the coordinating bureau
let industry: TestClient; // 産業政策課's editor: a member division
let environment: TestClient; // 環境政策課's editor: a member division
let finance: TestClient; // 財政課's editor: not a member
let industryViewer: TestClient; // 産業政策課's viewer
const ids: Record<string, string> = {};

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db;
  const city = await buildCity(db);
  await setInternationalOwner(db, city.bureau.id);
  const kokusai = await buildOrganisation(db, { name: "国際政策課", kind: "division", parentId: city.bureau.id });
  const sangyo = await buildOrganisation(db, { name: "産業経済局", kind: "bureau", parentId: city.city.id });
  const sangyoDiv = await buildOrganisation(db, { name: "産業政策課", kind: "division", parentId: sangyo.id });
  const kankyo = await buildOrganisation(db, { name: "環境局", kind: "bureau", parentId: city.city.id });
  const kankyoDiv = await buildOrganisation(db, { name: "環境政策課", kind: "division", parentId: kankyo.id });
  const zaiseiDiv = await buildOrganisation(db, { name: "財政課", kind: "division", parentId: city.otherBureau.id });
  Object.assign(ids, {
    kokusai: kokusai.id,
    sangyo: sangyoDiv.id,
    kankyo: kankyoDiv.id,
    zaisei: zaiseiDiv.id,
    external: city.partnerOrg.id,
  });

  const login = async (role: "editor" | "viewer", organisationId: string, displayName: string) => {
    const user = await buildUser(db, { role, organisationId, displayName });
    return { user, client: await t.login(user.loginId, TEST_PASSWORD) };
  };
  manager = (await login("editor", city.bureau.id, "政策局 担当")).client;
  const industryLogin = await login("editor", sangyoDiv.id, "産業政策課 山本");
  industry = industryLogin.client;
  ids.industryUser = industryLogin.user.id;
  environment = (await login("editor", kankyoDiv.id, "環境政策課 中村")).client;
  finance = (await login("editor", zaiseiDiv.id, "財政課 鈴木")).client;
  industryViewer = (await login("viewer", sangyoDiv.id, "産業政策課 閲覧")).client;

  const field = await db.query<{ id: string }>("INSERT INTO international_fields (name) VALUES ('プロモーション・観光') RETURNING id");
  const project = await db.query<{ id: string }>(
    `INSERT INTO international_projects (name, owner_organisation_id, field_id, status, first_fiscal_year)
     VALUES ('台湾PRキャンペーン', $1, $2, 'active', 2025) RETURNING id`,
    [sangyoDiv.id, field.rows[0].id],
  );
  ids.project = project.rows[0].id;
});
afterAll(() => t.cleanup());

const groupBody = () => ({
  theme: "台湾誘客・PR",
  description: "台湾からの誘客に向けた各局の取組を束ねる。",
  fiscalYear: 2024,
  leadOrganisationId: ids.kokusai,
  memberOrganisationIds: [ids.kokusai, ids.sangyo, ids.kankyo],
});

async function detail(client: TestClient, id = ids.group): Promise<GroupDetail> {
  const response = await client.get(`/api/international/groups/${id}`);
  expect(response.status).toBe(200);
  return response.body as GroupDetail;
}

describe("working groups", () => {
  it("lets only the bureau's managers set a group up; every member of staff reads it", async () => {
    expect((await industry.post("/api/international/groups", groupBody())).status).toBe(403);
    const refused = await manager.post("/api/international/groups", { ...groupBody(), memberOrganisationIds: [ids.external] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain("参加する課");

    const created = await manager.post("/api/international/groups", groupBody());
    expect(created.status).toBe(200);
    const group = created.body as GroupDetail;
    ids.group = group.id;
    expect(group.members.map((m) => m.name).sort()).toEqual(["国際政策課", "環境政策課", "産業政策課"].sort());
    expect(group.canManage).toBe(true);
    expect(group.leadOrganisationName).toBe("国際政策課");

    const list = await industryViewer.get("/api/international/groups?fiscalYear=2024");
    expect(list.status).toBe(200);
    expect(list.body.canManage).toBe(false);
    expect(list.body.items.map((g: { theme: string }) => g.theme)).toEqual(["台湾誘客・PR"]);
    expect((await industryViewer.get("/api/international/groups?fiscalYear=2025")).body.items).toEqual([]);
    expect((await finance.get(`/api/international/groups/${ids.group}`)).body.canManage).toBe(false);
  });

  it("records a meeting with its minutes, and changes it (managers only)", async () => {
    const meeting = {
      heldOn: "令和6年5月20日",
      title: "第1回",
      agenda: "設置の趣旨",
      attendees: "3課",
      minutes: "議事録",
      decisions: "アイデアを募集する",
    };
    expect((await industry.post(`/api/international/groups/${ids.group}/meetings`, meeting)).status).toBe(403);
    const added = await manager.post(`/api/international/groups/${ids.group}/meetings`, meeting);
    expect(added.status).toBe(200);
    const [stored] = (added.body as GroupDetail).meetings;
    expect(stored.heldOn).toBe("2024-05-20");
    ids.meeting = stored.id;
    const changed = await manager.put(`/api/international/groups/${ids.group}/meetings/${ids.meeting}`, {
      ...meeting,
      decisions: "7月12日締切でアイデアを募集する",
    });
    expect(changed.status).toBe(200);
    expect((changed.body as GroupDetail).meetings[0].decisions).toBe("7月12日締切でアイデアを募集する");
    expect((changed.body as GroupDetail).meetingCount).toBe(1);
  });

  it("opens a call for ideas; a past deadline is refused", async () => {
    const past = await manager.post(`/api/international/groups/${ids.group}/calls`, {
      title: "過去の募集",
      closesOn: addDays(todayInJapan(), -1),
    });
    expect(past.status).toBe(400);
    const opened = await manager.post(`/api/international/groups/${ids.group}/calls`, {
      title: "台湾向けPRのアイデア募集",
      question: "各課の資源を生かしたPR案",
      closesOn: addDays(todayInJapan(), 7),
      meetingId: ids.meeting,
    });
    expect(opened.status).toBe(200);
    const [call] = (opened.body as GroupDetail).calls;
    ids.call = call.id;
    expect(call.open).toBe(true);
    expect(call.canSubmit).toBe(false); // 政策局 itself is not a member division
    expect(call.divisions.every((d) => !d.submitted)).toBe(true);
  });

  it("takes ideas from a member division's editors only, in their own division's name", async () => {
    const url = `/api/international/groups/${ids.group}/calls/${ids.call}/ideas`;
    expect((await detail(industry)).calls[0].canSubmit).toBe(true);
    expect((await detail(finance)).calls[0].canSubmit).toBe(false);

    const sent = await industry.post(url, { title: "台北国際旅行博への共同出展", body: "ブースを一つにまとめる" });
    expect(sent.status).toBe(200);
    const call = (sent.body as GroupDetail).calls[0];
    expect(call.ideas).toHaveLength(1);
    expect(call.ideas[0]).toMatchObject({
      organisationId: ids.sangyo,
      organisationName: "産業政策課",
      submittedByName: "産業政策課 山本",
      status: "submitted",
    });
    expect(Object.fromEntries(call.divisions.map((d) => [d.name, d.submitted]))).toEqual({
      国際政策課: false,
      産業政策課: true,
      環境政策課: false,
    });
    ids.idea = call.ideas[0].id;
    expect((await environment.post(url, { title: "エコツアーの紹介" })).status).toBe(200);

    const outsider = await finance.post(url, { title: "財政課のアイデア" });
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.message).toContain("参加している課");
    expect((await industryViewer.post(url, { title: "閲覧者のアイデア" })).status).toBe(403);
    expect((await manager.post(url, { title: "局のアイデア" })).status).toBe(403);
    expect((await detail(manager)).calls[0].ideas).toHaveLength(2);
  });

  it("keeps the call open through its deadline day (Japan) and refuses ideas the day after", async () => {
    const url = `/api/international/groups/${ids.group}/calls/${ids.call}/ideas`;
    await t.db.query("UPDATE international_wg_idea_calls SET closes_on = $2 WHERE id = $1", [ids.call, todayInJapan()]);
    expect((await detail(industry)).calls[0].open).toBe(true);
    expect((await industry.post(url, { title: "締切日当日のアイデア" })).status).toBe(200);

    await t.db.query("UPDATE international_wg_idea_calls SET closes_on = $2 WHERE id = $1", [ids.call, addDays(todayInJapan(), -1)]);
    const late = await industry.post(url, { title: "締切後のアイデア" });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/^締切日（令和\d+年\d+月\d+日）を過ぎています/);
    const after = await detail(industry);
    expect(after.calls[0].open).toBe(false);
    expect(after.calls[0].canSubmit).toBe(false);
    expect(after.calls[0].ideas.map((i) => i.title)).not.toContain("締切後のアイデア");
  });

  it("lets managers decide ideas and turn adopted ones into actions", async () => {
    const decide = (client: TestClient, status: string) =>
      client.post(`/api/international/groups/${ids.group}/ideas/${ids.idea}/decision`, { status });
    expect((await decide(industry, "adopted")).status).toBe(403);

    const action = {
      title: "旅行博への共同出展",
      ideaId: ids.idea,
      ownerOrganisationId: ids.sangyo,
      ownerUserId: ids.industryUser,
      dueOn: "令和6年11月30日",
    };
    const early = await manager.post(`/api/international/groups/${ids.group}/actions`, action);
    expect(early.status).toBe(400);
    expect(early.body.error.message).toContain("採用されていません");

    expect((await decide(manager, "adopted")).status).toBe(200);
    expect((await industry.post(`/api/international/groups/${ids.group}/actions`, action)).status).toBe(403);
    const outsiderOwner = await manager.post(`/api/international/groups/${ids.group}/actions`, {
      ...action,
      ownerOrganisationId: ids.zaisei,
      ownerUserId: null,
    });
    expect(outsiderOwner.status).toBe(400);

    const created = await manager.post(`/api/international/groups/${ids.group}/actions`, action);
    expect(created.status).toBe(200);
    const [stored] = (created.body as GroupDetail).actions;
    expect(stored).toMatchObject({
      ideaTitle: "台北国際旅行博への共同出展",
      ownerOrganisationName: "産業政策課",
      ownerUserName: "産業政策課 山本",
      dueOn: "2024-11-30",
      status: "open",
    });
    ids.action = stored.id;
    // due on 2024-11-30 and not done: overdue today
    expect(stored.overdue).toBe(true);
    // an idea with an action cannot be taken back
    expect((await decide(manager, "not_adopted")).status).toBe(409);
  });

  it("lets the owner division's editors and the managers record an action's progress, not another division's", async () => {
    const url = `/api/international/groups/${ids.group}/actions/${ids.action}`;
    const done = { version: 1, status: "done", doneOn: "令和6年11月10日", result: "来場者約3,200人", projectId: ids.project };
    const byOther = await environment.put(url, done);
    expect(byOther.status).toBe(403);
    expect(byOther.body.error.message).toContain("産業政策課");
    expect((await finance.put(url, done)).status).toBe(403);

    const before = await detail(environment);
    expect(before.actions[0].canUpdate).toBe(false);
    expect((await detail(industry)).actions[0].canUpdate).toBe(true);

    const byOwner = await industry.put(url, done);
    expect(byOwner.status).toBe(200);
    const [action] = (byOwner.body as GroupDetail).actions;
    expect(action).toMatchObject({ status: "done", doneOn: "2024-11-10", overdue: false, projectName: "台湾PRキャンペーン", version: 2 });
    // the same version again: someone saved first
    expect((await manager.put(url, done)).status).toBe(409);
    const reopened = await manager.put(url, { version: 2, status: "open", doneOn: null, result: "", projectId: ids.project });
    expect(reopened.status).toBe(200);
    const again = await manager.put(url, { ...done, version: 3 });
    expect(again.status).toBe(200);
    // done needs its date
    expect((await industry.put(url, { ...done, version: 4, doneOn: null })).status).toBe(400);
  });

  it("shows what came of the group: adopted idea → action → project, with the counts of the list", async () => {
    // an action of its own with no idea, past its due date: overdue
    const late = await manager.post(`/api/international/groups/${ids.group}/actions`, {
      title: "SNSでの発信",
      ideaId: null,
      ownerOrganisationId: ids.kokusai,
      ownerUserId: null,
      dueOn: addDays(todayInJapan(), -1),
    });
    expect(late.status).toBe(200);
    const group = await detail(finance);
    expect(group.outcomes).toEqual([
      {
        ideaTitle: "台北国際旅行博への共同出展",
        organisationName: "産業政策課",
        actionTitle: "旅行博への共同出展",
        actionStatus: "done",
        projectId: ids.project,
        projectName: "台湾PRキャンペーン",
      },
    ]);
    expect(group.actions.find((a) => a.title === "SNSでの発信")?.overdue).toBe(true);
    const [summary] = (await finance.get("/api/international/groups")).body.items;
    expect(summary).toMatchObject({ memberCount: 3, meetingCount: 1, openActions: 1, overdueActions: 1, projectCount: 1 });
  });

  it("changes the group with its version, and writes an audit row for every write", async () => {
    const changed = await manager.put(`/api/international/groups/${ids.group}`, {
      version: 1,
      group: { ...groupBody(), status: "closed", memberOrganisationIds: [ids.kokusai, ids.sangyo] },
    });
    expect(changed.status).toBe(200);
    expect((changed.body as GroupDetail).status).toBe("closed");
    expect((changed.body as GroupDetail).members).toHaveLength(2);
    expect((await manager.put(`/api/international/groups/${ids.group}`, { version: 1, group: groupBody() })).status).toBe(409);
    expect((await manager.get("/api/international/groups?status=closed")).body.items).toHaveLength(1);

    const { rows } = await t.db.query<{ entity_type: string; action: string; n: number }>(
      `SELECT entity_type, action, count(*)::int AS n FROM audit_log
        WHERE entity_type LIKE 'international_w%' GROUP BY entity_type, action ORDER BY entity_type, action`,
    );
    expect(Object.fromEntries(rows.map((r) => [`${r.entity_type}:${r.action}`, r.n]))).toEqual({
      "international_wg_action:create": 2,
      "international_wg_action:record_progress": 3,
      "international_wg_idea:decide_idea": 1,
      "international_wg_idea:submit_idea": 3,
      "international_wg_idea_call:create": 1,
      "international_wg_meeting:create": 1,
      "international_wg_meeting:update": 1,
      "international_working_group:create": 1,
      "international_working_group:update": 1,
    });
  });
});
