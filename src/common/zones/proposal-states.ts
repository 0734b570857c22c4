// 特区の規制改革提案の状態遷移 (issue 18): the path of a 国家戦略特区 regulatory-reform proposal as a state machine, written
// as data so that the server (which checks every move in the same transaction that records it), the web (which offers
// only the allowed moves) and the tests read the same graph. The database's CHECK constraints
// (migrations/0024_zones.sql) hold the same lists of codes.
//
// The main line, in order:
//   調査研究 → 事前相談 → 提案 → 検討要請 → 回答 → WGヒアリング → 措置方針 → 法令・告示 措置 → 区域計画 (区域会議) → 認定
//   → 事業実施 → 評価
// Rounds: 検討要請 is round 1 (第1回検討要請); after any 回答 a 再検討要請 opens the next round (第2回検討要請, 第3回…)
// whose 回答 closes it, any number of times. A 回答 records its kind: 可 / 条件付可 / 全国対応 / 現行制度で可能 / 不可.
// Ends: 取下げ / 不採用 / 解消 — an end state accepts nothing further.
//
// The rules (checkTransition):
// 1. A request (検討要請 / 再検討要請) is followed only by its 回答, or by 取下げ: it is never jumped past, not even with
//    a reason.
// 2. A 回答 is reached only from a request, and needs its kind; no other step takes an answer kind.
// 3. 再検討要請 is reached only from a 回答 (another round; any number).
// 4. The natural moves (NATURAL_MOVES below, plus the ones an answer opens) need no reason: the next step of the main
//    line; after a 回答: 再検討要請 and WGヒアリング always, 措置方針 after 可 / 条件付可 / 全国対応, 解消 after 現行制度で可能,
//    不採用 after 不可; 不採用 after WGヒアリング; 解消 after 法令・告示 措置 (a nationwide measure needs no zone plan)
//    and after 評価; 取下げ from any step that is not an end.
// 5. Any other forward move (a skip of one or more steps, 措置方針 after 不可, an end state not opened by the step) needs
//    a recorded reason. Backward moves are refused (the history is append-only); so is any move out of an end state.
// 6. A step's date is not before the previous step's date, and not after today.

export const PROPOSAL_STATES = [
  "research",
  "consultation",
  "proposal",
  "request",
  "answer",
  "re_request",
  "wg_hearing",
  "policy",
  "legal_measure",
  "zone_plan",
  "certification",
  "implementation",
  "evaluation",
  "withdrawn",
  "rejected",
  "resolved",
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const PROPOSAL_STATE_LABELS: Record<ProposalState, string> = {
  research: "調査研究",
  consultation: "事前相談",
  proposal: "提案",
  request: "検討要請",
  answer: "回答",
  re_request: "再検討要請",
  wg_hearing: "WGヒアリング",
  policy: "措置方針",
  legal_measure: "法令・告示 措置",
  zone_plan: "区域計画（区域会議）",
  certification: "認定",
  implementation: "事業実施",
  evaluation: "評価",
  withdrawn: "取下げ",
  rejected: "不採用",
  resolved: "解消",
};

export const END_STATES = ["withdrawn", "rejected", "resolved"] as const satisfies readonly ProposalState[];
export type EndState = (typeof END_STATES)[number];

/** The requests that wait for an answer. */
export const REQUEST_STATES = ["request", "re_request"] as const satisfies readonly ProposalState[];

/**
 * The position of each state on the main line (a skip is a forward move past one or more positions). 再検討要請 and 回答
 * share the request/answer positions: rounds loop there. End states have no position.
 */
export const STATE_ORDER: Record<Exclude<ProposalState, EndState>, number> = {
  research: 1,
  consultation: 2,
  proposal: 3,
  request: 4,
  re_request: 4,
  answer: 5,
  wg_hearing: 6,
  policy: 7,
  legal_measure: 8,
  zone_plan: 9,
  certification: 10,
  implementation: 11,
  evaluation: 12,
};

/** The states in the order a pipeline shows them: the main line, then the ends. */
export const PIPELINE_STATES: readonly ProposalState[] = [
  "research",
  "consultation",
  "proposal",
  "request",
  "answer",
  "re_request",
  "wg_hearing",
  "policy",
  "legal_measure",
  "zone_plan",
  "certification",
  "implementation",
  "evaluation",
  "withdrawn",
  "rejected",
  "resolved",
];

/** 回答の種類 */
export const ANSWER_KINDS = ["possible", "conditional", "nationwide", "already_possible", "impossible"] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];
export const ANSWER_KIND_LABELS: Record<AnswerKind, string> = {
  possible: "可",
  conditional: "条件付可",
  nationwide: "全国対応",
  already_possible: "現行制度で可能",
  impossible: "不可",
};

