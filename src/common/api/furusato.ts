// Contracts of the furusato module (ふるさと納税), catalog half: suppliers, gifts, costs, review, listings, portals.
import { z } from "zod";
import { giftDetailsSchema } from "../furusato/gift-schema";
import { DOCUMENT_UPLOAD_MAX_BYTES } from "../upload-limits";
import { zJapaneseDate } from "../zod-japanese";
import { defineContract, idParams, okResponse } from "./contract";

export const GIFT_STATUSES = ["入力中", "確認中", "承認済", "ポータル登録済", "受付停止", "取り下げ"] as const;
export const GIFT_ACTIONS = ["提出", "差戻し", "承認", "受付停止", "再開", "取り下げ"] as const;

const yen = (label: string) =>
  z
    .number({ error: `${label}を数値で入力してください。` })
    .int(`${label}は円単位の整数です。`)
    .min(0, `${label}は0円以上です。`)
    .max(100_000_000);

export const ruleFinding = z.object({
  rule: z.string(),
  severity: z.enum(["error", "warning"]),
  message: z.string(),
  giftCode: z.string(),
  portalCode: z.string().optional(),
  field: z.string().optional(),
  detail: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])).optional(),
  needsSecondApproval: z.boolean().optional(),
});

export const supplierSummary = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  status: z.enum(["受付中", "受付停止"]),
  giftCount: z.number().int(),
  isSample: z.boolean(),
});

export const supplierDetail = supplierSummary.extend({
  organisationId: z.string().nullable(),
  contactName: z.string(),
  contactPhone: z.string(),
  contactEmail: z.string(),
  address: z.string(),
  /** bank details: shown to the module's staff only (null for others) */
  bank: z.record(z.string(), z.string()).nullable(),
  events: z.array(z.object({ kind: z.string(), occurredOn: z.string(), note: z.string(), authorLabel: z.string(), createdAt: z.string() })),
  /** documents the supplier or staff filed (許可証・検査結果 …) */
  documents: z.array(z.object({ fileId: z.string(), title: z.string(), name: z.string(), authorLabel: z.string(), createdAt: z.string() })),
});
export type SupplierDetail = z.infer<typeof supplierDetail>;

export const listing = z.object({
  portalCode: z.string(),
  portalName: z.string(),
  donationAmount: z.number().int(),
  approvedDonationAmount: z.number().int().nullable(),
  titleVariant: z.string(),
  state: z.enum(["受付中", "停止"]),
  stock: z.number().int().nullable(),
  listingDate: z.string(),
});

export const giftSummary = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  supplierId: z.string(),
  supplierName: z.string(),
  status: z.enum(GIFT_STATUSES),
  procurementCost: z.number().int().nullable(),
  deliveries: z.number().int(),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
  blocked: z.boolean(),
  isSample: z.boolean(),
});
export type GiftSummary = z.infer<typeof giftSummary>;

export const giftDetail = giftSummary.extend({
  version: z.number().int(),
  details: giftDetailsSchema,
  shippingCost: z.number().int().nullable(),
  costEffectiveFrom: z.string().nullable(),
  copiedFrom: z.string().nullable(),
  /** a supplier's proposed change to this approved gift, waiting for staff review */
  pendingDetails: giftDetailsSchema.nullable(),
  pendingAt: z.string().nullable(),
  /** the caller's edit becomes a change proposal (a supplier editing an approved gift) */
  editProposes: z.boolean(),
  costs: z.array(
    z.object({
      effectiveFrom: z.string(),
      procurementCost: z.number(),
      shippingCost: z.number(),
      authorLabel: z.string(),
      createdAt: z.string(),
    }),
  ),
  reviews: z.array(
    z.object({
      action: z.string(),
      fromStatus: z.string(),
      toStatus: z.string(),
      comment: z.string(),
      actorLabel: z.string(),
      createdAt: z.string(),
    }),
  ),
  listings: z.array(listing),
  findings: z.array(ruleFinding),
  suggestions: z.array(z.object({ portalCode: z.string(), amount: z.number().int(), floor: z.number().int(), explanation: z.string() })),
  /** what the caller may do now */
  allowedActions: z.array(z.enum(GIFT_ACTIONS)),
  canEdit: z.boolean(),
});
export type GiftDetail = z.infer<typeof giftDetail>;

