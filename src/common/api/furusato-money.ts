// Contracts of the furusato module's money side: the dashboard, the cost ledger (経費台帳) with its manual entries,
// and the 現況調査 answer sheet. Staff only (a supplier's login gets 403); aggregates only, no donor data.
import { z } from "zod";
import { COST_CATEGORIES } from "../furusato/donation";
import { zJapaneseDate } from "../zod-japanese";
import { defineContract, idParams, okResponse } from "./contract";

const fiscalYear = z.coerce
  .number({ error: "年度を選んでください。" })
  .int("年度が正しくありません。")
  .min(2008, "年度が正しくありません。")
  .max(2100, "年度が正しくありません。");
export const fiscalYearQuery = z.object({ fiscalYear });

const ratio = z.number().nullable();
const light = z.enum(["green", "yellow", "red"]);

// ------------------------------------------------------------------ cost ledger (経費台帳)

export const costLedgerLine = z.object({
  category: z.enum(COST_CATEGORIES),
  computed: z.number().int(),
  portalFees: z.number().int(),
  manual: z.number().int(),
  total: z.number().int(),
  shareOfDonations: ratio,
});

export const costForecast = z.object({
  method: z.enum(["actual", "last-year-share", "linear", "none"]),
  shareOfYearSoFar: ratio,
  donations: z.number().int(),
  costs: z.number().int(),
  costRatio: ratio,
  withinHalf: z.boolean(),
  light,
  usableAmount: z.number().int(),
  usableRatio: ratio,
});

export const costLedgerResponse = z.object({
  fiscalYear: z.number().int(),
  asOf: z.string(),
  donationAmount: z.number().int(),
  donationCount: z.number().int(),
  lines: z.array(costLedgerLine),
  computedTotal: z.number().int(),
  manualTotal: z.number().int(),
  totalCosts: z.number().int(),
  costRatio: ratio,
  withinHalf: z.boolean(),
  light,
  usableAmount: z.number().int(),
  usableRatio: ratio,
  /** items whose gift is unknown or had no cost on the donation date: left out of 調達・送付 */
  uncostedItems: z.number().int(),
  portalFees: z.array(
    z.object({ portalCode: z.string(), portalName: z.string(), feeRatio: z.number(), amount: z.number().int(), fee: z.number().int() }),
  ),
  forecast: costForecast,
  lastYear: z.object({ samePeriodAmount: z.number().int(), totalAmount: z.number().int() }),
});
export type CostLedgerResponse = z.infer<typeof costLedgerResponse>;

export const getCostLedger = defineContract({
  method: "get",
  path: "/api/furusato/cost-ledger",
  tag: "furusato",
  summary: "経費台帳（年度・6区分、5割基準、年度末の見込み）",
  allow: ["staff"],
  query: fiscalYearQuery,
  response: costLedgerResponse,
});

