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
  // The 市町 editor: a partner login of 直方市's organisation (a member 市町 of the 北九州都市圏域 in the sample data).
  const municipality = await t.db.query<{ organisation_id: string }>(
    "SELECT organisation_id FROM region_municipalities WHERE code = '402044' AND organisation_id IS NOT NULL",
  );
  if (!municipality.rows[0]) throw new Error("matrix-world: the sample data has no organisation for 直方市");
  return {
    supplierOrg: supplier.rows[0].organisation_id,
    councilOrg,
    municipalityOrg: municipality.rows[0].organisation_id,
    ...(await sdgsOrganisations(t)),
  };
}

/** An external organisation by code, made when the sample data has none. */
async function externalOrganisation(t: TestApp, code: string, name: string): Promise<string> {
  const found = await t.db.query<{ id: string }>("SELECT id FROM organisations WHERE code = $1", [code]);
  if (found.rows[0]) return found.rows[0].id;
  const made = await t.db.query<{ id: string }>("INSERT INTO organisations (kind, name, code) VALUES ('external', $1, $2) RETURNING id", [
    name,
    code,
  ]);
  return made.rows[0].id;
}

/**
 * SDGs' outside logins: the sample company with the most applications (an applicant of the sample round), the first
 * sample partner bank, and an outside 審査員 (a partner of its own organisation, registered as reviewer below).
 */
async function sdgsOrganisations(t: TestApp) {
  const company = await t.db.query<{ organisation_id: string }>(
    `SELECT c.organisation_id FROM sdgs_companies c
      ORDER BY (SELECT count(*) FROM sdgs_applications a WHERE a.company_id = c.id) DESC, c.name LIMIT 1`,
  );
  const bank = await t.db.query<{ organisation_id: string }>(
    "SELECT organisation_id FROM sdgs_banks WHERE active ORDER BY sort_order, name LIMIT 1",
  );
  const companyOrg = company.rows[0]?.organisation_id ?? (await externalOrganisation(t, "matrix-sdgs-company", "行列テスト株式会社"));
  if (!company.rows[0])
    await t.db.query("INSERT INTO sdgs_companies (organisation_id, name, industry, size) VALUES ($1, '行列テスト株式会社', 'E', 'small')", [
      companyOrg,
    ]);
  const bankOrg = bank.rows[0]?.organisation_id ?? (await externalOrganisation(t, "matrix-sdgs-bank", "行列テスト銀行"));
  if (!bank.rows[0]) await t.db.query("INSERT INTO sdgs_banks (organisation_id, name) VALUES ($1, '行列テスト銀行')", [bankOrg]);
  const reviewerOrg = await externalOrganisation(t, "sdgs-reviewers", "サステナブル経営認証 審査員");
  return { companyOrg, bankOrg, reviewerOrg };
}

export async function buildMatrixWorld(modules: MatrixModule[]): Promise<MatrixWorld> {
  const t = await createTestApp();
  await loadDemoDataIfEmpty(t.db, createLogger("silent"));
  const { supplierOrg, councilOrg, companyOrg, bankOrg, reviewerOrg, municipalityOrg } = await partnerOrganisations(t);
  const orgs: Record<Exclude<MatrixRole, "anonymous">, { role: "admin" | "editor" | "viewer" | "partner"; org: string }> = {
    admin: { role: "admin", org: await organisationIdByCode(t.db, "seisaku") },
    bureauEditor: { role: "editor", org: await organisationIdByCode(t.db, "seisaku") },
    divisionEditor: { role: "editor", org: await organisationIdByCode(t.db, "zaisei-zaisei") },
    viewer: { role: "viewer", org: await organisationIdByCode(t.db, "sangyo-kikaku") },
    supplier: { role: "partner", org: supplierOrg },
    council: { role: "partner", org: councilOrg },
    company: { role: "partner", org: companyOrg },
    bank: { role: "partner", org: bankOrg },
    reviewer: { role: "partner", org: reviewerOrg },
    municipalityEditor: { role: "partner", org: municipalityOrg },
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
  await t.db.query("INSERT INTO sdgs_reviewers (user_id, affiliation) VALUES ($1, '行列テスト大学')", [users.reviewer?.id]);
  const ids: MatrixIds = {};
  for (const module of modules) Object.assign(ids, await module.collect(t.db, users));
  for (const { key } of MATRIX_ROLES) {
    if (key !== "anonymous") clients[key] = await t.login(`matrix-${key.toLowerCase()}`, TEST_PASSWORD);
  }
  return { t, clients, users, ids };
}
