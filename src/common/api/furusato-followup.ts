// Contracts of the work that follows a donation (ふるさと納税, ledger half): 出荷依頼 (shipments), ワンストップ特例申請,
// 寄附金受領証明書 and the retention of donor personal data. Donor data appears only where the caller may see it
// (the server decides; fields are null or masked otherwise).
import { z } from "zod";
import { ONE_STOP_DOCUMENTS, ONE_STOP_STATUSES, SHIPMENT_STATUSES } from "../furusato/donation";
import { zJapaneseDate } from "../zod-japanese";
import { defineContract, idParams, pageOf, pageQuery } from "./contract";

const TAG = "furusato";
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日付は YYYY-MM-DD で指定してください。");
const bool = z.enum(["true", "false"]).transform((v) => v === "true");

// ------------------------------------------------------------------ shipments (出荷依頼)

export const CARRIERS = ["ヤマト運輸", "佐川急便", "日本郵便", "その他"] as const;
export type Carrier = (typeof CARRIERS)[number];

/** Limits shared by the supplier's form and the API. */
export const TRACKING_LIMITS = { bigCarrierMinDigits: 10, bigCarrierMaxDigits: 14, otherMaxLength: 30 } as const;

/**
 * 伝票番号の形式: digits and hyphens; the three big carriers use 10–14 digits (hyphens not counted).
 * Returns a Japanese message, or null when the number is acceptable. An empty number is allowed (not yet known).
 */
export function trackingNumberProblem(carrier: Carrier | "", trackingNumber: string): string | null {
  const value = trackingNumber.trim();
  if (value === "") return null;
  if (carrier === "") return "伝票番号を入れるときは配送業者を選んでください。";
  if (carrier === "その他") {
    return /^[0-9A-Za-z-]+$/.test(value) && value.length <= TRACKING_LIMITS.otherMaxLength
      ? null
      : `伝票番号は半角英数字とハイフンで${TRACKING_LIMITS.otherMaxLength}文字以内です。`;
  }
  if (!/^[0-9-]+$/.test(value) || value.startsWith("-") || value.endsWith("-") || value.includes("--"))
    return "伝票番号は半角数字とハイフンで入力してください。";
  const digits = value.replace(/-/g, "").length;
  if (digits < TRACKING_LIMITS.bigCarrierMinDigits || digits > TRACKING_LIMITS.bigCarrierMaxDigits)
    return `${carrier}の伝票番号は数字${TRACKING_LIMITS.bigCarrierMinDigits}〜${TRACKING_LIMITS.bigCarrierMaxDigits}桁です（いまは${digits}桁）。`;
  return null;
}

export const shipTo = z.object({
  name: z.string(),
  postalCode: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
});

export const shipment = z.object({
  id: z.string(),
  donationId: z.string(),
  orderNumber: z.string(),
  portalCode: z.string(),
  donatedOn: z.string(),
  giftId: z.string(),
  giftCode: z.string(),
  giftTitle: z.string(),
  quantity: z.number().int(),
  supplierId: z.string(),
  supplierName: z.string(),
  status: z.enum(SHIPMENT_STATUSES),
  requestedAt: z.string().nullable(),
  dueOn: z.string().nullable(),
  plannedOn: z.string().nullable(),
  carrier: z.string(),
  trackingNumber: z.string(),
  shippedOn: z.string().nullable(),
  version: z.number().int(),
  /** 依頼済 and past its 発送期限 */
  overdue: z.boolean(),
  /** お届け先: the module's managers, and the supplier for its own requested shipments; null for others */
  shipTo: shipTo.nullable(),
});
export type Shipment = z.infer<typeof shipment>;

/**
 * "todo" (the default) is the order of the work: 未発送 (未依頼・依頼済) first, oldest 発送期限 first (未依頼 have none
 * yet: oldest 寄附日 first), then 発送済, then 取消. The others sort by one column, as the clerk picks.
 */