export const costEntry = z.object({
  id: z.string(),
  fiscalYear: z.number().int(),
  category: z.enum(COST_CATEGORIES),
  amount: z.number().int(),
  incurredOn: z.string(),
  description: z.string(),
  isSample: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type CostEntry = z.infer<typeof costEntry>;

export const listCostEntries = defineContract({
  method: "get",
  path: "/api/furusato/cost-entries",
  tag: "furusato",
  summary: "経費の手入力分の一覧（年度）",
  allow: ["staff"],
  query: fiscalYearQuery,
  response: z.object({ items: z.array(costEntry) }),
});

/** The form and the API share this schema: the same Japanese messages on both sides. */
export const costEntryInput = z
  .object({
    fiscalYear,
    category: z.enum(COST_CATEGORIES, { error: "区分を選んでください。" }),
    amount: z
      .number({ error: "金額を数値で入力してください。" })
      .int("金額は円単位の整数です。")
      .min(-1_000_000_000, "金額は±10億円までです。")
      .max(1_000_000_000, "金額は±10億円までです。")
      .refine((n) => n !== 0, "0円は登録できません（戻入はマイナスで入力します）。"),
    incurredOn: zJapaneseDate,
    description: z.string().trim().min(1, "内容を入力してください。").max(200, "内容は200文字以内です。"),
  })
  .strict();
export type CostEntryInput = z.input<typeof costEntryInput>;

export const createCostEntry = defineContract({
  method: "post",
  path: "/api/furusato/cost-entries",
  tag: "furusato",
  summary: "経費を手入力で登録（担当者）",
  allow: ["furusato.manager"],
  body: costEntryInput,
  response: costEntry,
});

export const deleteCostEntry = defineContract({
  method: "delete",
  path: "/api/furusato/cost-entries/:id",
  tag: "furusato",
  summary: "手入力の経費を削除（担当者）",
  allow: ["furusato.manager"],
  params: idParams,
  response: okResponse,
});

export const exportCostEntries = defineContract({
  method: "get",
  path: "/api/furusato/cost-entries/export",
  tag: "furusato",
  summary: "経費台帳（区分別の集計と手入力分）を CSV でダウンロード（UTF-8 BOM 付き）",
  allow: ["staff"],
  kind: "file",
  query: fiscalYearQuery,
  response: z.unknown(),
});

// ------------------------------------------------------------------ dashboard

const portalSeries = z.object({
  portalCode: z.string(),
  portalName: z.string(),
  amounts: z.array(z.number().int()),
  counts: z.array(z.number().int()),
  amount: z.number().int(),
  count: z.number().int(),
});

export const dashboardResponse = z.object({
  fiscalYear: z.number().int(),
  asOf: z.string(),
  months: z.array(z.string()),
  portals: z.array(portalSeries),
  monthAmounts: z.array(z.number().int()),
  monthCounts: z.array(z.number().int()),
  previousMonthAmounts: z.array(z.number().int()),
  previousMonthCounts: z.array(z.number().int()),
  amount: z.number().int(),
  count: z.number().int(),
  comparison: z.object({
    months: z.number().int(),
    amount: z.number().int(),
    previousAmount: z.number().int(),
    count: z.number().int(),
    previousCount: z.number().int(),
    amountGrowth: ratio,
    countGrowth: ratio,
  }),
  cost: z.object({
    donationAmount: z.number().int(),
    totalCosts: z.number().int(),
    costRatio: ratio,
    light,
    forecastCostRatio: ratio,
    forecastLight: light,
  }),
  topGifts: z.array(
    z.object({
      giftId: z.string().nullable(),
      giftCode: z.string(),
      title: z.string(),
      count: z.number().int(),
      quantity: z.number().int(),
      amount: z.number().int(),
    }),
  ),
  portalFees: z.array(
    z.object({ portalCode: z.string(), portalName: z.string(), feeRatio: z.number(), amount: z.number().int(), fee: z.number().int() }),
  ),
  oneStop: z.array(
    z.object({
      deadline: z.string(),
      daysLeft: z.number().int(),
      counts: z.object({ 未着: z.number().int(), 受付: z.number().int(), 不備: z.number().int(), 受理: z.number().int() }),
    }),
  ),
  shipments: z.array(
    z.object({
      supplierId: z.string(),
      supplierCode: z.string(),
      supplierName: z.string(),
      unrequested: z.number().int(),
      requested: z.number().int(),
      overdue: z.number().int(),
    }),
  ),
});
export type DashboardResponse = z.infer<typeof dashboardResponse>;

export const getDashboard = defineContract({
  method: "get",
  path: "/api/furusato/dashboard",
  tag: "furusato",
  summary: "ダッシュボード（サイト別・月別の寄附、前年比、人気の返礼品、手数料、ワンストップ・出荷の未処理）",
  allow: ["staff"],
  query: fiscalYearQuery,
  response: dashboardResponse,
});

export const exportDashboard = defineContract({
  method: "get",
  path: "/api/furusato/dashboard/export",
  tag: "furusato",
  summary: "ダッシュボードを Excel（表ごとに1シート）でダウンロード",
  allow: ["staff"],
  kind: "file",
  query: fiscalYearQuery,
  response: z.unknown(),
});

export const exportSurveySheet = defineContract({
  method: "get",
  path: "/api/furusato/survey-sheet",
  tag: "furusato",
  summary: "ふるさと納税に関する現況調査の回答表（受入件数・受入額・募集等に伴う費用）を Excel でダウンロード",
  allow: ["staff"],
  kind: "file",
  query: fiscalYearQuery,
  response: z.unknown(),
});
