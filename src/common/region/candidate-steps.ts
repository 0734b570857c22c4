// 連携事業の候補 (issue 18, 課題B(3)): the steps a candidate joint project goes through, from a department's proposal to
// a joint project or a recorded decision not to go on, and the rules of moving between them. The seed's 取組み:
// 「連携の可能性の高い部門と意見交換を行うとともに、連携事業の予算確保に際して協力して財政当局との協議・調整にあたる」.
// The database's CHECK constraint (0023_region_candidates.sql) holds the same list.

/** 提案受付 → 部門と意見交換 → 相手自治体と協議 → 予算協議（財政） → 事業化 / 見送り */
export const CANDIDATE_STEPS = [
  "proposed",
  "department_dialogue",
  "partner_consultation",
  "budget_consultation",
  "adopted",
  "dropped",
] as const;
export type CandidateStep = (typeof CANDIDATE_STEPS)[number];

export const CANDIDATE_STEP_LABELS: Record<CandidateStep, string> = {
  proposed: "提案受付",
  department_dialogue: "部門と意見交換",
  partner_consultation: "相手自治体と協議",
  budget_consultation: "予算協議（財政）",
  adopted: "事業化",
  dropped: "見送り",
};

/** The steps a candidate works through, in order; a candidate in one of them is 検討中 (open). */
export const OPEN_CANDIDATE_STEPS = ["proposed", "department_dialogue", "partner_consultation", "budget_consultation"] as const;
export type OpenCandidateStep = (typeof OPEN_CANDIDATE_STEPS)[number];

/** The two ends: 事業化 (a joint project was made from it) and 見送り (with its reason). Nothing moves a closed one. */
export const CLOSED_CANDIDATE_STEPS = ["adopted", "dropped"] as const;

export function isOpenStep(step: CandidateStep): step is OpenCandidateStep {
  return (OPEN_CANDIDATE_STEPS as readonly string[]).includes(step);
}

/** 連携が進まない理由 (the seed: 「連携に伴う手間や経費、分担割合などの理由で」) */
export const CANDIDATE_OBSTACLES = ["effort", "cost", "share", "other"] as const;
export type CandidateObstacle = (typeof CANDIDATE_OBSTACLES)[number];
export const CANDIDATE_OBSTACLE_LABELS: Record<CandidateObstacle, string> = {
  effort: "手間",
  cost: "経費",
  share: "分担割合",
  other: "その他",
};

/** What a move is, as the history records it. */
export const CANDIDATE_MOVE_KINDS = ["submitted", "forward", "skip", "back", "adopted", "dropped"] as const;
export type CandidateMoveKind = (typeof CANDIDATE_MOVE_KINDS)[number];
export const CANDIDATE_MOVE_KIND_LABELS: Record<CandidateMoveKind, string> = {
  submitted: "提案",
  forward: "次の段階へ",
  skip: "段階を飛ばして先へ",
  back: "前の段階へ戻す",
  adopted: "事業化",
  dropped: "見送り",
};

/** 滞留とみなす日数 (app setting region.candidates.stalledAfterDays): more days than this in one step is 滞留. */
export const DEFAULT_STALLED_AFTER_DAYS = 60;
export const STALLED_AFTER_DAYS_MIN = 1;
export const STALLED_AFTER_DAYS_MAX = 365;

export type MoveCheck =
  | { ok: true; kind: Exclude<CandidateMoveKind, "submitted">; reasonRequired: boolean }
  | { ok: false; message: string };

/**
 * Whether a candidate may go from `from` to `to`, and what the move is. Going on to the next step needs no reason;
 * going back, skipping a step forward (事業化 before the 予算協議 included) and 見送り each need one. A closed
 * candidate (事業化 / 見送り) accepts nothing further. `reason` is the text the person gave (blank = none).
 */
export function checkCandidateMove(from: CandidateStep, to: CandidateStep, reason: string): MoveCheck {
  const hasReason = reason.trim().length > 0;
  if (!isOpenStep(from)) return { ok: false, message: `「${CANDIDATE_STEP_LABELS[from]}」になった候補の段階は変えられません。` };
  if (from === to) return { ok: false, message: `すでに「${CANDIDATE_STEP_LABELS[to]}」の段階です。` };
  if (to === "dropped") {
    return hasReason ? { ok: true, kind: "dropped", reasonRequired: true } : { ok: false, message: "見送りの理由を入力してください。" };
  }
  const fromIndex = OPEN_CANDIDATE_STEPS.indexOf(from);
  // 事業化 counts as the step after 予算協議（財政）
  const toIndex = to === "adopted" ? OPEN_CANDIDATE_STEPS.length : OPEN_CANDIDATE_STEPS.indexOf(to);
  if (toIndex < fromIndex) {
    return hasReason
      ? { ok: true, kind: "back", reasonRequired: true }
      : { ok: false, message: `「${CANDIDATE_STEP_LABELS[to]}」へ戻す理由を入力してください。` };
  }
  const kind = to === "adopted" ? "adopted" : toIndex === fromIndex + 1 ? "forward" : "skip";
  if (toIndex === fromIndex + 1) return { ok: true, kind, reasonRequired: false };
  const skipped = OPEN_CANDIDATE_STEPS.slice(fromIndex + 1, toIndex).map((s) => `「${CANDIDATE_STEP_LABELS[s]}」`);
  return hasReason
    ? { ok: true, kind, reasonRequired: true }
    : { ok: false, message: `${skipped.join("")}を飛ばす理由を入力してください。` };
}

/** The steps a candidate in `from` may be moved to by hand (事業化 has its own action, which makes the project). */
export function movableSteps(from: CandidateStep): CandidateStep[] {
  if (!isOpenStep(from)) return [];
  return [...OPEN_CANDIDATE_STEPS.filter((s) => s !== from), "dropped"];
}
