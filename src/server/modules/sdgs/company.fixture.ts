// The world the company pages' tests run in: a city with the sample SDGs data (4 rounds, 18 companies), the newest
// round opened around today (日本時間) so that companies may apply now, a fresh company of the test's own with a
// partner login, the sample company 小倉精機工業's login (another company), and staff logins.
import { todayInJapan } from "../../../common/dates";
import { addDays } from "../../../common/sdgs/certification-lifecycle";
import { withCheckDigit } from "../../../common/sdgs/corporate-number";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, buildOrganisation, buildUser, TEST_PASSWORD } from "../../testing/factories";
import { setSdgsOwner } from "./access";
import { loadSdgsDemo } from "./demo";
import { insertSampleRow } from "./demo-repository";

export interface CompanyWorld {
  t: TestApp;
  today: string;
  /** the round open today (令和8年度, its dates moved around today) and a closed one (令和5年度) */
  openRoundId: string;
  closedRoundId: string;
  /** the test's own company, its login, and a second login of the same company */
  companyId: string;
  companyOrgId: string;
  company: TestClient;
  companyUserId: string;
  /** 小倉精機工業 (a sample company) and its login */
  otherCompanyId: string;
  other: TestClient;
  /** 小倉精機工業's application in 令和8年度 (審査会待ち) */
  otherApplicationId: string;
  admin: TestClient;
  adminUserId: string;
  viewerUserId: string;
}

export async function buildCompanyWorld(): Promise<CompanyWorld> {
  const t = await createTestApp();
  const city = await buildCity(t.db);
  await setSdgsOwner(t.db, city.bureau.id);
  await loadSdgsDemo(t.db);
  const today = todayInJapan();
  const one = async (sql: string, params: unknown[] = []) => (await t.db.query<{ id: string }>(sql, params)).rows[0].id;
  const openRoundId = await one("UPDATE sdgs_rounds SET opens_on = $1, closes_on = $2 WHERE fiscal_year = 2026 RETURNING id", [
    addDays(today, -30),
    addDays(today, 30),
  ]);
  const closedRoundId = await one("SELECT id FROM sdgs_rounds WHERE fiscal_year = 2023");
  const org = await buildOrganisation(t.db, { name: "テスト工業株式会社", kind: "external" });
  const companyId = await insertSampleRow(t.db, "sdgs_companies", {
    organisation_id: org.id,
    corporate_number: null,
    name: "テスト工業株式会社",
    name_kana: "テストコウギョウ",
    ward: "tobata",
    industry: "E",
    size: "small",
    employees: 30,
    contact_name: "申請 花子",
    contact_email: "hanako@example.jp",
  });
  const companyUser = await buildUser(t.db, { role: "partner", organisationId: org.id, displayName: "申請 花子" });
  const otherOrg = await one("SELECT organisation_id AS id FROM sdgs_companies WHERE name = '小倉精機工業株式会社'");
  const otherCompanyId = await one("SELECT id FROM sdgs_companies WHERE name = '小倉精機工業株式会社'");
  const otherUser = await buildUser(t.db, { role: "partner", organisationId: otherOrg });
  const otherApplicationId = await one("SELECT id FROM sdgs_applications WHERE company_id = $1 AND round_id = $2", [
    otherCompanyId,
    openRoundId,
  ]);
  return {
    t,
    today,
    openRoundId,
    closedRoundId,
    companyId,
    companyOrgId: org.id,
    company: await t.login(companyUser.loginId, TEST_PASSWORD),
    companyUserId: companyUser.id,
    otherCompanyId,
    other: await t.login(otherUser.loginId, TEST_PASSWORD),
    otherApplicationId,
    admin: await t.login(city.admin.loginId, TEST_PASSWORD),
    adminUserId: city.admin.id,
    viewerUserId: city.viewer.id,
  };
}

/**
 * A certified application of the company in a decided round (令和7年度 unless given) with three goals, and its certification
 * (tier by rank, valid from/until the dates given): for renewals, rank-ups and progress reports.
 */
export async function insertCertification(
  w: CompanyWorld,
  opts: { validFrom: string; validUntil: string; tierRank: number; number: string; fiscalYear?: number },
): Promise<{ certificationId: string; applicationId: string; goalIds: string[] }> {
  const db = w.t.db;
  const round = (await db.query<{ id: string }>("SELECT id FROM sdgs_rounds WHERE fiscal_year = $1", [opts.fiscalYear ?? 2025])).rows[0].id;
  const tier = (
    await db.query<{ id: string; name: string }>("SELECT id, name FROM sdgs_tiers WHERE round_id = $1 AND rank = $2", [
      round,
      opts.tierRank,
    ])
  ).rows[0];
  const applicationId = await insertSampleRow(db, "sdgs_applications", {
    round_id: round,
    company_id: w.companyId,
    kind: "new",
    status: "certified",
    submission_count: 1,
    submitted_at: new Date(),
  });
  const goalIds: string[] = [];
  for (const [index, title] of ["CO2排出量を減らす", "女性管理職を増やす", "地元調達を増やす"].entries())
    goalIds.push(
      await insertSampleRow(db, "sdgs_application_goals", {
        application_id: applicationId,
        title,
        sdg_goals: [13],
        kpi: `${title}の指標`,
        unit: "%",
        baseline: 10,
        baseline_year: 2024,
        target: 50,
        target_year: 2028,
        sort_order: index + 1,
      }),
    );
  const certificationId = await insertSampleRow(db, "sdgs_certifications", {
    number: opts.number,
    company_id: w.companyId,
    application_id: applicationId,
    tier_id: tier.id,
    tier_name: tier.name,
    tier_rank: opts.tierRank,
    valid_from: opts.validFrom,
    valid_until: opts.validUntil,
  });
  return { certificationId, applicationId, goalIds };
}

export const testCorporateNumber = () => withCheckDigit("888801000001");
