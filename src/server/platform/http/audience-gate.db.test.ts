// The router's audience gate: who may call a route is checked before any input is read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/app";
import { buildCity } from "../../testing/factories";
import { assertAudiencesKnown } from "../auth/audiences";

let t: TestApp;
let city: Awaited<ReturnType<typeof buildCity>>;
beforeAll(async () => {
  t = await createTestApp();
  city = await buildCity(t.db);
}, 120_000);
afterAll(() => t.cleanup());

describe("audience gate", () => {
  it("refuses a caller outside the audience before validating, so the refusal says nothing about the input", async () => {
    const viewer = await t.login(city.viewer.loginId, city.viewer.password);
    const refused = await viewer.post("/api/admin/users", { role: "admin", bogus: "x" });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("forbidden");
    expect(refused.body.error.fields).toBeUndefined();
    const admin = await t.login(city.admin.loginId, city.admin.password);
    const invalid = await admin.post("/api/admin/users", { role: "admin", bogus: "x" });
    expect(invalid.status).toBe(400);
  });

  it("answers 401 to a caller who is not signed in, whatever the input", async () => {
    const response = await t.client().request("PATCH", "/api/admin/users/not-a-uuid", { x: 1 });
    expect(response.status).toBe(401);
  });

  it("refuses at start-up a contract that names no audience or an unknown one", () => {
    expect(() => assertAudiencesKnown("GET /api/x", [])).toThrow(/allow is empty/);
    expect(() => assertAudiencesKnown("GET /api/x", ["furusato.nobody" as never])).toThrow(/unknown audience/);
    expect(() => assertAudiencesKnown("GET /api/x", ["staff", "furusato.supplier"])).not.toThrow();
  });
});
