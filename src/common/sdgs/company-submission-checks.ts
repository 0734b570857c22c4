// 提出前の確認 (what an application needs before it may be submitted), pure: the server refuses a submission with
// these problems and the company's form lists the same ones on its last step (確認と提出).
import { checkEligibility, type EligibilityRule } from "./eligibility";
import { isSdgGoal } from "./sdg-goals";

export interface SubmissionItem {
  id: string;
  code: string;
  text: string;
  evidenceRequired: boolean;
}

export interface SubmissionGoal {
  title: string;
  sdgGoals: readonly number[];
  kpi: string;
  baseline: number | null;
  baselineYear: number | null;
  target: number | null;
  targetYear: number | null;
}

export interface SubmissionFacts {
  eligibilityRules: readonly EligibilityRule[];
  eligibilityAnswers: Readonly<Record<string, boolean | undefined>>;
  items: readonly SubmissionItem[];
  answers: readonly { itemId: string; met: boolean }[];
  /** item ids with at least one evidence file */
  itemsWithEvidence: ReadonlySet<string>;
  goals: readonly SubmissionGoal[];
  minGoals: number;
  summary: string;
  declaration: boolean;
}

export type SubmissionStep = "eligibility" | "selfCheck" | "goals" | "summary";

export interface SubmissionProblem {
  step: SubmissionStep;
  /** a field key the form can point at: eligibility.<code>, answers.<itemId>, evidence.<itemId>, goals, goals.<n>, summary, declaration */
  field: string;
  message: string;
}

/** Every problem that stops the submission, in the order of the form's steps; empty when it may be submitted. */
export function submissionProblems(facts: SubmissionFacts): SubmissionProblem[] {
  const problems: SubmissionProblem[] = [];
  const eligibility = checkEligibility(facts.eligibilityRules, facts.eligibilityAnswers);
  for (const failure of eligibility.failures)
    problems.push({ step: "eligibility", field: `eligibility.${failure.code}`, message: `申請要件: ${failure.reason}` });

  const answered = new Map(facts.answers.map((answer) => [answer.itemId, answer.met]));
  const unanswered = facts.items.filter((item) => !answered.has(item.id));
  if (unanswered.length > 0)
    problems.push({
      step: "selfCheck",
      field: `answers.${unanswered[0].id}`,
      message: `セルフチェック: 未回答の項目があります（${unanswered.map((item) => item.code).join("、")}）。すべての項目に「取り組んでいる」か「取り組んでいない」で答えてください。`,
    });
  for (const item of facts.items)
    if (item.evidenceRequired && answered.get(item.id) === true && !facts.itemsWithEvidence.has(item.id))
      problems.push({
        step: "selfCheck",
        field: `evidence.${item.id}`,
        message: `証拠書類: 項目${item.code}「${item.text}」には証拠書類が必要です。ファイルを添付してください。`,
      });

  if (facts.goals.length < facts.minGoals)
    problems.push({
      step: "goals",
      field: "goals",
      message: `自社の目標: 目標を${facts.minGoals}つ以上登録してください（いま${facts.goals.length}つ）。`,
    });
  facts.goals.forEach((goal, index) => {
    const label = `自社の目標${index + 1}「${goal.title || "（無題）"}」`;
    const missing: string[] = [];
    if (!goal.title.trim()) missing.push("目標");
    if (!goal.kpi.trim()) missing.push("指標（KPI）");
    if (goal.baseline === null) missing.push("基準値");
    if (goal.baselineYear === null) missing.push("基準年");
    if (goal.target === null) missing.push("目標値");
    if (goal.targetYear === null) missing.push("目標年");
    if (missing.length > 0)
      problems.push({ step: "goals", field: `goals.${index}`, message: `${label}: ${missing.join("・")}を入力してください。` });
    if (goal.sdgGoals.length === 0 || !goal.sdgGoals.every(isSdgGoal))
      problems.push({ step: "goals", field: `goals.${index}`, message: `${label}: 関係するSDGsの目標（1〜17）を1つ以上選んでください。` });
    if (goal.baselineYear !== null && goal.targetYear !== null && goal.targetYear < goal.baselineYear)
      problems.push({
        step: "goals",
        field: `goals.${index}`,
        message: `${label}: 目標年（${goal.targetYear}年）は基準年（${goal.baselineYear}年）以降にしてください。`,
      });
  });

  if (!facts.summary.trim()) problems.push({ step: "summary", field: "summary", message: "概要: 取組の概要を入力してください。" });
  if (!facts.declaration)
    problems.push({
      step: "summary",
      field: "declaration",
      message: "宣言: 申請内容に偽りがないこと、認証後に取組状況を報告することを宣言してください。",
    });
  return problems;
}

/** Whether the eligibility answers stop the application (the form's gate on step 1): each failure's reason. */
export function eligibilityGate(
  rules: readonly EligibilityRule[],
  answers: Readonly<Record<string, boolean | undefined>>,
): { answeredAll: boolean; failures: { code: string; reason: string }[] } {
  const result = checkEligibility(rules, answers);
  const answeredAll = rules.every((rule) => answers[rule.code] !== undefined);
  return { answeredAll, failures: result.failures.filter((failure) => answers[failure.code] !== undefined) };
}
