// 検討要請と回答の回: a proposal's steps grouped by round (第1回検討要請 and its 回答, 第2回 (再検討要請) and its 回答 …),
// with the days from the request to its answer (to today while it waits). Pure: the page and its test read it.
import type { ProposalStepView } from "../../../common/api/zones";
import type { AnswerKind } from "../../../common/zones/proposal-states";

export interface ProposalRound {
  round: number;
  /** YYYY-MM-DD of the request (検討要請 or 再検討要請) */
  requestedOn: string;
  isReRequest: boolean;
  /** YYYY-MM-DD of its answer; null while it waits */
  answeredOn: string | null;
  answer: AnswerKind | null;
  /** days from the request to its answer, or to today while it waits */
  days: number;
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS));

export function roundsOf(steps: readonly ProposalStepView[], today: string): ProposalRound[] {
  const rounds: ProposalRound[] = [];
  for (const step of steps) {
    if ((step.state === "request" || step.state === "re_request") && step.round !== null) {
      rounds.push({
        round: step.round,
        requestedOn: step.date,
        isReRequest: step.state === "re_request",
        answeredOn: null,
        answer: null,
        days: daysBetween(step.date, today),
      });
    } else if (step.state === "answer") {
      const open = rounds.find((r) => r.round === step.round && r.answeredOn === null) ?? rounds.findLast((r) => r.answeredOn === null);
      if (!open) continue;
      open.answeredOn = step.date;
      open.answer = step.answer;
      open.days = daysBetween(open.requestedOn, step.date);
    }
  }
  return rounds;
}
