// Signing in again from a browser that already holds a session ends that session (ASVS 7.2.4).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, TestClient } from "../../testing/app";
import { buildCity } from "../../testing/factories";

let t: TestApp;
let city: Awaited<ReturnType<typeof buildCity>>;
beforeAll(async () => {
  t = await createTestApp();
  city = await buildCity(t.db);
}, 120_000);
afterAll(() => t.cleanup());

describe("signing in again", () => {
  it("replaces the browser's session: the old session token no longer signs anyone in", async () => {
    const browser = await t.login(city.editor.loginId, city.editor.password);
    const oldCookie = browser.cookie;
    const again = await browser.post("/api/auth/login", { loginId: city.viewer.loginId, password: city.viewer.password });
    expect(again.status).toBe(200);
    expect(browser.cookie).not.toBe(oldCookie);

    const replayed = new TestClient(t.app);
    replayed.cookie = oldCookie;
    expect((await replayed.get("/api/auth/session")).body.user).toBeNull();
    expect((await browser.get("/api/auth/session")).body.user.loginId).toBe(city.viewer.loginId);
  });
});
