// Contracts of 金融連携 (issue 16, the policy's purpose: private finance for certified companies): the partner banks
// (提携金融機関) the bureau keeps, the finance records (融資・保証・サステナビリティ・リンク・ローン …) a bank enters
// through its own logins for certified companies, the staff's list of them, and the dashboard of the programme.
// A bank sees certified companies valid today only (number, name, 法人番号, tier, validity: nothing of applications,
// never an uncertified company) and its own records only (another bank's record is a 404).
import { z } from "zod";
import { AMOUNT_BANDS, FINANCE_PRODUCT_KINDS, INDUSTRIES, WARDS } from "../sdgs/labels";
import { defineContract, idParams, okResponse, pageOf, pageQuery } from "./contract";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日付は YYYY-MM-DD の形で指定してください。");
const version = z.number().int().min(1);

// ── 提携金融機関 (staff) ──

export const bank = z.object({
  id: z.string(),
  name: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  /** partner logins of the bank's organisation */
  loginCount: z.number().int(),
  financeCount: z.number().int(),
  isSample: z.boolean(),
});
export type Bank = z.infer<typeof bank>;

const bankName = z
  .string({ error: "金融機関名を入力してください。" })
  .trim()
  .min(1, "金融機関名を入力してください。")
  .max(100, "金融機関名は100文字以内です。");

export const listBanks = defineContract({
  method: "get",
  path: "/api/sdgs/banks",
  tag: "sdgs",
  summary: "提携金融機関の一覧（並び順）",
  allow: ["staff"],
  response: z.object({ items: z.array(bank) }),
});

export const createBank = defineContract({
  method: "post",
  path: "/api/sdgs/banks",
  tag: "sdgs",
  summary: "提携金融機関を登録（組織を指定しなければ同じ名前の外部組織を作り、管理者がその組織に金融機関のログインを作る）",
  allow: ["sdgs.manager"],
  body: z
    .object({
      name: bankName,
      /** an existing external organisation; none: one is created */
      organisationId: z.uuid({ message: "IDの形式が正しくありません" }).optional(),
    })
    .strict(),
  response: bank,
});

export const updateBank = defineContract({
  method: "patch",
  path: "/api/sdgs/banks/:id",
  tag: "sdgs",
  summary: "提携金融機関の名前・有効/無効・並び順を変更（無効にした金融機関のログインは登録できなくなる）",
  allow: ["sdgs.manager"],
  params: idParams,
  body: z
    .object({
      name: bankName.optional(),
      active: z.boolean().optional(),
      sortOrder: z.number().int().min(0).max(10000).optional(),
    })
    .strict(),
  response: bank,
});

// ── the bank's own pages (sdgs.bank) ──

export const bankCertifiedCompany = z.object({
  certificationId: z.string(),
  certificateNumber: z.string(),
  companyName: z.string(),
  corporateNumber: z.string().nullable(),
  tierName: z.string(),
  tierRank: z.number().int(),
  validFrom: z.string(),
  validUntil: z.string(),
  isSample: z.boolean(),
});
export type BankCertifiedCompany = z.infer<typeof bankCertifiedCompany>;

export const listBankCompanies = defineContract({
  method: "get",
  path: "/api/sdgs/bank/companies",
  tag: "sdgs",
  summary: "金融機関のログイン: 本日有効な認証を持つ企業の検索（事業者名・フリガナ・法人番号・認証番号、最大50件）",
  allow: ["sdgs.bank"],
  query: z.object({ q: z.string().trim().max(100).optional() }).strict(),
  response: z.object({ items: z.array(bankCertifiedCompany) }),
});

export const financeLink = z.object({
  id: z.string(),
  bankId: z.string(),
  bankName: z.string(),
  certificationId: z.string(),
  certificateNumber: z.string(),
  companyName: z.string(),
  tierName: z.string(),
  tierRank: z.number().int(),
  productKind: z.enum(FINANCE_PRODUCT_KINDS),
  productName: z.string(),
  amountBand: z.enum(AMOUNT_BANDS),
  executedOn: z.string(),
  note: z.string(),
  version: z.number().int(),
  isSample: z.boolean(),
});
export type FinanceLink = z.infer<typeof financeLink>;

export const FINANCE_NOTE_MAX = 1000;