export const portal = z.object({
  code: z.string(),
  name: z.string(),
  feeRatio: z.number(),
  grantsPoints: z.boolean(),
  fieldLimits: z.record(z.string(), z.number()),
  template: z.unknown(),
  active: z.boolean(),
});

// ------------------------------------------------------------------ suppliers

export const listSuppliers = defineContract({
  method: "get",
  path: "/api/furusato/suppliers",
  tag: "furusato",
  summary: "返礼品提供事業者の一覧（事業者のアカウントでは自社のみ）",
  allow: ["staff", "furusato.supplier"],
  response: z.object({ items: z.array(supplierSummary) }),
});

// 連絡先と振込先: the same rules in the forms and in the API.
const nfkc = (value: unknown) => (typeof value === "string" ? value.normalize("NFKC").trim() : value);

/** 電話番号: digits and hyphens, 10 or 11 digits (全角 digits and hyphens are accepted and made 半角). */
export const supplierPhone = z.preprocess(
  (value) =>
    typeof value === "string"
      ? value
          .normalize("NFKC")
          .replace(/[‐－―ー−]/g, "-")
          .trim()
      : value,
  z
    .string()
    .max(30)
    .refine((phone) => phone === "" || (/^[0-9-]+$/.test(phone) && /^\d{10,11}$/.test(phone.replaceAll("-", ""))), {
      message: "電話番号は数字とハイフンで、10桁か11桁で入力してください（例: 093-582-2102）。",
    }),
);

export const supplierContactFields = {
  contactName: z.string().trim().max(100, "担当者名は100文字以内で入力してください。"),
  contactPhone: supplierPhone,
  contactEmail: z.union([z.literal(""), z.email("メールアドレスの形式が正しくありません。")]),
  address: z.string().trim().max(200, "所在地は200文字以内で入力してください。"),
};

export const BANK_ACCOUNT_TYPES = ["普通", "当座", "貯蓄"] as const;

/** 口座名義 (after NFKC: 半角カナ made 全角, 全角 marks made 半角): カタカナ, with the spaces and marks banks accept. */
const KANA_HOLDER = /^[ァ-ヶー・ A-Z0-9().,\-/]+$/;

export const supplierBank = z
  .object({
    bankName: z.preprocess(nfkc, z.string().min(1, "金融機関名を入力してください。").max(60)),
    branchName: z.preprocess(nfkc, z.string().min(1, "支店名を入力してください。").max(60)),
    accountType: z.enum(BANK_ACCOUNT_TYPES, { error: "口座種別を選んでください。" }),
    accountNumber: z.preprocess(nfkc, z.string().regex(/^\d{7}$/, "口座番号は7桁の数字で入力してください。")),
    accountHolder: z.preprocess(
      nfkc,
      z
        .string()
        .min(1, "口座名義を入力してください。")
        .max(100)
        .regex(KANA_HOLDER, "口座名義はカタカナで入力してください（例: キタキユウシユウシヨクヒン）。"),
    ),
  })
  .strict();
export type SupplierBank = z.infer<typeof supplierBank>;

/** 振込先の項目名 (the keys of a structured bank; older free-form keys are shown as they are). */
export const BANK_FIELD_LABELS: Record<keyof SupplierBank, string> = {
  bankName: "金融機関名",
  branchName: "支店名",
  accountType: "口座種別",
  accountNumber: "口座番号",
  accountHolder: "口座名義（カナ）",
};

/** 口座番号 as lists show it: only the last three digits. */
export const maskAccountNumber = (number: string) => (number.length <= 3 ? number : `${"＊".repeat(number.length - 3)}${number.slice(-3)}`);

const supplierFields = {
  code: z
    .string()
    .trim()
    .regex(/^[A-Z]{2,4}$/, "事業者コードは英大文字2〜4文字です。"),
  name: z.string().trim().min(1, "事業者名を入力してください。").max(100),
  ...supplierContactFields,
  // 振込先 not yet known ({}) or the structured 振込先, checked as on the 振込先 form
  bank: z.union([z.strictObject({}), supplierBank]),
};

