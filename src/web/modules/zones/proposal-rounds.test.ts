// The rounds table of a proposal's page: each request with its answer and the days between, any number of rounds.
import { describe, expect, it } from "vitest";
import type { ProposalStepView } from "../../../common/api/zones";
import { roundsOf } from "./proposal-rounds";

let seq = 0;
function step(state: ProposalStepView["state"], date: string, round: number | null = null, answer: ProposalStepView["answer"] = null) {
  seq += 1;
  return {
    id: `s${seq}`,
    seq,
    state,
    label: state,
    date,
    round,
    answer,
    skipReason: null,
    note: "",
    leftOn: null,
    days: 0,
    recordedByName: null,
    recordedAt: `${date}T00:00:00Z`,
  } satisfies ProposalStepView;
}

describe("roundsOf", () => {
  it("pairs each request with its answer and counts the days between (two rounds)", () => {
    const steps = [
      step("research", "2024-06-01"),
      step("proposal", "2024-10-16"),
      step("request", "2024-11-01", 1),
      step("answer", "2024-12-20", 1, "impossible"),
      step("re_request", "2025-01-10", 2),
      step("answer", "2025-03-01", 2, "conditional"),
      step("policy", "2025-04-01"),
    ];
    expect(roundsOf(steps, "2025-06-01")).toEqual([
      { round: 1, requestedOn: "2024-11-01", isReRequest: false, answeredOn: "2024-12-20", answer: "impossible", days: 49 },
      { round: 2, requestedOn: "2025-01-10", isReRequest: true, answeredOn: "2025-03-01", answer: "conditional", days: 50 },
    ]);
  });

  it("counts an unanswered request to today", () => {
    const steps = [step("request", "2025-05-01", 1)];
    expect(roundsOf(steps, "2025-05-31")).toEqual([
      { round: 1, requestedOn: "2025-05-01", isReRequest: false, answeredOn: null, answer: null, days: 30 },
    ]);
  });

  it("has no rounds before the first request", () => {
    expect(roundsOf([step("research", "2024-06-01"), step("consultation", "2024-07-01")], "2024-08-01")).toEqual([]);
  });
});
