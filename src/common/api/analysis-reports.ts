// 経営分析 — the comparison table across the subjects analysed in one fiscal year (page and Excel) and the analysis
// report (経営分析報告書) as PDF and Word with its charts. Every member of staff reads them.
import { z } from "zod";
import { ASSESSMENTS, OPTIONS, REVIEW_STATUSES, SUBJECT_KINDS, VIEWPOINTS } from "../analysis/labels";
import { defineContract, idParams } from "./contract";

const TAG = "analysis";

/** ?fiscalYear=2024; absent: the latest fiscal year with analyses. */
const fiscalYearQuery = z.coerce
  .number({ message: "年度は数字で指定してください。" })
  .int({ message: "年度は整数で指定してください。" })
  .min(2000, { message: "年度は2000年度以降で指定してください。" })
  .max(2100, { message: "年度は2100年度以前で指定してください。" })
  .optional();

/** The key indicators the table shows, in its column order. */
export const COMPARISON_INDICATORS = ["dependency", "self_revenue", "personnel_ratio", "cost_per_unit", "facility_age"] as const;
export type ComparisonIndicator = (typeof COMPARISON_INDICATORS)[number];

export const comparisonValue = z.object({
  key: z.enum(COMPARISON_INDICATORS),
  /** e.g. 「相談件数1件あたりの経費」 for cost_per_unit (the subject's first cost-basis measure) */
  label: z.string(),
  unit: z.enum(["%", "円", "年", "人"]),
  /** null: missing, never 0; `missing` says why */
  value: z.number().nullable(),
  missing: z.string().optional(),
});
export type ComparisonValue = z.infer<typeof comparisonValue>;

export const comparisonRow = z.object({
  reviewId: z.string(),
  subjectId: z.string(),
  name: z.string(),
  kind: z.enum(SUBJECT_KINDS),
  kindLabel: z.string(),
  /** 外郭団体／政策連携団体 as named in the fiscal year compared; null for a programme or network */
  affiliateLabel: z.string().nullable(),
  leadOrganisationName: z.string().nullable(),
  bureauName: z.string().nullable(),
  /** the latest fiscal year up to the compared one with figures (the indicators' year); null when there is none */
  indicatorYear: z.number().int().nullable(),
  indicators: z.array(comparisonValue),
  /** the assessment of each viewpoint's findings (several when a viewpoint has several findings; none: no finding) */
  viewpoints: z.array(z.object({ viewpoint: z.enum(VIEWPOINTS), label: z.string(), assessments: z.array(z.enum(ASSESSMENTS)) })),
  /** how many findings are 適切 / 課題あり / 要改善 */
  assessmentCounts: z.object({ adequate: z.number().int(), issue: z.number().int(), improve: z.number().int() }),
  status: z.enum(REVIEW_STATUSES),
  statusLabel: z.string(),
  chosenOption: z.enum(OPTIONS).nullable(),
  chosenOptionLabel: z.string().nullable(),
  /** YYYY-MM-DD */
  decidedOn: z.string().nullable(),
  actionsOpen: z.number().int(),
  actionsDone: z.number().int(),
  isSample: z.boolean(),
});
export type ComparisonRow = z.infer<typeof comparisonRow>;

export const comparisonView = z.object({
  /** the fiscal year compared; null when there is no analysis at all */
  fiscalYear: z.number().int().nullable(),
  /** every fiscal year with analyses, newest first (the picker's choices) */
  years: z.array(z.number().int()),
  rows: z.array(comparisonRow),
});
export type ComparisonView = z.infer<typeof comparisonView>;

export const getComparison = defineContract({
  method: "get",
  path: "/api/analysis/comparison",
  tag: TAG,
  summary: "同じ年度に経営分析した対象の比較表（主な指標、視点ごとの評価、選んだ方向性と決定日、今後の取組の件数。欠けた数値は欠けたまま）",
  allow: ["staff"],
  query: z.object({ fiscalYear: fiscalYearQuery }).strict(),
  response: comparisonView,
});

export const exportComparison = defineContract({
  method: "get",
  path: "/api/analysis/comparison/export",
  tag: TAG,
  summary: "比較表をExcelで出力（年度は和暦、欠けた数値は「—」とその理由）",
  allow: ["staff"],
  query: z.object({ fiscalYear: fiscalYearQuery }).strict(),
  kind: "file",
  response: z.unknown(),
});

export const REPORT_FORMATS = ["pdf", "docx"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const downloadReviewReport = defineContract({
  method: "get",
  path: "/api/analysis/reviews/:id/report",
  tag: TAG,
  summary:
    "経営分析報告書をPDFまたはWordで出力（対象の概要、数値、指標の推移と比較団体のグラフ、視点ごとの所見、方向性と決定、今後の取組。和暦）",
  allow: ["staff"],
  params: idParams,
  query: z.object({ format: z.enum(REPORT_FORMATS, { message: "形式は pdf か docx を指定してください。" }).default("pdf") }).strict(),
  kind: "file",
  response: z.unknown(),
});
