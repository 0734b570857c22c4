// Route × role matrix rows of the SDGs module's company pages (申請企業: 企業情報, 申請, 証拠書類, 取組状況の報告; see
// matrix-table.ts for the notation).
//
// The rules, as the module states them (sdgs/company-*-service.ts, evidence-service.ts, progress-report-service.ts):
// every route is the company's own and is called only by a partner login of a registered company (K: 小倉精機工業);
// the city's staff (A B D V) — the bureau's editors included — are refused (403: they see applications through the
// screening pages), as are suppliers, council members, banks and reviewers (403) and anonymous callers (401). K works
// on its own records: its 令和8年度 rank-up application (審査会待ち), an evidence file stored on it here, and its
// 令和6年度 certification's first report (accepted). Another company's application, file and certification
// (響灘グリーンエネルギー's) answer K with 404, as a missing one would.
import type { Queryable } from "../db/database";
import { storeFile } from "../platform/files/files";
import type { MatrixIds, MatrixModule } from "./matrix-table";

const COMPANY = "......K....";

async function one(db: Queryable, what: string, sql: string, params: unknown[] = []): Promise<string> {
  const { rows } = await db.query<{ id: string }>(sql, params);
  if (!rows[0]) throw new Error(`matrix-sdgs-company: the sample data has no ${what}`);
  return rows[0].id;
}

const PDF = new TextEncoder().encode("%PDF-1.4\n% matrix\n%%EOF\n");

async function evidence(db: Queryable, applicationId: string, organisationId: string): Promise<string> {
  const file = await storeFile(db, {
    name: "行列テストの証拠書類.pdf",
    mimeType: "application/pdf",
    bytes: PDF,
    createdBy: null,
    owner: { kind: "sdgs.application", id: applicationId, purpose: "evidence", organisationId },
  });
  await db.query("INSERT INTO sdgs_application_evidence (file_id, application_id) VALUES ($1, $2)", [file.id, applicationId]);
  return file.id;
}

const own = (ids: MatrixIds) => ({ id: ids["sdgsCompany.application"] });
const foreign = (ids: MatrixIds) => ({ id: ids["sdgsCompany.foreignApplication"] });
const ownFile = (ids: MatrixIds) => ({ id: ids["sdgsCompany.application"], fileId: ids["sdgsCompany.file"] });
const foreignFile = (ids: MatrixIds) => ({ id: ids["sdgsCompany.foreignApplication"], fileId: ids["sdgsCompany.foreignFile"] });
const ownReport = (ids: MatrixIds) => ({ id: ids["sdgsCompany.certification"], period: "1" });
const foreignReport = (ids: MatrixIds) => ({ id: ids["sdgsCompany.foreignCertification"], period: "1" });

const draftBody = () => ({ version: 1, eligibilityAnswers: {}, summary: "", answers: [], goals: [] });

export const sdgsCompanyMatrix: MatrixModule = {
  name: "sdgs-company",
  async collect(db, users) {
    if (!users.company) throw new Error("matrix-sdgs-company: the matrix world has no company login");
    const company = await one(db, "company of the company login", "SELECT id FROM sdgs_companies WHERE organisation_id = $1", [
      users.company.organisationId,
    ]);
    const application = await one(
      db,
      "the company's 令和8年度 application",
      `SELECT a.id FROM sdgs_applications a JOIN sdgs_rounds r ON r.id = a.round_id
        WHERE a.company_id = $1 AND r.fiscal_year = 2026`,
      [company],
    );
    const certification = await one(
      db,
      "the company's 令和6年度 certification",
      "SELECT id FROM sdgs_certifications WHERE company_id = $1 AND number LIKE 'KSM-2024-%'",
      [company],
    );
    const other = await one(db, "響灘グリーンエネルギー", "SELECT id FROM sdgs_companies WHERE name = '響灘グリーンエネルギー株式会社'");
    const otherOrg = await one(db, "響灘's organisation", "SELECT organisation_id AS id FROM sdgs_companies WHERE id = $1", [other]);
    const foreignApplication = await one(
      db,
      "響灘's 令和8年度 application",
      `SELECT a.id FROM sdgs_applications a JOIN sdgs_rounds r ON r.id = a.round_id WHERE a.company_id = $1 AND r.fiscal_year = 2026`,
      [other],
    );
    const foreignCertification = await one(db, "響灘's certification", "SELECT id FROM sdgs_certifications WHERE company_id = $1", [other]);
    return {
      "sdgsCompany.application": application,
      "sdgsCompany.file": await evidence(db, application, users.company.organisationId),
      "sdgsCompany.certification": certification,
      "sdgsCompany.foreignApplication": foreignApplication,
      "sdgsCompany.foreignFile": await evidence(db, foreignApplication, otherOrg),
      "sdgsCompany.foreignCertification": foreignCertification,
    };
  },
  table: {
    "GET /api/sdgs/company/profile": { who: COMPANY },
    "PUT /api/sdgs/company/profile": {
      who: COMPANY,
      body: () => ({
        version: 1,
        profile: {
          corporateNumber: null,
          name: "行列テスト",
          nameKana: "",
          postalCode: "",
          address: "",
          ward: "outside",
          industry: "E",
          size: "small",
          employees: null,
          website: "",
          contactName: "",
          contactEmail: "",
          contactPhone: "",
        },
      }),
    },
    "GET /api/sdgs/company/rounds": { who: COMPANY },
    "GET /api/sdgs/company/applications": { who: COMPANY },
    "POST /api/sdgs/company/applications": {
      who: COMPANY,
      body: (ids) => ({ roundId: ids["sdgsCompany.foreignApplication"], kind: "new" }),
    },
    "GET /api/sdgs/company/applications/:id": { who: COMPANY, params: own, foreign },
    "PUT /api/sdgs/company/applications/:id": { who: COMPANY, params: own, body: draftBody, foreign },
    "POST /api/sdgs/company/applications/:id/submit": {
      who: COMPANY,
      params: own,
      body: () => ({ version: 1, declaration: true }),
      foreign,
    },
    "POST /api/sdgs/company/applications/:id/withdraw": { who: COMPANY, params: own, body: () => ({ version: 1 }), foreign },
    "POST /api/sdgs/company/applications/:id/evidence": { who: COMPANY, params: own, foreign },
    "GET /api/sdgs/company/applications/:id/evidence/:fileId": { who: COMPANY, params: ownFile, foreign: foreignFile },
    "DELETE /api/sdgs/company/applications/:id/evidence/:fileId": { who: COMPANY, params: ownFile, foreign: foreignFile },
    "GET /api/sdgs/company/certifications": { who: COMPANY },
    "GET /api/sdgs/company/certifications/:id/reports/:period": { who: COMPANY, params: ownReport, foreign: foreignReport },
    "PUT /api/sdgs/company/certifications/:id/reports/:period": {
      who: COMPANY,
      params: ownReport,
      body: () => ({ version: null, comment: "", goals: [] }),
      foreign: foreignReport,
    },
    "POST /api/sdgs/company/certifications/:id/reports/:period/submit": {
      who: COMPANY,
      params: ownReport,
      body: () => ({ version: 1 }),
      foreign: foreignReport,
    },
  },
};
