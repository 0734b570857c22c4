// マッチング (SDGsステーション) status moves: a request is introduced to a partner, talks follow, and it ends matched
// (成立) or not (不成立); the requester may withdraw (取下げ) at any point before it ends. A request that finds no partner
// may end 不成立 from any open state. The result date (結果日) belongs to 成立 and 不成立 only.
import type { MatchingStatus } from "./labels";

export const MATCHING_MOVES: Record<MatchingStatus, readonly MatchingStatus[]> = {
  requested: ["introduced", "not_matched", "withdrawn"],
  introduced: ["in_talks", "matched", "not_matched", "withdrawn"],
  in_talks: ["matched", "not_matched", "withdrawn"],
  matched: [],
  not_matched: [],
  withdrawn: [],
};

/** The statuses that end a matching with a result (結果日 and 結果 are recorded). */
export const MATCHING_RESULT_STATUSES: readonly MatchingStatus[] = ["matched", "not_matched"];

export function matchingMovesFrom(status: MatchingStatus): readonly MatchingStatus[] {
  return MATCHING_MOVES[status];
}

/** Whether `to` may follow `from` (staying in the same status is always allowed: an edit of the other fields). */
export function mayMoveMatching(from: MatchingStatus, to: MatchingStatus): boolean {
  return from === to || MATCHING_MOVES[from].includes(to);
}

export function isMatchingResult(status: MatchingStatus): boolean {
  return MATCHING_RESULT_STATUSES.includes(status);
}