export const financeInput = z
  .object({
    /** the certificate number (KSM-2025-0001) or the certification's id: one of them */
    certificateNumber: z
      .string()
      .trim()
      .transform((value) => value.normalize("NFKC").toUpperCase())
      .pipe(z.string().regex(/^KSM-[0-9]{4}-[0-9]{4}$/, "認証番号は「KSM-2025-0001」の形で入力してください。"))
      .optional(),
    certificationId: z.uuid({ message: "IDの形式が正しくありません" }).optional(),
    productKind: z.enum(FINANCE_PRODUCT_KINDS, { error: "種類を選んでください。" }),
    productName: z
      .string({ error: "商品名を入力してください。" })
      .trim()
      .min(1, "商品名を入力してください。")
      .max(100, "商品名は100文字以内です。"),
    amountBand: z.enum(AMOUNT_BANDS, { error: "金額帯を選んでください。" }),
    executedOn: isoDate,
    note: z.string().trim().max(FINANCE_NOTE_MAX, `備考は${FINANCE_NOTE_MAX}文字以内です。`).default(""),
  })
  .strict()
  .refine((input) => !!input.certificateNumber !== !!input.certificationId, {
    message: "認証番号を入力するか、認証企業を選んでください（どちらか一方）。",
    path: ["certificateNumber"],
  });
export type FinanceInput = z.input<typeof financeInput>;

export const listBankFinance = defineContract({
  method: "get",
  path: "/api/sdgs/bank/finance",
  tag: "sdgs",
  summary: "金融機関のログイン: 自行が登録した融資等の一覧（実行日の新しい順）",
  allow: ["sdgs.bank"],
  query: z.object(pageQuery).strict(),
  response: pageOf(financeLink),
});

export const createBankFinance = defineContract({
  method: "post",
  path: "/api/sdgs/bank/finance",
  tag: "sdgs",
  summary: "金融機関のログイン: 認証企業への融資等を登録（実行日にその企業の認証が有効であること）",
  allow: ["sdgs.bank"],
  body: financeInput,
  response: financeLink,
});

export const updateBankFinance = defineContract({
  method: "put",
  path: "/api/sdgs/bank/finance/:id",
  tag: "sdgs",
  summary: "金融機関のログイン: 自行の融資等の登録を修正（version が古ければ 409、他行の登録は 404）",
  allow: ["sdgs.bank"],
  params: idParams,
  body: z.object({ version, finance: financeInput }).strict(),
  response: financeLink,
});

export const deleteBankFinance = defineContract({
  method: "delete",
  path: "/api/sdgs/bank/finance/:id",
  tag: "sdgs",
  summary: "金融機関のログイン: 自行の融資等の登録を削除（version が古ければ 409、他行の登録は 404）",
  allow: ["sdgs.bank"],
  params: idParams,
  query: z.object({ version: z.coerce.number().int().min(1) }).strict(),
  response: okResponse,
});

// ── staff ──

export const listFinance = defineContract({
  method: "get",
  path: "/api/sdgs/finance",
  tag: "sdgs",
  summary: "金融連携の一覧（全金融機関。金融機関・認証区分・年度で絞り込み）",
  allow: ["staff"],
  query: z
    .object({
      ...pageQuery,
      bankId: z.uuid({ message: "IDの形式が正しくありません" }).optional(),
      /** 認証区分の順位 (1 is the highest) */
      tierRank: z.coerce.number().int().min(1).max(10).optional(),
      /** 実行日の年度 */
      fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
    })
    .strict(),
  response: pageOf(financeLink).extend({
    /** the sum of the bands' lower bounds of the rows that match (「以上」) */
    amountAtLeastYen: z.number().int(),
  }),
});

const count = z.number().int();
const labelled = z.object({ key: z.string(), label: z.string(), count });
const amountRow = z.object({ key: z.string(), label: z.string(), count, amountAtLeastYen: z.number().int() });

export const dashboard = z.object({
  /** 日本時間の今日 (the day "valid today" was judged on) and the fiscal year the application figures are for */
  asOf: z.string(),
  fiscalYear: z.number().int(),
  certified: z.object({
    total: count,
    byTier: z.array(labelled),
    byWard: z.array(labelled.extend({ key: z.enum(WARDS) })),
    byIndustry: z.array(labelled.extend({ key: z.enum(INDUSTRIES) })),
  }),
  applications: z.object({
    /** the round of the fiscal year (null when there is none) */
    roundName: z.string().nullable(),
    byStatus: z.array(labelled),
    total: count,
  }),
  finance: z.object({
    count,
    amountAtLeastYen: z.number().int(),
    byBank: z.array(amountRow),
    byTier: z.array(amountRow),
    companiesWithFinance: count,
    /** companiesWithFinance ÷ certified.total (0 when none is certified) */
    financedShare: z.number(),
  }),
  reportsOverdue: count,
  expiringSoon: count,
});
export type Dashboard = z.infer<typeof dashboard>;

export const getDashboard = defineContract({
  method: "get",
  path: "/api/sdgs/dashboard",
  tag: "sdgs",
  summary:
    "サステナブル経営認証のダッシュボード（本日有効な認証企業、申請の状況、金融連携の件数と金額帯の合計・区分別・金融機関別、資金を得た認証企業の割合）",
  allow: ["staff"],
  query: z.object({ fiscalYear: z.coerce.number().int().min(2000).max(2100).optional() }).strict(),
  response: dashboard,
});