export const SHIPMENT_SORTS = ["todo", "dueOn", "donatedOn", "requestedAt", "supplier", "status"] as const;

export const listShipments = defineContract({
  method: "get",
  path: "/api/furusato/shipments",
  tag: TAG,
  summary: "出荷依頼の一覧（事業者のアカウントでは自社の依頼のみ、お届け先つき）",
  allow: ["furusato.donors", "furusato.supplier"],
  query: z.object({
    supplierId: z.uuid().optional(),
    status: z.enum(SHIPMENT_STATUSES).optional(),
    overdue: bool.optional(),
    sort: z.enum(SHIPMENT_SORTS).default("todo"),
    order: z.enum(["asc", "desc"]).default("asc"),
    ...pageQuery,
  }),
  response: pageOf(shipment).extend({ today: z.string() }),
});

export const requestShipments = defineContract({
  method: "post",
  path: "/api/furusato/shipments/request",
  tag: TAG,
  summary: "未依頼の出荷を事業者に依頼（事業者ごとに全件、または選んだものだけ）",
  allow: ["furusato.manager"],
  body: z
    .object({
      supplierId: z.uuid().nullable().default(null),
      /** only these shipments (still 未依頼); null = every 未依頼 shipment (of the supplier) */
      ids: z.array(z.uuid()).min(1).max(1000).nullable().default(null),
    })
    .strict(),
  response: z.object({
    requested: z.number().int(),
    dueOn: z.string(),
    leadDays: z.number().int(),
    bySupplier: z.array(z.object({ supplierId: z.string(), supplierName: z.string(), count: z.number().int() })),
  }),
});

export const updateShipment = defineContract({
  method: "patch",
  path: "/api/furusato/shipments/:id",
  tag: TAG,
  summary: "発送予定日・配送業者・伝票番号の登録と発送済みの報告（事業者）",
  allow: ["furusato.manager", "furusato.supplier"],
  params: idParams,
  body: z
    .object({
      version: z.number().int().min(1),
      plannedOn: zJapaneseDate.nullable(),
      carrier: z.union([z.enum(CARRIERS), z.literal("")], { error: "配送業者を選んでください。" }),
      trackingNumber: z.string().trim().max(40),
      /** true: 発送済 (shippedOn defaults to today) */
      shipped: z.boolean(),
      shippedOn: zJapaneseDate.nullable(),
    })
    .strict()
    .superRefine((body, ctx) => {
      const problem = trackingNumberProblem(body.carrier, body.trackingNumber);
      if (problem) ctx.addIssue({ code: "custom", path: ["trackingNumber"], message: problem });
      if (body.shipped && body.carrier === "")
        ctx.addIssue({ code: "custom", path: ["carrier"], message: "発送済みにするには配送業者を選んでください。" });
    }),
  response: shipment,
});

export const backlogRow = z.object({
  supplierId: z.string(),
  supplierName: z.string(),
  unrequested: z.number().int(),
  requested: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  /** open shipments whose donation is dated in December (the year-end rush) */
  decemberOpen: z.number().int(),
});

export const shipmentBacklog = defineContract({
  method: "get",
  path: "/api/furusato/shipments/backlog",
  tag: TAG,
  summary: "事業者ごとの未発送（未依頼＋依頼済）・期限超過・12月寄附分の件数（年末の滞留確認）",
  allow: ["staff"],
  response: z.object({ today: z.string(), leadDays: z.number().int(), items: z.array(backlogRow) }),
});

export const exportShipments = defineContract({
  method: "get",
  path: "/api/furusato/shipments/export",
  tag: TAG,
  summary: "事業者への出荷依頼を CSV（Excel 用 CP932）で出力（お届け先を含むため記録されます）",
  allow: ["furusato.manager", "furusato.supplier"],
  kind: "file",
  query: z.object({
    supplierId: z.uuid().optional(),
    status: z.enum(["依頼済", "発送済"]).default("依頼済"),
    encoding: z.enum(["cp932", "utf-8-bom"]).default("cp932"),
  }),
  response: z.unknown(),
});

