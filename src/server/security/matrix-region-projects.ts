// Route × role matrix rows of 連携の枠組みと連携事業 (frameworks, members, agreements, projects) (see matrix-table.ts for the notation).
//
// The rules, as the part states them (region/framework-service.ts, project-service.ts): every member of staff (A B D V)
// reads frameworks, projects, their files and exports; only the bureau that runs 広域連携 (its editors, B, and
// administrators, A: region.manager) writes. 財政課's editor (D) is a partner of the budget consultation but records
// nothing here; a 市町 editor (M) and every outside login reach none of these routes.
import { storeFile } from "../platform/files/files";
import type { MatrixModule } from "./matrix-table";

const STAFF = "ABDV.......";
const MANAGER = "AB.........";

const fw = (ids: Record<string, string>) => ({ id: ids["region.framework"] });
const project = (ids: Record<string, string>) => ({ id: ids["region.project"] });

export const regionProjectsMatrix: MatrixModule = {
  name: "region-projects",
  async collect(db) {
    const framework = await db.query<{ id: string }>("SELECT id FROM region_frameworks WHERE code = 'kanmon'");
    const member = await db.query<{ id: string }>(
      "SELECT id FROM region_framework_members WHERE framework_id = $1 ORDER BY sort_order LIMIT 1",
      [framework.rows[0].id],
    );
    const agreement = await db.query<{ id: string }>(
      "SELECT id FROM region_agreements WHERE framework_id = $1 ORDER BY signed_on LIMIT 1",
      [framework.rows[0].id],
    );
    const proj = await db.query<{ id: string }>("SELECT id FROM region_projects WHERE name = '圏域観光プロモーション事業'");
    const step = await db.query<{ id: string }>("SELECT id FROM region_project_steps WHERE project_id = $1 ORDER BY created_at LIMIT 1", [
      proj.rows[0].id,
    ]);
    const report = await db.query<{ id: string }>("SELECT id FROM region_project_reports WHERE project_id = $1 AND fiscal_year = 2025", [
      proj.rows[0].id,
    ]);
    // a document for the agreement and the sample report, so that their downloads have something to serve
    const pdf = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");
    for (const [kind, id] of [
      ["region.agreement", agreement.rows[0].id],
      ["region.project_report", report.rows[0].id],
    ] as const)
      await storeFile(db, {
        name: "matrix.pdf",
        mimeType: "application/pdf",
        bytes: pdf,
        createdBy: null,
        owner: { kind, id, purpose: "attachment", organisationId: null },
      });
    const owner = await db.query<{ id: string }>("SELECT id FROM organisations WHERE code = 'seisaku-koiki'");
    const finance = await db.query<{ id: string }>("SELECT id FROM organisations WHERE code = 'zaisei-zaisei'");
    return {
      "region.framework": framework.rows[0].id,
      "region.member": member.rows[0].id,
      "region.agreement": agreement.rows[0].id,
      "region.project": proj.rows[0].id,
      "region.step": step.rows[0].id,
      "region.owner": owner.rows[0].id,
      "region.finance": finance.rows[0].id,
    };
  },
  table: {
    "GET /api/region/frameworks": { who: STAFF },
    "POST /api/region/frameworks": {
      who: MANAGER,
      body: () => ({ code: "matrix-fw", name: "行列テスト", kind: "other", description: "", startedOn: null }),
    },
    "GET /api/region/frameworks/:id": { who: STAFF, params: fw },
    "PATCH /api/region/frameworks/:id": {
      who: MANAGER,
      params: fw,
      body: () => ({ version: 1, code: "kanmon", name: "関門連携", kind: "city_pair", description: "", startedOn: null }),
    },
    "POST /api/region/frameworks/:id/members": {
      who: MANAGER,
      params: fw,
      body: () => ({ municipalityCode: "402044", name: "", localGovernmentCode: "", role: "partner", joinedOn: null, sortOrder: 9 }),
    },
    "PATCH /api/region/frameworks/:id/members/:memberId": {
      who: MANAGER,
      params: (ids) => ({ id: ids["region.framework"], memberId: ids["region.member"] }),
      body: () => ({
        municipalityCode: null,
        name: "北九州市",
        localGovernmentCode: "401005",
        role: "central_city",
        joinedOn: null,
        sortOrder: 1,
      }),
    },
    "DELETE /api/region/frameworks/:id/members/:memberId": {
      who: MANAGER,
      params: (ids) => ({ id: ids["region.framework"], memberId: ids["region.member"] }),
    },
    "POST /api/region/frameworks/:id/agreements": {
      who: MANAGER,
      params: fw,
      body: () => ({ signedOn: "2024-10-17", title: "行列テストの合意", note: "" }),
    },
    "PATCH /api/region/frameworks/:id/agreements/:agreementId": {
      who: MANAGER,
      params: (ids) => ({ id: ids["region.framework"], agreementId: ids["region.agreement"] }),
      body: () => ({ version: 1, signedOn: "2007-07-02", title: "関門連携共同宣言", note: "" }),
    },
    "DELETE /api/region/frameworks/:id/agreements/:agreementId": {
      who: MANAGER,
      params: (ids) => ({ id: ids["region.framework"], agreementId: ids["region.agreement"] }),
    },
    "POST /api/region/frameworks/:id/agreements/:agreementId/file": {
      who: MANAGER,
      params: (ids) => ({ id: ids["region.framework"], agreementId: ids["region.agreement"] }),
    },
    "GET /api/region/frameworks/:id/agreements/:agreementId/file": {
      who: STAFF,
      params: (ids) => ({ id: ids["region.framework"], agreementId: ids["region.agreement"] }),
    },
    "GET /api/region/projects": { who: STAFF },
    "GET /api/region/projects/export": { who: STAFF, query: () => ({ format: "csv" }) },
    "GET /api/region/projects/yearly-report": { who: STAFF, query: () => ({ fiscalYear: "2025", format: "xlsx" }) },
    "GET /api/region/projects/indicator-choices": { who: STAFF },
    "POST /api/region/projects": {
      who: MANAGER,
      body: (ids) => ({
        frameworkId: ids["region.framework"],
        name: "行列テスト事業",
        summary: "",
        leadMemberId: null,
        memberIds: [],
        ownerOrganisationId: ids["region.owner"],
        startFiscalYear: null,
        endFiscalYear: null,
        status: "concept",
        statusSince: null,
      }),
    },
    "GET /api/region/projects/:id": { who: STAFF, params: project },
    "PATCH /api/region/projects/:id": {
      who: MANAGER,
      params: project,
      body: (ids) => ({
        version: 1,
        name: "圏域観光プロモーション事業",
        summary: "",
        leadMemberId: null,
        memberIds: [],
        ownerOrganisationId: ids["region.owner"],
        startFiscalYear: null,
        endFiscalYear: null,
      }),
    },
    "POST /api/region/projects/:id/status": {
      who: MANAGER,
      params: project,
      body: () => ({ version: 1, status: "ended", on: "2026-04-01", reason: "" }),
    },
    "PUT /api/region/projects/:id/budgets/:fiscalYear": {
      who: MANAGER,
      params: (ids) => ({ id: ids["region.project"], fiscalYear: "2030" }),
      body: () => ({ version: null, totalYen: 0, funding: {}, note: "", mismatchReason: "" }),
    },
    "DELETE /api/region/projects/:id/budgets/:fiscalYear": {
      who: MANAGER,
      params: (ids) => ({ id: ids["region.project"], fiscalYear: "2024" }),
    },
    "PUT /api/region/projects/:id/indicators": { who: MANAGER, params: project, body: () => ({ indicatorIds: [] }) },
    "POST /api/region/projects/:id/steps": {
      who: MANAGER,
      params: project,
      body: (ids) => ({
        kind: "budget",
        organisationId: ids["region.finance"],
        fiscalYear: 2030,
        status: "planned",
        startedOn: null,
        endedOn: null,
        note: "",
      }),
    },
    "PATCH /api/region/projects/:id/steps/:stepId": {
      who: MANAGER,
      params: (ids) => ({ id: ids["region.project"], stepId: ids["region.step"] }),
      body: (ids) => ({
        version: 1,
        kind: "budget",
        organisationId: ids["region.finance"],
        fiscalYear: 2030,
        status: "planned",
        startedOn: null,
        endedOn: null,
        note: "",
      }),
    },
    "DELETE /api/region/projects/:id/steps/:stepId": {
      who: MANAGER,
      params: (ids) => ({ id: ids["region.project"], stepId: ids["region.step"] }),
    },
    "POST /api/region/projects/:id/steps/:stepId/rounds": {
      who: MANAGER,
      params: (ids) => ({ id: ids["region.project"], stepId: ids["region.step"] }),
      body: () => ({ heldOn: "2026-04-01", title: "意見交換", outcome: "" }),
    },
    "PUT /api/region/projects/:id/reports/:fiscalYear": {
      who: MANAGER,
      params: (ids) => ({ id: ids["region.project"], fiscalYear: "2025" }),
      body: () => ({ version: 1, results: "実績", outcomes: "", issues: "", nextPolicy: "" }),
    },
    "POST /api/region/projects/:id/reports/:fiscalYear/file": {
      who: MANAGER,
      params: (ids) => ({ id: ids["region.project"], fiscalYear: "2025" }),
    },
    "GET /api/region/projects/:id/reports/:fiscalYear/file": {
      who: STAFF,
      params: (ids) => ({ id: ids["region.project"], fiscalYear: "2025" }),
    },
  },
};
