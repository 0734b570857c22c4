// SQL of the scoring: the answers and reviewers' scores an application's score rests on, and the stored result.
import type { Queryable } from "../../db/database";

export interface ScoringInputRow {
  application_id: string;
  round_id: string;
  met_item_ids: string[];
  /** one object per submitted review: { item id: score } */
  reviews: Record<string, number>[];
}

/**
 * Applications (of a round, or the ids given) with their met items and their submitted reviews' scores. Two flat,
 * grouped queries (answers per application, scores per review) instead of sub-queries per application: PostgreSQL
 * hashes each table once (sdgs.score_round).
 */
export async function findScoringInputs(
  db: Queryable,
  filter: { roundId: string } | { applicationIds: string[] },
): Promise<ScoringInputRow[]> {
  const where = "roundId" in filter ? "a.round_id = $1" : "a.id = ANY($1::uuid[])";
  const param = ["roundId" in filter ? filter.roundId : filter.applicationIds];
  const answers = await db.query<{ application_id: string; round_id: string; met: string | null }>(
    `SELECT a.id AS application_id, a.round_id, string_agg(x.item_id::text, ',') FILTER (WHERE x.met) AS met
       FROM sdgs_applications a LEFT JOIN sdgs_application_answers x ON x.application_id = a.id
      WHERE ${where}
      GROUP BY a.id, a.round_id`,
    param,
  );
  const reviews = await db.query<{ application_id: string; scores: string }>(
    `SELECT r.application_id, string_agg(rs.item_id::text || ':' || rs.score, ',') AS scores
       FROM sdgs_applications a
       JOIN sdgs_reviews r ON r.application_id = a.id AND r.submitted_at IS NOT NULL
       JOIN sdgs_review_scores rs ON rs.review_id = r.id
      WHERE ${where}
      GROUP BY r.id, r.application_id`,
    param,
  );
  const reviewsOf = new Map<string, Record<string, number>[]>();
  for (const row of reviews.rows) {
    const scores: Record<string, number> = {};
    for (const pair of row.scores.split(",")) {
      const colon = pair.indexOf(":");
      scores[pair.slice(0, colon)] = Number(pair.slice(colon + 1));
    }
    const list = reviewsOf.get(row.application_id) ?? [];
    list.push(scores);
    reviewsOf.set(row.application_id, list);
  }
  return answers.rows.map((row) => ({
    application_id: row.application_id,
    round_id: row.round_id,
    met_item_ids: row.met ? row.met.split(",") : [],
    reviews: reviewsOf.get(row.application_id) ?? [],
  }));
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
