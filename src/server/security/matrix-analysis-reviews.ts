// Route × role matrix rows of 経営分析 (analyses, findings, options, decisions, follow-up actions) (see matrix-table.ts for the notation).
//
// The rules, as the module states them (analysis/access.ts, review-service.ts, action-service.ts): every member of
// staff (A B D V) reads the analyses and the actions list and its export; only the bureau responsible for the analyses
// (app setting analysis.bureauId = 政策局: its editors, B, and administrators, A: analysis.manager) starts analyses,
// writes findings, options and decisions, and adds, edits and deletes actions. Marking an action done or reopening it
// is also open to the editors of the action's owner division: the action used here is owned by 財政課, the division
// editor's (D) own division, so D may and the viewer (V, 産業政策課) is refused (403). Another bureau's editor is
// refused every other write (403). Outside logins and anonymous callers reach none of these routes.
// review.db.test.ts and action.db.test.ts hold what an allowed call does.
// A subject, an analysis with one finding and one action are made here, on top of the sample data.
import type { Queryable } from "../db/database";
import type { MatrixIds, MatrixModule } from "./matrix-table";

const STAFF = "ABDV.......";
const MANAGER = "AB.........";
const MANAGER_OR_OWNER_DIVISION = "ABD........";

const review = (ids: MatrixIds) => ({ id: ids["analysis.review"] });
const finding = (ids: MatrixIds) => ({ id: ids["analysis.review"], findingId: ids["analysis.finding"] });
const action = (ids: MatrixIds) => ({ id: ids["analysis.action"] });
const version = (ids: MatrixIds) => Number(ids["analysis.reviewVersion"]);

export const analysisReviewsMatrix: MatrixModule = {
  name: "analysis-reviews",
  async collect(db: Queryable, users) {
    const subject = await db.query<{ id: string }>(
      `INSERT INTO analysis_subjects (name, role, kind, analysis_fiscal_year)
       VALUES ('行列テストの分析対象（分析）', 'subject', 'programme', 2030) RETURNING id`,
    );
    const subjectId = subject.rows[0]!.id;
    const reviewRow = await db.query<{ id: string; version: number }>(
      "INSERT INTO analysis_reviews (subject_id, fiscal_year) VALUES ($1, 2029) RETURNING id, version",
      [subjectId],
    );
    const reviewId = reviewRow.rows[0]!.id;
    const findingRow = await db.query<{ id: string }>(
      "INSERT INTO analysis_findings (review_id, viewpoint, body) VALUES ($1, 'necessity', '行列テストの所見') RETURNING id",
      [reviewId],
    );
    const actionRow = await db.query<{ id: string }>(
      `INSERT INTO analysis_actions (review_id, title, owner_organisation_id, due_on)
       VALUES ($1, '行列テストの取組', $2, '2030-03-31') RETURNING id`,
      [reviewId, users.divisionEditor?.organisationId ?? null],
    );
    return {
      "analysis.reviewSubject": subjectId,
      "analysis.review": reviewId,
      "analysis.reviewVersion": String(reviewRow.rows[0]!.version),
      "analysis.finding": findingRow.rows[0]!.id,
      "analysis.action": actionRow.rows[0]!.id,
    };
  },
  table: {
    "GET /api/analysis/subjects/:id/reviews": { who: STAFF, params: (ids) => ({ id: ids["analysis.reviewSubject"]! }) },
    "POST /api/analysis/reviews": {
      who: MANAGER,
      body: (ids) => ({ subjectId: ids["analysis.reviewSubject"], fiscalYear: 2031, summary: "" }),
    },
    "GET /api/analysis/reviews/:id": { who: STAFF, params: review },
    "PATCH /api/analysis/reviews/:id": { who: MANAGER, params: review, body: (ids) => ({ version: version(ids), summary: "行列" }) },
    "POST /api/analysis/reviews/:id/findings": {
      who: MANAGER,
      params: review,
      body: (ids) => ({ version: version(ids), viewpoint: "role", body: "行列", assessment: null, indicators: ["dependency"] }),
    },
    "PATCH /api/analysis/reviews/:id/findings/:findingId": {
      who: MANAGER,
      params: finding,
      body: (ids) => ({ version: version(ids), viewpoint: "role", body: "行列", assessment: "adequate", indicators: [] }),
    },
    "DELETE /api/analysis/reviews/:id/findings/:findingId": {
      who: MANAGER,
      params: finding,
      query: (ids) => ({ version: String(version(ids)) }),
    },
    "PUT /api/analysis/reviews/:id/options": {
      who: MANAGER,
      params: review,
      body: (ids) => ({ version: version(ids), options: [{ option: "continue", assessment: "行列" }] }),
    },
    "POST /api/analysis/reviews/:id/decision": {
      who: MANAGER,
      params: review,
      body: (ids) => ({
        version: version(ids),
        chosenOption: "continue",
        decision: "行列",
        decidedOn: "2025-03-26",
        decidedBy: "市政変革推進会議",
      }),
    },
    "POST /api/analysis/reviews/:id/decision/withdrawal": {
      who: MANAGER,
      params: review,
      body: (ids) => ({ version: version(ids), reason: "行列" }),
    },
    "POST /api/analysis/reviews/:id/actions": {
      who: MANAGER,
      params: review,
      body: () => ({ title: "行列", detail: "", ownerOrganisationId: null, ownerName: "外部", dueOn: null }),
    },
    "GET /api/analysis/actions": { who: STAFF },
    "GET /api/analysis/actions/export": { who: STAFF, query: () => ({ format: "csv" }) },
    "PATCH /api/analysis/actions/:id": {
      who: MANAGER,
      params: action,
      body: () => ({ version: 1, title: "行列", detail: "", ownerOrganisationId: null, ownerName: "外部", dueOn: null }),
    },
    "DELETE /api/analysis/actions/:id": { who: MANAGER, params: action, query: () => ({ version: "1" }) },
    "POST /api/analysis/actions/:id/done": {
      who: MANAGER_OR_OWNER_DIVISION,
      params: action,
      body: () => ({ version: 1, doneOn: "2025-03-31", result: "行列" }),
    },
    "POST /api/analysis/actions/:id/reopen": { who: MANAGER_OR_OWNER_DIVISION, params: action, body: () => ({ version: 1 }) },
  },
};
