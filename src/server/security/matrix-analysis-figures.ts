// Route × role matrix rows of 経営分析 (yearly figures, their import, linked figures, indicators) (see matrix-table.ts for the notation).
//
// The rules, as the module states them (analysis/access.ts): every member of staff (A B D V) reads; only the bureau
// responsible for the analyses (app setting analysis.bureauId = 政策局: its editors, B, and administrators, A:
// analysis.manager) writes. Another bureau's editor (D) is refused (403). Outside logins and anonymous callers reach
// none of these routes. figure.db.test.ts, linked-figures.db.test.ts and indicator-service.db.test.ts hold what an
// allowed call does. A subject with one year of figures is made here, on top of the sample data.
import type { Queryable } from "../db/database";
import type { MatrixIds, MatrixModule } from "./matrix-table";

const STAFF = "ABDV.......";
const MANAGER = "AB.........";

const subject = (ids: MatrixIds) => ({ id: ids["analysis.figuresSubject"] });
const subjectYear = (ids: MatrixIds) => ({ id: ids["analysis.figuresSubject"], fiscalYear: "2023" });

export const analysisFiguresMatrix: MatrixModule = {
  name: "analysis-figures",
  async collect(db: Queryable) {
    const made = await db.query<{ id: string }>(
      `INSERT INTO analysis_subjects (name, role, kind, analysis_fiscal_year)
       VALUES ('行列テストの数値の対象', 'subject', 'public_university', 2024) RETURNING id`,
    );
    const id = made.rows[0]!.id;
    await db.query("INSERT INTO analysis_figures (subject_id, fiscal_year, item, value) VALUES ($1, 2023, 'revenue.city_grant', 100)", [
      id,
    ]);
    return { "analysis.figuresSubject": id };
  },
  table: {
    "GET /api/analysis/subjects/:id/figures": { who: STAFF, params: subject },
    "GET /api/analysis/subjects/:id/figures/template": { who: STAFF, params: subject },
    "PUT /api/analysis/subjects/:id/figures/:fiscalYear": {
      who: MANAGER,
      params: subjectYear,
      body: () => ({ stamp: "", items: { "revenue.city_grant": 1 }, measures: {} }),
    },
    "DELETE /api/analysis/subjects/:id/figures/:fiscalYear": { who: MANAGER, params: subjectYear, query: () => ({ stamp: "0@" }) },
    "POST /api/analysis/subjects/:id/figures/import": { who: MANAGER, params: subject },
    "GET /api/analysis/subjects/:id/indicators": { who: STAFF, params: subject },
  },
};
