// SQL of the comparison table across the subjects analysed in one fiscal year: the analyses with their subject, lead
// division and 局, the findings' assessments and the follow-up actions' counts.
import type { Queryable } from "../../db/database";

/** The nearest 局 above the subject's lead division (itself when it is one). */
const BUREAU_NAME = `(WITH RECURSIVE up AS (
      SELECT o.id, o.kind, o.parent_id, o.name, 0 AS depth FROM organisations o WHERE o.id = s.lead_organisation_id
      UNION ALL
      SELECT o.id, o.kind, o.parent_id, o.name, up.depth + 1 FROM up JOIN organisations o ON o.id = up.parent_id
      WHERE up.kind <> 'bureau' AND up.depth < 20
    ) SELECT name FROM up WHERE kind = 'bureau' ORDER BY depth LIMIT 1)`;

export interface ComparedReviewRow {
  review_id: string;
  subject_id: string;
  name: string;
  kind: string;
  is_affiliated_body: boolean;
  lead_organisation_name: string | null;
  bureau_name: string | null;
  status: string;
  chosen_option: string | null;
  decided_on: string | null;
  actions_open: number;
  actions_done: number;
  is_sample: boolean;
}

/** Every analysis of the fiscal year with its subject (the service orders them by name in Japanese order). */
export async function findReviewsOfYear(db: Queryable, fiscalYear: number): Promise<ComparedReviewRow[]> {
  const { rows } = await db.query<ComparedReviewRow>(
    `SELECT r.id AS review_id, s.id AS subject_id, s.name, s.kind, s.is_affiliated_body,
            lead.name AS lead_organisation_name, ${BUREAU_NAME} AS bureau_name,
            r.status, r.chosen_option, to_char(r.decided_on, 'YYYY-MM-DD') AS decided_on,
            (SELECT count(*) FROM analysis_actions a WHERE a.review_id = r.id AND a.status = 'open')::int AS actions_open,
            (SELECT count(*) FROM analysis_actions a WHERE a.review_id = r.id AND a.status = 'done')::int AS actions_done,
            r.is_sample
       FROM analysis_reviews r
       JOIN analysis_subjects s ON s.id = r.subject_id
       LEFT JOIN organisations lead ON lead.id = s.lead_organisation_id
      WHERE r.fiscal_year = $1
      ORDER BY s.name, r.id`,
    [fiscalYear],
  );
  return rows;
}

export interface FindingAssessmentRow {
  review_id: string;
  viewpoint: string;
  assessment: string | null;
}

/** The findings' viewpoints and assessments of some analyses, in their order. */
export async function findFindingAssessments(db: Queryable, reviewIds: readonly string[]): Promise<FindingAssessmentRow[]> {
  if (reviewIds.length === 0) return [];
  const { rows } = await db.query<FindingAssessmentRow>(
    `SELECT review_id, viewpoint, assessment FROM analysis_findings
      WHERE review_id = ANY($1::uuid[]) ORDER BY review_id, sort_order, id`,
    [reviewIds],
  );
  return rows;
}

/** The fiscal years that have analyses, newest first. */
export async function findReviewYears(db: Queryable): Promise<number[]> {
  const { rows } = await db.query<{ fiscal_year: number }>("SELECT DISTINCT fiscal_year FROM analysis_reviews ORDER BY fiscal_year DESC");
  return rows.map((r) => Number(r.fiscal_year));
}