export const createSupplier = defineContract({
  method: "post",
  path: "/api/furusato/suppliers",
  tag: "furusato",
  summary: "返礼品提供事業者を登録（事業者用の組織も作られます）",
  allow: ["furusato.manager"],
  body: z.object(supplierFields).strict(),
  response: supplierDetail,
});

export const getSupplier = defineContract({
  method: "get",
  path: "/api/furusato/suppliers/:id",
  tag: "furusato",
  summary: "返礼品提供事業者の詳細と検査・受付停止の記録",
  allow: ["staff", "furusato.supplier"],
  params: idParams,
  response: supplierDetail,
});

export const addSupplierEvent = defineContract({
  method: "post",
  path: "/api/furusato/suppliers/:id/events",
  tag: "furusato",
  summary: "検査の記録、受付停止（全掲載を停止）、解除",
  allow: ["furusato.manager"],
  params: idParams,
  body: z.object({ kind: z.enum(["検査", "受付停止", "解除"]), occurredOn: zJapaneseDate, note: z.string().trim().max(1000) }).strict(),
  response: supplierDetail,
});

export const updateSupplierContact = defineContract({
  method: "put",
  path: "/api/furusato/suppliers/:id/contact",
  tag: "furusato",
  summary: "事業者の担当者名・電話番号・メールアドレス・所在地を変更（事業者のアカウントでは自社のみ）",
  allow: ["furusato.manager", "furusato.supplier"],
  params: idParams,
  body: z.object(supplierContactFields).strict(),
  response: supplierDetail,
});

export const updateSupplierBank = defineContract({
  method: "put",
  path: "/api/furusato/suppliers/:id/bank",
  tag: "furusato",
  summary: "事業者の振込先（金融機関・支店・口座種別・口座番号7桁・口座名義カナ）を変更（監査ログには値を残しません）",
  allow: ["furusato.manager"],
  params: idParams,
  body: supplierBank,
  response: supplierDetail,
});

export const createSupplierUser = defineContract({
  method: "post",
  path: "/api/furusato/suppliers/:id/users",
  tag: "furusato",
  summary: "事業者のログインアカウントを作成（外部パートナー権限）",
  allow: ["furusato.manager"],
  params: idParams,
  body: z
    .object({
      loginId: z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z0-9._@-]{3,100}$/, "ログインIDは半角英数字と . _ @ - で3文字以上です。"),
      displayName: z.string().trim().min(1, "氏名を入力してください。").max(100),
      password: z.string().min(1).max(128),
    })
    .strict(),
  response: okResponse,
});

// ------------------------------------------------------------------ gifts

export const listGifts = defineContract({
  method: "get",
  path: "/api/furusato/gifts",
  tag: "furusato",
  summary: "返礼品の一覧（ルール違反の件数つき）",
  allow: ["staff", "furusato.supplier"],
  query: z.object({ supplierId: z.uuid().optional(), status: z.enum(GIFT_STATUSES).optional(), q: z.string().max(100).optional() }),
  response: z.object({ items: z.array(giftSummary) }),
});

export const createGift = defineContract({
  method: "post",
  path: "/api/furusato/gifts",
  tag: "furusato",
  summary: "返礼品を登録（事業者の提案、または市の担当者が入力）",
  allow: ["furusato.manager", "furusato.supplier"],
  body: z
    .object({
      supplierId: z.uuid("事業者を選んでください。"),
      details: giftDetailsSchema,
      procurementCost: yen("調達費用"),
      shippingCost: yen("送料"),
      costEffectiveFrom: zJapaneseDate,
    })
    .strict(),
  response: giftDetail,
});

export const getGift = defineContract({
  method: "get",
  path: "/api/furusato/gifts/:id",
  tag: "furusato",
  summary: "返礼品の詳細：費用の履歴、確認の記録、掲載、ルールの判定、推奨寄附金額",
  allow: ["staff", "furusato.supplier"],
  params: idParams,
  response: giftDetail,
});

