// SQL that reads a round's rules (申請要件, チェックシート, 認証区分 and the lifecycle settings) as one object: the
// application form, the scoring, the reviewers' sheets and the committee all read the same rules through it.
import type { Queryable } from "../../db/database";

export interface RoundRow {
  id: string;
  name: string;
  fiscal_year: number;
  opens_on: string;
  closes_on: string;
  committee_planned_on: string | null;
  validity_years: number;
  renewal_window_days: number;
  rank_up_after_months: number | null;
  report_interval_months: number;
  min_goals: number;
  guidance: string;
  copied_from_id: string | null;
  version: number;
  is_sample: boolean;
  updated_at: Date;
}

export interface EligibilityRuleRow {
  id: string;
  code: string;
  question: string;
  required_answer: boolean;
  failure_reason: string;
  sort_order: number;
}

export interface DomainRow {
  id: string;
  name: string;
  sort_order: number;
}

export interface CheckItemRow {
  id: string;
  domain_id: string;
  domain_name: string;
  code: string;
  text: string;
  points: number;
  required: boolean;
  evidence_required: boolean;
  sdg_goals: number[];
  sort_order: number;
}

export interface TierRow {
  id: string;
  rank: number;
  name: string;
  min_score: number;
}

export interface RoundRulesRows {
  round: RoundRow;
  eligibilityRules: EligibilityRuleRow[];
  domains: DomainRow[];
  items: CheckItemRow[];
  tiers: TierRow[];
}

export async function findRound(db: Queryable, roundId: string): Promise<RoundRow | null> {
  const { rows } = await db.query<RoundRow>("SELECT * FROM sdgs_rounds WHERE id = $1", [roundId]);
  return rows[0] ?? null;
}

/** The round and all its rules in their display order, or null when there is no such round. */
export async function findRoundRules(db: Queryable, roundId: string): Promise<RoundRulesRows | null> {
  const round = await findRound(db, roundId);
  if (!round) return null;
  const [eligibility, domains, items, tiers] = await Promise.all([
    db.query<EligibilityRuleRow>(
      "SELECT id, code, question, required_answer, failure_reason, sort_order FROM sdgs_eligibility_rules WHERE round_id = $1 ORDER BY sort_order, code",
      [roundId],
    ),
    db.query<DomainRow>("SELECT id, name, sort_order FROM sdgs_check_domains WHERE round_id = $1 ORDER BY sort_order, name", [roundId]),
    db.query<CheckItemRow>(
      `SELECT i.id, i.domain_id, d.name AS domain_name, i.code, i.text, i.points, i.required, i.evidence_required, i.sdg_goals, i.sort_order
         FROM sdgs_check_items i JOIN sdgs_check_domains d ON d.id = i.domain_id
        WHERE i.round_id = $1 ORDER BY d.sort_order, i.sort_order, i.code`,
      [roundId],
    ),
    db.query<TierRow>("SELECT id, rank, name, min_score FROM sdgs_tiers WHERE round_id = $1 ORDER BY rank", [roundId]),
  ]);
  return { round, eligibilityRules: eligibility.rows, domains: domains.rows, items: items.rows, tiers: tiers.rows };
}
