// ふるさと納税の掲載ルール (rule engine). Pure: plain data in, findings explained in Japanese out; any error blocks
// publishing. The engine keeps no state, so callers re-run it whenever a cost, an amount or a date changes: a price
// rise of the supplier is re-checked like any other change and gets no exemption (「値上がりは例外にならない」).
// The limits below are the one place the UI and the API read them from.
import { formatWareki, isIsoDate } from "../dates.js";
import type { Gift, Listing, LocalProductType, Portal, RuleFinding } from "./types.js";

/** 返礼割合の上限: procurement cost of every delivery ÷ donation amount must be ≤ 30% (exactly 30.0% passes). */
export const RETURN_RATIO_LIMIT = 0.3;
/** 返礼割合の注意: a warning from 28% (inclusive) up to the limit. */
export const RETURN_RATIO_WARNING = 0.28;
/** ポイント付与ポータルの禁止日: listings live on or after this date may not use a portal that grants points. */
export const POINT_BAN_DATE = "2025-10-01";
/** 地場産品該当理由の最大文字数 (code points). */
export const LOCAL_REASON_MAX = 100;
/** 寄附金額の変動が前回承認額の ±50% を（厳密に）超えると二重承認が必要. */
export const PRICE_JUMP_RATIO = 0.5;
/** 寄附金額の刻み (suggested amounts are multiples of this). */
export const AMOUNT_STEP = 1000;

// The same limits as integer fractions, so every comparison is exact integer arithmetic (no 0.1 + 0.2 edges).
// A test pins them to the decimal constants above.
export const RETURN_RATIO_LIMIT_FRACTION = { numerator: 3, denominator: 10 } as const;
export const RETURN_RATIO_WARNING_FRACTION = { numerator: 28, denominator: 100 } as const;
export const PRICE_JUMP_FRACTION = { numerator: 1, denominator: 2 } as const;
/**
 * 経費5割の目安 for suggested amounts only: procurement + shipping + portal fee ≤ 50% of the donation. The national
 * 5割 rule over all costs is checked by a later rule; the suggestion includes shipping and fee so it is realistic.
 */
export const SUGGESTED_TOTAL_COST_FRACTION = { numerator: 1, denominator: 2 } as const;
/** 桁の入力ミス: new ≈ old ÷ 10 or old × 10 within ±5%. */
const DIGIT_SLIP_TOLERANCE = { numerator: 5, denominator: 100 } as const;

export const LOCAL_PRODUCT_TYPES: readonly LocalProductType[] = ["1", "2", "3", "3イ", "3ロ", "4", "5", "6", "7", "8イ", "8ロ", "8ハ", "9"];
/** 類型 whose application needs evidence attached (2号・3号 and their sub-types). */
export const EVIDENCE_REQUIRED_TYPES: readonly LocalProductType[] = ["2", "3", "3イ", "3ロ"];

/** Japanese labels of the fields a portal limits. */
export const FIELD_LABELS: Record<keyof Portal["fieldLimits"], string> = {
  title: "返礼品名",
  catchCopy: "キャッチコピー",
  description: "説明文",
  supplierName: "事業者名",
  contents: "内容量",
};

// ---------------------------------------------------------------------------------------------------------------
// Small exact helpers

