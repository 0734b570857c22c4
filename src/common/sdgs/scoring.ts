// 採点と認証区分 (scoring and tiering), pure: the check sheet's items with their points, a company's self-check
// answers, the reviewers' per-item scores and the round's tiers in; the score, what it rests on and the tier out.
// A required item that is not met blocks certification whatever the score (認証不可), and the explanation says which.

export interface CheckItemRule {
  id: string;
  code: string;
  domain: string;
  points: number;
  required: boolean;
}

export interface TierRule {
  id: string;
  /** 1 is the highest tier */
  rank: number;
  name: string;
  /** a score at or above it reaches the tier */
  minScore: number;
}

export interface DomainScore {
  domain: string;
  score: number;
  max: number;
}

export interface ScoreResult {
  score: number;
  max: number;
  byDomain: DomainScore[];
  /** codes of required items that are not met */
  missingRequired: string[];
}

export interface TierResult {
  tier: TierRule | null;
  /** why no tier (or which): shown to staff and the committee */
  reason: string;
}

/** 自己評価: an item met scores its points, one not met (or not answered) scores 0. */
export function scoreSelfCheck(items: readonly CheckItemRule[], metItemIds: ReadonlySet<string>): ScoreResult {
  return sumItems(items, (item) => (metItemIds.has(item.id) ? item.points : 0));
}

/**
 * 審査点: each item scores the mean of its reviewers' scores (each 0..points), rounded to 0.01; an item nobody scored
 * scores 0. A required item is met when its mean is above 0.
 */
export function scoreReviews(items: readonly CheckItemRule[], reviews: readonly ReadonlyMap<string, number>[]): ScoreResult {
  return sumItems(items, (item) => {
    const scores = reviews.map((review) => review.get(item.id)).filter((score): score is number => score !== undefined);
    if (scores.length === 0) return 0;
    const mean = scores.reduce((sum, score) => sum + Math.min(Math.max(score, 0), item.points), 0) / scores.length;
    return Math.round(mean * 100) / 100;
  });
}

function sumItems(items: readonly CheckItemRule[], scoreOf: (item: CheckItemRule) => number): ScoreResult {
  const domains = new Map<string, DomainScore>();
  const missingRequired: string[] = [];
  let score = 0;
  let max = 0;
  for (const item of items) {
    const itemScore = scoreOf(item);
    const domain = domains.get(item.domain) ?? { domain: item.domain, score: 0, max: 0 };
    domain.score = round2(domain.score + itemScore);
    domain.max += item.points;
    domains.set(item.domain, domain);
    score = round2(score + itemScore);
    max += item.points;
    if (item.required && !(itemScore > 0)) missingRequired.push(item.code);
  }
  return { score, max, byDomain: [...domains.values()], missingRequired };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The highest tier the score reaches; none when a required item is missing, whatever the score. */
export function tierFor(result: Pick<ScoreResult, "score" | "missingRequired">, tiers: readonly TierRule[]): TierResult {
  if (result.missingRequired.length > 0)
    return {
      tier: null,
      reason: `必須項目（${result.missingRequired.join("、")}）が満たされていないため、点数にかかわらず認証できません。`,
    };
  const reached = [...tiers].sort((a, b) => a.rank - b.rank).find((tier) => result.score >= tier.minScore);
  if (!reached) {
    const lowest = [...tiers].sort((a, b) => a.minScore - b.minScore)[0];
    return {
      tier: null,
      reason: lowest
        ? `${result.score}点は最も低い区分（${lowest.name}: ${lowest.minScore}点以上）に届きません。`
        : "認証区分が設定されていません。",
    };
  }
  return { tier: reached, reason: `${result.score}点で「${reached.name}」（${reached.minScore}点以上）に該当します。` };
}

/** Tier rules that make sense: ranks 1..n, names given, higher ranks need strictly more points. Returns problems. */
export function tierRuleProblems(tiers: readonly Omit<TierRule, "id">[]): string[] {
  const problems: string[] = [];
  if (tiers.length === 0) problems.push("認証区分を1つ以上設定してください。");
  const sorted = [...tiers].sort((a, b) => a.rank - b.rank);
  sorted.forEach((tier, index) => {
    if (tier.rank !== index + 1) problems.push("区分の順位は1から順に付けてください。");
    const lower = sorted[index + 1];
    if (lower && !(tier.minScore > lower.minScore))
      problems.push(`「${tier.name}」の最低点は、下の区分「${lower.name}」の最低点より高くしてください。`);
  });
  return [...new Set(problems)];
}

/** The committee may certify at the tier the score reaches or a lower one, never higher, and never with a required item missing. */
export function committeeTierProblem(chosen: TierRule, reached: TierResult): string | null {
  if (!reached.tier) return reached.reason;
  if (chosen.rank < reached.tier.rank)
    return `審査点では「${reached.tier.name}」までの区分です。「${chosen.name}」で認証することはできません。`;
  return null;
}
