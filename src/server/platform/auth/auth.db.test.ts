import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/app";
import { buildCity, buildUser, TEST_PASSWORD } from "../../testing/factories";
import { LOGIN_LIMITS } from "./service";

let t: TestApp;
let city: Awaited<ReturnType<typeof buildCity>>;

beforeAll(async () => {
  t = await createTestApp();
  city = await buildCity(t.db);
});
afterAll(() => t.cleanup());

describe("login and sessions", () => {
  it("logs in, keeps the session in the database, and logs out", async () => {
    const client = await t.login(city.editor.loginId, TEST_PASSWORD);
    const session = await client.get("/api/auth/session");
    expect(session.body.user.loginId).toBe(city.editor.loginId);
    expect(session.body.user.bureauName).toBe("政策局");
    const stored = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM sessions WHERE user_id = $1", [city.editor.id]);
    expect(stored.rows[0].n).toBe(1);
    expect((await client.post("/api/auth/logout")).status).toBe(200);
    expect((await client.get("/api/auth/session")).body.user).toBeNull();
  });

  it("sets an httpOnly SameSite=Lax cookie and stores only the token's hash", async () => {
    const client = t.client();
    const response = await client.post("/api/auth/login", { loginId: city.viewer.loginId, password: TEST_PASSWORD });
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const token = client.cookie?.split("=")[1] ?? "";
    const raw = await t.db.query("SELECT 1 FROM sessions WHERE token_hash = $1", [token]);
    expect(raw.rowCount).toBe(0);
  });

  it("answers a wrong password with one Japanese message that does not reveal whether the account exists", async () => {
    const wrong = await t.client().post("/api/auth/login", { loginId: city.viewer.loginId, password: "nope-nope-123" });
    const missing = await t.client().post("/api/auth/login", { loginId: "nobody-here", password: "nope-nope-123" });
    expect(wrong.status).toBe(401);
    expect(missing.status).toBe(401);
    expect(wrong.body.error.message).toBe(missing.body.error.message);
    expect(wrong.body.error.message).toMatch(/正しくありません/);
  });

  it(`locks an account after ${LOGIN_LIMITS.failuresBeforeLock} wrong passwords, even against the right one`, async () => {
    const user = await buildUser(t.db, { role: "viewer", organisationId: city.bureau.id });
    for (let i = 0; i < LOGIN_LIMITS.failuresBeforeLock; i++) {
      await t.client().post("/api/auth/login", { loginId: user.loginId, password: "wrong-password-1" });
    }
    const locked = await t.client().post("/api/auth/login", { loginId: user.loginId, password: TEST_PASSWORD });
    expect(locked.status).toBe(423);
    expect(locked.body.error.code).toBe("account_locked");
    const admin = await t.login(city.admin.loginId, TEST_PASSWORD);
    expect((await admin.post(`/api/admin/users/${user.id}/unlock`)).status).toBe(200);
    expect((await t.client().post("/api/auth/login", { loginId: user.loginId, password: TEST_PASSWORD })).status).toBe(200);
  });

  it("refuses a disabled account and ends its sessions when it is disabled", async () => {
    const user = await buildUser(t.db, { role: "viewer", organisationId: city.bureau.id });
    const client = await t.login(user.loginId, TEST_PASSWORD);
    const admin = await t.login(city.admin.loginId, TEST_PASSWORD);
    expect((await admin.patch(`/api/admin/users/${user.id}`, { disabled: true })).status).toBe(200);
    expect((await client.get("/api/policy/documents")).status).toBe(401);
    expect((await t.client().post("/api/auth/login", { loginId: user.loginId, password: TEST_PASSWORD })).status).toBe(403);
  });
});

describe("write protection", () => {
  it("answers 415 to a text/plain POST carrying JSON (cross-site form trick)", async () => {
    const client = await t.login(city.admin.loginId, TEST_PASSWORD);
    const response = await client.request("POST", "/api/auth/logout", "{}", { "content-type": "text/plain" });
    expect(response.status).toBe(415);
    expect((await client.get("/api/auth/session")).body.user).not.toBeNull();
  });

  it("rejects a signed-in write without the CSRF token", async () => {
    const client = await t.login(city.admin.loginId, TEST_PASSWORD);
    const response = await client.request("POST", "/api/auth/logout", {}, { "x-csrf-token": "forged" });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe("csrf_failed");
  });

  it("rejects a write whose Origin is another site", async () => {
    const response = await t
      .client()
      .request("POST", "/api/auth/login", { loginId: "x", password: "y" }, { origin: "https://evil.example" });
    expect(response.status).toBe(403);
  });

  it("rejects unknown keys in a body instead of ignoring them (no role escalation by extra fields)", async () => {
    const response = await t.client().post("/api/auth/login", { loginId: city.viewer.loginId, password: TEST_PASSWORD, role: "admin" });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("validation_failed");
  });

  it("sends the security headers from DESIGN.md", async () => {
    const response = await t.client().get("/api/health");
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    const csp = response.headers.get("content-security-policy") ?? "";
    for (const part of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"])
      expect(csp).toContain(part);
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});
