import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, TestClient } from "../../testing/app";
import { buildCity, buildUser, TEST_PASSWORD } from "../../testing/factories";
import { clearOfWindowEdges } from "../../testing/rate-windows";

let t: TestApp;
let city: Awaited<ReturnType<typeof buildCity>>;

/** A client whose requests come from `address` (as the socket's remote address), with a browser name if given. */
function fromAddress(address: string, userAgent?: string): TestClient {
  const app = {
    request: (url: string, init: RequestInit) => {
      if (userAgent) (init.headers as Record<string, string>)["user-agent"] = userAgent;
      return t.app.request(url, init, { incoming: { socket: { remoteAddress: address } } });
    },
  };
  return new TestClient(app as unknown as TestApp["app"]);
}

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

  it("refuses a disabled account and ends its sessions when it is disabled", async () => {
    const user = await buildUser(t.db, { role: "viewer", organisationId: city.bureau.id });
    const client = await t.login(user.loginId, TEST_PASSWORD);
    const admin = await t.login(city.admin.loginId, TEST_PASSWORD);
    expect((await admin.patch(`/api/admin/users/${user.id}`, { disabled: true })).status).toBe(200);
    expect((await client.get("/api/policy/documents")).status).toBe(401);
    expect((await t.client().post("/api/auth/login", { loginId: user.loginId, password: TEST_PASSWORD })).status).toBe(403);
  });
});