/** The moves that need no reason, from each state (after 回答 the answer adds its own: ANSWER_MOVES). */
export const NATURAL_MOVES: Record<ProposalState, readonly ProposalState[]> = {
  research: ["consultation", "withdrawn"],
  consultation: ["proposal", "withdrawn"],
  proposal: ["request", "withdrawn"],
  request: ["answer", "withdrawn"],
  re_request: ["answer", "withdrawn"],
  answer: ["re_request", "wg_hearing", "withdrawn"],
  wg_hearing: ["policy", "rejected", "withdrawn"],
  policy: ["legal_measure", "withdrawn"],
  legal_measure: ["zone_plan", "resolved", "withdrawn"],
  zone_plan: ["certification", "withdrawn"],
  certification: ["implementation", "withdrawn"],
  implementation: ["evaluation", "withdrawn"],
  evaluation: ["resolved", "withdrawn"],
  withdrawn: [],
  rejected: [],
  resolved: [],
};

/** What an answer opens without a reason, besides 再検討要請 / WGヒアリング / 取下げ. */
export const ANSWER_MOVES: Record<AnswerKind, readonly ProposalState[]> = {
  possible: ["policy"],
  conditional: ["policy"],
  nationwide: ["policy"],
  already_possible: ["resolved"],
  impossible: ["rejected"],
};

export function isEndState(state: ProposalState): state is EndState {
  return (END_STATES as readonly string[]).includes(state);
}

export function isRequestState(state: ProposalState): boolean {
  return state === "request" || state === "re_request";
}

/** One recorded step of a proposal's history, in the order the steps were entered. */
export interface ProposalStep {
  state: ProposalState;
  /** YYYY-MM-DD */
  date: string;
  /** the request/answer round (1, 2, …); null for other steps */
  round: number | null;
  /** 回答 only */
  answer: AnswerKind | null;
}

export interface MoveInput {
  /** the reason a skip (or a move the step does not open) is made; empty = none */
  reason?: string | null;
  /** the answer's kind: required for 回答, refused for any other step */
  answer?: AnswerKind | null;
  /** YYYY-MM-DD of the new step; checked against the last step's date and `today` when given */
  date?: string;
  /** YYYY-MM-DD */
  today?: string;
}

export type MoveCheck =
  | { ok: true; needsReason: boolean; round: number | null }
  | { ok: false; message: string /** the move is allowed with a reason */; needsReason?: boolean };

/** The current (last) step, or null for an empty history. */
export function currentStep(history: readonly ProposalStep[]): ProposalStep | null {
  return history.length > 0 ? (history[history.length - 1] as ProposalStep) : null;
}

/** The round of the last request (0 when none was made). */
export function lastRound(history: readonly ProposalStep[]): number {
  let round = 0;
  for (const step of history) if (step.round !== null && step.round > round) round = step.round;
  return round;
}

/** The last answer recorded (null before the first). */
export function lastAnswer(history: readonly ProposalStep[]): ProposalStep | null {
  for (let i = history.length - 1; i >= 0; i--) if (history[i]?.state === "answer") return history[i] as ProposalStep;
  return null;
}

/** The moves that need no reason from the current step. */
export function naturalMoves(history: readonly ProposalStep[]): ProposalState[] {
  const current = currentStep(history);
  if (!current) return ["research"];
  const moves = [...NATURAL_MOVES[current.state]];
  if (current.state === "answer" && current.answer) for (const to of ANSWER_MOVES[current.answer]) moves.push(to);
  return PIPELINE_STATES.filter((s) => moves.includes(s));
}

