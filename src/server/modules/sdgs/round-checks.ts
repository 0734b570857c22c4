// Checks of a round's rules before they are saved (pure): the period in order, codes and names unique, at least one
// check item, tiers that make sense (common/sdgs/scoring.ts tierRuleProblems) and no tier out of reach; and, once the
// round has submitted applications, what may no longer change (items' points, 必須, adding or removing items, tiers).
// Field keys are the body's paths ("domains.0.items.2.code"), so that the form shows each message at its input.
import type { RoundBody } from "../../../common/api/sdgs-rounds";
import { formatWareki } from "../../../common/dates";
import { tierRuleProblems } from "../../../common/sdgs/scoring";

export type FieldProblems = Record<string, string>;

/** Problems of a round's whole body, keyed by field path; empty when it may be saved. */
export function roundBodyProblems(body: RoundBody): FieldProblems {
  const problems: FieldProblems = {};
  const add = (field: string, message: string) => {
    problems[field] ??= message;
  };
  if (body.closesOn < body.opensOn) add("closesOn", `受付終了日は受付開始日（${formatWareki(body.opensOn)}）以降の日付にしてください。`);
  if (body.committeePlannedOn && body.committeePlannedOn < body.closesOn)
    add("committeePlannedOn", `審査会の予定日は受付終了日（${formatWareki(body.closesOn)}）以降の日付にしてください。`);

  const seenRules = new Set<string>();
  body.eligibilityRules.forEach((rule, i) => {
    if (seenRules.has(rule.code))
      add(`eligibilityRules.${i}.code`, `申請要件のコード「${rule.code}」が重複しています。別のコードにしてください。`);
    seenRules.add(rule.code);
  });

  const seenDomains = new Set<string>();
  const seenItems = new Set<string>();
  let total = 0;
  let itemCount = 0;
  body.domains.forEach((domain, d) => {
    if (seenDomains.has(domain.name)) add(`domains.${d}.name`, `分野「${domain.name}」が重複しています。別の名前にしてください。`);
    seenDomains.add(domain.name);
    domain.items.forEach((item, i) => {
      if (seenItems.has(item.code))
        add(`domains.${d}.items.${i}.code`, `項目コード「${item.code}」が重複しています。募集回の中で重ならないコードにしてください。`);
      seenItems.add(item.code);
      total += item.points;
      itemCount++;
    });
  });
  if (itemCount === 0) add("domains", "チェック項目を1つ以上設定してください。");

  const seenRanks = new Set<number>();
  const seenTierNames = new Set<string>();
  body.tiers.forEach((tier, i) => {
    if (seenRanks.has(tier.rank)) add(`tiers.${i}.rank`, `順位${tier.rank}が重複しています。1から順に付けてください。`);
    seenRanks.add(tier.rank);
    if (seenTierNames.has(tier.name)) add(`tiers.${i}.name`, `区分名「${tier.name}」が重複しています。別の名前にしてください。`);
    seenTierNames.add(tier.name);
    if (tier.minScore > total)
      add(
        `tiers.${i}.minScore`,
        `「${tier.name}」の最低点（${tier.minScore}点）が満点（${total}点）を超えています。満点以下にしてください。`,
      );
  });
  const tierProblems = tierRuleProblems(body.tiers);
  if (tierProblems.length > 0) add("tiers", tierProblems.join(" "));
  return problems;
}

export interface LockedItem {
  code: string;
  points: number;
  required: boolean;
}

export interface LockedTier {
  rank: number;
  name: string;
  minScore: number;
}

/**
 * What a round with submitted applications may not change: the set of items, their points and 必須 flags, and the
 * tiers. Returns the changes found (Japanese, for the message), empty when only texts, dates and settings change.
 */
export function lockedRuleChanges(
  before: { items: readonly LockedItem[]; tiers: readonly LockedTier[] },
  after: { items: readonly LockedItem[]; tiers: readonly LockedTier[] },
): string[] {
  const changes: string[] = [];
  const afterItems = new Map(after.items.map((item) => [item.code, item]));
  const beforeCodes = new Set(before.items.map((item) => item.code));
  for (const item of before.items) {
    const next = afterItems.get(item.code);
    if (!next) changes.push(`項目「${item.code}」の削除`);
    else {
      if (next.points !== item.points) changes.push(`項目「${item.code}」の配点（${item.points}点→${next.points}点）`);
      if (next.required !== item.required)
        changes.push(`項目「${item.code}」の必須（${item.required ? "必須" : "任意"}→${next.required ? "必須" : "任意"}）`);
    }
  }
  for (const item of after.items) if (!beforeCodes.has(item.code)) changes.push(`項目「${item.code}」の追加`);
  const describe = (tiers: readonly LockedTier[]) =>
    [...tiers]
      .sort((a, b) => a.rank - b.rank)
      .map((t) => `${t.rank}:${t.name}:${t.minScore}`)
      .join("|");
  if (describe(before.tiers) !== describe(after.tiers)) changes.push("認証区分（名前・順位・最低点）");
  return changes;
}