describe("login throttling: per account and address, never a lock (finding 11)", () => {
  const wrong = "wrong-password-1";
  // The limits as written in LOGIN_LIMITS (auth/service.ts), stated here as the behaviour users see.
  const perAccountAddress = 5;
  const accountFailuresBeforeSlowing = 10;
  const slowedAttempts = 3;

  it("finding 11: an attacker's wrong passwords from one address do not stop the real user at another; that address waits", async () => {
    const user = await buildUser(t.db, { role: "admin", organisationId: city.city.id });
    const attacker = fromAddress("198.51.100.7");
    for (let i = 0; i < perAccountAddress; i++) {
      expect((await attacker.post("/api/auth/login", { loginId: user.loginId, password: wrong })).status).toBe(401);
    }
    // The same address is throttled, even with the right password (no oracle), and is told how long to wait.
    const throttled = await attacker.post("/api/auth/login", { loginId: user.loginId, password: TEST_PASSWORD });
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(throttled.body.error.message).toMatch(/分ほど待って/);
    // The real user, elsewhere, signs in at once.
    const real = fromAddress("203.0.113.20");
    expect((await real.post("/api/auth/login", { loginId: user.loginId, password: TEST_PASSWORD })).status).toBe(200);
    expect((await real.get("/api/auth/session")).body.user.loginId).toBe(user.loginId);
  });

  it("finding 11: guessing from many addresses slows the account (429, Retry-After) but never locks out the user's own address", async () => {
    await clearOfWindowEdges([
      [900, 15],
      [60, 8],
    ]);
    const user = await buildUser(t.db, { role: "viewer", organisationId: city.bureau.id });
    const home = fromAddress("203.0.113.30");
    expect((await home.post("/api/auth/login", { loginId: user.loginId, password: TEST_PASSWORD })).status).toBe(200);
    // One wrong password from each of many addresses: none is throttled on its own.
    for (let i = 0; i < accountFailuresBeforeSlowing; i++) {
      expect((await fromAddress(`192.0.2.${i + 1}`).post("/api/auth/login", { loginId: user.loginId, password: wrong })).status).toBe(401);
    }
    // Now the account is slowed: a few attempts a minute in all from fresh addresses, then 429 with Retry-After.
    let slowed: Awaited<ReturnType<TestClient["post"]>> | null = null;
    for (let i = 0; i < 2 * slowedAttempts + 1 && !slowed; i++) {
      const response = await fromAddress(`192.0.2.${100 + i}`).post("/api/auth/login", { loginId: user.loginId, password: wrong });
      expect([401, 429]).toContain(response.status);
      if (response.status === 429) slowed = response;
    }
    expect(slowed?.status).toBe(429);
    expect(Number(slowed?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(slowed?.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    // Even the right password from a fresh address waits (a guesser cannot tell), but the account is not locked:
    // the user's own address signs in at once.
    expect((await fromAddress("192.0.2.200").post("/api/auth/login", { loginId: user.loginId, password: TEST_PASSWORD })).status).toBe(429);
    expect((await fromAddress("203.0.113.30").post("/api/auth/login", { loginId: user.loginId, password: TEST_PASSWORD })).status).toBe(
      200,
    );
    // The administrators see the account as limited and can lift the limit.
    const admin = await t.login(city.admin.loginId, TEST_PASSWORD);
    const listed = await admin.get(`/api/admin/users?q=${user.loginId}`);
    expect(listed.body.items.find((u: { id: string }) => u.id === user.id)?.locked).toBe(true);
    expect((await admin.post(`/api/admin/users/${user.id}/unlock`)).status).toBe(200);
    expect((await fromAddress("192.0.2.201").post("/api/auth/login", { loginId: user.loginId, password: TEST_PASSWORD })).status).toBe(200);
    const audit = await t.db.query("SELECT 1 FROM audit_log WHERE entity_id = $1 AND action = 'login_slowed'", [user.id]);
    expect(audit.rowCount).toBe(1);
  });
});

describe("the user's own sessions (ログイン中の端末, finding 11)", () => {
  it("finding 11: lists the sessions with when, where and which browser, marks this one, and ends the others", async () => {
    const user = await buildUser(t.db, { role: "editor", organisationId: city.division.id });
    const office = fromAddress("203.0.113.40", "Mozilla/5.0 (Windows NT 10.0) Office");
    const laptop = fromAddress("203.0.113.41", "Mozilla/5.0 (Macintosh) Laptop");
    for (const client of [office, laptop]) {
      expect((await client.post("/api/auth/login", { loginId: user.loginId, password: TEST_PASSWORD })).status).toBe(200);
    }
    const listed = await office.get("/api/auth/sessions");
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(2);
    const mine = listed.body.items.find((s: { current: boolean }) => s.current);
    const other = listed.body.items.find((s: { current: boolean }) => !s.current);
    expect(mine).toMatchObject({ clientAddress: "203.0.113.40", userAgent: "Mozilla/5.0 (Windows NT 10.0) Office" });
    expect(other).toMatchObject({ clientAddress: "203.0.113.41", userAgent: "Mozilla/5.0 (Macintosh) Laptop", current: false });
    for (const key of ["createdAt", "lastSeenAt", "expiresAt"]) expect(Number.isNaN(Date.parse(mine[key]))).toBe(false);
    // This session ends with ログアウト, not here.
    expect((await office.delete(`/api/auth/sessions/${mine.id}`)).status).toBe(400);
    // Ending the other one signs the laptop out, and is recorded.
    expect((await office.delete(`/api/auth/sessions/${other.id}`)).status).toBe(200);
    expect((await laptop.get("/api/auth/session")).body.user).toBeNull();
    expect((await office.get("/api/auth/session")).body.user.loginId).toBe(user.loginId);
    const audit = await t.db.query("SELECT after FROM audit_log WHERE entity_id = $1 AND action = 'session_end'", [user.id]);
    expect(audit.rows).toEqual([{ after: { sessionIds: [other.id] } }]);
    // 「ほかの端末をすべてログアウト」
    const phone = fromAddress("203.0.113.42", "Phone");
    await phone.post("/api/auth/login", { loginId: user.loginId, password: TEST_PASSWORD });
    await laptop.post("/api/auth/login", { loginId: user.loginId, password: TEST_PASSWORD });
    expect((await office.post("/api/auth/sessions/end-others")).body).toEqual({ ended: 2 });
    expect((await phone.get("/api/auth/session")).body.user).toBeNull();
    expect((await office.get("/api/auth/sessions")).body.items.map((s: { current: boolean }) => s.current)).toEqual([true]);
  });

  it("finding 11: another user's session can be neither listed nor ended; signed-out callers get 401", async () => {
    const owner = await buildUser(t.db, { role: "viewer", organisationId: city.otherBureau.id });
    const intruder = await buildUser(t.db, { role: "admin", organisationId: city.city.id });
    const ownerClient = await t.login(owner.loginId, TEST_PASSWORD);
    const intruderClient = await t.login(intruder.loginId, TEST_PASSWORD);
    const ownerSession = (await ownerClient.get("/api/auth/sessions")).body.items[0];
    const seen = (await intruderClient.get("/api/auth/sessions")).body.items.map((s: { id: string }) => s.id);
    expect(seen).not.toContain(ownerSession.id);
    // Not even an administrator ends someone else's session this way (they disable the account or reset its password).
    expect((await intruderClient.delete(`/api/auth/sessions/${ownerSession.id}`)).status).toBe(404);
    expect((await intruderClient.post("/api/auth/sessions/end-others")).body).toEqual({ ended: 0 });
    expect((await ownerClient.get("/api/auth/session")).body.user.loginId).toBe(owner.loginId);
    expect((await t.client().get("/api/auth/sessions")).status).toBe(401);
    expect((await t.client().delete(`/api/auth/sessions/${ownerSession.id}`)).status).toBe(401);
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
