// A value that must be unique and is already taken answers 409 with a Japanese message naming the field, not 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conflictOfUniqueViolation, UNIQUE_FALLBACK_MESSAGE } from "../../platform/http/db-errors";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, TEST_PASSWORD } from "../../testing/factories";
import { setFurusatoOwner } from "./access";
import { SHIPPED_PORTALS } from "./shipped-templates";

let t: TestApp;
let manager: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const city = await buildCity(t.db);
  await setFurusatoOwner(t.db, city.bureau.id);
  manager = await t.login(city.editor.loginId, TEST_PASSWORD);
});
afterAll(() => t.cleanup());

const portal = (name: string) => ({
  name,
  feeRatio: 0.08,
  grantsPoints: false,
  fieldLimits: {},
  template: structuredClone(SHIPPED_PORTALS[0].template),
  active: true,
});

describe("unique-constraint conflicts", () => {
  it("answers 409 naming サイト名 when a second portal takes a name another portal already has", async () => {
    expect((await manager.put("/api/furusato/portals/first-portal", portal("同名テストサイト"))).status).toBe(200);
    const second = await manager.put("/api/furusato/portals/second-portal", portal("同名テストサイト"));
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("duplicate_value");
    expect(second.body.error.message).toContain("サイト名");
    expect(second.body.error.fields).toEqual({ name: expect.stringContaining("サイト名") });
    // nothing was saved under the second code
    const codes = (await manager.get("/api/furusato/portals")).body.items.map((p: { code: string }) => p.code);
    expect(codes).toContain("first-portal");
    expect(codes).not.toContain("second-portal");
  });

  it("falls back to a general Japanese message for a constraint it has no label for, and ignores other errors", () => {
    const unknown = conflictOfUniqueViolation(Object.assign(new Error("dup"), { code: "23505", constraint: "no_such_key" }));
    expect(unknown?.status).toBe(409);
    expect(unknown?.message).toBe(UNIQUE_FALLBACK_MESSAGE);
    const wrapped = conflictOfUniqueViolation(new Error("outer", { cause: { code: "23505", constraint: "users_login_id_key" } }));
    expect(wrapped?.message).toContain("ログインID");
    expect(conflictOfUniqueViolation(Object.assign(new Error("fk"), { code: "23503" }))).toBeNull();
    expect(conflictOfUniqueViolation(new Error("plain"))).toBeNull();
  });
});