export const updateGift = defineContract({
  method: "put",
  path: "/api/furusato/gifts/:id",
  tag: "furusato",
  summary: "返礼品の内容を変更（事業者は入力中のみ）",
  allow: ["furusato.manager", "furusato.supplier"],
  params: idParams,
  body: z.object({ version: z.number().int(), details: giftDetailsSchema }).strict(),
  response: giftDetail,
});

export const copyGift = defineContract({
  method: "post",
  path: "/api/furusato/gifts/:id/copy",
  tag: "furusato",
  summary: "返礼品を複製して似た返礼品を作り始める",
  allow: ["furusato.manager", "furusato.supplier"],
  params: idParams,
  body: z.object({}).strict(),
  response: giftDetail,
});

export const changeGiftCost = defineContract({
  method: "post",
  path: "/api/furusato/gifts/:id/costs",
  tag: "furusato",
  summary: "調達費用・送料を改定（日付つきの履歴。全サイトの3割を再判定）",
  allow: ["furusato.manager", "furusato.supplier"],
  params: idParams,
  body: z.object({ effectiveFrom: zJapaneseDate, procurementCost: yen("調達費用"), shippingCost: yen("送料") }).strict(),
  response: giftDetail,
});

export const transitionGift = defineContract({
  method: "post",
  path: "/api/furusato/gifts/:id/transitions",
  tag: "furusato",
  summary: "提出・差戻し・承認・受付停止（全サイト停止）・再開・取り下げ",
  allow: ["furusato.manager", "furusato.supplier"],
  params: idParams,
  body: z.object({ action: z.enum(GIFT_ACTIONS), comment: z.string().trim().max(1000) }).strict(),
  response: giftDetail,
});

const listingParams = z.object({ id: z.uuid(), portalCode: z.string().max(30) });

export const setListing = defineContract({
  method: "put",
  path: "/api/furusato/gifts/:id/listings/:portalCode",
  tag: "furusato",
  summary: "寄附受付サイトへの掲載（寄附金額・表示名・在庫・掲載日）",
  allow: ["furusato.manager"],
  params: listingParams,
  body: z
    .object({
      donationAmount: z.number().int().min(1000, "寄附金額は1,000円以上です。").max(100_000_000),
      titleVariant: z.string().trim().max(300),
      stock: z.number().int().min(0).nullable(),
      listingDate: zJapaneseDate,
    })
    .strict(),
  response: giftDetail,
});

export const approveListingAmount = defineContract({
  method: "post",
  path: "/api/furusato/gifts/:id/listings/:portalCode/approve",
  tag: "furusato",
  summary: "大きく変わった寄附金額をダブルチェックして承認（変更した本人以外）",
  allow: ["furusato.manager"],
  params: listingParams,
  body: z.object({}).strict(),
  response: giftDetail,
});

// ------------------------------------------------------------------ portals

export const listPortals = defineContract({
  method: "get",
  path: "/api/furusato/portals",
  tag: "furusato",
  summary: "寄附受付サイトの一覧（手数料・ポイント・項目の文字数上限・出力テンプレート）",
  allow: ["staff", "furusato.supplier"],
  response: z.object({ items: z.array(portal) }),
});

const portalCodeParams = z.object({
  code: z.string().regex(/^[a-z0-9-]{2,30}$/, "サイトのコードは半角英小文字・数字・- で2〜30文字です。"),
});

/** A portal's settings, shared by both ways of saving one (a template as JSON, or ふるさとチョイス's header). */
const portalSettings = {
  name: z.string().trim().min(1, "サイト名を入力してください。").max(100),
  feeRatio: z.number().min(0).max(0.99),
  grantsPoints: z.boolean(),
  fieldLimits: z.partialRecord(
    z.enum(["title", "catchCopy", "description", "supplierName", "contents"]),
    z.number().int().min(1).max(100000),
  ),
};

export const savePortal = defineContract({
  method: "put",
  path: "/api/furusato/portals/:code",
  tag: "furusato",
  summary: "寄附受付サイトを追加・変更（コード変更なしでテンプレートも設定可能）",
  allow: ["furusato.manager"],
  params: portalCodeParams,
  body: z
    .object({
      ...portalSettings,
      template: z.unknown(),
      active: z.boolean(),
    })
    .strict(),
  response: portal,
});