// ------------------------------------------------------------------ ワンストップ特例申請

export const oneStopItem = z.object({
  donationId: z.string(),
  orderNumber: z.string(),
  portalCode: z.string(),
  donatedOn: z.string(),
  amount: z.number().int(),
  /** masked (山田 **) unless a manager asked for names (reveal=true, recorded) */
  donorName: z.string(),
  status: z.enum(ONE_STOP_STATUSES),
  missing: z.array(z.enum(ONE_STOP_DOCUMENTS)),
  receivedOn: z.string().nullable(),
  note: z.string(),
  version: z.number().int(),
});
export type OneStopItem = z.infer<typeof oneStopItem>;

export const listOneStop = defineContract({
  method: "get",
  path: "/api/furusato/one-stop",
  tag: TAG,
  summary:
    "ワンストップ特例申請の一覧（寄附の暦年ごと）、状態・不足書類ごとの件数と申請期限。寄附者名は伏せ字で、担当者が reveal=true を指定したときだけ表示し、その閲覧を記録",
  allow: ["furusato.donors"],
  query: z.object({
    year: z.coerce.number().int().min(2008).max(2100).optional(),
    status: z.enum(ONE_STOP_STATUSES).optional(),
    missing: z.enum(ONE_STOP_DOCUMENTS).optional(),
    /** donors' names in full: the module's managers only, and the look is recorded */
    reveal: z.enum(["true", "false"]).default("false"),
    ...pageQuery,
  }),
  response: pageOf(oneStopItem).extend({
    canReveal: z.boolean(),
    revealed: z.boolean(),
    year: z.number().int(),
    /** 申請期限 (1月10日 of the next year) */
    deadline: z.string(),
    /** days from today to the deadline (negative once it has passed) */
    daysLeft: z.number().int(),
    byStatus: z.record(z.string(), z.number().int()),
    byMissing: z.record(z.string(), z.number().int()),
    canEdit: z.boolean(),
  }),
});

export const updateOneStop = defineContract({
  method: "patch",
  path: "/api/furusato/one-stop/:id",
  tag: TAG,
  summary: "ワンストップ特例申請の受付・不備・受理を記録（id は寄附のID）",
  allow: ["furusato.manager"],
  params: idParams,
  body: z
    .object({
      version: z.number().int().min(1),
      status: z.enum(ONE_STOP_STATUSES),
      missing: z.array(z.enum(ONE_STOP_DOCUMENTS)).max(ONE_STOP_DOCUMENTS.length),
      receivedOn: zJapaneseDate.nullable(),
      note: z.string().trim().max(500),
    })
    .strict()
    .superRefine((body, ctx) => {
      if (body.status === "不備" && body.missing.length === 0)
        ctx.addIssue({ code: "custom", path: ["missing"], message: "不備のときは不足している書類を1つ以上選んでください。" });
      if (body.status === "受理" && body.missing.length > 0)
        ctx.addIssue({ code: "custom", path: ["missing"], message: "不足書類があるうちは受理できません。" });
    }),
  response: oneStopItem,
});

// ------------------------------------------------------------------ 寄附金受領証明書

export const certificateCandidate = z.object({
  donationId: z.string(),
  orderNumber: z.string(),
  portalCode: z.string(),
  donatedOn: z.string(),
  amount: z.number().int(),
  donorName: z.string(),
});

const certificateFilter = {
  from: isoDate.optional(),
  to: isoDate.optional(),
  portalCode: z.string().max(40).optional(),
};

