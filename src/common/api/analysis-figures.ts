// 経営分析 — yearly figures, their import, the figures read from other modules, indicators and peers: the contracts.
// The indicators view below is shared: the subject page, the analyses' findings and the reports all read it.
import { z } from "zod";
import { FIGURE_ITEM_CODES, LINKED_SOURCES } from "../analysis/figure-items";
import { defineContract, idParams, okResponse } from "./contract";

export const seriesPoint = z.object({
  fiscalYear: z.number().int(),
  /** null: missing (never 0); `missing` says why */
  value: z.number().nullable(),
  missing: z.string().optional(),
});
export type SeriesPointView = z.infer<typeof seriesPoint>;

export const standingView = z.object({
  /** the fiscal year compared (the latest year the subject has figures for, or the one asked) */
  fiscalYear: z.number().int(),
  /** 1 = highest among the bodies with a value; null when the subject has none */
  rankHighFirst: z.number().int().nullable(),
  of: z.number().int(),
  median: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  peersMissing: z.array(z.object({ id: z.string(), name: z.string(), missing: z.string() })),
});

export const indicatorView = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.enum(["%", "円", "年", "人"]),
  formula: z.string(),
  /** the subject's values, every fiscal year from fromYear to toYear (a missing year is null) */
  series: z.array(seriesPoint),
  trend: z.object({
    fromYear: z.number().int().nullable(),
    toYear: z.number().int().nullable(),
    change: z.number().nullable(),
    direction: z.enum(["up", "down", "flat"]).nullable(),
    missingYears: z.array(z.number().int()),
  }),
  /** the peers' values over the same years */
  peers: z.array(z.object({ id: z.string(), name: z.string(), series: z.array(seriesPoint) })),
  standing: standingView.nullable(),
});
export type IndicatorView = z.infer<typeof indicatorView>;

export const figureSourceView = z.object({
  /** a figure item code (revenue.city_grant …) or a measure's name */
  item: z.string(),
  label: z.string(),
  source: z.enum(["entered", "imported", "linked"]),
  /** e.g. 「SDGsモジュール（SDGsステーションの統計・年間経費）」 for a linked figure, 「入力」「取込」 otherwise */
  sourceLabel: z.string(),
});

export const subjectIndicatorsView = z.object({
  subjectId: z.string(),
  fromYear: z.number().int(),
  toYear: z.number().int(),
  /** the year the peer standing compares */
  standingYear: z.number().int().nullable(),
  indicators: z.array(indicatorView),
  sources: z.array(figureSourceView),
});
export type SubjectIndicatorsView = z.infer<typeof subjectIndicatorsView>;

// ------------------------------------------------------------------ yearly figures: entry, import, linked figures

const TAG = "analysis";
const fiscalYear = z.coerce.number({ error: "年度は数字で指定してください。" }).int().min(2000).max(2100);
const yearParams = idParams.extend({ fiscalYear });
/** 0 is 0; an empty field is sent as null (not entered: the row is deleted). */
const figureValue = z.number({ error: "数値で入力してください。" }).min(0, "0以上で入力してください。").max(1e15).nullable();

export const figureValueSource = z.enum(["entered", "imported", "linked"]);

export const yearFiguresView = z.object({
  fiscalYear: z.number().int(),
  /** the year's stored rows as they were read (count and last change); sent back with an edit, 409 when it moved */
  stamp: z.string(),
  items: z.array(z.object({ code: z.string(), value: z.number(), source: figureValueSource })),
  measures: z.array(z.object({ measureId: z.string(), value: z.number(), source: figureValueSource })),
});
export type YearFiguresView = z.infer<typeof yearFiguresView>;

export const figureMeasureView = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  /** set: read from the linked source, never typed */
  linkedFigure: z.string().nullable(),
  isCostBasis: z.boolean(),
});
export type FigureMeasureView = z.infer<typeof figureMeasureView>;

