// The fields of the export row a template may name (`gift.title`, `listing.donationAmount`, `gift.allergens.<品目>` …)
// with their types and Japanese labels, and the "もしかして" suggestion for a mistyped one.
import type { Gift } from "../../../common/furusato/types";
import type { ExportRow } from "./portal-template-types";

export type ValueType = "text" | "number" | "boolean" | "date" | "list";
type Scalar = string | number | boolean | null;
export type Value = Scalar | readonly string[];
export type Evaluator = (row: ExportRow) => Value;

interface FieldDef {
  type: ValueType;
  /** Japanese label for the template editor */
  label: string;
  get: Evaluator;
}

/** 定期便 counts every delivery; a one-off gift is one delivery. */
function deliveries(gift: Gift): number {
  return gift.subscription?.deliveries ?? 1;
}

const FIELD_DEFS: [string, FieldDef][] = [
  ["action", { type: "text", label: "出力区分（upsert / stop）", get: (r) => r.action }],
  ["isNew", { type: "boolean", label: "このポータルへの初回出力", get: (r) => r.isNew === true }],
  ["gift.code", { type: "text", label: "返礼品コード", get: (r) => r.gift.code }],
  ["gift.supplierCode", { type: "text", label: "事業者コード", get: (r) => r.gift.supplierCode }],
  ["gift.supplierName", { type: "text", label: "事業者名", get: (r) => r.gift.supplierName }],
  ["gift.title", { type: "text", label: "返礼品名", get: (r) => r.gift.title }],
  ["gift.catchCopy", { type: "text", label: "キャッチコピー", get: (r) => r.gift.catchCopy }],
  ["gift.description", { type: "text", label: "説明文", get: (r) => r.gift.description }],
  ["gift.contents", { type: "text", label: "内容量", get: (r) => r.gift.contents }],
  ["gift.procurementCost", { type: "number", label: "調達費用（1回あたり・税込）", get: (r) => r.gift.procurementCost }],
  [
    "gift.totalProcurementCost",
    { type: "number", label: "調達費用（定期便は全回分）", get: (r) => r.gift.procurementCost * deliveries(r.gift) },
  ],
  ["gift.shippingCost", { type: "number", label: "送料（1回あたり）", get: (r) => r.gift.shippingCost }],
  ["gift.shippingSize", { type: "text", label: "配送サイズ", get: (r) => r.gift.shippingSize }],
  ["gift.temperature", { type: "text", label: "温度帯", get: (r) => r.gift.temperature }],
  ["gift.handlingNotes", { type: "text", label: "取扱上の注意", get: (r) => r.gift.handlingNotes }],
  ["gift.bestBefore", { type: "text", label: "賞味期限・消費期限", get: (r) => r.gift.bestBefore }],
  ["gift.originOfIngredients", { type: "text", label: "原材料の産地", get: (r) => r.gift.originOfIngredients }],
  ["gift.placeOfProcessing", { type: "text", label: "加工地", get: (r) => r.gift.placeOfProcessing }],
  ["gift.applicationPeriod.from", { type: "date", label: "申込期間（開始）", get: (r) => r.gift.applicationPeriod.from }],
  ["gift.applicationPeriod.until", { type: "date", label: "申込期間（終了）", get: (r) => r.gift.applicationPeriod.until }],
  ["gift.deliveryPeriod", { type: "text", label: "配送時期", get: (r) => r.gift.deliveryPeriod }],
  ["gift.limitedQuantity", { type: "number", label: "数量限定（空欄は無制限）", get: (r) => r.gift.limitedQuantity }],
  ["gift.noshi", { type: "boolean", label: "のし対応", get: (r) => r.gift.noshi }],
  ["gift.wrapping", { type: "boolean", label: "包装対応", get: (r) => r.gift.wrapping }],
  ["gift.imageUrls", { type: "list", label: "画像URL（一覧）", get: (r) => r.gift.imageUrls }],
  ["gift.subscription.deliveries", { type: "number", label: "定期便の回数", get: (r) => r.gift.subscription?.deliveries ?? null }],
  ["gift.subscription.schedule", { type: "text", label: "定期便の頻度", get: (r) => r.gift.subscription?.schedule ?? null }],
  ["gift.localProductType", { type: "text", label: "地場産品類型", get: (r) => r.gift.localProductType }],
  ["gift.localProductReason", { type: "text", label: "地場産品該当理由", get: (r) => r.gift.localProductReason }],
  ["gift.evidenceCount", { type: "number", label: "根拠資料の件数", get: (r) => r.gift.evidenceCount }],
  [
    "gift.rawMaterialSamePrefecture",
    { type: "boolean", label: "原材料が同一都道府県産（3号イ）", get: (r) => r.gift.rawMaterialSamePrefecture },
  ],
  ["gift.certifications", { type: "list", label: "認証（名称の一覧）", get: (r) => r.gift.certifications.map((c) => c.name) }],
  [
    "gift.allergensPresent",
    {
      type: "list",
      label: "アレルゲン（「あり」の品目の一覧）",
      get: (r) =>
        Object.entries(r.gift.allergens)
          .filter(([, state]) => state === "あり")
          .map(([name]) => name),
    },
  ],
  ["gift.status", { type: "text", label: "返礼品の状態", get: (r) => r.gift.status }],
  ["listing.giftCode", { type: "text", label: "掲載: 返礼品コード", get: (r) => r.listing.giftCode }],
  ["listing.portalCode", { type: "text", label: "掲載: ポータルコード", get: (r) => r.listing.portalCode }],
  ["listing.donationAmount", { type: "number", label: "寄附金額", get: (r) => r.listing.donationAmount }],
  ["listing.titleVariant", { type: "text", label: "ポータル別の返礼品名（空欄は共通名）", get: (r) => r.listing.titleVariant }],
  ["listing.state", { type: "text", label: "掲載状態（受付中 / 停止）", get: (r) => r.listing.state }],
  ["listing.stock", { type: "number", label: "在庫数", get: (r) => r.listing.stock }],
  ["listing.listingDate", { type: "date", label: "掲載日", get: (r) => r.listing.listingDate }],
  ["listing.previousDonationAmount", { type: "number", label: "前回承認の寄附金額", get: (r) => r.listing.previousDonationAmount }],
  [
    // 返礼割合: 調達費用（定期便は全回分）÷ 寄附金額
    "listing.returnRatio",
    {
      type: "number",
      label: "返礼割合（調達費用÷寄附金額）",
      get: (r) => (r.listing.donationAmount > 0 ? (r.gift.procurementCost * deliveries(r.gift)) / r.listing.donationAmount : null),
    },
  ],
  ["portal.code", { type: "text", label: "ポータルコード", get: (r) => r.portal.code }],
  ["portal.name", { type: "text", label: "ポータル名", get: (r) => r.portal.name }],
  ["portal.feeRatio", { type: "number", label: "ポータル手数料率", get: (r) => r.portal.feeRatio }],
  ["portal.grantsPoints", { type: "boolean", label: "ポイント付与", get: (r) => r.portal.grantsPoints }],
  ...(["title", "catchCopy", "description", "supplierName", "contents"] as const).map((key): [string, FieldDef] => [
    `portal.fieldLimits.${key}`,
    { type: "number", label: `文字数上限（${key}）`, get: (r) => r.portal.fieldLimits[key] ?? null },
  ]),
];

