// Administration over HTTP: the organisation tree, users, password resets, and the audit log (search, CSV, immutability).
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, TEST_PASSWORD } from "../../testing/factories";

let t: TestApp;
let city: Awaited<ReturnType<typeof buildCity>>;
let admin: TestClient;
let editor: TestClient;

const jstDate = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Asia/Tokyo" });

async function organisationRow(id: string) {
  const { rows } = await t.db.query<{ parent_id: string | null; kind: string; name: string }>(
    "SELECT parent_id, kind, name FROM organisations WHERE id = $1",
    [id],
  );
  return rows[0];
}

beforeAll(async () => {
  t = await createTestApp();
  city = await buildCity(t.db);
  admin = await t.login(city.admin.loginId, TEST_PASSWORD);
  editor = await t.login(city.editor.loginId, TEST_PASSWORD);
});
afterAll(() => t.cleanup());

describe("the organisation tree", () => {
  it("adds a 部 under a 局 and a 課 under the 部, auditing each", async () => {
    const department = await admin.post("/api/admin/organisations", { parentId: city.bureau.id, kind: "department", name: "政策部" });
    expect(department.status).toBe(200);
    const division = await admin.post("/api/admin/organisations", {
      parentId: department.body.id,
      kind: "division",
      name: "政策調整課",
      code: "seisaku-chosei",
    });
    expect(division.status).toBe(200);
    expect(division.body).toMatchObject({ parentId: department.body.id, kind: "division", name: "政策調整課", code: "seisaku-chosei" });
    const { rows } = await t.db.query<{ after: { name: string } }>(
      "SELECT after FROM audit_log WHERE entity_type = 'organisation' AND action = 'create' AND entity_id = $1",
      [division.body.id],
    );
    expect(rows[0].after.name).toBe("政策調整課");
  });

  it("does not let a 課 hold a 局", async () => {
    const response = await admin.post("/api/admin/organisations", { parentId: city.division.id, kind: "bureau", name: "課の下の局" });
    expect(response.status).toBe(400);
    expect(response.body.error.fields.parentId).toBeTruthy();
    const { rows } = await t.db.query("SELECT 1 FROM organisations WHERE name = '課の下の局'");
    expect(rows).toHaveLength(0);
  });

  it("does not turn a 局 into a 課 that would sit directly under the city", async () => {
    const response = await admin.patch(`/api/admin/organisations/${city.otherBureau.id}`, { kind: "division" });
    expect(response.status).toBe(400);
    expect((await organisationRow(city.otherBureau.id)).kind).toBe("bureau");
  });

  it("does not move an organisation under its own descendant", async () => {
    const response = await admin.patch(`/api/admin/organisations/${city.bureau.id}`, { parentId: city.division.id });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain("下位組織");
    expect((await organisationRow(city.bureau.id)).parent_id).toBe(city.city.id);
  });

  it("refuses a second sibling of the same name with 409", async () => {
    const response = await admin.post("/api/admin/organisations", { parentId: city.bureau.id, kind: "division", name: "企画課" });
    expect(response.status).toBe(409);
    const renamed = await admin.patch(`/api/admin/organisations/${city.otherBureau.id}`, { name: "政策局" });
    expect(renamed.status).toBe(409);
    expect((await organisationRow(city.otherBureau.id)).name).toBe("財政局");
    // the same name under another parent is fine
    expect((await admin.post("/api/admin/organisations", { parentId: city.otherBureau.id, kind: "division", name: "企画課" })).status).toBe(
      200,
    );
  });

  it("is changed by administrators only", async () => {
    expect((await editor.post("/api/admin/organisations", { parentId: city.bureau.id, kind: "division", name: "勝手な課" })).status).toBe(
      403,
    );
    expect((await editor.patch(`/api/admin/organisations/${city.division.id}`, { name: "勝手な名前" })).status).toBe(403);
    expect((await organisationRow(city.division.id)).name).toBe("企画課");
  });
});

