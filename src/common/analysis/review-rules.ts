// 経営分析の決定と今後の取組の規則: pure, shared by the service (which enforces them) and the page (which explains them
// before the user sends). Each check returns the field at fault and a Japanese message, or null when all is well.
import { type AnalysisOption, OPTION_LABELS, VIEWPOINT_LABELS, VIEWPOINTS, type Viewpoint } from "./labels";

export interface RuleProblem {
  field: string;
  message: string;
}

export interface DecisionFacts {
  chosenOption: AnalysisOption;
  /** YYYY-MM-DD */
  decidedOn: string;
  /** YYYY-MM-DD */
  today: string;
  /** the options assessed so far (text not empty) */
  assessedOptions: readonly AnalysisOption[];
  findingCount: number;
}

/**
 * A decision rests on the analysis: at least one finding, and the chosen option among those assessed (an option nobody
 * weighed cannot be the one chosen). Its date is a day that has come.
 */
export function checkDecision(facts: DecisionFacts): RuleProblem | null {
  if (facts.findingCount === 0)
    return { field: "chosenOption", message: "所見が一つもありません。視点ごとの所見を入力してから決定を記録してください。" };
  if (!facts.assessedOptions.includes(facts.chosenOption))
    return {
      field: "chosenOption",
      message: `選択肢「${OPTION_LABELS[facts.chosenOption]}」の検討が入力されていません。選択肢の検討を入力してから決定を記録してください。`,
    };
  if (facts.decidedOn > facts.today) return { field: "decidedOn", message: "決定日に未来の日付は入力できません。" };
  return null;
}

/** The viewpoints without a finding yet, in the plan's order (the page warns of them; they do not block a decision). */
export function viewpointsWithoutFinding(findings: readonly { viewpoint: Viewpoint }[]): { viewpoint: Viewpoint; label: string }[] {
  const present = new Set(findings.map((f) => f.viewpoint));
  return VIEWPOINTS.filter((v) => !present.has(v)).map((viewpoint) => ({ viewpoint, label: VIEWPOINT_LABELS[viewpoint] }));
}

/** Keys a finding names that the subject does not have (an indicator of another subject, or a typo). */
export function unknownIndicatorKeys(keys: readonly string[], known: readonly string[]): string[] {
  const set = new Set(known);
  return keys.filter((key) => !set.has(key));
}

/** The keys without repeats, in the order given. */
export function distinctKeys(keys: readonly string[]): string[] {
  return [...new Set(keys)];
}

/** An action is owned by a division, an outside owner, or both; never by nobody. */
export function checkActionOwner(action: { ownerOrganisationId: string | null; ownerName: string }): RuleProblem | null {
  if (!action.ownerOrganisationId && !action.ownerName.trim())
    return { field: "ownerOrganisationId", message: "担当課を選ぶか、外部の担当を入力してください。" };
  return null;
}

export function checkDoneOn(doneOn: string, today: string): RuleProblem | null {
  if (doneOn > today) return { field: "doneOn", message: "完了日に未来の日付は入力できません。" };
  return null;
}

/** 期限切れ: still open and its due date has passed (the due day itself is not late yet). */
export function isOverdue(action: { status: "open" | "done"; dueOn: string | null }, today: string): boolean {
  return action.status === "open" && action.dueOn !== null && action.dueOn < today;
}
