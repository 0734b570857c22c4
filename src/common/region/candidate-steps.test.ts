import { describe, expect, it } from "vitest";
import { averageDaysPerStep, candidateDays } from "./candidate-pipeline";
import { CANDIDATE_STEP_LABELS, CANDIDATE_STEPS, checkCandidateMove, movableSteps } from "./candidate-steps";

describe("moving a candidate between steps", () => {
  it("goes on to the next step without a reason, and 事業化 after the 予算協議 without one", () => {
    expect(checkCandidateMove("proposed", "department_dialogue", "")).toEqual({ ok: true, kind: "forward", reasonRequired: false });
    expect(checkCandidateMove("partner_consultation", "budget_consultation", "")).toMatchObject({ ok: true, kind: "forward" });
    expect(checkCandidateMove("budget_consultation", "adopted", "")).toEqual({ ok: true, kind: "adopted", reasonRequired: false });
  });

  it("needs a reason to skip a step forward, naming the skipped steps; 事業化 before the 予算協議 is a skip", () => {
    const refused = checkCandidateMove("proposed", "partner_consultation", "  ");
    expect(refused).toEqual({ ok: false, message: "「部門と意見交換」を飛ばす理由を入力してください。" });
    expect(checkCandidateMove("proposed", "partner_consultation", "所管課と協議済み")).toEqual({
      ok: true,
      kind: "skip",
      reasonRequired: true,
    });
    expect(checkCandidateMove("department_dialogue", "adopted", "")).toEqual({
      ok: false,
      message: "「相手自治体と協議」「予算協議（財政）」を飛ばす理由を入力してください。",
    });
    expect(checkCandidateMove("department_dialogue", "adopted", "既存予算の範囲で実施")).toMatchObject({ ok: true, kind: "adopted" });
  });

  it("needs a reason to go back and to drop", () => {
    expect(checkCandidateMove("budget_consultation", "department_dialogue", "")).toMatchObject({ ok: false });
    expect(checkCandidateMove("budget_consultation", "department_dialogue", "負担割合を見直す")).toMatchObject({
      ok: true,
      kind: "back",
    });
    expect(checkCandidateMove("proposed", "dropped", "")).toEqual({ ok: false, message: "見送りの理由を入力してください。" });
    expect(checkCandidateMove("proposed", "dropped", "相手自治体の意向")).toMatchObject({ ok: true, kind: "dropped" });
  });

  it("refuses to stay in the same step, and a closed candidate accepts nothing further", () => {
    expect(checkCandidateMove("proposed", "proposed", "x")).toMatchObject({ ok: false });
    for (const closed of ["adopted", "dropped"] as const) {
      for (const to of CANDIDATE_STEPS) expect(checkCandidateMove(closed, to, "理由あり").ok).toBe(false);
      expect(movableSteps(closed)).toEqual([]);
    }
  });

  it("offers every other open step and 見送り by hand, never 事業化 (it has its own action)", () => {
    expect(movableSteps("department_dialogue")).toEqual(["proposed", "partner_consultation", "budget_consultation", "dropped"]);
  });

  it("labels every step in Japanese", () => {
    expect(CANDIDATE_STEPS.map((s) => CANDIDATE_STEP_LABELS[s])).toEqual([
      "提案受付",
      "部門と意見交換",
      "相手自治体と協議",
      "予算協議（財政）",
      "事業化",
      "見送り",
    ]);
  });
});

describe("days of a candidate", () => {
  const history = [
    { step: "proposed" as const, enteredOn: "2026-04-01" },
    { step: "department_dialogue" as const, enteredOn: "2026-04-21" },
  ];

  it("counts days in the current step and since the proposal; more than N days in a step is 滞留", () => {
    expect(candidateDays(history, "2026-06-20", 60)).toEqual({ daysInStep: 60, totalDays: 80, closedOn: null, stalled: false });
    expect(candidateDays(history, "2026-06-21", 60)).toEqual({ daysInStep: 61, totalDays: 81, closedOn: null, stalled: true });
  });

  it("stops counting once closed: no days in step, total up to the closing day, never stalled", () => {
    const closed = [...history, { step: "dropped" as const, enteredOn: "2026-05-01" }];
    expect(candidateDays(closed, "2027-01-01", 60)).toEqual({ daysInStep: null, totalDays: 30, closedOn: "2026-05-01", stalled: false });
  });

  it("averages the days per step over closed candidates only, a step entered twice counting once per candidate", () => {
    const adopted = [
      { step: "proposed" as const, enteredOn: "2026-01-01" },
      { step: "department_dialogue" as const, enteredOn: "2026-01-11" }, // 提案受付 10
      { step: "partner_consultation" as const, enteredOn: "2026-02-10" }, // 意見交換 30
      { step: "department_dialogue" as const, enteredOn: "2026-02-20" }, // 協議 10, sent back
      { step: "partner_consultation" as const, enteredOn: "2026-03-02" }, // 意見交換 again 10: 40 in all
      { step: "budget_consultation" as const, enteredOn: "2026-03-22" }, // 協議 again 20: 30 in all
      { step: "adopted" as const, enteredOn: "2026-05-01" }, // 予算協議 40
    ];
    const dropped = [
      { step: "proposed" as const, enteredOn: "2026-01-01" },
      { step: "department_dialogue" as const, enteredOn: "2026-01-21" }, // 提案受付 20
      { step: "dropped" as const, enteredOn: "2026-03-01" }, // 意見交換 39
    ];
    const open = [{ step: "proposed" as const, enteredOn: "2025-01-01" }];
    expect(averageDaysPerStep([adopted, dropped, open])).toEqual([
      { step: "proposed", averageDays: 15, candidateCount: 2 },
      { step: "department_dialogue", averageDays: (40 + 39) / 2, candidateCount: 2 },
      { step: "partner_consultation", averageDays: 30, candidateCount: 1 },
      { step: "budget_consultation", averageDays: 40, candidateCount: 1 },
    ]);
  });

  it("has no average for a step no closed candidate went through", () => {
    expect(averageDaysPerStep([])[0]).toEqual({ step: "proposed", averageDays: null, candidateCount: 0 });
  });
});