export const listCertificateCandidates = defineContract({
  method: "get",
  path: "/api/furusato/certificates/pending",
  tag: TAG,
  summary:
    "受領証明書がまだ発行されていない入金済の寄附（寄附日の範囲・サイトで絞り込み）。寄附者名は伏せ字で、担当者が reveal=true を指定したときだけ表示し、その閲覧を記録",
  allow: ["furusato.donors"],
  query: z.object({ ...certificateFilter, reveal: z.enum(["true", "false"]).default("false"), ...pageQuery }),
  response: pageOf(certificateCandidate).extend({ canReveal: z.boolean(), revealed: z.boolean() }),
});

export const startCertificateBatch = defineContract({
  method: "post",
  path: "/api/furusato/certificates/batches",
  tag: TAG,
  summary: "受領証明書の一括作成（PDF、1寄附1ページ）をジョブとして開始",
  allow: ["furusato.manager"],
  body: z
    .object({
      from: isoDate.nullable().default(null),
      to: isoDate.nullable().default(null),
      portalCode: z.string().max(40).nullable().default(null),
      /** only these donations (still without a certificate); null = every matching one */
      donationIds: z.array(z.uuid()).min(1).max(5000).nullable().default(null),
    })
    .strict(),
  response: z.object({ jobId: z.string() }),
});

export const certificateBatch = z.object({
  id: z.string(),
  certificateCount: z.number().int(),
  firstNumber: z.string().nullable(),
  lastNumber: z.string().nullable(),
  reissue: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string(),
});

export const listCertificateBatches = defineContract({
  method: "get",
  path: "/api/furusato/certificates/batches",
  tag: TAG,
  summary: "作成した受領証明書のまとまり（PDF）の一覧",
  allow: ["furusato.manager"],
  response: z.object({ items: z.array(certificateBatch) }),
});

export const downloadCertificateBatch = defineContract({
  method: "get",
  path: "/api/furusato/certificates/batches/:id/pdf",
  tag: TAG,
  summary: "受領証明書のファイル（PDF、1,000件を超えると PDF をまとめた ZIP）をもう一度ダウンロード（記録されます）",
  allow: ["furusato.manager"],
  kind: "file",
  params: idParams,
  response: z.unknown(),
});

export const issuedCertificate = z.object({
  id: z.string(),
  certificateNumber: z.string(),
  donationId: z.string(),
  orderNumber: z.string(),
  donatedOn: z.string(),
  amount: z.number().int(),
  issuedOn: z.string(),
  reissue: z.boolean(),
  batchId: z.string(),
});

export const listCertificates = defineContract({
  method: "get",
  path: "/api/furusato/certificates",
  tag: TAG,
  summary: "発行した受領証明書の一覧（証明書番号・受付番号で検索）",
  allow: ["furusato.manager"],
  query: z.object({ q: z.string().trim().max(100).optional(), ...pageQuery }),
  response: pageOf(issuedCertificate),
});

export const reissueCertificate = defineContract({
  method: "post",
  path: "/api/furusato/certificates/:id/reissue",
  tag: TAG,
  summary: "受領証明書の再発行（新しい番号、再発行と元の番号を記載）",
  allow: ["furusato.manager"],
  params: idParams,
  body: z.object({}).strict(),
  response: z.object({ batchId: z.string(), certificateNumber: z.string() }),
});

// ------------------------------------------------------------------ retention (保存期間)

export const retentionStatus = defineContract({
  method: "get",
  path: "/api/furusato/retention",
  tag: TAG,
  summary: "寄附者情報の保存期間と、匿名化の対象になる寄附の件数（システム管理者）",
  allow: ["admin"],
  response: z.object({
    years: z.number().int(),
    /** donations of this fiscal year and earlier are anonymised */
    cutoffFiscalYear: z.number().int(),
    eligible: z.number().int(),
  }),
});

export const runRetention = defineContract({
  method: "post",
  path: "/api/furusato/retention",
  tag: TAG,
  summary: "保存期間を過ぎた寄附者の個人情報を匿名化（ジョブ、システム管理者）",
  allow: ["admin"],
  body: z.object({}).strict(),
  response: z.object({ jobId: z.string() }),
});
