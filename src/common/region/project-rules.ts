// 連携事業の決まりごと (issue 18), pure: which status changes are allowed, how a budget's funding is checked against
// its total, and the codes of the internal steps (庁内調整) with their labels. The server applies them; the pages show
// the same messages before sending.
import { FUNDING_SOURCES, type FundingSource, PROJECT_STATUS_LABELS, PROJECT_STATUSES, type ProjectStatus } from "./partnerships";

// ------------------------------------------------------------------ 状態の変更

export type StatusChangeCheck =
  | { ok: true; direction: "forward" | "back" }
  | { ok: false; message: string; field: "status" | "on" | "reason" };

/**
 * A project moves forward (構想 → 協議中 → 合意 → 実施中 → 終了; a step may be skipped, e.g. 構想 → 合意 when the
 * partners agree at once) freely; back (協議が振り出しに戻る, 実施中の事業を再協議する) only with a reason, which the
 * history keeps. The day it happened may not be before the day the current status was entered, nor in the future.
 */
export function checkStatusChange(input: {
  from: ProjectStatus;
  to: ProjectStatus;
  reason: string;
  on: string;
  currentSince: string;
  today: string;
}): StatusChangeCheck {
  const { from, to, reason, on, currentSince, today } = input;
  if (from === to) return { ok: false, field: "status", message: `すでに「${PROJECT_STATUS_LABELS[to]}」です。` };
  if (on > today) return { ok: false, field: "on", message: "変更日に未来の日付は指定できません。" };
  if (on < currentSince) return { ok: false, field: "on", message: "変更日は、いまの状態になった日より前にはできません。" };
  const direction = PROJECT_STATUSES.indexOf(to) > PROJECT_STATUSES.indexOf(from) ? "forward" : "back";
  if (direction === "back" && reason.trim() === "")
    return {
      ok: false,
      field: "reason",
      message: `「${PROJECT_STATUS_LABELS[from]}」から「${PROJECT_STATUS_LABELS[to]}」へ戻すには、理由を入力してください。`,
    };
  return { ok: true, direction };
}

// ------------------------------------------------------------------ 予算と財源

export type FundingAmounts = Partial<Record<FundingSource, number>>;

export interface FundingCheck {
  /** 財源の合計 */
  fundingTotalYen: number;
  /** 総事業費 − 財源の合計 (positive: 財源が足りない, negative: 財源が多すぎる) */
  differenceYen: number;
  matches: boolean;
  /** the flag shown beside the budget, null when the sum matches */
  message: string | null;
}

const yen = (n: number) => `${n.toLocaleString("ja-JP")}円`;

/** The funding's sum against the budget's total, with the message a mismatch is flagged with. */
export function checkFunding(totalYen: number, funding: FundingAmounts): FundingCheck {
  const fundingTotalYen = FUNDING_SOURCES.reduce((sum, source) => sum + (funding[source] ?? 0), 0);
  const differenceYen = totalYen - fundingTotalYen;
  const matches = differenceYen === 0;
  const message = matches
    ? null
    : differenceYen > 0
      ? `財源の合計（${yen(fundingTotalYen)}）が総事業費（${yen(totalYen)}）より${yen(differenceYen)}少なくなっています。`
      : `財源の合計（${yen(fundingTotalYen)}）が総事業費（${yen(totalYen)}）より${yen(-differenceYen)}多くなっています。`;
  return { fundingTotalYen, differenceYen, matches, message };
}

// ------------------------------------------------------------------ 庁内調整

/** 部門との意見交換 / 財政当局との予算協議 */
export const STEP_KINDS = ["department", "budget"] as const;
export type StepKind = (typeof STEP_KINDS)[number];
export const STEP_KIND_LABELS: Record<StepKind, string> = {
  department: "連携部門との意見交換",
  budget: "財政当局との予算協議",
};

export const STEP_STATUSES = ["planned", "in_progress", "agreed", "declined"] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];
/** the same codes read differently for an exchange with a department and for the budget consultation */
export const STEP_STATUS_LABELS: Record<StepKind, Record<StepStatus, string>> = {
  department: { planned: "未着手", in_progress: "意見交換中", agreed: "連携に合意", declined: "見送り" },
  budget: { planned: "協議前", in_progress: "協議中", agreed: "予算計上", declined: "計上見送り" },
};

/** A step's dates: started before (or on) ended; a finished step (合意・見送り) has its end date. */
export function stepDatesProblem(step: { status: StepStatus; startedOn: string | null; endedOn: string | null }): string | null {
  if (step.startedOn && step.endedOn && step.endedOn < step.startedOn) return "終了日は開始日より後の日付にしてください。";
  if ((step.status === "agreed" || step.status === "declined") && !step.endedOn) return "合意・見送りの調整には終了日を入力してください。";
  if (step.status !== "planned" && !step.startedOn) return "開始日を入力してください。";
  return null;
}
