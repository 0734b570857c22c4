// The first administrator, created through the one-time setup link on a database that holds the demo data (the
// city's tree, partner municipalities and sample gift suppliers): they belong to the city's own organisation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoDataIfEmpty } from "../../demo";
import { createTestApp, type TestApp } from "../../testing/app";
import { createLogger } from "../logger";
import { issueSetupToken } from "./service";

let t: TestApp;
const orgId = async (where: string, params: unknown[] = []) =>
  (await t.db.query<{ id: string }>(`SELECT id FROM organisations WHERE ${where} LIMIT 1`, params)).rows[0].id;
const orgOfLogin = async (loginId: string) =>
  (
    await t.db.query<{ name: string; kind: string }>(
      "SELECT o.name, o.kind FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.login_id = $1",
      [loginId],
    )
  ).rows[0];

beforeAll(async () => {
  t = await createTestApp();
  await loadDemoDataIfEmpty(t.db, createLogger("silent"));
}, 90_000);
afterAll(() => t.cleanup());

describe("first administrator (setup link)", () => {
  it("finding 10: is placed in 政策局 by default, not in the first root organisation (a sample supplier)", async () => {
    const token = (await issueSetupToken(t.db)) ?? "";
    const body = { token, loginId: "first-admin", displayName: "最初の管理者", password: "Policy-bureau-2025" };
    const created = await t.client().post("/api/auth/setup", body);
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(await orgOfLogin("first-admin")).toEqual({ name: "政策局", kind: "bureau" });
    expect(created.body.user.organisationName).toBe("政策局");
  });

  it("finding 10: the form offers the city's own organisations only; an external one is refused, another city one may be chosen", async () => {
    // A second setup needs no working administrator: the first one is disabled for this test.
    await t.db.query("UPDATE users SET disabled = true WHERE login_id = 'first-admin'");
    const token = (await issueSetupToken(t.db)) ?? "";
    const status = await t.client().get(`/api/auth/setup?token=${encodeURIComponent(token)}`);
    expect(status.status).toBe(200);
    expect(status.body.valid).toBe(true);
    const offered: { id: string; name: string; kind: string }[] = status.body.organisations ?? [];
    expect(offered.map((o) => o.name)).toEqual(expect.arrayContaining(["北九州市", "政策局", "企画課", "財政課"]));
    expect(offered.some((o) => o.kind === "external")).toBe(false);
    expect(offered.find((o) => o.id === status.body.defaultOrganisationId)?.name).toBe("政策局");
    // Nothing is offered to a wrong link.
    expect((await t.client().get("/api/auth/setup?token=wrong")).body).toMatchObject({ valid: false, organisations: [] });

    const body = { token, loginId: "second-admin", displayName: "財政の管理者", password: "Zaisei-kanri-2025" };
    // Picking an external organisation (a sample supplier) is refused, and the link stays usable.
    const supplierOrg = await orgId("kind = 'external' AND name LIKE '%サンプル%'");
    const refused = await t.client().post("/api/auth/setup", { ...body, organisationId: supplierOrg });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields?.organisationId).toMatch(/市の組織/);
    expect((await t.db.query("SELECT 1 FROM users WHERE login_id = 'second-admin'")).rowCount).toBe(0);

    const zaisei = await orgId("name = '財政課'");
    const created = await t.client().post("/api/auth/setup", { ...body, organisationId: zaisei });
    expect(created.status).toBe(200);
    expect(await orgOfLogin("second-admin")).toEqual({ name: "財政課", kind: "division" });
  });
});
