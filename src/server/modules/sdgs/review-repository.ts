// SQL of 書類審査・ヒアリング (the reviewers' side): the applications in review with the caller's own review state,
// and the caller's own review (created on the first save, its scores replaced on each save, stamped on submit).
import type { ApplicationKind, Industry, Ward } from "../../../common/sdgs/labels";
import type { Queryable } from "../../db/database";

export interface ReviewListRow {
  id: string;
  company_name: string;
  industry: Industry;
  ward: Ward;
  round_name: string;
  fiscal_year: number;
  kind: ApplicationKind;
  submitted_at: Date | null;
  review_id: string | null;
  review_submitted_at: Date | null;
  hearing_on: string | null;
  scored_items: number;
  item_count: number;
  is_sample: boolean;
}

/** Applications in 'review', each with this reviewer's own review (if any); never another reviewer's. */
export async function findReviewApplications(db: Queryable, reviewerId: string): Promise<ReviewListRow[]> {
  const { rows } = await db.query<ReviewListRow>(
    `SELECT a.id, c.name AS company_name, c.industry, c.ward, r.name AS round_name, r.fiscal_year, a.kind, a.submitted_at,
            v.id AS review_id, v.submitted_at AS review_submitted_at, v.hearing_on,
            (SELECT count(*)::int FROM sdgs_review_scores s WHERE s.review_id = v.id) AS scored_items,
            (SELECT count(*)::int FROM sdgs_check_items i WHERE i.round_id = a.round_id) AS item_count,
            a.is_sample
       FROM sdgs_applications a
       JOIN sdgs_companies c ON c.id = a.company_id
       JOIN sdgs_rounds r ON r.id = a.round_id
       LEFT JOIN sdgs_reviews v ON v.application_id = a.id AND v.reviewer_id = $1
      WHERE a.status = 'review'
      ORDER BY (v.submitted_at IS NOT NULL), a.submitted_at NULLS LAST, c.name, a.id`,
    [reviewerId],
  );
  return rows;
}

export interface OwnReviewRow {
  id: string;
  version: number;
  submitted_at: Date | null;
}

export async function findOwnReview(
  db: Queryable,
  applicationId: string,
  reviewerId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<OwnReviewRow | null> {
  const { rows } = await db.query<OwnReviewRow>(
    `SELECT id, version, submitted_at FROM sdgs_reviews WHERE application_id = $1 AND reviewer_id = $2${opts.forUpdate ? " FOR UPDATE" : ""}`,
    [applicationId, reviewerId],
  );
  return rows[0] ?? null;
}

export interface ReviewFields {
  hearingOn: string | null;
  hearingNotes: string;
  comment: string;
}

export async function insertReview(db: Queryable, applicationId: string, reviewerId: string, fields: ReviewFields): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO sdgs_reviews (application_id, reviewer_id, hearing_on, hearing_notes, comment)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [applicationId, reviewerId, fields.hearingOn, fields.hearingNotes, fields.comment],
  );
  return rows[0].id;
}

/** Updates a draft review (version-checked); false when it changed or was submitted meanwhile. */
export async function updateReview(db: Queryable, id: string, version: number, fields: ReviewFields): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE sdgs_reviews SET hearing_on = $3, hearing_notes = $4, comment = $5, version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 AND submitted_at IS NULL`,
    [id, version, fields.hearingOn, fields.hearingNotes, fields.comment],
  );
  return (rowCount ?? 0) > 0;
}

export async function replaceScores(
  db: Queryable,
  reviewId: string,
  scores: readonly { itemId: string; score: number; comment: string }[],
): Promise<void> {
  await db.query("DELETE FROM sdgs_review_scores WHERE review_id = $1", [reviewId]);
  if (scores.length === 0) return;
  await db.query(
    `INSERT INTO sdgs_review_scores (review_id, item_id, score, comment)
     SELECT $1, s.item_id, s.score, s.comment FROM unnest($2::uuid[], $3::int[], $4::text[]) AS s (item_id, score, comment)`,
    [reviewId, scores.map((s) => s.itemId), scores.map((s) => s.score), scores.map((s) => s.comment)],
  );
}

export async function scoredItemIds(db: Queryable, reviewId: string): Promise<string[]> {
  const { rows } = await db.query<{ item_id: string }>("SELECT item_id FROM sdgs_review_scores WHERE review_id = $1", [reviewId]);
  return rows.map((r) => r.item_id);
}

export async function markSubmitted(db: Queryable, id: string, version: number): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE sdgs_reviews SET submitted_at = now(), version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 AND submitted_at IS NULL`,
    [id, version],
  );
  return (rowCount ?? 0) > 0;
}
