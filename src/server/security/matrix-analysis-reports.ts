// Route × role matrix rows of 経営分析 (the comparison table across subjects, the reports as PDF and Word) (see matrix-table.ts for the notation).
//
// The rules, as the module states them (analysis/access.ts): every member of staff (A B D V) reads; only the bureau
// responsible for the analyses (app setting analysis.bureauId = 政策局: its editors, B, and administrators, A:
// analysis.manager) writes. Another bureau's editor (D) is refused (403). Outside logins and anonymous callers reach
// none of these routes. The comparison, its Excel and the report are reads: every member of staff calls them.
// An analysis is made here when the sample data has none, so that the report row names a real one.
import type { Queryable } from "../db/database";
import type { MatrixIds, MatrixModule } from "./matrix-table";

const STAFF = "ABDV.......";

const review = (ids: MatrixIds) => ({ id: ids["analysis.reportReview"] });

async function anyReview(db: Queryable): Promise<{ id: string; fiscal_year: number }> {
  const found = await db.query<{ id: string; fiscal_year: number }>(
    "SELECT id, fiscal_year FROM analysis_reviews ORDER BY fiscal_year DESC, id LIMIT 1",
  );
  if (found.rows[0]) return found.rows[0];
  const subject = await db.query<{ id: string }>(
    `INSERT INTO analysis_subjects (name, role, kind, analysis_fiscal_year)
     VALUES ('行列テストの対象（報告書）', 'subject', 'programme', 2024) RETURNING id`,
  );
  const made = await db.query<{ id: string; fiscal_year: number }>(
    "INSERT INTO analysis_reviews (subject_id, fiscal_year) VALUES ($1, 2024) RETURNING id, fiscal_year",
    [subject.rows[0]?.id],
  );
  return made.rows[0] as { id: string; fiscal_year: number };
}

export const analysisReportsMatrix: MatrixModule = {
  name: "analysis-reports",
  async collect(db: Queryable) {
    const found = await anyReview(db);
    return { "analysis.reportReview": found.id, "analysis.reportYear": String(found.fiscal_year) };
  },
  table: {
    "GET /api/analysis/comparison": { who: STAFF, query: (ids) => ({ fiscalYear: ids["analysis.reportYear"] ?? "2024" }) },
    "GET /api/analysis/comparison/export": { who: STAFF, query: (ids) => ({ fiscalYear: ids["analysis.reportYear"] ?? "2024" }) },
    "GET /api/analysis/reviews/:id/report": { who: STAFF, params: review, query: () => ({ format: "pdf" }) },
  },
};
