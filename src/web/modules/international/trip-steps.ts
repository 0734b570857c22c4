// The way a 海外出張 goes, as the detail page shows it: the main line 計画 → … → 完了 with 中止 and 変更 aside, what a
// move to a state asks for (決裁: 旅行命令; 出張中: 危険情報; 中止: 理由; 差戻し・変更: メモ) and how its button reads.
import { TRIP_STATUS_LABELS, type TripStatus } from "../../../common/api/international";
import { im } from "./messages";

/** 計画 → 申請 → 決裁 → 出張中 → 帰庁 → 報告書提出 → 精算 → 完了 */
export const MAIN_LINE: readonly TripStatus[] = [
  "planned",
  "applied",
  "approved",
  "travelling",
  "returned",
  "reported",
  "settled",
  "completed",
];

export type StepState = "done" | "current" | "todo";

/**
 * Each state of the main line as done, current or still to come. A trip aside (中止, 変更) has no current step on the
 * line: the steps it reached stay done, as its history says.
 */
export function tripSteps(status: TripStatus, reached: readonly TripStatus[] = []): { status: TripStatus; state: StepState }[] {
  const at = MAIN_LINE.indexOf(status);
  if (at >= 0) return MAIN_LINE.map((s, i) => ({ status: s, state: i < at ? "done" : i === at ? "current" : "todo" }));
  const furthest = Math.max(-1, ...reached.map((s) => MAIN_LINE.indexOf(s)));
  return MAIN_LINE.map((s, i) => ({ status: s, state: i <= furthest ? "done" : "todo" }));
}

/** A move back along the main line (申請 → 計画 …): a 差戻し. */
export function isBackward(from: TripStatus, to: TripStatus): boolean {
  const a = MAIN_LINE.indexOf(from);
  const b = MAIN_LINE.indexOf(to);
  return a >= 0 && b >= 0 && b < a;
}

/** What the transition dialog asks for besides the optional メモ. */
export type TransitionNeeds = "approval" | "safety" | "cancel" | "note";

export function transitionNeeds(from: TripStatus, to: TripStatus): TransitionNeeds {
  if (to === "cancelled") return "cancel";
  if (isBackward(from, to) || to === "changed") return "note";
  if (to === "approved") return "approval";
  if (to === "travelling") return "safety";
  return "note";
}

/** The button's text: 「決裁」にする, or 差戻し（計画へ）. */
export function transitionLabel(from: TripStatus, to: TripStatus): string {
  const label = TRIP_STATUS_LABELS[to];
  return isBackward(from, to) ? im.transition.back(label) : im.transition.to(label);
}

export interface TransitionValues {
  approvedBy: string;
  approvedOn: string;
  approvalConditions: string;
  safetyLevel: string;
  cancelReason: string;
  note: string;
}

/** The body of `transitionTrip` for the dialog's values, or what is missing (keyed by field). */
export function transitionBody(
  from: TripStatus,
  to: TripStatus,
  version: number,
  values: TransitionValues,
): { ok: true; body: Record<string, unknown> } | { ok: false; errors: Record<string, string> } {
  const t = im.transition;
  const needs = transitionNeeds(from, to);
  const errors: Record<string, string> = {};
  const body: Record<string, unknown> = { version, to, note: values.note.trim() };
  if (needs === "approval") {
    if (!values.approvedBy.trim()) errors.approvedBy = t.required(t.approvedBy);
    if (!values.approvedOn.trim()) errors.approvedOn = t.required(t.approvedOn);
    Object.assign(body, {
      approvedBy: values.approvedBy.trim(),
      approvedOn: values.approvedOn.trim(),
      approvalConditions: values.approvalConditions.trim(),
    });
  }
  if (needs === "safety") {
    if (values.safetyLevel === "") errors.safetyLevel = t.required(t.safetyLevel);
    else body.safetyLevel = Number(values.safetyLevel);
  }
  if (needs === "cancel") {
    if (!values.cancelReason.trim()) errors.cancelReason = t.required(t.cancelReason);
    body.cancelReason = values.cancelReason.trim();
  }
  if (needs === "note" && (isBackward(from, to) || to === "changed") && !values.note.trim()) errors.note = t.required(t.note);
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, body };
}
