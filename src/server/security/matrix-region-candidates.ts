// Route × role matrix rows of 連携事業の候補 (candidates and their pipeline) (see matrix-table.ts for the notation).
//
// The rules, as the part states them (region/candidate-service.ts, candidate-access.ts): every member of staff
// (A B D V) reads the pipeline, the list, its export and a candidate; any editor (A B D: 財政課's editor is one)
// proposes a candidate for their own 局・課; only the bureau that runs 広域連携 (its editors, B, and administrators, A:
// region.manager) moves a candidate through the steps, turns it into a joint project and sets the 滞留 days. Outside
// logins (the 市町 editor M included) reach none of these routes. candidate.db.test.ts holds what an allowed caller's
// call does (own 局・課 only, reasons, the project made in the same transaction).
import type { MatrixModule } from "./matrix-table";

const STAFF = "ABDV.......";
const EDITORS = "ABD........";
const MANAGER = "AB.........";

export const regionCandidatesMatrix: MatrixModule = {
  name: "region-candidates",
  async collect(db) {
    const candidate = await db.query<{ id: string; framework_id: string; proposing_organisation_id: string }>(
      "SELECT id, framework_id, proposing_organisation_id FROM region_candidates WHERE step = 'proposed' ORDER BY title LIMIT 1",
    );
    if (!candidate.rows[0]) throw new Error("matrix-region-candidates: the sample data has no candidate in 提案受付");
    return {
      "region.candidate": candidate.rows[0].id,
      "region.candidateFramework": candidate.rows[0].framework_id,
      "region.candidateOrganisation": candidate.rows[0].proposing_organisation_id,
    };
  },
  table: {
    "GET /api/region/candidates/pipeline": { who: STAFF },
    "GET /api/region/candidates/options": { who: STAFF },
    "GET /api/region/candidates": { who: STAFF, query: () => ({ status: "open", sort: "-daysInStep" }) },
    "GET /api/region/candidates/export": { who: STAFF, query: () => ({ format: "csv" }) },
    "GET /api/region/candidates/:id": { who: STAFF, params: (ids) => ({ id: ids["region.candidate"] }) },
    "POST /api/region/candidates": {
      who: EDITORS,
      body: (ids) => ({
        title: "行列テストの候補",
        proposingOrganisationId: ids["region.candidateOrganisation"],
        frameworkId: ids["region.candidateFramework"],
        memberIds: [],
        summary: "行列テスト",
        expectedEffect: "",
        obstacle: "effort",
        obstacleNote: "",
      }),
    },
    "POST /api/region/candidates/:id/moves": {
      who: MANAGER,
      params: (ids) => ({ id: ids["region.candidate"] }),
      body: () => ({ version: 1, to: "department_dialogue", note: "行列テスト", reason: "" }),
    },
    "POST /api/region/candidates/:id/adopt": {
      who: MANAGER,
      params: (ids) => ({ id: ids["region.candidate"] }),
      body: () => ({ version: 1, projectName: "行列テストの連携事業", reason: "行列テスト" }),
    },
    "PUT /api/region/candidates/settings": { who: MANAGER, body: () => ({ stalledAfterDays: 60 }) },
  },
};
