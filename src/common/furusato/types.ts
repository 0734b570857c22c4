// ふるさと納税 (furusato module) catalog types shared by the rule engine, the portal export templates and the UI.
// Money is integer yen; dates are ISO "YYYY-MM-DD".

/** 返礼品の温度帯 */
export type Temperature = "常温" | "冷蔵" | "冷凍";
/** アレルゲン表示: each allergen is あり / なし / 未確認 */
export type AllergenState = "あり" | "なし" | "未確認";
/** 地場産品基準 (告示第5条) 類型: 1–9, with イ/ロ/ハ sub-types where the rule has them (e.g. "3イ") */
export type LocalProductType = "1" | "2" | "3" | "3イ" | "3ロ" | "4" | "5" | "6" | "7" | "8イ" | "8ロ" | "8ハ" | "9";

export type GiftStatus = "入力中" | "確認中" | "承認済" | "ポータル登録済" | "受付停止" | "取り下げ";

/** A certification whose validity matters on the listing date (e.g. 特別栽培, 地域ブランド認証). */
export interface Certification {
  name: string;
  validFrom: string | null;
  validUntil: string | null;
}

/** 定期便: n deliveries on a schedule; the procurement cost counts every delivery. */
export interface Subscription {
  deliveries: number;
  /** e.g. "毎月", "隔月", "年4回（3・6・9・12月）" */
  schedule: string;
}

export interface Gift {
  /** 事業者コード + 連番, e.g. "AB001" */
  code: string;
  supplierCode: string;
  supplierName: string;
  title: string;
  catchCopy: string;
  description: string;
  /** 内容量 */
  contents: string;
  /** 調達費用 (税込) per delivery, as of the listing date */
  procurementCost: number;
  /** 送料 per delivery (the city's cost of sending it) */
  shippingCost: number;
  /** size class for the carrier, e.g. "60", "80", "100" */
  shippingSize: string;
  temperature: Temperature;
  handlingNotes: string;
  allergens: Record<string, AllergenState>;
  /** 賞味期限・消費期限 */
  bestBefore: string;
  originOfIngredients: string;
  placeOfProcessing: string;
  /** 申込期間 / 配送期間 */
  applicationPeriod: { from: string | null; until: string | null };
  deliveryPeriod: string;
  /** 数量限定: null = unlimited */
  limitedQuantity: number | null;
  noshi: boolean;
  wrapping: boolean;
  imageUrls: string[];
  subscription: Subscription | null;
  localProductType: LocalProductType | null;
  /** 地場産品該当理由 (≤100 characters) */
  localProductReason: string;
  /** evidence files attached for the 類型 (count is enough for the rules) */
  evidenceCount: number;
  /** for 3号イ (熟成肉・精米): the raw material comes from the same prefecture */
  rawMaterialSamePrefecture: boolean | null;
  certifications: Certification[];
  status: GiftStatus;
}

/** A donation portal (寄附受付サイト) is data, not code. */
export interface Portal {
  code: string;
  name: string;
  /** the portal's fee as a share of the donation, e.g. 0.1 for 10% */
  feeRatio: number;
  /** gives extra points to donors (banned for listings from 2025-10-01) */
  grantsPoints: boolean;
  /** per-field character limits the portal enforces, e.g. { title: 200, catchCopy: 40 } */
  fieldLimits: Partial<Record<"title" | "catchCopy" | "description" | "supplierName" | "contents", number>>;
  active: boolean;
}

/** 掲載: a gift on a portal with its own donation amount and state. */
export interface Listing {
  giftCode: string;
  portalCode: string;
  /** 寄附金額 on this portal (yen) */
  donationAmount: number;
  /** portal-specific title variant (empty = the gift's title) */
  titleVariant: string;
  state: "受付中" | "停止";
  stock: number | null;
  /** the date the listing is (or will be) published on */
  listingDate: string;
  /** the donation amount last approved, for the price-sanity check */
  previousDonationAmount: number | null;
}

export type FindingSeverity = "error" | "warning";

/** One finding of the rule engine, explained in Japanese; errors block publishing. */
export interface RuleFinding {
  /** stable rule id, e.g. "return_ratio", "local_product_type", "portal_points", "field_limit", "price_jump" */
  rule: string;
  severity: FindingSeverity;
  message: string;
  giftCode: string;
  portalCode?: string;
  field?: string;
  /** values behind the finding (ratio, limit, length …) for display */
  detail?: Record<string, number | string | boolean | null>;
  /** true when a second person's approval can clear it (price sanity) */
  needsSecondApproval?: boolean;
}
