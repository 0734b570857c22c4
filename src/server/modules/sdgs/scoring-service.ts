// 採点 (scoring) of applications against their round's rules, stored on the application for lists and the committee.
// The self-check score (自己評価) comes from the company's answers; once reviewers have submitted their scores, the
// review score (審査点: each item the mean of its reviewers') decides the suggested tier and the missing required
// items. The pure rules are common/sdgs/scoring.ts; this only reads, applies and stores.
import { type ScoreResult, scoreReviews, scoreSelfCheck, tierFor } from "../../../common/sdgs/scoring";
import type { Queryable } from "../../db/database";
import { loadRoundRules, type RoundRules } from "./round-rules";
import { findScoringInputs, type ScoringInputRow, type StoredScore, storeScores } from "./scoring-repository";

export interface ApplicationScore extends StoredScore {
  /** the result the tier rests on: the reviews' when there are any, else the self-check's */
  basis: ScoreResult;
  basisKind: "review" | "self";
  tierReason: string;
}

/** Scores one application's inputs with its round's rules (pure; used for one application and for a whole round). */
export function scoreInput(rules: RoundRules, input: ScoringInputRow): ApplicationScore {
  const self = scoreSelfCheck(rules.items, new Set(input.met_item_ids));
  const reviews = input.reviews.map((review) => new Map(Object.entries(review)));
  const review = reviews.length > 0 ? scoreReviews(rules.items, reviews) : null;
  const basis = review ?? self;
  const tier = tierFor(basis, rules.tiers);
  return {
    applicationId: input.application_id,
    selfScore: self.score,
    reviewScore: review?.score ?? null,
    suggestedTierId: tier.tier?.id ?? null,
    missingRequired: basis.missingRequired.length,
    basis,
    basisKind: review ? "review" : "self",
    tierReason: tier.reason,
  };
}

/** Recomputes and stores one application's scores (after its answers or a review change); returns them. */
export async function rescoreApplication(db: Queryable, applicationId: string): Promise<ApplicationScore | null> {
  const [input] = await findScoringInputs(db, { applicationIds: [applicationId] });
  if (!input) return null;
  const score = scoreInput(await loadRoundRules(db, input.round_id), input);
  await storeScores(db, [score]);
  return score;
}

/** 一括採点: recomputes and stores the scores of every application of a round; returns how many were scored. */
export async function scoreRound(db: Queryable, roundId: string): Promise<{ scored: number }> {
  const rules = await loadRoundRules(db, roundId);
  const inputs = await findScoringInputs(db, { roundId });
  const scores = inputs.map((input) => scoreInput(rules, input));
  for (let start = 0; start < scores.length; start += 2000) await storeScores(db, scores.slice(start, start + 2000));
  return { scored: scores.length };
}
