// The world the screening tests run in: a city whose 政策局 runs the programme, the module's sample data (rounds,
// companies, applications in every state), and one login of each kind of caller the screening part meets.
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildOrganisation, buildUser, TEST_PASSWORD } from "../../testing/factories";
import { loadSdgsDemo } from "./demo";

export interface ScreeningWorld {
  t: TestApp;
  as: Record<"manager" | "admin" | "viewer" | "otherEditor" | "company" | "reviewer" | "reviewer2" | "outsider", TestClient>;
  users: Record<"manager" | "reviewer" | "reviewer2" | "outsider", { id: string }>;
  /** an application of the sample data by company name and status */
  applicationOf(companyName: string, status: string): Promise<{ id: string; version: number; round_id: string }>;
}

export async function buildScreeningWorld(): Promise<ScreeningWorld> {
  const t = await createTestApp();
  const city = await buildOrganisation(t.db, { name: "テスト市", kind: "municipality" });
  const bureau = await buildOrganisation(t.db, { name: "政策局", kind: "bureau", parentId: city.id, code: "seisaku" });
  const division = await buildOrganisation(t.db, { name: "SDGs推進課", kind: "division", parentId: bureau.id });
  const other = await buildOrganisation(t.db, { name: "財政局", kind: "bureau", parentId: city.id });
  const experts = await buildOrganisation(t.db, { name: "北九州大学", kind: "external" });
  const outsiders = await buildOrganisation(t.db, { name: "別の外部団体", kind: "external" });
  await loadSdgsDemo(t.db);
  const companyOrg = await t.db.query<{ id: string }>("SELECT id FROM organisations WHERE code = 'sdgs-sample-kokura-seiki'");
  const manager = await buildUser(t.db, { role: "editor", organisationId: division.id, displayName: "推進 太郎" });
  const admin = await buildUser(t.db, { role: "admin", organisationId: city.id });
  const viewer = await buildUser(t.db, { role: "viewer", organisationId: other.id });
  const otherEditor = await buildUser(t.db, { role: "editor", organisationId: other.id });
  const company = await buildUser(t.db, { role: "partner", organisationId: companyOrg.rows[0].id });
  const reviewer = await buildUser(t.db, { role: "partner", organisationId: experts.id, displayName: "審査 一郎" });
  const reviewer2 = await buildUser(t.db, { role: "viewer", organisationId: other.id, displayName: "審査 二郎" });
  const outsider = await buildUser(t.db, { role: "partner", organisationId: outsiders.id, displayName: "外部 三郎" });
  await t.db.query("INSERT INTO sdgs_reviewers (user_id, affiliation) VALUES ($1, '北九州大学 教授'), ($2, '財政局')", [
    reviewer.id,
    reviewer2.id,
  ]);
  const login = (u: { loginId: string }) => t.login(u.loginId, TEST_PASSWORD);
  return {
    t,
    as: {
      manager: await login(manager),
      admin: await login(admin),
      viewer: await login(viewer),
      otherEditor: await login(otherEditor),
      company: await login(company),
      reviewer: await login(reviewer),
      reviewer2: await login(reviewer2),
      outsider: await login(outsider),
    },
    users: { manager, reviewer, reviewer2, outsider },
    async applicationOf(companyName, status) {
      const { rows } = await t.db.query<{ id: string; version: number; round_id: string }>(
        `SELECT a.id, a.version, a.round_id FROM sdgs_applications a JOIN sdgs_companies c ON c.id = a.company_id
          WHERE c.name = $1 AND a.status = $2 ORDER BY a.created_at DESC LIMIT 1`,
        [companyName, status],
      );
      if (!rows[0]) throw new Error(`no ${status} application of ${companyName}`);
      return rows[0];
    },
  };
}
