// Route × role matrix rows of the 国際 module's projects, partners and 分野 (see matrix-table.ts for the notation).
//
// The rules, as the module states them (international/access.ts):
// - every member of staff (A B D V) reads the projects, the partners with their city's timeline and the 分野 list,
//   and exports the project list; external logins read nothing;
// - the coordinating bureau's editors (政策局: B) and administrators keep the 分野 list and correct partners;
// - any editor (A B D) adds a partner, records a visit received (as their own division's) and enters a project
//   for their own division;
// - a project is changed or deleted only by the editors of the division that owns it and administrators: the
//   project used here is 産業政策課's (台湾PRキャンペーン), so 財政課's editor (D) and the bureau's (B) are refused.
import type { Queryable } from "../db/database";
import type { MatrixIds, MatrixModule } from "./matrix-table";

async function one(db: Queryable, what: string, sql: string, params: unknown[] = []): Promise<string> {
  const { rows } = await db.query<{ id: string }>(sql, params);
  if (!rows[0]) throw new Error(`matrix-international: the sample data has no ${what}`);
  return rows[0].id;
}

const STAFF = "ABDV.......";
const EDITORS = "ABD........";
const MANAGERS = "AB.........";
const OWNING_DIVISION = "A..........";

const id = (key: string) => (ids: MatrixIds) => ({ id: ids[key] });

const projectBody = (ids: MatrixIds) => ({
  name: "行列テストの事業",
  ownerOrganisationId: ids["international.projectOwner"],
  fieldId: ids["international.field"],
  status: "planned",
  isPublic: false,
  firstFiscalYear: 2026,
});
const partnerBody = () => ({ country: "行列テスト国", city: "行列テスト市", relation: "other" });

export const internationalMatrix: MatrixModule = {
  name: "international",
  async collect(db) {
    const project = await one(db, "project 台湾PRキャンペーン", "SELECT id FROM international_projects WHERE name = '台湾PRキャンペーン'");
    return {
      "international.project": project,
      "international.projectOwner": await one(
        db,
        "its owner",
        "SELECT owner_organisation_id AS id FROM international_projects WHERE id = $1",
        [project],
      ),
      "international.field": await one(
        db,
        "field プロモーション・観光",
        "SELECT id FROM international_fields WHERE name = 'プロモーション・観光'",
      ),
      "international.partner": await one(
        db,
        "partner 高雄市",
        "SELECT id FROM international_partners WHERE city = '高雄市' AND organisation = ''",
      ),
    };
  },
  table: {
    "GET /api/international/access": { who: STAFF },
    "GET /api/international/fields": { who: STAFF },
    "POST /api/international/fields": { who: MANAGERS, body: () => ({ name: "行列テストの分野" }) },
    "PATCH /api/international/fields/:id": { who: MANAGERS, params: id("international.field"), body: () => ({ sortOrder: 50 }) },
    "GET /api/international/partners": { who: STAFF, query: () => ({ q: "高雄" }) },
    "POST /api/international/partners": { who: EDITORS, body: partnerBody },
    "PATCH /api/international/partners/:id": {
      who: MANAGERS,
      params: id("international.partner"),
      body: () => ({ relation: "agreement" }),
    },
    "GET /api/international/partners/:id": { who: STAFF, params: id("international.partner") },
    "POST /api/international/partners/:id/received-visits": {
      who: EDITORS,
      params: id("international.partner"),
      body: () => ({ receivedOn: "2026-06-01", delegation: "行列テストの訪問団" }),
    },
    "GET /api/international/projects": { who: STAFF, query: () => ({ sort: "owner", pageSize: "5" }) },
    "GET /api/international/projects/export": { who: STAFF, query: () => ({ status: "active" }) },
    "GET /api/international/projects/:id": { who: STAFF, params: id("international.project") },
    "POST /api/international/projects": { who: EDITORS, body: projectBody },
    "PUT /api/international/projects/:id": {
      who: OWNING_DIVISION,
      params: id("international.project"),
      body: (ids) => ({ version: 1, project: projectBody(ids) }),
    },
    "DELETE /api/international/projects/:id": { who: OWNING_DIVISION, params: id("international.project") },
  },
};
