// 申請要件: every failure stops the application with that rule's own reason; an unanswered question asks for an
// answer; a rule whose eligible answer is 「いいえ」 (requiredAnswer false) fails on 「はい」.
import { describe, expect, it } from "vitest";
import { checkEligibility, type EligibilityRule } from "./eligibility";

const RULES: EligibilityRule[] = [
  {
    code: "office_in_city",
    question: "北九州市内に本社または事業所がありますか。",
    requiredAnswer: true,
    failureReason: "市内に本社または事業所がある事業者が対象です。",
  },
  {
    code: "no_tax_arrears",
    question: "市税に滞納がありませんか。",
    requiredAnswer: true,
    failureReason: "市税に滞納がある事業者は申請できません。",
  },
  {
    code: "no_serious_violation",
    question: "直近3年間に、重大な法令違反による行政処分を受けたことがありますか。",
    requiredAnswer: false,
    failureReason: "直近3年間に重大な法令違反による行政処分を受けた事業者は申請できません。",
  },
];

const ELIGIBLE = { office_in_city: true, no_tax_arrears: true, no_serious_violation: false };

describe("checkEligibility", () => {
  it("an eligible company passes every rule", () => {
    expect(checkEligibility(RULES, ELIGIBLE)).toEqual({ eligible: true, failures: [] });
  });

  it.each(RULES.map((rule) => [rule.code, rule] as const))("a wrong answer to %s stops it with that rule's reason", (code, rule) => {
    const result = checkEligibility(RULES, { ...ELIGIBLE, [code]: !rule.requiredAnswer });
    expect(result.eligible).toBe(false);
    expect(result.failures).toEqual([{ code, reason: rule.failureReason }]);
  });

  it("requiredAnswer false: answering 「はい」 (true) fails, 「いいえ」 passes", () => {
    const rule = [RULES[2]];
    expect(checkEligibility(rule, { no_serious_violation: true }).failures[0].reason).toBe(RULES[2].failureReason);
    expect(checkEligibility(rule, { no_serious_violation: false }).eligible).toBe(true);
  });

  it("an unanswered question asks for an answer, quoting it", () => {
    const result = checkEligibility(RULES, { office_in_city: true, no_serious_violation: false });
    expect(result.eligible).toBe(false);
    expect(result.failures).toEqual([{ code: "no_tax_arrears", reason: "「市税に滞納がありませんか。」に回答してください。" }]);
  });

  it("lists every failure in the rules' order", () => {
    const result = checkEligibility(RULES, { office_in_city: false, no_serious_violation: true });
    expect(result.failures.map((f) => f.code)).toEqual(["office_in_city", "no_tax_arrears", "no_serious_violation"]);
  });

  it("an answer to a question the round does not ask changes nothing", () => {
    expect(checkEligibility(RULES, { ...ELIGIBLE, extra: false }).eligible).toBe(true);
  });

  it("a round without rules lets every company through", () => {
    expect(checkEligibility([], {})).toEqual({ eligible: true, failures: [] });
  });
});
