// 寄附金額の提案 (suggested donation amount per portal). Pure; limits come from rules.ts.
//
// Formula (all integer yen; n = deliveries, 1 for a single gift, every delivery of a 定期便 counts):
//   P = procurementCost × n   (調達費用の総額)
//   S = shippingCost × n      (送料の総額)
//   f = portal.feeRatio       (ポータル手数料の率)
//   ① 3割基準の下限  floor     = ⌈P ÷ 0.3⌉                 (smallest amount with P ≤ 30% of it)
//   ② 経費5割の目安  costFloor = ⌈(P + S) ÷ (0.5 − f)⌉     (so that P + S + f × amount ≤ 50% of it)
//   amount = max(①, ②, 1) rounded UP to the next multiple of ¥1,000
// Rounding up keeps both conditions true, so the amount always passes the 3割 rule and is never below the floor.
// When f ≥ 50% the portal fee alone eats the 5割 budget: ② cannot be met, the amount rests on ① and says so.
import { AMOUNT_STEP, ceilDiv, deliveriesOf, formatYen, RETURN_RATIO_LIMIT_FRACTION, SUGGESTED_TOTAL_COST_FRACTION } from "./rules.js";
import type { Gift, Portal } from "./types.js";

export interface SuggestedAmount {
  /** 提案する寄附金額: a multiple of AMOUNT_STEP, ≥ floor */
  amount: number;
  /** 3割基準の下限: the smallest donation amount whose 返礼割合 is ≤ 30% (not rounded to ¥1,000) */
  floor: number;
  explanation: string;
}

// Fees are quoted to 0.1% at most; parts per million keep the arithmetic in integers.
const PPM = 1_000_000;

function feeLabel(feePpm: number): string {
  return `${feePpm / 10_000}%`;
}

function requireYen(label: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${label}（${n}）は0円以上の整数（円）で指定してください。`);
}

export function suggestDonationAmount(gift: Gift, portal: Portal): SuggestedAmount {
  const n = deliveriesOf(gift);
  requireYen("調達費用", gift.procurementCost);
  requireYen("送料", gift.shippingCost);
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`定期便の配送回数（${n}）は1回以上の整数で指定してください。`);
  if (!Number.isFinite(portal.feeRatio) || portal.feeRatio < 0 || portal.feeRatio >= 1) {
    throw new RangeError(`ポータル「${portal.name}」の手数料率（${portal.feeRatio}）は0以上1未満で指定してください。`);
  }

  const procurement = gift.procurementCost * n;
  const shipping = gift.shippingCost * n;
  const feePpm = Math.round(portal.feeRatio * PPM);

  const r = RETURN_RATIO_LIMIT_FRACTION;
  const floor = ceilDiv(procurement * r.denominator, r.numerator);

  const half = SUGGESTED_TOTAL_COST_FRACTION;
  const budgetPpm = (half.numerator * PPM) / half.denominator - feePpm; // (0.5 − f) in ppm
  const costFloor = budgetPpm > 0 ? ceilDiv((procurement + shipping) * PPM, budgetPpm) : null;

  const base = Math.max(floor, costFloor ?? 0, 1);
  const amount = ceilDiv(base, AMOUNT_STEP) * AMOUNT_STEP;

  const perDelivery = (cost: number) => (gift.subscription ? `（${formatYen(cost)} × ${n}回）` : "");
  const lines = [
    `${gift.subscription ? `定期便${n}回分の` : ""}調達費用 ${formatYen(procurement)}${perDelivery(gift.procurementCost)}、` +
      `送料 ${formatYen(shipping)}${perDelivery(gift.shippingCost)}、${portal.name}の手数料 ${feeLabel(feePpm)}で計算しました。`,
    `① 3割基準: 調達費用 ${formatYen(procurement)} ÷ 30% = ${formatYen(floor)}以上。`,
    costFloor === null
      ? `② 経費5割の目安: 手数料が${feeLabel(feePpm)}で寄附金額の5割を超えるため、この目安は満たせません（①のみで計算）。`
      : `② 経費5割の目安（調達費用・送料・手数料の合計を寄附金額の5割以下に）: ` +
        `(${formatYen(procurement)} + ${formatYen(shipping)}) ÷ (50% − ${feeLabel(feePpm)}) = ${formatYen(costFloor)}以上。`,
    `${costFloor === null ? "①" : "①と②の大きい方"}を${formatYen(AMOUNT_STEP)}単位に切り上げ、${formatYen(amount)}を提案します` +
      `（3割基準の下限 ${formatYen(floor)}を下回りません）。`,
  ];
  return { amount, floor, explanation: lines.join("") };
}