/** 1,234,567 (own grouping, so the output never depends on the ICU data of the runtime). */
export function formatNumber(n: number): string {
  const sign = n < 0 ? "-" : "";
  return `${sign}${String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;
}

/** 1,234,567円 */
export function formatYen(n: number): string {
  return `${formatNumber(n)}円`;
}

/** Characters as people count them on a portal form: code points, so 🍑 or 𠮷 count once. */
export function countChars(s: string): number {
  return [...s].length;
}

function isNonNegativeInteger(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

export function floorDiv(a: number, b: number): number {
  return Number(BigInt(a) / BigInt(b));
}

export function ceilDiv(a: number, b: number): number {
  const q = BigInt(a) / BigInt(b);
  return Number(BigInt(a) % BigInt(b) === 0n ? q : q + 1n);
}

/** A percentage with one decimal from a per-mille value: 310 → "31.0%". */
function perMilleLabel(perMille: number): string {
  return `${Math.floor(perMille / 10)}.${perMille % 10}%`;
}

// ---------------------------------------------------------------------------------------------------------------
// 返礼割合 (3割)

/** Number of deliveries the procurement cost counts: 定期便 counts every delivery, a single gift once. */
export function deliveriesOf(gift: Gift): number {
  return gift.subscription ? gift.subscription.deliveries : 1;
}

/** 調達費用の総額: procurementCost × deliveries. */
export function totalProcurementCost(gift: Gift): number {
  return gift.procurementCost * deliveriesOf(gift);
}

export interface ReturnRatioResult {
  severity: "ok" | "warning" | "error";
  totalCost: number;
  donationAmount: number;
  /**
   * The ratio in per-mille for display, rounded toward the verdict: down when it passes or warns (a passing 29.96%
   * reads 29.9%), up when it fails (a failing 30.01% reads 30.1%, never a confusing "30.0%" error).
   */
  perMille: number;
}

/** 返礼割合の判定 in integers: error when cost × 10 > amount × 3, warning when cost × 100 ≥ amount × 28. */
export function evaluateReturnRatio(totalCost: number, donationAmount: number): ReturnRatioResult {
  const limit = RETURN_RATIO_LIMIT_FRACTION;
  const warn = RETURN_RATIO_WARNING_FRACTION;
  const error = totalCost * limit.denominator > donationAmount * limit.numerator;
  const warning = !error && totalCost * warn.denominator >= donationAmount * warn.numerator;
  const perMille = error ? ceilDiv(totalCost * 1000, donationAmount) : floorDiv(totalCost * 1000, donationAmount);
  return { severity: error ? "error" : warning ? "warning" : "ok", totalCost, donationAmount, perMille };
}

function costBreakdown(gift: Gift, totalCost: number): string {
  const deliveries = deliveriesOf(gift);
  if (!gift.subscription) return `調達費用 ${formatYen(totalCost)}`;
  return `調達費用 ${formatYen(gift.procurementCost)} × ${deliveries}回 = ${formatYen(totalCost)}`;
}

function returnRatioFindings(gift: Gift, portal: Portal, listing: Listing): RuleFinding[] {
  const base = { giftCode: gift.code, portalCode: portal.code };
  if (!isNonNegativeInteger(listing.donationAmount) || listing.donationAmount === 0) {
    return [
      {
        ...base,
        rule: "donation_amount",
        severity: "error",
        field: "donationAmount",
        message: `${portal.name}の寄附金額（${listing.donationAmount}）が正しくありません。1円以上の整数で入力してください。`,
        detail: { donationAmount: listing.donationAmount },
      },
    ];
  }
  if (!isNonNegativeInteger(gift.procurementCost) || !isNonNegativeInteger(deliveriesOf(gift)) || deliveriesOf(gift) === 0) {
    // Reported once per gift by giftFindings; without a valid cost the ratio cannot be judged.
    return [];
  }
  const total = totalProcurementCost(gift);
  const r = evaluateReturnRatio(total, listing.donationAmount);
  if (r.severity === "ok") return [];
  const breakdown = `（${costBreakdown(gift, total)} ÷ ${portal.name}の寄附金額 ${formatYen(listing.donationAmount)}）`;
  const detail = {
    returnRatioPercent: r.perMille / 10,
    totalProcurementCost: total,
    deliveries: deliveriesOf(gift),
    donationAmount: listing.donationAmount,
    limitPercent: (RETURN_RATIO_LIMIT_FRACTION.numerator * 100) / RETURN_RATIO_LIMIT_FRACTION.denominator,
  };
  if (r.severity === "error") {
    return [
      {
        ...base,
        rule: "return_ratio",
        severity: "error",
        message:
          `返礼割合が${perMilleLabel(r.perMille)}です${breakdown}。3割以下にしてください。` +
          "調達費用の値上がりによる超過も例外にはならないため、寄附金額の見直しか内容の変更が必要です。",
        detail,
      },
    ];
  }
  return [
    {
      ...base,
      rule: "return_ratio",
      severity: "warning",
      message: `返礼割合が${perMilleLabel(r.perMille)}です${breakdown}。3割の上限に近いため、調達費用が上がると基準を超えます。`,
      detail,
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// 地場産品基準 (gift-level: the same on every portal)

function localProductFindings(gift: Gift): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const base = { giftCode: gift.code };
  const type = gift.localProductType;
  if (type === null || !LOCAL_PRODUCT_TYPES.includes(type)) {
    findings.push({
      ...base,
      rule: "local_product_type",
      severity: "error",
      field: "localProductType",
      message:
        type === null
          ? "地場産品基準の類型が選択されていません。該当する類型（1〜9号）を選択してください。"
          : `地場産品基準の類型「${type}」は存在しません。該当する類型（1〜9号）を選択してください。`,
      detail: { localProductType: type },
    });
  }

  const reasonLength = countChars(gift.localProductReason.trim());
  if (reasonLength === 0) {
    findings.push({
      ...base,
      rule: "local_product_reason",
      severity: "error",
      field: "localProductReason",
      message: "地場産品に該当する理由が入力されていません。",
      detail: { length: 0, limit: LOCAL_REASON_MAX },
    });
  } else if (countChars(gift.localProductReason) > LOCAL_REASON_MAX) {
    const length = countChars(gift.localProductReason);
    findings.push({
      ...base,
      rule: "local_product_reason",
      severity: "error",
      field: "localProductReason",
      message: `地場産品に該当する理由が${length}文字です。${LOCAL_REASON_MAX}文字以内にしてください。`,
      detail: { length, limit: LOCAL_REASON_MAX },
    });
  }

  if (type !== null && EVIDENCE_REQUIRED_TYPES.includes(type) && !(gift.evidenceCount > 0)) {
    findings.push({
      ...base,
      rule: "local_product_evidence",
      severity: "error",
      field: "evidenceCount",
      message: `類型${type}号では、地場産品に該当することを示す根拠資料の添付が必要です。`,
      detail: { localProductType: type, evidenceCount: gift.evidenceCount },
    });
  }

  if (type === "3イ" && gift.rawMaterialSamePrefecture !== true) {
    findings.push({
      ...base,
      rule: "local_product_raw_material",
      severity: "error",
      field: "rawMaterialSamePrefecture",
      message:
        gift.rawMaterialSamePrefecture === null
          ? "類型3号イ（熟成肉・精米）では原材料が同一都道府県産であることが必要ですが、未確認です。確認して入力してください。"
          : "類型3号イ（熟成肉・精米）では原材料が同一都道府県産であることが必要です。同一都道府県産でない原材料は対象外です。",
      detail: { rawMaterialSamePrefecture: gift.rawMaterialSamePrefecture },
    });
  }
  return findings;
}

function costInputFindings(gift: Gift): RuleFinding[] {
  const findings: RuleFinding[] = [];
  if (!isNonNegativeInteger(gift.procurementCost)) {
    findings.push({
      giftCode: gift.code,
      rule: "procurement_cost",
      severity: "error",
      field: "procurementCost",
      message: `調達費用（${gift.procurementCost}）が正しくありません。0円以上の整数（円）で入力してください。`,
      detail: { procurementCost: gift.procurementCost },
    });
  }
  const deliveries = deliveriesOf(gift);
  if (!isNonNegativeInteger(deliveries) || deliveries === 0) {
    findings.push({
      giftCode: gift.code,
      rule: "subscription_deliveries",
      severity: "error",
      field: "subscription",
      message: `定期便の配送回数（${deliveries}）が正しくありません。1回以上の整数で入力してください。`,
      detail: { deliveries },
    });
  }
  return findings;
}

function giftFindings(gift: Gift): RuleFinding[] {
  return [...costInputFindings(gift), ...localProductFindings(gift)];
}

// ---------------------------------------------------------------------------------------------------------------
// Listing-level rules: certification validity, portal points, field limits, price sanity

function periodLabel(from: string | null, until: string | null): string {
  if (from && until) return `${formatWareki(from)}〜${formatWareki(until)}`;
  if (from) return `${formatWareki(from)}から`;
  if (until) return `${formatWareki(until)}まで`;
  return "期限なし";
}

function certificationFindings(gift: Gift, portal: Portal, checkDate: string): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const cert of gift.certifications) {
    const base = { giftCode: gift.code, portalCode: portal.code, field: "certifications" };
    if ((cert.validFrom !== null && !isIsoDate(cert.validFrom)) || (cert.validUntil !== null && !isIsoDate(cert.validUntil))) {
      findings.push({
        ...base,
        rule: "certification_validity",
        severity: "error",
        message: `認証「${cert.name}」の有効期間の日付が正しくありません（${cert.validFrom ?? "なし"}〜${cert.validUntil ?? "なし"}）。`,
        detail: { certification: cert.name, validFrom: cert.validFrom, validUntil: cert.validUntil },
      });
      continue;
    }
    const notYet = cert.validFrom !== null && checkDate < cert.validFrom;
    const expired = cert.validUntil !== null && checkDate > cert.validUntil;
    if (!notYet && !expired) continue;
    findings.push({
      ...base,
      rule: "certification_validity",
      severity: "error",
      message:
        `認証「${cert.name}」の有効期間（${periodLabel(cert.validFrom, cert.validUntil)}）は、` +
        `掲載日 ${formatWareki(checkDate)} に${notYet ? "まだ始まっていません" : "切れています"}。` +
        "有効な認証を確認してから掲載してください。",
      detail: { certification: cert.name, validFrom: cert.validFrom, validUntil: cert.validUntil, listingDate: checkDate },
    });
  }
  return findings;
}

function portalFindings(gift: Gift, portal: Portal, checkDate: string): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const base = { giftCode: gift.code, portalCode: portal.code };
  if (!portal.active) {
    findings.push({
      ...base,
      rule: "portal_inactive",
      severity: "error",
      message: `ポータル「${portal.name}」は利用停止中のため、掲載できません。`,
    });
  }
  if (portal.grantsPoints) {
    const banned = checkDate >= POINT_BAN_DATE;
    findings.push({
      ...base,
      rule: "portal_points",
      severity: banned ? "error" : "warning",
      message: banned
        ? `ポータル「${portal.name}」は寄附者にポイントを付与するため、${formatWareki(POINT_BAN_DATE)}以降は掲載できません` +
          `（掲載日 ${formatWareki(checkDate)}）。`
        : `ポータル「${portal.name}」は寄附者にポイントを付与しています。` +
          `${formatWareki(POINT_BAN_DATE)}からはこのポータルに掲載できなくなります。`,
      detail: { listingDate: checkDate, banDate: POINT_BAN_DATE },
    });
  }
  return findings;
}

function fieldValues(gift: Gift, listing: Listing): Record<keyof Portal["fieldLimits"], { value: string; label: string }> {
  const useVariant = listing.titleVariant.trim() !== "";
  return {
    title: useVariant
      ? { value: listing.titleVariant, label: `${FIELD_LABELS.title}（ポータル別）` }
      : { value: gift.title, label: FIELD_LABELS.title },
    catchCopy: { value: gift.catchCopy, label: FIELD_LABELS.catchCopy },
    description: { value: gift.description, label: FIELD_LABELS.description },
    supplierName: { value: gift.supplierName, label: FIELD_LABELS.supplierName },
    contents: { value: gift.contents, label: FIELD_LABELS.contents },
  };
}

function fieldLimitFindings(gift: Gift, portal: Portal, listing: Listing): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const values = fieldValues(gift, listing);
  for (const field of Object.keys(FIELD_LABELS) as (keyof Portal["fieldLimits"])[]) {
    const limit = portal.fieldLimits[field];
    if (limit === undefined) continue;
    const { value, label } = values[field];
    const length = countChars(value);
    if (length <= limit) continue;
    findings.push({
      giftCode: gift.code,
      portalCode: portal.code,
      rule: "field_limit",
      severity: "error",
      field,
      message: `${portal.name}の「${label}」が${formatNumber(length)}文字です（上限${formatNumber(limit)}文字）。${formatNumber(limit)}文字以内にしてください。`,
      detail: { length, limit },
    });
  }
  return findings;
}

/** Two digit strings differ by exactly one inserted or removed digit (280000 ↔ 28000, 15000 ↔ 150000). */
export function differsByOneDigit(a: number, b: number): boolean {
  let longer = String(a);
  let shorter = String(b);
  if (longer.length < shorter.length) [longer, shorter] = [shorter, longer];
  if (longer.length !== shorter.length + 1) return false;
  for (let i = 0; i < longer.length; i++) {
    if (longer.slice(0, i) + longer.slice(i + 1) === shorter) return true;
  }
  return false;
}

/** new ≈ old ÷ 10 or old × 10 within ±5%, or one digit inserted/removed: a likely typing slip. */
export function looksLikeDigitSlip(previous: number, next: number): boolean {
  const t = DIGIT_SLIP_TOLERANCE;
  // |next × 10 − previous| ≤ 5% of previous, and |next − previous × 10| ≤ 5% of previous × 10
  const tenth = Math.abs(next * 10 - previous) * t.denominator <= previous * t.numerator;
  const tenfold = Math.abs(next - previous * 10) * t.denominator <= previous * 10 * t.numerator;
  return tenth || tenfold || differsByOneDigit(previous, next);
}

function priceFindings(gift: Gift, portal: Portal, listing: Listing): RuleFinding[] {
  const previous = listing.previousDonationAmount;
  const next = listing.donationAmount;
  if (previous === null || !isNonNegativeInteger(previous) || previous === 0) return [];
  if (!isNonNegativeInteger(next) || next === previous) return [];
  const f = PRICE_JUMP_FRACTION;
  // |next − previous| / previous > 50%, strictly: exactly ±50% passes.
  const jump = Math.abs(next - previous) * f.denominator > previous * f.numerator;
  const slip = looksLikeDigitSlip(previous, next);
  if (!jump && !slip) return [];
  const changePerMille = ceilDiv(Math.abs(next - previous) * 1000, previous);
  const sign = next > previous ? "+" : "−";
  const change = `${formatYen(previous)} → ${formatYen(next)}（${sign}${perMilleLabel(changePerMille)}）`;
  return [
    {
      giftCode: gift.code,
      portalCode: portal.code,
      rule: "price_jump",
      severity: "error",
      field: "donationAmount",
      needsSecondApproval: true,
      message: slip
        ? `${portal.name}の寄附金額が前回承認額から${change}に変わっています。桁の入力ミスの可能性があります。` +
          "金額を確認し、別の職員の承認を受けてから掲載してください。"
        : `${portal.name}の寄附金額が前回承認額から${change}に変わっています（±${PRICE_JUMP_RATIO * 100}%超）。` +
          "金額を確認し、別の職員の承認を受けてから掲載してください。",
      detail: { previousDonationAmount: previous, donationAmount: next, changePercent: changePerMille / 10, suspectedDigitSlip: slip },
    },
  ];
}

function listingFindings(gift: Gift, portal: Portal, listing: Listing, today: string | undefined): RuleFinding[] {
  const base = { giftCode: gift.code, portalCode: portal.code };
  if (listing.giftCode !== gift.code || listing.portalCode !== portal.code) {
    return [
      {
        ...base,
        rule: "listing_mismatch",
        severity: "error",
        message: `掲載情報（${listing.giftCode} / ${listing.portalCode}）が返礼品 ${gift.code}・ポータル ${portal.code} と一致しません。`,
      },
    ];
  }
  if (!isIsoDate(listing.listingDate) || (today !== undefined && !isIsoDate(today))) {
    return [
      {
        ...base,
        rule: "listing_date",
        severity: "error",
        field: "listingDate",
        message: `掲載日（${listing.listingDate}）が正しい日付ではありません。`,
        detail: { listingDate: listing.listingDate },
      },
    ];
  }
  // A listing is judged on the day it goes live, or today if it is already live: a points portal used before
  // 令和7年10月1日 is banned from that day on, and a certification that has expired since no longer supports it.
  const checkDate = today !== undefined && today > listing.listingDate ? today : listing.listingDate;
  return [
    ...returnRatioFindings(gift, portal, listing),
    ...certificationFindings(gift, portal, checkDate),
    ...portalFindings(gift, portal, checkDate),
    ...fieldLimitFindings(gift, portal, listing),
    ...priceFindings(gift, portal, listing),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Public entry points

export interface CheckOptions {
  /**
   * Today's date (YYYY-MM-DD). When later than the listing date, date rules (point ban, certification validity)
   * are judged on today, since the listing is then live. Omitted: the listing date alone.
   */
  today?: string;
}

/** Every finding for one gift on one portal: the gift's own rules plus this listing's. */
export function checkListing(gift: Gift, portal: Portal, listing: Listing, opts: CheckOptions = {}): RuleFinding[] {
  return [...giftFindings(gift), ...listingFindings(gift, portal, listing, opts.today)];
}

/** Every finding for a gift across all its portals; gift-level findings appear once, not once per portal. */
export function checkGift(gift: Gift, listings: { listing: Listing; portal: Portal }[], opts: CheckOptions = {}): RuleFinding[] {
  return [...giftFindings(gift), ...listings.flatMap(({ listing, portal }) => listingFindings(gift, portal, listing, opts.today))];
}

/**
 * Any error blocks publishing. A price jump (needsSecondApproval) is cleared by the second approval itself: the
 * approved amount becomes previousDonationAmount and a re-run no longer reports it.
 */
export function blocksPublishing(findings: readonly RuleFinding[]): boolean {
  return findings.some((f) => f.severity === "error");
}
