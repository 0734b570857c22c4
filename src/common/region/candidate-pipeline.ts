// 連携事業の候補のパイプライン: the figures of the pipeline view, worked out from each candidate's step history with the
// shared days-in-each-step rule (src/common/step-days.ts) — days in the current step, days since the proposal, 滞留
// (more than N days in one open step), and the average days each step took over the closed candidates (事業化 and
// 見送り), so that the slow step shows.
import { daysBetween, daysPerStep, type StepEntry } from "../step-days";
import { type CandidateStep, isOpenStep, OPEN_CANDIDATE_STEPS, type OpenCandidateStep } from "./candidate-steps";

export interface CandidateDays {
  /** days in the current step (open candidates); null once closed */
  daysInStep: number | null;
  /** days from the proposal to today (open) or to the day it was closed */
  totalDays: number;
  /** the day it was closed (事業化 / 見送り), or null */
  closedOn: string | null;
  /** open and more than `stalledAfterDays` days in its step */
  stalled: boolean;
}

/** The day counts of one candidate from its history (oldest first, never empty: the proposal is its first entry). */
export function candidateDays(history: readonly StepEntry<CandidateStep>[], today: string, stalledAfterDays: number): CandidateDays {
  if (history.length === 0) throw new Error("a candidate's history starts with its proposal");
  const first = history[0];
  const last = history[history.length - 1];
  const open = isOpenStep(last.step);
  const closedOn = open ? null : last.enteredOn;
  const daysInStep = open ? Math.max(0, daysBetween(last.enteredOn, today)) : null;
  return {
    daysInStep,
    totalDays: Math.max(0, daysBetween(first.enteredOn, closedOn ?? today)),
    closedOn,
    stalled: daysInStep !== null && daysInStep > stalledAfterDays,
  };
}

export interface StepAverage {
  step: OpenCandidateStep;
  /** mean days in the step over the closed candidates that went through it, one decimal; null when none did */
  averageDays: number | null;
  /** how many closed candidates the mean is taken over */
  candidateCount: number;
}

/**
 * The average days per open step over closed candidates. A step entered twice (the candidate was sent back) counts
 * its days together, once per candidate; a candidate that never entered a step is not counted for it.
 */
export function averageDaysPerStep(histories: readonly (readonly StepEntry<CandidateStep>[])[]): StepAverage[] {
  const sums = new Map<OpenCandidateStep, { days: number; count: number }>();
  for (const history of histories) {
    const last = history[history.length - 1];
    if (!last || isOpenStep(last.step)) continue;
    // a closed history's last span (the end itself) is never counted, so "today" does not matter: close it on its day
    for (const [step, days] of daysPerStep(history, last.enteredOn)) {
      if (!isOpenStep(step)) continue;
      const sum = sums.get(step) ?? { days: 0, count: 0 };
      sums.set(step, { days: sum.days + days, count: sum.count + 1 });
    }
  }
  return OPEN_CANDIDATE_STEPS.map((step) => {
    const sum = sums.get(step);
    return {
      step,
      averageDays: sum ? Math.round((sum.days / sum.count) * 10) / 10 : null,
      candidateCount: sum?.count ?? 0,
    };
  });
}