/** Japanese name of a step with its round and answer: 第2回検討要請（再検討要請）, 第1回回答（条件付可）. */
export function stepLabel(step: Pick<ProposalStep, "state" | "round" | "answer">): string {
  const label = PROPOSAL_STATE_LABELS[step.state];
  if (step.state === "request") return `第${step.round ?? 1}回${label}`;
  if (step.state === "re_request") return `第${step.round ?? 2}回検討要請（再検討要請）`;
  if (step.state === "answer") {
    const kind = step.answer ? `（${ANSWER_KIND_LABELS[step.answer]}）` : "";
    return `第${step.round ?? 1}回${label}${kind}`;
  }
  return label;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether the proposal whose history is `history` may move to `to`, and why not (Japanese). A move that needs a
 * reason is refused without one (with needsReason: true, so the form can ask for it).
 */
export function checkTransition(history: readonly ProposalStep[], to: ProposalState, input: MoveInput = {}): MoveCheck {
  const reason = (input.reason ?? "").trim();
  const current = currentStep(history);
  const toLabel = PROPOSAL_STATE_LABELS[to];

  if (input.date !== undefined && !ISO.test(input.date)) return { ok: false, message: "日付は YYYY-MM-DD の形で指定してください。" };
  if (input.date && input.today && input.date > input.today) return { ok: false, message: "今日より後の日付は記録できません。" };
  if (input.date && current && input.date < current.date)
    return { ok: false, message: `日付が前の段階（${stepLabel(current)}）の日付より前です。` };

  if (to === "answer" && !input.answer)
    return { ok: false, message: "回答の種類（可・条件付可・全国対応・現行制度で可能・不可）を選んでください。" };
  if (to !== "answer" && input.answer) return { ok: false, message: "回答の種類は「回答」の段階にだけ記録できます。" };

  if (!current) {
    if (to === "research") return { ok: true, needsReason: false, round: null };
    return { ok: false, message: "提案は「調査研究」から始まります。" };
  }
  if (isEndState(current.state))
    return {
      ok: false,
      message: `この提案は「${PROPOSAL_STATE_LABELS[current.state]}」で終了しています。これ以上の手続は記録できません。`,
    };
  if (to === current.state && to !== "re_request") return { ok: false, message: `すでに「${stepLabel(current)}」の段階です。` };

  // 1. an unanswered request is followed only by its answer (or 取下げ)
  if (isRequestState(current.state)) {
    if (to === "answer") return { ok: true, needsReason: false, round: current.round };
    if (to === "withdrawn") return { ok: true, needsReason: false, round: null };
    return {
      ok: false,
      message: `${stepLabel(current)}への回答が記録されていません。回答を記録する前に「${toLabel}」へは進めません（取下げは可能です）。`,
    };
  }
  // 2. an answer follows a request only
  if (to === "answer") return { ok: false, message: "回答は検討要請（再検討要請）の後にだけ記録できます。" };
  // 3. a re-request follows an answer only
  if (to === "re_request") {
    if (current.state === "answer") return { ok: true, needsReason: false, round: lastRound(history) + 1 };
    return { ok: false, message: "再検討要請は回答の後にだけ行えます。" };
  }

  const natural = naturalMoves(history).includes(to);
  const round = to === "request" ? lastRound(history) + 1 : null;
  if (to === "request" && lastRound(history) > 0)
    return { ok: false, message: "検討要請はすでに行われています。回答の後は「再検討要請」を選んでください。" };
  if (natural) return { ok: true, needsReason: false, round };

  if (!isEndState(to)) {
    const from = STATE_ORDER[current.state as Exclude<ProposalState, EndState>];
    const target = STATE_ORDER[to as Exclude<ProposalState, EndState>];
    if (target <= from)
      return { ok: false, message: `「${stepLabel(current)}」から前の段階（${toLabel}）には戻せません。手続の記録は追記のみです。` };
  }
  // 5. a skip, or a move the step does not open: allowed with a recorded reason
  if (!reason)
    return {
      ok: false,
      needsReason: true,
      message: `「${stepLabel(current)}」から「${toLabel}」へ進むには、段階を飛ばす（または通常と異なる）理由の記録が必要です。`,
    };
  return { ok: true, needsReason: true, round };
}

export interface NextMove {
  to: ProposalState;
  label: string;
  /** a reason must be recorded (a skip, or a move the current step does not open) */
  needsReason: boolean;
  /** 回答 only: the answer kind must be chosen */
  needsAnswer: boolean;
  /** the round the new step belongs to (requests and answers) */
  round: number | null;
}

/** Every move the current step allows, natural ones first (in pipeline order), then those that need a reason. */
export function nextStates(history: readonly ProposalStep[]): NextMove[] {
  const moves: NextMove[] = [];
  for (const to of PIPELINE_STATES) {
    const answer = to === "answer" ? "possible" : null;
    const plain = checkTransition(history, to, { answer });
    const withReason = plain.ok ? plain : checkTransition(history, to, { answer, reason: "理由" });
    if (!withReason.ok) continue;
    const round = withReason.round;
    moves.push({
      to,
      label: stepLabel({ state: to, round, answer: null }),
      needsReason: !plain.ok,
      needsAnswer: to === "answer",
      round,
    });
  }
  return [...moves.filter((m) => !m.needsReason), ...moves.filter((m) => m.needsReason)];
}
