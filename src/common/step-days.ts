// 各段階の滞留日数: how long a record (a joint-project candidate, a 特区 proposal) stayed in each step of its pipeline,
// so that work that stalls is seen. A step lasts from the day it was entered to the day the next one was entered;
// the current step lasts until today. Days are calendar days between ISO dates (no time of day, no time zone).

export interface StepEntry<S extends string> {
  step: S;
  /** YYYY-MM-DD */
  enteredOn: string;
}

export interface StepSpan<S extends string> extends StepEntry<S> {
  /** the day the next step was entered; null for the current step */
  leftOn: string | null;
  days: number;
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * The spans of a history given in the order the steps were entered (entries on the same day keep their order and last
 * 0 days). `today` closes the last span; a history dated after today counts 0 days, never negative.
 */
export function stepSpans<S extends string>(history: readonly StepEntry<S>[], today: string): StepSpan<S>[] {
  return history.map((entry, i) => {
    const next = history[i + 1];
    const leftOn = next ? next.enteredOn : null;
    return { ...entry, leftOn, days: Math.max(0, daysBetween(entry.enteredOn, leftOn ?? today)) };
  });
}

/** Days spent in each step over the whole history (a step entered twice, as in repeated request rounds, adds up). */
export function daysPerStep<S extends string>(history: readonly StepEntry<S>[], today: string): Map<S, number> {
  const totals = new Map<S, number>();
  for (const span of stepSpans(history, today)) totals.set(span.step, (totals.get(span.step) ?? 0) + span.days);
  return totals;
}
