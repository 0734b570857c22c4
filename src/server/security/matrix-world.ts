// The world the route × role matrix runs in: the sample data a first start loads, plus one signed-in client for each
// kind of caller, plus the record ids each module's routes are called with.
import { loadDemoDataIfEmpty } from "../demo";
import { organisationIdByCode } from "../platform/admin/organisations";
import { createLogger } from "../platform/logger";
import { createTestApp, type TestApp, type TestClient } from "../testing/app";
import { buildUser, TEST_PASSWORD } from "../testing/factories";
import { MATRIX_ROLES, type MatrixIds, type MatrixModule, type MatrixRole } from "./matrix-table";

export interface MatrixWorld {
  t: TestApp;
  clients: Record<MatrixRole, TestClient>;
  users: Record<MatrixRole, { id: string; organisationId: string } | null>;
  ids: MatrixIds;
}

async function partnerOrganisations(t: TestApp) {
  const supplier = await t.db.query<{ organisation_id: string }>(
    `SELECT s.organisation_id FROM furusato_suppliers s
      WHERE s.organisation_id IS NOT NULL
      ORDER BY (SELECT count(*) FROM furusato_gifts g WHERE g.supplier_id = s.id) DESC, s.code LIMIT 1`,
  );
  const council = await t.db.query<{ id: string }>("SELECT id FROM organisations WHERE code = 'vision-council'");
  const councilOrg =
    council.rows[0]?.id ??
    (
      await t.db.query<{ id: string }>(
        "INSERT INTO organisations (kind, name, code) VALUES ('external', '新ビジョン有識者会議', 'vision-council') RETURNING id",
      )
    ).rows[0].id;
  return { supplierOrg: supplier.rows[0].organisation_id, councilOrg };
}

export async function buildMatrixWorld(modules: MatrixModule[]): Promise<MatrixWorld> {
  const t = await createTestApp();
  await loadDemoDataIfEmpty(t.db, createLogger("silent"));
  const { supplierOrg, councilOrg } = await partnerOrganisations(t);
  const orgs: Record<Exclude<MatrixRole, "anonymous">, { role: "admin" | "editor" | "viewer" | "partner"; org: string }> = {
    admin: { role: "admin", org: await organisationIdByCode(t.db, "seisaku") },
    bureauEditor: { role: "editor", org: await organisationIdByCode(t.db, "seisaku") },
    divisionEditor: { role: "editor", org: await organisationIdByCode(t.db, "zaisei-zaisei") },
    viewer: { role: "viewer", org: await organisationIdByCode(t.db, "sangyo-kikaku") },
    supplier: { role: "partner", org: supplierOrg },
    council: { role: "partner", org: councilOrg },
  };
  const users = { anonymous: null } as MatrixWorld["users"];
  const clients = { anonymous: t.client() } as MatrixWorld["clients"];
  for (const { key } of MATRIX_ROLES) {
    if (key === "anonymous") continue;
    const { role, org } = orgs[key];
    const user = await buildUser(t.db, { role, organisationId: org, loginId: `matrix-${key.toLowerCase()}` });
    users[key] = { id: user.id, organisationId: org };
  }
  // The council member's login is the partner account linked to the first active member.
  await t.db.query(
    `UPDATE vision_council_members SET user_id = $1
      WHERE id = (SELECT id FROM vision_council_members WHERE active AND user_id IS NULL ORDER BY name LIMIT 1)`,
    [users.council?.id],
  );
  const ids: MatrixIds = {};
  for (const module of modules) Object.assign(ids, await module.collect(t.db, users));
  for (const { key } of MATRIX_ROLES) {
    if (key !== "anonymous") clients[key] = await t.login(`matrix-${key.toLowerCase()}`, TEST_PASSWORD);
  }
  return { t, clients, users, ids };
}
