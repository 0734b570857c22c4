// Route × role matrix rows of the SDGs screening part (要件確認, the 審査員 register, the reviewers' pages; see
// matrix-table.ts for the notation).
//
// The rules, as the part states them (sdgs/screening-service.ts, reviewer-service.ts, review-service.ts): every member
// of staff (A B D V) reads the applications, their CSV and evidence (contacts only for the bureau's managers, checked in
// screening.db.test.ts); the bureau's managers — the editors of 政策局 (B) and administrators (A) — move applications,
// keep the screening note and the reviewer register. The reviewers' pages are for an active 審査員 (R) only: staff,
// companies, banks, other partners and anonymous callers never reach them, and an application that is not in review
// is "not found" to a reviewer (the `foreign` rows).
import type { Queryable } from "../db/database";
import type { MatrixIds, MatrixModule } from "./matrix-table";

const STAFF = "ABDV.......";
const MANAGER = "AB.........";
const REVIEWER = "........R..";

const application = (ids: MatrixIds) => ({ id: ids["sdgs.reviewApplication"] });
const evidence = (ids: MatrixIds) => ({ id: ids["sdgs.reviewApplication"], fileId: ids["sdgs.evidenceFile"] });
const notInReview = (ids: MatrixIds) => ({ id: ids["sdgs.committeeApplication"] });

export const sdgsScreeningMatrix: MatrixModule = {
  name: "sdgs-screening",
  async collect(db: Queryable, users) {
    const inReview = await db.query<{ id: string; organisation_id: string }>(
      `SELECT a.id, c.organisation_id FROM sdgs_applications a JOIN sdgs_companies c ON c.id = a.company_id
        WHERE a.status = 'review' ORDER BY a.created_at, a.id LIMIT 1`,
    );
    const committee = await db.query<{ id: string }>(
      "SELECT id FROM sdgs_applications WHERE status = 'committee' ORDER BY created_at, id LIMIT 1",
    );
    if (!inReview.rows[0] || !committee.rows[0])
      throw new Error("matrix-sdgs-screening: the sample data has no application in review or committee");
    // one evidence file of the application in review (the sample data has none)
    const file = await db.query<{ id: string }>(
      `INSERT INTO files (name, mime_type, size_bytes, sha256, content, owner_kind, owner_id, purpose, organisation_id)
       VALUES ('行列テストの証拠書類.pdf', 'application/pdf', 8, 'matrix', '\\x255044462d312e34'::bytea, 'sdgs.application', $1, 'evidence', $2)
       RETURNING id`,
      [inReview.rows[0].id, inReview.rows[0].organisation_id],
    );
    await db.query("INSERT INTO sdgs_application_evidence (file_id, application_id) VALUES ($1, $2)", [
      file.rows[0].id,
      inReview.rows[0].id,
    ]);
    if (!users.reviewer || !users.viewer) throw new Error("matrix-sdgs-screening: the matrix world has no reviewer or viewer");
    return {
      "sdgs.reviewApplication": inReview.rows[0].id,
      "sdgs.committeeApplication": committee.rows[0].id,
      "sdgs.evidenceFile": file.rows[0].id,
      "sdgs.reviewerUser": users.reviewer.id,
      "sdgs.viewerUser": users.viewer.id,
    };
  },
  table: {
    "GET /api/sdgs/applications": { who: STAFF, query: () => ({ status: "review" }) },
    "GET /api/sdgs/applications.csv": { who: STAFF, query: () => ({ status: "review" }) },
    "GET /api/sdgs/applications/:id": { who: STAFF, params: application },
    "GET /api/sdgs/applications/:id/evidence/:fileId": { who: STAFF, params: evidence },
    "POST /api/sdgs/applications/:id/moves": {
      who: MANAGER,
      params: application,
      body: () => ({ move: "to_committee", comment: "", version: 1 }),
    },
    "PUT /api/sdgs/applications/:id/screening": {
      who: MANAGER,
      params: application,
      body: () => ({ screeningNote: "行列テストのメモ", version: 1 }),
    },
    "GET /api/sdgs/reviewers": { who: MANAGER },
    "POST /api/sdgs/reviewers": { who: MANAGER, body: (ids) => ({ userId: ids["sdgs.viewerUser"], affiliation: "行列テスト" }) },
    "PATCH /api/sdgs/reviewers/:userId": {
      who: MANAGER,
      params: (ids) => ({ userId: ids["sdgs.reviewerUser"] }),
      body: () => ({ affiliation: "行列テスト大学（変更）" }),
    },
    "GET /api/sdgs/reviewer-candidates": { who: MANAGER, query: () => ({ q: "matrix" }) },
    "GET /api/sdgs/review/applications": { who: REVIEWER },
    "GET /api/sdgs/review/applications/:id": { who: REVIEWER, params: application, foreign: notInReview },
    "PUT /api/sdgs/review/applications/:id": { who: REVIEWER, params: application, body: () => ({ scores: [] }), foreign: notInReview },
    "POST /api/sdgs/review/applications/:id/submit": {
      who: REVIEWER,
      params: application,
      body: () => ({ version: 1 }),
      foreign: notInReview,
    },
    "GET /api/sdgs/review/applications/:id/evidence/:fileId": {
      who: REVIEWER,
      params: evidence,
      foreign: (ids) => ({ id: ids["sdgs.committeeApplication"], fileId: ids["sdgs.evidenceFile"] }),
    },
  },
};
