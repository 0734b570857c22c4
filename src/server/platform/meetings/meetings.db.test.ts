// 会議 through the HTTP API on a real database: a kind of record nobody registered is refused and read by nobody; the
// owner's canRead / canManage decide who sees and who records; a follow-up's assignee closes and reopens their own
// item, nobody else without the right may; stale versions are 409; every write leaves its audit row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, buildUser } from "../../testing/factories";
import { registerMeetingOwnerKind } from "./owners";

const KIND = "test.record";
const RECORD = "11111111-1111-4111-8111-111111111111";
const SECRET = "22222222-2222-4222-8222-222222222222";
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

describe("会議 (platform/meetings)", () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let manager: TestClient;
  let viewer: TestClient;
  let other: TestClient;
  let partner: TestClient;
  let disabledId: string;
  const managers = new Set<string>();
  let unregister: () => void;

  const meetingBody = (over: Record<string, unknown> = {}) => ({
    ownerKind: KIND,
    ownerId: RECORD,
    kind: "working_level",
    title: "担当者会議（第1回）",
    heldOn: "令和6年5月23日",
    startsAt: "14:00",
    endsAt: "15:30",
    place: "本庁舎 3階会議室",
    online: true,
    onlineUrl: "https://meet.example.jp/abc",
    agenda: "HPのあり方",
    minutes: "協議した。",
    attendees: [
      { organisationName: "北九州市", people: "政策局 2名" },
      { organisationName: "直方市", people: "企画政策課 1名" },
    ],
    decisions: ["情報ハブに一本化する。"],
    ...over,
  });

  const auditRows = async (entityType: string, action: string, entityId: string) =>
    (
      await t.db.query<{ summary: string }>("SELECT summary FROM audit_log WHERE entity_type = $1 AND action = $2 AND entity_id = $3", [
        entityType,
        action,
        entityId,
      ])
    ).rows;

  beforeAll(async () => {
    t = await createTestApp();
    city = await buildCity(t.db);
    managers.add(city.editor.id);
    // A kind of record of a pretend module: every member of staff reads RECORD, nobody reads SECRET; the editor manages.
    unregister = registerMeetingOwnerKind({
      kind: KIND,
      label: "試験の記録",
      describe: async (_db, id) => (id === RECORD || id === SECRET ? { title: "試験の枠組み", path: `/test/${id}` } : null),
      canRead: async (_db, user, id) => id === RECORD && ["admin", "editor", "viewer"].includes(user.role),
      canManage: async (_db, user, id) => id === RECORD && managers.has(user.id),
    });
    manager = await t.login(city.editor.loginId, city.editor.password);
    viewer = await t.login(city.viewer.loginId, city.viewer.password);
    other = await t.login(city.otherEditor.loginId, city.otherEditor.password);
    partner = await t.login(city.partner.loginId, city.partner.password);
    disabledId = (await buildUser(t.db, { role: "editor", organisationId: city.division.id, disabled: true })).id;
  }, 60_000);

  afterAll(async () => {
    unregister?.();
    await t?.cleanup();
  });

  it("records a meeting with its attendees and decisions, in one transaction with its audit row", async () => {
    const created = await manager.post("/api/meetings", meetingBody());
    expect(created.status).toBe(200);
    const m = created.body;
    expect(m).toMatchObject({
      kind: "working_level",
      heldOn: "2024-05-23",
      startsAt: "14:00",
      endsAt: "15:30",
      online: true,
      onlineUrl: "https://meet.example.jp/abc",
      organisations: ["北九州市", "直方市"],
      decisions: ["情報ハブに一本化する。"],
      owner: { kind: KIND, kindLabel: "試験の記録", title: "試験の枠組み", path: `/test/${RECORD}` },
      canManage: true,
      version: 1,
    });
    expect(m.attendees[1]).toEqual({ organisationName: "直方市", organisationId: null, people: "企画政策課 1名" });
    expect(await auditRows("meeting", "create", m.id)).toHaveLength(1);

    const list = await viewer.get(`/api/meetings/for-record?ownerKind=${KIND}&ownerId=${RECORD}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(m.id);
    expect(list.body.canManage).toBe(false);
  });

  it("refuses a kind of record nobody registered, and nobody reads a meeting of such a kind", async () => {
    const refused = await manager.post("/api/meetings", meetingBody({ ownerKind: "nobody.record" }));
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain("会議を記録できません");
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO meetings (owner_kind, owner_id, kind, title, held_on) VALUES ('nobody.record', $1, 'other', '誰のものでもない会議', '2024-06-01') RETURNING id`,
      [RECORD],
    );
    const admin = await t.login(city.admin.loginId, city.admin.password);
    expect((await admin.get(`/api/meetings/${rows[0].id}`)).status).toBe(404);
    const all = await admin.get("/api/meetings?pageSize=200");
    expect(all.body.items.map((i: { title: string }) => i.title)).not.toContain("誰のものでもない会議");
    await t.db.query("DELETE FROM meetings WHERE id = $1", [rows[0].id]);
  });

  it("follows the owner's rules: readers read, only managers record; a record the caller may not read stays hidden", async () => {
    expect((await viewer.post("/api/meetings", meetingBody())).status).toBe(403);
    expect((await partner.get("/api/meetings")).status).toBe(403);
    expect((await manager.post("/api/meetings", meetingBody({ ownerId: SECRET }))).status).toBe(404);
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO meetings (owner_kind, owner_id, kind, title, held_on) VALUES ($1, $2, 'other', '非公開の会議', '2024-06-02') RETURNING id`,
      [KIND, SECRET],
    );
    expect((await manager.get(`/api/meetings/${rows[0].id}`)).status).toBe(404);
    expect((await manager.get(`/api/meetings/for-record?ownerKind=${KIND}&ownerId=${SECRET}`)).status).toBe(404);
    const listed = await manager.get("/api/meetings?pageSize=200");
    expect(listed.body.items.map((i: { title: string }) => i.title)).not.toContain("非公開の会議");
    await t.db.query("DELETE FROM meetings WHERE id = $1", [rows[0].id]);
  });

  it("refuses a stale version and an end time before the start", async () => {
    const m = (await manager.post("/api/meetings", meetingBody({ title: "版の確認" }))).body;
    const { ownerKind: _k, ownerId: _o, ...fields } = meetingBody({ title: "版の確認（改）" });
    const first = await manager.put(`/api/meetings/${m.id}`, { ...fields, version: 1 });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    expect(first.body.title).toBe("版の確認（改）");
    expect((await manager.put(`/api/meetings/${m.id}`, { ...fields, version: 1 })).status).toBe(409);
    expect((await manager.put(`/api/meetings/${m.id}`, { ...fields, startsAt: "15:00", endsAt: "14:00", version: 2 })).status).toBe(400);
    expect((await viewer.put(`/api/meetings/${m.id}`, { ...fields, version: 2 })).status).toBe(403);
    expect(await auditRows("meeting", "update", m.id)).toHaveLength(1);
    expect((await manager.delete(`/api/meetings/${m.id}?version=1`)).status).toBe(409);
    expect((await manager.delete(`/api/meetings/${m.id}?version=2`)).status).toBe(200);
    expect((await manager.get(`/api/meetings/${m.id}`)).status).toBe(404);
    expect(await auditRows("meeting", "delete", m.id)).toHaveLength(1);
  });

  it("a follow-up is created, assigned to a member of staff, and closed and reopened by its assignee — not by others", async () => {
    const m = (await manager.post("/api/meetings", meetingBody({ title: "宿題の会議" }))).body;
    const added = await manager.post(`/api/meetings/${m.id}/followups`, {
      title: "負担金の試算",
      ownerOrganisation: "各市町",
      dueOn: "令和6年10月31日",
    });
    expect(added.status).toBe(200);
    const item = added.body.followups[0];
    expect(item).toMatchObject({ title: "負担金の試算", ownerOrganisation: "各市町", dueOn: "2024-10-31", status: "open", overdue: true });
    expect(await auditRows("meeting_followup", "create", item.id)).toHaveLength(1);

    // Only a member of staff of the city, in office, may be assigned.
    const base = { title: "負担金の試算", ownerOrganisation: "各市町", dueOn: "2024-10-31" };
    expect(
      (await manager.put(`/api/meetings/${m.id}/followups/${item.id}`, { ...base, assigneeId: city.partner.id, version: 1 })).status,
    ).toBe(400);
    expect((await manager.put(`/api/meetings/${m.id}/followups/${item.id}`, { ...base, assigneeId: disabledId, version: 1 })).status).toBe(
      400,
    );
    const assigned = await manager.put(`/api/meetings/${m.id}/followups/${item.id}`, { ...base, assigneeId: city.viewer.id, version: 1 });
    expect(assigned.status).toBe(200);
    expect(assigned.body.followups[0]).toMatchObject({ assigneeId: city.viewer.id, version: 2, mine: false, canClose: true });
    expect(await auditRows("meeting_followup", "assign_followup", item.id)).toHaveLength(1);

    // The assignee sees it as theirs; someone who may neither manage nor is assigned may not close it.
    const mine = await viewer.get("/api/meetings/followups?scope=mine");
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([item.id]);
    expect(mine.body.items[0]).toMatchObject({ mine: true, canClose: true, meetingTitle: "宿題の会議" });
    expect((await other.post(`/api/meetings/${m.id}/followups/${item.id}/close`, { version: 2, note: "" })).status).toBe(403);
    expect((await viewer.post(`/api/meetings/${m.id}/followups/${item.id}/close`, { version: 1, note: "" })).status).toBe(409);
    expect(
      (await viewer.post(`/api/meetings/${m.id}/followups/${item.id}/close`, { version: 2, doneOn: "2999-01-01", note: "" })).status,
    ).toBe(400);

    const closed = await viewer.post(`/api/meetings/${m.id}/followups/${item.id}/close`, {
      version: 2,
      doneOn: "2024-10-30",
      note: "試算を共有",
    });
    expect(closed.status).toBe(200);
    expect(closed.body.followups[0]).toMatchObject({ status: "done", doneOn: "2024-10-30", doneNote: "試算を共有", overdue: false });
    expect(closed.body.canManage).toBe(false);
    const [audit] = await auditRows("meeting_followup", "complete_followup", item.id);
    expect(audit.summary).toContain("負担金の試算");
    // The assignee cannot change the item's other fields.
    expect((await viewer.put(`/api/meetings/${m.id}/followups/${item.id}`, { ...base, assigneeId: null, version: 3 })).status).toBe(403);

    expect((await other.post(`/api/meetings/${m.id}/followups/${item.id}/reopen`, { version: 3 })).status).toBe(403);
    const reopened = await viewer.post(`/api/meetings/${m.id}/followups/${item.id}/reopen`, { version: 3 });
    expect(reopened.status).toBe(200);
    expect(reopened.body.followups[0]).toMatchObject({ status: "open", doneOn: null, doneNote: "", version: 4 });
    expect(await auditRows("meeting_followup", "reopen_followup", item.id)).toHaveLength(1);
    // A row the database refuses whatever the API says: done without a done date.
    await expect(t.db.query("UPDATE meeting_followups SET status = 'done' WHERE id = $1", [item.id])).rejects.toThrow();
  });

  it("lists open follow-ups with the overdue ones first and counts them", async () => {
    const m = (await manager.post("/api/meetings", meetingBody({ title: "一覧の会議" }))).body;
    expect((await manager.post(`/api/meetings/${m.id}/followups`, { title: "期限なし" })).body).toMatchObject({ id: m.id });
    await manager.post(`/api/meetings/${m.id}/followups`, { title: "期限はまだ先", dueOn: "2099-03-31" });
    await manager.post(`/api/meetings/${m.id}/followups`, { title: "期限切れ", dueOn: "2020-04-01" });
    const open = await manager.get("/api/meetings/followups?scope=open&pageSize=200");
    const titles = open.body.items.map((i: { title: string }) => i.title);
    expect(titles.indexOf("期限切れ")).toBeLessThan(titles.indexOf("期限はまだ先"));
    expect(titles.indexOf("期限はまだ先")).toBeLessThan(titles.indexOf("期限なし"));
    const overdue = await manager.get("/api/meetings/followups?scope=overdue&pageSize=200");
    expect(overdue.body.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    expect(overdue.body.items.map((i: { title: string }) => i.title)).toContain("期限切れ");
    expect(overdue.body.counts.overdue).toBe(overdue.body.total);
  });

  it("keeps materials: type checked, read by the meeting's readers, deleted with the meeting", async () => {
    const m = (await manager.post("/api/meetings", meetingBody({ title: "資料の会議" }))).body;
    expect((await manager.upload(`/api/meetings/${m.id}/materials`, "note.html", new TextEncoder().encode("<html></html>"))).status).toBe(
      400,
    );
    expect((await viewer.upload(`/api/meetings/${m.id}/materials`, "資料1.pdf", PDF)).status).toBe(403);
    const uploaded = await manager.upload(`/api/meetings/${m.id}/materials`, "資料1.pdf", PDF);
    expect(uploaded.status).toBe(200);
    const [file] = uploaded.body.materials;
    expect(file).toMatchObject({ name: "資料1.pdf", mimeType: "application/pdf" });
    const download = await viewer.get(`/api/meetings/${m.id}/materials/${file.id}`);
    expect(download.status).toBe(200);
    expect(new TextDecoder().decode(download.raw)).toContain("%PDF-1.4");
    expect((await partner.get(`/api/files/${file.id}`)).status).not.toBe(200);
    expect(await auditRows("meeting", "attach_file", m.id)).toHaveLength(1);
    expect((await manager.delete(`/api/meetings/${m.id}?version=1`)).status).toBe(200);
    expect((await t.db.query("SELECT 1 FROM files WHERE id = $1", [file.id])).rows).toHaveLength(0);
  });

  it("searches, filters by fiscal year and exports the list as CSV", async () => {
    await manager.post("/api/meetings", meetingBody({ title: "令和7年度の会議", heldOn: "2025-06-01", kind: "directors" }));
    const fy2024 = await viewer.get("/api/meetings?fiscalYear=2024&pageSize=200");
    expect(fy2024.body.items.every((i: { heldOn: string }) => i.heldOn >= "2024-04-01" && i.heldOn <= "2025-03-31")).toBe(true);
    const byKind = await viewer.get("/api/meetings?kind=directors");
    expect(byKind.body.items.map((i: { title: string }) => i.title)).toEqual(["令和7年度の会議"]);
    const byText = await viewer.get(`/api/meetings?q=${encodeURIComponent("直方")}&pageSize=200`);
    expect(byText.body.total).toBeGreaterThan(0);
    const csv = await viewer.get("/api/meetings/export?format=csv&kind=directors");
    expect(csv.status).toBe(200);
    const text = new TextDecoder().decode(csv.raw);
    expect(text).toContain("令和7年度の会議");
    expect(text).toContain("令和7年6月1日");
    expect((await t.db.query("SELECT 1 FROM audit_log WHERE entity_type = 'meeting' AND action = 'export'")).rows.length).toBeGreaterThan(
      0,
    );
  });
});
