// 経営分析 — yearly figures, their import, the figures read from other modules, indicators and peers: the contracts.
// The indicators view below is shared: the subject page, the analyses' findings and the reports all read it.
import { z } from "zod";

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
