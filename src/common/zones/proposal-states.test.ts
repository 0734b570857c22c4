// The state machine of 特区の規制改革提案: no jump past an unanswered request, any number of re-request rounds, an end
// state accepts nothing further, a skip needs a recorded reason, and the labels of numbered rounds.
import { describe, expect, it } from "vitest";
import {
  ANSWER_KINDS,
  type AnswerKind,
  checkTransition,
  END_STATES,
  lastRound,
  NATURAL_MOVES,
  nextStates,
  PIPELINE_STATES,
  PROPOSAL_STATE_LABELS,
  PROPOSAL_STATES,
  type ProposalState,
  type ProposalStep,
  stepLabel,
} from "./proposal-states";

/** Builds a history by applying moves through the machine (so a test history is itself a legal one). */
type Move = ProposalState | [ProposalState, { answer?: AnswerKind; reason?: string }];

function walk(moves: readonly Move[]): ProposalStep[] {
  const history: ProposalStep[] = [];
  let day = 1;
  for (const move of moves) {
    const [to, input] = Array.isArray(move) ? move : [move, {}];
    const date = `2024-01-${String(day++).padStart(2, "0")}`;
    const check = checkTransition(history, to, { ...input, date });
    if (!check.ok) throw new Error(`walk refused ${to}: ${check.message}`);
    history.push({ state: to, date, round: check.round, answer: input.answer ?? null });
  }
  return history;
}

const UNTIL_REQUEST: ProposalState[] = ["research", "consultation", "proposal", "request"];

describe("the lists", () => {
  it("labels every state in Japanese and keeps the pipeline order over every state", () => {
    expect(PROPOSAL_STATE_LABELS.research).toBe("調査研究");
    expect(PROPOSAL_STATE_LABELS.legal_measure).toBe("法令・告示 措置");
    expect(new Set(PIPELINE_STATES)).toEqual(new Set(PROPOSAL_STATES));
    expect(PIPELINE_STATES.slice(-3)).toEqual(["withdrawn", "rejected", "resolved"]);
    for (const end of END_STATES) expect(NATURAL_MOVES[end]).toEqual([]);
  });
});

describe("the normal path", () => {
  it("walks the whole main line without any reason", () => {
    const history = walk([
      ...UNTIL_REQUEST,
      ["answer", { answer: "possible" }],
      "wg_hearing",
      "policy",
      "legal_measure",
      "zone_plan",
      "certification",
      "implementation",
      "evaluation",
      "resolved",
    ]);
    expect(history.map((s) => s.state).at(-1)).toBe("resolved");
  });

  it("starts at 調査研究 only", () => {
    expect(checkTransition([], "research")).toMatchObject({ ok: true });
    expect(checkTransition([], "proposal", { reason: "既に提案済み" })).toMatchObject({
      ok: false,
      message: "提案は「調査研究」から始まります。",
    });
  });
});

describe("no jump past an unanswered request", () => {
  const pending = walk(UNTIL_REQUEST);

  it.each(PROPOSAL_STATES.filter((s) => s !== "answer" && s !== "withdrawn"))("refuses %s after 検討要請, even with a reason", (to) => {
    const check = checkTransition(pending, to, { reason: "急ぐため" });
    expect(check.ok).toBe(false);
  });

  it("explains the refusal in Japanese and allows only the answer or 取下げ", () => {
    const check = checkTransition(pending, "wg_hearing", { reason: "急ぐため" });
    expect(check).toEqual({
      ok: false,
      message: "第1回検討要請への回答が記録されていません。回答を記録する前に「WGヒアリング」へは進めません（取下げは可能です）。",
    });
    expect(nextStates(pending).map((m) => m.to)).toEqual(["answer", "withdrawn"]);
    expect(checkTransition(pending, "withdrawn")).toMatchObject({ ok: true, needsReason: false });
  });

  it("also holds a 再検討要請 until its answer", () => {
    const rerequested = walk([...UNTIL_REQUEST, ["answer", { answer: "impossible" }], "re_request"]);
    expect(checkTransition(rerequested, "policy", { reason: "理由" }).ok).toBe(false);
    expect(checkTransition(rerequested, "rejected", { reason: "理由" }).ok).toBe(false);
    expect(checkTransition(rerequested, "re_request").ok).toBe(false);
    expect(nextStates(rerequested).map((m) => m.to)).toEqual(["answer", "withdrawn"]);
  });

  it("needs the answer's kind, and takes a kind on 回答 only", () => {
    expect(checkTransition(pending, "answer")).toMatchObject({ ok: false, message: expect.stringContaining("回答の種類") });
    expect(checkTransition(pending, "answer", { answer: "conditional" })).toEqual({ ok: true, needsReason: false, round: 1 });
    const answered = walk([...UNTIL_REQUEST, ["answer", { answer: "possible" }]]);
    expect(checkTransition(answered, "wg_hearing", { answer: "possible" })).toMatchObject({ ok: false });
  });

  it("never records an answer without a pending request", () => {
    const proposed = walk(["research", "consultation", "proposal"]);
    expect(checkTransition(proposed, "answer", { answer: "possible", reason: "口頭で回答あり" })).toMatchObject({
      ok: false,
      message: "回答は検討要請（再検討要請）の後にだけ記録できます。",
    });
  });
});

