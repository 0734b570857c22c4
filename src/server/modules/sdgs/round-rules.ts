// A round's rules as the pure rules (common/sdgs) take them: read once, used by the form, the scoring and the committee.
import type { EligibilityRule } from "../../../common/sdgs/eligibility";
import type { CheckItemRule, TierRule } from "../../../common/sdgs/scoring";
import type { Queryable } from "../../db/database";
import { NotFound } from "../../platform/errors";
import { findRoundRules, type RoundRulesRows } from "./round-rules-repository";

export interface RoundRules {
  rows: RoundRulesRows;
  eligibility: EligibilityRule[];
  items: CheckItemRule[];
  tiers: TierRule[];
}

export function toRoundRules(rows: RoundRulesRows): RoundRules {
  return {
    rows,
    eligibility: rows.eligibilityRules.map((rule) => ({
      code: rule.code,
      question: rule.question,
      requiredAnswer: rule.required_answer,
      failureReason: rule.failure_reason,
    })),
    items: rows.items.map((item) => ({
      id: item.id,
      code: item.code,
      domain: item.domain_name,
      points: item.points,
      required: item.required,
    })),
    tiers: rows.tiers.map((tier) => ({ id: tier.id, rank: tier.rank, name: tier.name, minScore: tier.min_score })),
  };
}

/** The round's rules, or 404 募集回. */
export async function loadRoundRules(db: Queryable, roundId: string): Promise<RoundRules> {
  const rows = await findRoundRules(db, roundId);
  if (!rows) throw new NotFound("募集回");
  return toRoundRules(rows);
}