describe("users", () => {
  const newUser = (loginId: string, extra: Record<string, unknown> = {}) => ({
    loginId,
    displayName: `利用者 ${loginId}`,
    role: "viewer",
    organisationId: city.division.id,
    password: "Kensaku-pass-2024",
    ...extra,
  });

  it("refuses a weak password with a Japanese message on the password field", async () => {
    const response = await admin.post("/api/admin/users", newUser("weak-user", { password: "abc123" }));
    expect(response.status).toBe(400);
    expect(response.body.error.fields.password).toBe("パスワードは12文字以上にしてください。");
    const digitsOnly = await admin.post("/api/admin/users", newUser("weak-user", { password: "123456789012345" }));
    expect(digitsOnly.status).toBe(400);
    expect(digitsOnly.body.error.fields.password).toMatch(/英字と数字/);
    const { rows } = await t.db.query("SELECT 1 FROM users WHERE login_id = 'weak-user'");
    expect(rows).toHaveLength(0);
  });

  it("refuses a login ID that is already taken", async () => {
    expect((await admin.post("/api/admin/users", newUser("kensaku-a"))).status).toBe(200);
    const again = await admin.post("/api/admin/users", newUser("KENSAKU-A", { displayName: "別人" }));
    expect(again.status).toBe(400);
    expect(again.body.error.fields.loginId).toMatch(/既に使われています/);
  });

  it("lists with text search, role filter, sorting and paging", async () => {
    expect((await admin.post("/api/admin/users", newUser("kensaku-b", { role: "editor", organisationId: city.bureau.id }))).status).toBe(
      200,
    );
    expect((await admin.post("/api/admin/users", newUser("kensaku-c", { displayName: "検索 花子" }))).status).toBe(200);

    const all = await admin.get("/api/admin/users?q=kensaku");
    expect(all.body.total).toBe(3);
    const byName = await admin.get(`/api/admin/users?q=${encodeURIComponent("花子")}`);
    expect(byName.body.items.map((u: { loginId: string }) => u.loginId)).toEqual(["kensaku-c"]);
    const viewers = await admin.get("/api/admin/users?q=kensaku&role=viewer");
    expect(viewers.body.items.map((u: { loginId: string }) => u.loginId)).toEqual(["kensaku-a", "kensaku-c"]);
    const page1 = await admin.get("/api/admin/users?q=kensaku&sort=loginId&order=desc&pageSize=2&page=1");
    expect(page1.body.items.map((u: { loginId: string }) => u.loginId)).toEqual(["kensaku-c", "kensaku-b"]);
    expect(page1.body.total).toBe(3);
    const page2 = await admin.get("/api/admin/users?q=kensaku&sort=loginId&order=desc&pageSize=2&page=2");
    expect(page2.body.items.map((u: { loginId: string }) => u.loginId)).toEqual(["kensaku-a"]);
    const editors = await admin.get("/api/admin/users?role=editor&sort=loginId");
    expect(editors.body.items.every((u: { role: string }) => u.role === "editor")).toBe(true);
    expect(editors.body.items.map((u: { loginId: string }) => u.loginId)).toContain("kensaku-b");
    // the password hash never leaves the server
    expect(JSON.stringify(all.body)).not.toMatch(/argon2|password/i);
  });

  it("is closed to everyone but administrators", async () => {
    expect((await editor.get("/api/admin/users")).status).toBe(403);
    expect((await editor.post("/api/admin/users", newUser("sneaky-admin", { role: "admin" }))).status).toBe(403);
    expect((await editor.patch(`/api/admin/users/${city.editor.id}`, { role: "admin" })).status).toBe(403);
    expect((await editor.post(`/api/admin/users/${city.viewer.id}/password`, { password: "Another-pass-2024" })).status).toBe(403);
    expect((await editor.get("/api/admin/audit")).status).toBe(403);
    const { rows } = await t.db.query<{ role: string }>("SELECT role FROM users WHERE id = $1", [city.editor.id]);
    expect(rows[0].role).toBe("editor");
  });

  it("a password reset signs the user out everywhere and only the new password works", async () => {
    const created = await admin.post("/api/admin/users", newUser("reset-me"));
    const session = await t.login("reset-me", "Kensaku-pass-2024");
    expect((await session.get("/api/policy/documents")).status).toBe(200);

    const reset = await admin.post(`/api/admin/users/${created.body.id}/password`, { password: "Fresh-password-77" });
    expect(reset.status).toBe(200);
    expect((await session.get("/api/policy/documents")).status).toBe(401);
    expect((await session.get("/api/auth/session")).body.user).toBeNull();
    const { rows } = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM sessions WHERE user_id = $1", [created.body.id]);
    expect(rows[0].n).toBe(0);
    expect((await t.client().post("/api/auth/login", { loginId: "reset-me", password: "Kensaku-pass-2024" })).status).toBe(401);
    expect((await t.client().post("/api/auth/login", { loginId: "reset-me", password: "Fresh-password-77" })).status).toBe(200);

    const weak = await admin.post(`/api/admin/users/${created.body.id}/password`, { password: "short1" });
    expect(weak.status).toBe(400);
    const audit = await t.db.query<{ before: unknown; after: unknown }>(
      "SELECT before, after FROM audit_log WHERE action = 'password_reset' AND entity_id = $1",
      [created.body.id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(JSON.stringify(audit.rows[0])).not.toContain("Fresh-password-77");
  });
});

describe("the audit log", () => {
  it("finds entries by text, by entity type and by date range (Japan calendar days)", async () => {
    const created = await admin.post("/api/admin/organisations", { parentId: city.bureau.id, kind: "division", name: "監査検索テスト課" });
    expect(created.status).toBe(200);

    const byText = await admin.get(`/api/admin/audit?q=${encodeURIComponent("監査検索テスト")}`);
    expect(byText.status).toBe(200);
    expect(byText.body.items).toHaveLength(1);
    expect(byText.body.items[0]).toMatchObject({
      entityType: "organisation",
      entityId: created.body.id,
      action: "create",
      actorUserId: city.admin.id,
    });
    expect(byText.body.items[0].after).toMatchObject({ name: "監査検索テスト課" });

    const byEntity = await admin.get("/api/admin/audit?entityType=organisation&pageSize=100");
    expect(byEntity.body.total).toBeGreaterThanOrEqual(4);
    expect(byEntity.body.items.every((e: { entityType: string }) => e.entityType === "organisation")).toBe(true);

    const q = `q=${encodeURIComponent("監査検索テスト")}`;
    expect((await admin.get(`/api/admin/audit?${q}&from=${jstDate()}&to=${jstDate()}`)).body.total).toBe(1);
    expect((await admin.get(`/api/admin/audit?${q}&from=${jstDate(1)}`)).body.total).toBe(0);
    expect((await admin.get(`/api/admin/audit?${q}&to=${jstDate(-1)}`)).body.total).toBe(0);
  });

  it("exports CSV with formula-looking text neutralised, and audits the export", async () => {
    const formula = '=HYPERLINK("http://x")';
    expect((await admin.post("/api/admin/organisations", { parentId: city.city.id, kind: "bureau", name: formula })).status).toBe(200);
    // a user whose name is a formula: the actor column starts with it
    const user = await admin.post("/api/admin/users", {
      loginId: "formula-user",
      displayName: formula,
      role: "viewer",
      organisationId: city.division.id,
      password: "Kensaku-pass-2024",
    });
    expect(user.status).toBe(200);
    await t.login("formula-user", "Kensaku-pass-2024");

    const response = await admin.get("/api/admin/audit/export?format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment;.*filename\*=UTF-8''/);
    const rows: string[][] = parse(response.raw.slice(3) as unknown as Buffer, { bom: true });
    const cells = rows.flat().filter((cell) => cell.includes("HYPERLINK"));
    expect(cells.length).toBeGreaterThanOrEqual(2);
    for (const cell of cells) expect(cell.startsWith("=")).toBe(false);
    const actorCells = rows.map((row) => row[2]).filter((cell) => cell.includes("HYPERLINK"));
    expect(actorCells).toContain(`'${formula}`);

    const exported = await t.db.query<{ actor_user_id: string; summary: string }>(
      "SELECT actor_user_id, summary FROM audit_log WHERE action = 'export' AND entity_type = 'audit_log'",
    );
    expect(exported.rows).toHaveLength(1);
    expect(exported.rows[0].actor_user_id).toBe(city.admin.id);
    expect(exported.rows[0].summary).toContain("csv");
  });

  it("cannot be altered or deleted, even with SQL", async () => {
    const before = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log");
    await expect(t.db.query("UPDATE audit_log SET summary = '改ざん'")).rejects.toThrow(/append-only/);
    await expect(t.db.query("DELETE FROM audit_log")).rejects.toThrow(/append-only/);
    const after = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log");
    expect(after.rows[0].n).toBe(before.rows[0].n);
    const { rows } = await t.db.query("SELECT 1 FROM audit_log WHERE summary = '改ざん'");
    expect(rows).toHaveLength(0);
  });
});
