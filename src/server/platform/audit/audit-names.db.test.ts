// Item 8 over HTTP: the audit log names people and records instead of giving UUIDs, offers the people in the log
// for the 利用者 picker, filters by them, and the export writes Japanese labels beside the codes.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, TEST_PASSWORD } from "../../testing/factories";

let t: TestApp;
let city: Awaited<ReturnType<typeof buildCity>>;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  city = await buildCity(t.db);
  admin = await t.login(city.admin.loginId, TEST_PASSWORD);
});
afterAll(() => t.cleanup());

describe("item 8: names instead of ids in the audit log", () => {
  it("item 8: gives the record's name for a 利用者 or 組織 and the actor's current name", async () => {
    const created = await admin.post("/api/admin/users", {
      loginId: "audit-named",
      displayName: "監査 花子",
      role: "viewer",
      organisationId: city.division.id,
      password: "Kensaku-pass-2024",
    });
    expect(created.status).toBe(200);
    const org = await admin.post("/api/admin/organisations", { parentId: city.bureau.id, kind: "department", name: "監査名前部" });
    expect(org.status).toBe(200);

    const users = await admin.get(`/api/admin/audit?entityType=user&action=create`);
    const userRow = users.body.items.find((e: { entityId: string }) => e.entityId === created.body.id);
    expect(userRow).toMatchObject({ entityName: "監査 花子", actorUserId: city.admin.id });
    const orgs = await admin.get(`/api/admin/audit?entityType=organisation&action=create`);
    expect(orgs.body.items.find((e: { entityId: string }) => e.entityId === org.body.id)).toMatchObject({ entityName: "監査名前部" });

    // The actor's name is today's: renaming the administrator renames them in the log.
    await t.db.query("UPDATE users SET display_name = '改名 太郎' WHERE id = $1", [city.admin.id]);
    const renamed = await admin.get(`/api/admin/audit?actorUserId=${city.admin.id}`);
    expect(renamed.body.total).toBeGreaterThanOrEqual(2);
    expect(renamed.body.items.every((e: { actorName: string }) => e.actorName === "改名 太郎")).toBe(true);
  });

  it("item 8: lists the people in the log for the 利用者 picker, and filters by one of them", async () => {
    const actors = await admin.get("/api/admin/audit/actors");
    expect(actors.status).toBe(200);
    expect(actors.body.items).toContainEqual({ id: city.admin.id, displayName: "改名 太郎", loginId: city.admin.loginId });
    // someone who never did anything is not offered
    expect(actors.body.items.map((a: { id: string }) => a.id)).not.toContain(city.viewer.id);

    const editor = await t.login(city.editor.loginId, TEST_PASSWORD);
    expect((await editor.get("/api/admin/audit/actors")).status).toBe(403);
    const editorRows = await admin.get(`/api/admin/audit?actorUserId=${city.editor.id}`);
    expect(editorRows.body.items.length).toBeGreaterThan(0);
    expect(editorRows.body.items.every((e: { actorUserId: string }) => e.actorUserId === city.editor.id)).toBe(true);
  });

  it("item 8: the CSV export writes the action and the record kind in Japanese, with the codes beside them", async () => {
    const response = await admin.get("/api/admin/audit/export?format=csv&entityType=organisation&action=create");
    expect(response.status).toBe(200);
    const [header, ...rows]: string[][] = parse(response.raw.slice(3) as unknown as Buffer, { bom: true });
    expect(header).toEqual([
      "日時",
      "日時(和暦)",
      "操作者",
      "操作",
      "対象の種類",
      "対象",
      "対象ID",
      "内容",
      "操作コード",
      "種類コード",
      "リクエストID",
    ]);
    const named = rows.find((row) => row[5] === "監査名前部");
    expect(named?.slice(2, 6)).toEqual(["改名 太郎", "作成", "組織", "監査名前部"]);
    expect(named?.slice(8, 10)).toEqual(["create", "organisation"]);
  });
});
