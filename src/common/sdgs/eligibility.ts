// 申請要件 (eligibility), pure: each rule is a yes/no question with the answer an eligible company gives; a missing or
// different answer stops the application with the rule's reason.

export interface EligibilityRule {
  code: string;
  question: string;
  requiredAnswer: boolean;
  failureReason: string;
}

export interface EligibilityFailure {
  code: string;
  reason: string;
}

export interface EligibilityResult {
  eligible: boolean;
  failures: EligibilityFailure[];
}

export function checkEligibility(
  rules: readonly EligibilityRule[],
  answers: Readonly<Record<string, boolean | undefined>>,
): EligibilityResult {
  const failures: EligibilityFailure[] = [];
  for (const rule of rules) {
    const answer = answers[rule.code];
    if (answer === undefined) failures.push({ code: rule.code, reason: `「${rule.question}」に回答してください。` });
    else if (answer !== rule.requiredAnswer) failures.push({ code: rule.code, reason: rule.failureReason });
  }
  return { eligible: failures.length === 0, failures };
}
