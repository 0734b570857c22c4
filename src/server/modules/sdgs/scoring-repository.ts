// SQL of the scoring: the answers and reviewers' scores an application's score rests on, and the stored result.
import type { Queryable } from "../../db/database";

export interface ScoringInputRow {
  application_id: string;
  round_id: string;
  met_item_ids: string[];
  /** one object per submitted review: { item id: score } */
  reviews: Record<string, number>[];
}

/** Applications (of a round, or the ids given) with their met items and their submitted reviews' scores. */
export async function findScoringInputs(
  db: Queryable,
  filter: { roundId: string } | { applicationIds: string[] },
): Promise<ScoringInputRow[]> {
  const where = "roundId" in filter ? "a.round_id = $1" : "a.id = ANY($1::uuid[])";
  const { rows } = await db.query<ScoringInputRow>(
    `SELECT a.id AS application_id, a.round_id,
            COALESCE((SELECT array_agg(x.item_id) FROM sdgs_application_answers x WHERE x.application_id = a.id AND x.met), '{}') AS met_item_ids,
            COALESCE((SELECT json_agg(s.scores) FROM (
                SELECT json_object_agg(rs.item_id, rs.score) AS scores
                  FROM sdgs_reviews r JOIN sdgs_review_scores rs ON rs.review_id = r.id
                 WHERE r.application_id = a.id AND r.submitted_at IS NOT NULL
                 GROUP BY r.id) s), '[]') AS reviews
       FROM sdgs_applications a
      WHERE ${where}`,
    ["roundId" in filter ? filter.roundId : filter.applicationIds],
  );
  return rows;
}

export interface StoredScore {
  applicationId: string;
  selfScore: number;
  reviewScore: number | null;
  suggestedTierId: string | null;
  missingRequired: number;
}

/** Writes many applications' scores in one statement. */
export async function storeScores(db: Queryable, scores: readonly StoredScore[]): Promise<void> {
  if (scores.length === 0) return;
  await db.query(
    `UPDATE sdgs_applications a
        SET self_score = s.self_score, review_score = s.review_score, suggested_tier_id = s.tier_id,
            missing_required = s.missing_required, scored_at = now()
       FROM unnest($1::uuid[], $2::int[], $3::numeric[], $4::uuid[], $5::int[])
            AS s (id, self_score, review_score, tier_id, missing_required)
      WHERE a.id = s.id`,
    [
      scores.map((s) => s.applicationId),
      scores.map((s) => s.selfScore),
      scores.map((s) => s.reviewScore),
      scores.map((s) => s.suggestedTierId),
      scores.map((s) => s.missingRequired),
    ],
  );
}