export { idParams };

// ------------------------------------------------------------------ access and evidence

export const getFurusatoAccess = defineContract({
  method: "get",
  path: "/api/furusato/access",
  tag: "furusato",
  summary: "自分がこのモジュールで行えること（担当者か、どの事業者のアカウントか）",
  allow: ["staff", "furusato.supplier"],
  response: z.object({
    manager: z.boolean(),
    /** may open donors' records (寄附台帳・出荷依頼・ワンストップ特例): staff of the organisation that runs ふるさと納税 */
    donors: z.boolean(),
    supplierId: z.string().nullable(),
    supplierName: z.string().nullable(),
  }),
});

export const uploadEvidence = defineContract({
  method: "post",
  path: "/api/furusato/gifts/:id/evidence",
  tag: "furusato",
  summary: "地場産品の根拠資料を添付（multipart/form-data の file 項目。PDF・PNG・JPEG、10MB まで）",
  allow: ["furusato.manager", "furusato.supplier"],
  kind: "multipart",
  uploadMaxBytes: DOCUMENT_UPLOAD_MAX_BYTES,
  params: idParams,
  response: giftDetail,
});

export const downloadEvidence = defineContract({
  method: "get",
  path: "/api/furusato/gifts/:id/evidence/:fileId",
  tag: "furusato",
  summary: "地場産品の根拠資料をダウンロード",
  allow: ["staff", "furusato.supplier"],
  kind: "file",
  params: z.object({ id: z.uuid(), fileId: z.uuid() }),
  response: z.unknown(),
});

// ------------------------------------------------------------------ publishing (一括出力)

const portalDiff = z.object({
  portalCode: z.string(),
  portalName: z.string(),
  file: z.string().nullable(),
  added: z.array(z.string()),
  changed: z.array(z.object({ giftCode: z.string(), fields: z.array(z.string()), reopened: z.boolean() })),
  stopped: z.array(z.string()),
  unchanged: z.number().int(),
  missing: z.array(z.string()),
  fieldEditsAvoided: z.number().int(),
  templateChanged: z.boolean(),
  unencodable: z.array(
    z.object({ row: z.number(), column: z.number(), char: z.string(), header: z.string(), giftCode: z.string().nullable() }),
  ),
});

export const publishPlan = z.object({
  diff: z.array(portalDiff),
  held: z.array(z.object({ giftCode: z.string(), portalCode: z.string(), reasons: z.array(z.string()) })),
  rowCount: z.number().int(),
  fieldsSaved: z.number().int(),
});
export type PublishPlan = z.infer<typeof publishPlan>;

export const previewPublish = defineContract({
  method: "get",
  path: "/api/furusato/publish/preview",
  tag: "furusato",
  summary: "前回の出力からの変更（サイトごとの差分・保留される掲載）を確認（まだ何も出力しない）",
  allow: ["furusato.manager"],
  response: publishPlan,
});

export const startPublish = defineContract({
  method: "post",
  path: "/api/furusato/publish",
  tag: "furusato",
  summary: "全サイトのファイルを1つの zip に出力（ジョブ。結果に exportId と fileId）",
  allow: ["furusato.manager"],
  body: z.object({}).strict(),
  response: z.object({ jobId: z.string() }),
});

export const exportSummary = z.object({
  id: z.string(),
  fileId: z.string(),
  rowCount: z.number().int(),
  fieldsSaved: z.number().int(),
  heldCount: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  portals: z.array(
    z.object({
      portalCode: z.string(),
      portalName: z.string(),
      added: z.number().int(),
      changed: z.number().int(),
      stopped: z.number().int(),
      fieldEditsAvoided: z.number().int(),
    }),
  ),
});

export const listExports = defineContract({
  method: "get",
  path: "/api/furusato/exports",
  tag: "furusato",
  summary: "出力の記録と、入力しなくて済んだ項目数（作業量の削減）",
  allow: ["furusato.manager"],
  response: z.object({ items: z.array(exportSummary) }),
});