export const subjectFiguresView = z.object({
  subject: z.object({
    id: z.string(),
    name: z.string(),
    role: z.enum(["subject", "peer"]),
    linkedSource: z.enum(LINKED_SOURCES).nullable(),
    /** where the linked figures come from, e.g. 「SDGsモジュール（…）」 */
    linkedSourceLabel: z.string().nullable(),
    analysisFiscalYear: z.number().int().nullable(),
  }),
  measures: z.array(figureMeasureView),
  /** figure item codes the linked source provides (read-only here) */
  linkedItems: z.array(z.string()),
  /** which years the linked source counts, in words */
  linkedYearsRule: z.string().nullable(),
  /** newest first */
  years: z.array(yearFiguresView),
  canManage: z.boolean(),
});
export type SubjectFiguresView = z.infer<typeof subjectFiguresView>;

export const getSubjectFigures = defineContract({
  method: "get",
  path: "/api/analysis/subjects/:id/figures",
  tag: TAG,
  summary: "対象（または比較団体）の年度別数値（収入・支出・職員・資産と活動指標、連携元から読む数値を含む）",
  allow: ["staff"],
  params: idParams,
  response: subjectFiguresView,
});

export const putYearFiguresBody = z
  .object({
    /** the year's stamp as read (「」 for a year without stored figures) */
    stamp: z.string().max(100),
    items: z.partialRecord(z.enum(FIGURE_ITEM_CODES as [string, ...string[]]), figureValue),
    /** measure id → value */
    measures: z.record(z.uuid({ message: "活動指標のIDの形式が正しくありません" }), figureValue),
  })
  .strict();
export type PutYearFiguresInput = z.input<typeof putYearFiguresBody>;

export const putYearFigures = defineContract({
  method: "put",
  path: "/api/analysis/subjects/:id/figures/:fiscalYear",
  tag: TAG,
  summary: "ある年度の数値をまとめて保存する（空欄＝未入力として行を削除、0は0）。連携元から読む数値は入力できない。stamp が古いと409",
  allow: ["analysis.manager"],
  params: yearParams,
  body: putYearFiguresBody,
  response: yearFiguresView,
});

export const deleteYearFigures = defineContract({
  method: "delete",
  path: "/api/analysis/subjects/:id/figures/:fiscalYear",
  tag: TAG,
  summary: "ある年度の入力・取込した数値をすべて削除する（stamp が古いと409）",
  allow: ["analysis.manager"],
  params: yearParams,
  query: z.object({ stamp: z.string().max(100).default("") }).strict(),
  response: okResponse,
});

export const figuresTemplate = defineContract({
  method: "get",
  path: "/api/analysis/subjects/:id/figures/template",
  tag: TAG,
  summary: "年度別数値の取込用ひな形（Excel）: 年度の列と、項目・活動指標ごとの列",
  allow: ["staff"],
  params: idParams,
  kind: "file",
  response: z.unknown(),
});

export const importErrorView = z.object({ row: z.number().int(), column: z.string().optional(), message: z.string() });

export const figuresImportResult = z.union([
  z.object({ ok: z.literal(true), count: z.number().int(), years: z.array(z.number().int()), summary: z.string() }),
  z.object({
    ok: z.literal(false),
    errorCount: z.number().int(),
    errors: z.array(importErrorView),
    /** the full error report (CSV), through /api/files/:id */
    reportFileId: z.string(),
  }),
]);
export type FiguresImportResult = z.infer<typeof figuresImportResult>;

export const importSubjectFigures = defineContract({
  method: "post",
  path: "/api/analysis/subjects/:id/figures/import",
  tag: TAG,
  summary:
    "年度別数値を Excel・CSV から取り込む（1行が1年度。multipart/form-data の file）。1行でも誤りがあれば何も変えず行ごとの誤りを返す。取り込んだ年度の数値は置き換わる",
  allow: ["analysis.manager"],
  params: idParams,
  kind: "multipart",
  uploadMaxBytes: 5 * 1024 * 1024,
  response: figuresImportResult,
});

export const indicatorsQuery = z
  .object({
    from: fiscalYear.optional(),
    to: fiscalYear.optional(),
    standingYear: fiscalYear.optional(),
  })
  .strict();

export const getSubjectIndicators = defineContract({
  method: "get",
  path: "/api/analysis/subjects/:id/indicators",
  tag: TAG,
  summary: "対象の指標（推移・比較団体の中での位置）と、各数値の出所",
  allow: ["staff"],
  params: idParams,
  query: indicatorsQuery,
  response: subjectIndicatorsView,
});