describe("any number of re-request rounds", () => {
  it("numbers rounds 1, 2, 3 … and each round's answer carries its round", () => {
    const moves: Move[] = [...UNTIL_REQUEST, ["answer", { answer: "impossible" }]];
    for (let i = 0; i < 6; i++) moves.push("re_request", ["answer", { answer: i === 5 ? "conditional" : "impossible" }]);
    const history = walk(moves);
    expect(lastRound(history)).toBe(7);
    const rounds = history.filter((s) => s.state === "re_request").map((s) => s.round);
    expect(rounds).toEqual([2, 3, 4, 5, 6, 7]);
    const answers = history.filter((s) => s.state === "answer").map((s) => s.round);
    expect(answers).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(stepLabel(history.at(-2)!)).toBe("第7回検討要請（再検討要請）");
    expect(stepLabel(history.at(-1)!)).toBe("第7回回答（条件付可）");
    expect(stepLabel(history[3]!)).toBe("第1回検討要請");
    // and after the last answer the path goes on to WGヒアリング or 措置方針
    expect(
      nextStates(history)
        .filter((m) => !m.needsReason)
        .map((m) => m.to),
    ).toEqual(["re_request", "wg_hearing", "policy", "withdrawn"]);
  });

  it("offers the next round with its number", () => {
    const answered = walk([...UNTIL_REQUEST, ["answer", { answer: "impossible" }], "re_request", ["answer", { answer: "impossible" }]]);
    expect(nextStates(answered).find((m) => m.to === "re_request")).toEqual({
      to: "re_request",
      label: "第3回検討要請（再検討要請）",
      needsReason: false,
      needsAnswer: false,
      round: 3,
    });
  });

  it("refuses a second 検討要請: later rounds are 再検討要請", () => {
    const answered = walk([...UNTIL_REQUEST, ["answer", { answer: "impossible" }]]);
    expect(checkTransition(answered, "request", { reason: "やり直し" })).toMatchObject({ ok: false });
    expect(checkTransition(walk(["research"]), "re_request", { reason: "x" })).toMatchObject({
      ok: false,
      message: "再検討要請は回答の後にだけ行えます。",
    });
  });
});

describe("what an answer opens", () => {
  const answeredWith = (answer: AnswerKind) => walk([...UNTIL_REQUEST, ["answer", { answer }]]);
  const natural = (answer: AnswerKind) =>
    nextStates(answeredWith(answer))
      .filter((m) => !m.needsReason)
      .map((m) => m.to);

  it("opens 措置方針 after 可 / 条件付可 / 全国対応, 解消 after 現行制度で可能, 不採用 after 不可", () => {
    expect(natural("possible")).toEqual(["re_request", "wg_hearing", "policy", "withdrawn"]);
    expect(natural("conditional")).toEqual(["re_request", "wg_hearing", "policy", "withdrawn"]);
    expect(natural("nationwide")).toEqual(["re_request", "wg_hearing", "policy", "withdrawn"]);
    expect(natural("already_possible")).toEqual(["re_request", "wg_hearing", "withdrawn", "resolved"]);
    expect(natural("impossible")).toEqual(["re_request", "wg_hearing", "withdrawn", "rejected"]);
  });

  it("asks a reason for a move the answer does not open", () => {
    expect(checkTransition(answeredWith("impossible"), "policy")).toMatchObject({ ok: false, needsReason: true });
    expect(checkTransition(answeredWith("impossible"), "policy", { reason: "WGで再整理し措置方針に至った" })).toMatchObject({
      ok: true,
      needsReason: true,
    });
    expect(checkTransition(answeredWith("possible"), "resolved")).toMatchObject({ ok: false, needsReason: true });
  });
});