const FIELDS: ReadonlyMap<string, FieldDef> = new Map(FIELD_DEFS);
const ALLERGEN_PREFIX = "gift.allergens.";
/** Fields that depend on the row's action rather than on the gift (see Compiled.usesAction). */
export const FIELDS_USING_ACTION = new Set(["action", "isNew"]);

/** The fields a template may use (for the template editor); `gift.allergens.<品目>` is open-ended as well. */
export function exportRowFields(): { path: string; type: ValueType; label: string }[] {
  return [
    ...FIELD_DEFS.map(([path, def]) => ({ path, type: def.type, label: def.label })),
    { path: `${ALLERGEN_PREFIX}<品目>`, type: "text", label: "アレルゲン表示（あり / なし / 未確認）" },
  ];
}

export function lookupField(path: string): FieldDef | null {
  const known = FIELDS.get(path);
  if (known) return known;
  if (path.startsWith(ALLERGEN_PREFIX)) {
    const name = path.slice(ALLERGEN_PREFIX.length);
    if (name.length > 0 && !name.includes(".")) {
      return {
        type: "text",
        label: `アレルゲン（${name}）`,
        get: (r) => (Object.hasOwn(r.gift.allergens, name) ? r.gift.allergens[name] : null),
      };
    }
  }
  return null;
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length];
}

function suggestField(path: string): string | null {
  const lower = path.toLowerCase();
  let best: string | null = null;
  let bestDistance = 3;
  for (const known of FIELDS.keys()) {
    if (known.toLowerCase().endsWith(`.${lower}`)) return known;
    const d = editDistance(lower, known.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [known, d];
  }
  return best;
}

export function unknownFieldMessage(path: string): string {
  const suggestion = suggestField(path);
  return `不明な項目です: ${path}${suggestion ? `（もしかして ${suggestion}）` : ""}`;
}
