// Contracts of the furusato ledger's ingest: 使い道 master, 取込設定 (mappings), 取込 and the donation ledger.
import { z } from "zod";
import { DONATION_STATUSES, DONOR_GENDERS, PAYMENT_METHODS } from "../furusato/donation";
import { DONATION_FIELDS, donationMappingConfigSchema, MAPPED_FIELDS } from "../furusato/donation-mapping";
import { TABLE_UPLOAD_MAX_BYTES } from "../upload-limits";
import { defineContract, idParams, pageOf, pageQuery } from "./contract";

// ------------------------------------------------------------------ 使い道 (master)

export const fundUse = z.object({ code: z.string(), name: z.string(), active: z.boolean(), isSample: z.boolean() });

export const listFundUses = defineContract({
  method: "get",
  path: "/api/furusato/fund-uses",
  tag: "furusato",
  summary: "寄附金の使い道（マスタ）の一覧",
  allow: ["staff"],
  response: z.object({ items: z.array(fundUse) }),
});

export const createFundUse = defineContract({
  method: "post",
  path: "/api/furusato/fund-uses",
  tag: "furusato",
  summary: "寄附金の使い道を追加",
  allow: ["furusato.manager"],
  body: z
    .object({
      code: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_-]{1,20}$/, "コードは半角英数字・ハイフン・下線の20文字以内です。"),
      name: z.string().trim().min(1, "名称を入力してください。").max(100, "名称は100文字以内です。"),
    })
    .strict(),
  response: fundUse,
});

// ------------------------------------------------------------------ 取込設定 (mappings)

export const mappingSummary = z.object({
  id: z.string(),
  portalCode: z.string(),
  portalName: z.string(),
  name: z.string(),
  version: z.number().int(),
  isSample: z.boolean(),
  importCount: z.number().int(),
});

export const mappingDetail = mappingSummary.extend({ config: donationMappingConfigSchema });
export type MappingDetail = z.infer<typeof mappingDetail>;

export const listMappings = defineContract({
  method: "get",
  path: "/api/furusato/donation-mappings",
  tag: "furusato",
  summary: "寄附データの取込設定の一覧",
  allow: ["staff"],
  response: z.object({
    items: z.array(mappingSummary),
    /** field → Japanese name, for the mapping editor */
    fields: z.record(z.string(), z.string()),
    shipped: z.array(z.object({ key: z.string(), name: z.string(), portalCode: z.string() })),
  }),
});

export const getMapping = defineContract({
  method: "get",
  path: "/api/furusato/donation-mappings/:id",
  tag: "furusato",
  summary: "取込設定の詳細",
  allow: ["staff"],
  params: idParams,
  response: mappingDetail,
});

export const createMapping = defineContract({
  method: "post",
  path: "/api/furusato/donation-mappings",
  tag: "furusato",
  summary: "取込設定を作成（用意された設定 shipped を写すか、config を指定）",
  allow: ["furusato.manager"],
  body: z
    .object({
      portalCode: z.string().min(1, "寄附受付サイトを選んでください。"),
      name: z.string().trim().min(1, "名称を入力してください。").max(100, "名称は100文字以内です。"),
      shipped: z.string().max(40).optional(),
      config: donationMappingConfigSchema.optional(),
    })
    .strict(),
  response: mappingDetail,
});

export const updateMapping = defineContract({
  method: "put",
  path: "/api/furusato/donation-mappings/:id",
  tag: "furusato",
  summary: "取込設定を保存（version が一致しないときは 409）",
  allow: ["furusato.manager"],
  params: idParams,
  body: z.object({ name: z.string().trim().min(1).max(100), config: donationMappingConfigSchema, version: z.number().int() }).strict(),
  response: mappingDetail,
});

export const mapUnknownValue = defineContract({
  method: "post",
  path: "/api/furusato/donation-mappings/:id/value-map",
  tag: "furusato",
  summary: "取込で見つかった未登録の値を、既存の値に対応づける（ワンクリックの修正）",
  allow: ["furusato.manager"],
  params: idParams,
  body: z
    .object({
      field: z.enum(MAPPED_FIELDS),
      value: z.string().min(1).max(200),
      /** the ledger's value: a payment method, status, gender, 使い道 code, gift code, or "true"/"false" */
      target: z.string().min(1).max(100),
    })
    .strict(),
  response: mappingDetail,
});

// ------------------------------------------------------------------ 取込

export const startDonationImport = defineContract({
  method: "post",
  path: "/api/furusato/donation-mappings/:id/imports",
  tag: "furusato",
  summary:
    "寄附データのファイル（CSV: UTF-8 / Shift_JIS、Excel）を取込設定で取り込む（multipart/form-data の file 項目）。全行が正しいときだけ反映。進捗と結果は /api/jobs/:id",
  allow: ["furusato.manager"],
  kind: "multipart",
  uploadMaxBytes: TABLE_UPLOAD_MAX_BYTES,
  params: idParams,
  response: z.object({ jobId: z.string() }),
});