describe("a skip needs a recorded reason", () => {
  it("refuses a forward skip without a reason and allows it with one", () => {
    const research = walk(["research"]);
    const refused = checkTransition(research, "proposal");
    expect(refused).toEqual({
      ok: false,
      needsReason: true,
      message: "「調査研究」から「提案」へ進むには、段階を飛ばす（または通常と異なる）理由の記録が必要です。",
    });
    expect(checkTransition(research, "proposal", { reason: "   " }).ok).toBe(false);
    expect(checkTransition(research, "proposal", { reason: "内閣府と協議済みのため事前相談を省略" })).toEqual({
      ok: true,
      needsReason: true,
      round: null,
    });
  });

  it("marks the skips among the next moves", () => {
    const policy = walk([...UNTIL_REQUEST, ["answer", { answer: "nationwide" }], "policy"]);
    const moves = nextStates(policy);
    expect(moves.find((m) => m.to === "legal_measure")).toMatchObject({ needsReason: false });
    expect(moves.find((m) => m.to === "zone_plan")).toMatchObject({ needsReason: true });
    expect(moves.find((m) => m.to === "evaluation")).toMatchObject({ needsReason: true });
    expect(moves.find((m) => m.to === "resolved")).toMatchObject({ needsReason: true });
    // never backwards
    expect(moves.some((m) => m.to === "wg_hearing" || m.to === "proposal")).toBe(false);
    expect(checkTransition(policy, "wg_hearing", { reason: "戻したい" })).toMatchObject({
      ok: false,
      message: "「措置方針」から前の段階（WGヒアリング）には戻せません。手続の記録は追記のみです。",
    });
  });

  it("lets 法令・告示 措置 end in 解消 (a nationwide measure needs no zone plan)", () => {
    const measured = walk([...UNTIL_REQUEST, ["answer", { answer: "nationwide" }], "policy", "legal_measure"]);
    expect(checkTransition(measured, "resolved")).toMatchObject({ ok: true, needsReason: false });
  });
});

describe("an end state accepts nothing further", () => {
  const ends: [string, ProposalStep[]][] = [
    ["取下げ", walk(["research", "withdrawn"])],
    ["不採用", walk([...UNTIL_REQUEST, ["answer", { answer: "impossible" }], "rejected"])],
    ["解消", walk([...UNTIL_REQUEST, ["answer", { answer: "already_possible" }], "resolved"])],
  ];

  it.each(ends)("%s refuses every move, with or without a reason or answer", (label, history) => {
    for (const to of PROPOSAL_STATES) {
      for (const answer of [null, ...ANSWER_KINDS]) {
        const check = checkTransition(history, to, { reason: "理由", answer: to === "answer" ? answer : null });
        expect(check).toMatchObject({ ok: false });
      }
    }
    expect(checkTransition(history, "research", { reason: "再開" })).toEqual({
      ok: false,
      message: `この提案は「${label}」で終了しています。これ以上の手続は記録できません。`,
    });
    expect(nextStates(history)).toEqual([]);
  });
});

describe("dates", () => {
  const history = walk(["research", "consultation"]);
  it("refuses a date before the last step or after today", () => {
    expect(checkTransition(history, "proposal", { date: "2023-12-31" })).toMatchObject({
      ok: false,
      message: "日付が前の段階（事前相談）の日付より前です。",
    });
    expect(checkTransition(history, "proposal", { date: "2024-03-02", today: "2024-03-01" })).toMatchObject({
      ok: false,
      message: "今日より後の日付は記録できません。",
    });
    expect(checkTransition(history, "proposal", { date: "2024-01-02", today: "2024-03-01" })).toMatchObject({ ok: true });
    expect(checkTransition(history, "proposal", { date: "2024/01/05" })).toMatchObject({ ok: false });
  });
});