export const downloadExport = defineContract({
  method: "get",
  path: "/api/furusato/exports/:id/download",
  tag: "furusato",
  summary: "出力した zip をもう一度ダウンロード",
  allow: ["furusato.manager"],
  kind: "file",
  params: idParams,
  response: z.unknown(),
});

// ------------------------------------------------------------------ template editor aids

const columnValue = z.union([
  z.object({ field: z.string().max(100) }).strict(),
  z.object({ const: z.string().max(1000) }).strict(),
  z.object({ expr: z.string().max(2000) }).strict(),
]);

export const templateVocabulary = defineContract({
  method: "get",
  path: "/api/furusato/template-vocabulary",
  tag: "furusato",
  summary: "出力テンプレートで使える項目と関数の一覧（テンプレート編集画面用）",
  allow: ["staff", "furusato.supplier"],
  response: z.object({
    fields: z.array(z.object({ path: z.string(), type: z.string(), label: z.string() })),
    functions: z.array(z.object({ name: z.string(), usage: z.string() })),
  }),
});

export const saveChoicePortal = defineContract({
  method: "put",
  path: "/api/furusato/portals/:code/choice",
  tag: "furusato",
  summary:
    "ふるさとチョイス型のサイト：サイトが配布する見出し行（TSV・CSV、UTF-8 の文字列）を取り込み、列ごとに項目を対応づけて保存。画面は見出しファイルを判定して savePortal で保存します",
  allow: ["furusato.manager"],
  params: portalCodeParams,
  body: z
    .object({
      ...portalSettings,
      active: z.boolean(),
      /** the header line of the portal's upload file, as the portal supplies it (tab- or comma-separated) */
      headerLine: z.string().min(1, "見出し行のファイルを選んでください。").max(20000),
      /** column header → value; unmapped columns are written empty */
      mapping: z.record(z.string().max(200), columnValue),
    })
    .strict(),
  response: portal,
});

export const decideChange = defineContract({
  method: "post",
  path: "/api/furusato/gifts/:id/pending",
  tag: "furusato",
  summary: "事業者からの変更提案（承認済の返礼品）を承認または差戻し",
  allow: ["furusato.manager"],
  params: idParams,
  body: z.object({ approve: z.boolean(), comment: z.string().trim().max(1000) }).strict(),
  response: giftDetail,
});

export const uploadGiftImage = defineContract({
  method: "post",
  path: "/api/furusato/gifts/:id/images",
  tag: "furusato",
  summary:
    "返礼品の画像を追加（multipart/form-data の file 項目。PNG・JPEG、10MB まで）。サイトが取得できる公開アドレスが画像URLに加わります",
  allow: ["furusato.manager", "furusato.supplier"],
  kind: "multipart",
  uploadMaxBytes: DOCUMENT_UPLOAD_MAX_BYTES,
  params: idParams,
  response: giftDetail,
});

export const publicGiftImage = defineContract({
  method: "get",
  path: "/api/public/furusato/images/:fileId",
  tag: "public",
  summary: "返礼品の画像（寄附受付サイトが取得するための公開アドレス）",
  allow: ["anyone"],
  kind: "file",
  params: z.object({ fileId: z.uuid() }),
  response: z.unknown(),
});

export const uploadSupplierDocument = defineContract({
  method: "post",
  path: "/api/furusato/suppliers/:id/documents",
  tag: "furusato",
  summary: "事業者の提出書類（営業許可証・検査結果など）を登録（multipart/form-data の file と title。PDF・PNG・JPEG、10MB まで）",
  allow: ["furusato.manager", "furusato.supplier"],
  kind: "multipart",
  uploadMaxBytes: DOCUMENT_UPLOAD_MAX_BYTES,
  params: idParams,
  response: supplierDetail,
});

export const downloadSupplierDocument = defineContract({
  method: "get",
  path: "/api/furusato/suppliers/:id/documents/:fileId",
  tag: "furusato",
  summary: "事業者の提出書類をダウンロード",
  allow: ["staff", "furusato.supplier"],
  kind: "file",
  params: z.object({ id: z.uuid(), fileId: z.uuid() }),
  response: z.unknown(),
});