export const donationImportResult = z.union([
  z.object({
    ok: z.literal(true),
    duplicate: z.boolean(),
    importId: z.string().nullable(),
    rowCount: z.number(),
    created: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    summary: z.string(),
  }),
  z.object({
    ok: z.literal(false),
    errorCount: z.number(),
    errors: z.array(z.object({ row: z.number(), column: z.string().optional(), message: z.string() })),
    unknownValues: z.array(z.object({ field: z.enum(MAPPED_FIELDS), value: z.string(), count: z.number(), firstRow: z.number() })),
    reportFileId: z.string(),
  }),
]);
export type DonationImportResultBody = z.infer<typeof donationImportResult>;

export const donationImport = z.object({
  id: z.string(),
  portalCode: z.string(),
  mappingName: z.string(),
  fileName: z.string(),
  rowCount: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
});

export const listDonationImports = defineContract({
  method: "get",
  path: "/api/furusato/donation-imports",
  tag: "furusato",
  summary: "寄附データの取込履歴",
  allow: ["staff"],
  query: z.object({ ...pageQuery }).strict(),
  response: pageOf(donationImport),
});

export const sampleDonationFile = defineContract({
  method: "get",
  path: "/api/furusato/donation-samples/:key",
  tag: "furusato",
  summary: "取込設定に合わせた見本ファイル（架空の寄附者）をダウンロード",
  allow: ["staff"],
  kind: "file",
  params: z.object({ key: z.enum(["rakuten-order", "generic"]) }),
  response: z.unknown(),
});

// ------------------------------------------------------------------ 寄附台帳

export const donationSummary = z.object({
  id: z.string(),
  portalCode: z.string(),
  portalName: z.string(),
  orderNumber: z.string(),
  donatedOn: z.string(),
  fiscalYear: z.number().int(),
  amount: z.number().int(),
  status: z.enum(DONATION_STATUSES),
  paymentMethod: z.enum(PAYMENT_METHODS),
  fundUseName: z.string().nullable(),
  isResident: z.boolean(),
  oneStopWish: z.boolean(),
  /** masked (山田 **) unless the caller may see personal data and asked for it */
  donorName: z.string(),
  giftTitles: z.array(z.string()),
  anonymised: z.boolean(),
  isSample: z.boolean(),
});
export type DonationSummary = z.infer<typeof donationSummary>;

export const donationSort = z.enum(["donatedOn", "-donatedOn", "amount", "-amount", "orderNumber", "-orderNumber"]);

const donationFilters = {
  fiscalYear: z.coerce.number().int().min(2008).max(2100).optional(),
  portal: z.string().max(30).optional(),
  status: z.enum(DONATION_STATUSES).optional(),
  /** 受付番号 (prefix) */
  q: z.string().trim().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
};

export const listDonations = defineContract({
  method: "get",
  path: "/api/furusato/donations",
  tag: "furusato",
  summary: "寄附台帳（寄附者名は伏せ字。担当者が reveal=true を指定したときだけ表示し、その閲覧を記録）",
  allow: ["furusato.donors"],
  query: z
    .object({
      ...pageQuery,
      ...donationFilters,
      sort: donationSort.default("-donatedOn"),
      reveal: z.enum(["true", "false"]).default("false"),
    })
    .strict(),
  response: pageOf(donationSummary).extend({ canReveal: z.boolean(), revealed: z.boolean() }),
});

const person = z.object({
  name: z.string().nullable(),
  kana: z.string().nullable(),
  postalCode: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  gender: z.enum(DONOR_GENDERS).nullable(),
});

export const donationDetail = donationSummary.extend({
  appliedOn: z.string(),
  paidOn: z.string().nullable(),
  publicationConsent: z.boolean(),
  /** null for callers who may not see personal data */
  donor: person.nullable(),
  shipTo: person.omit({ kana: true, email: true, gender: true }).nullable(),
  items: z.array(
    z.object({ lineNo: z.number().int(), giftCode: z.string(), giftTitle: z.string().nullable(), quantity: z.number().int() }),
  ),
  shipments: z.array(
    z.object({
      lineNo: z.number().int(),
      status: z.string(),
      dueOn: z.string().nullable(),
      shippedOn: z.string().nullable(),
      trackingNumber: z.string(),
    }),
  ),
  oneStop: z.object({ status: z.string(), missing: z.array(z.string()) }).nullable(),
  certificates: z.array(z.object({ number: z.string(), issuedOn: z.string(), reissue: z.boolean() })),
  importFileName: z.string().nullable(),
});
export type DonationDetail = z.infer<typeof donationDetail>;

export const getDonation = defineContract({
  method: "get",
  path: "/api/furusato/donations/:id",
  tag: "furusato",
  summary: "寄附の詳細（寄附者の個人情報は担当者だけに表示し、閲覧を記録）",
  allow: ["furusato.donors"],
  params: idParams,
  response: donationDetail,
});

export const exportDonations = defineContract({
  method: "get",
  path: "/api/furusato/donations/export",
  tag: "furusato",
  summary: "寄附台帳を CSV（Shift_JIS）か Excel で書き出す。個人情報を含むため担当者のみ、書き出しは監査ログに記録",
  allow: ["furusato.donors"],
  kind: "file",
  query: z
    .object({ ...donationFilters, format: z.enum(["csv", "xlsx"]).default("csv"), personal: z.enum(["true", "false"]).default("false") })
    .strict(),
  response: z.unknown(),
});

export const DONATION_FIELD_NAMES = DONATION_FIELDS;
