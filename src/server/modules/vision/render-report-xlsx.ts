// KPI達成状況 → .xlsx: sheet 1 the KPI table in the PDF's column order, every row carrying its full 戦略・施策・事業 so
// that staff can filter and sort; values, dates and years in columns of their own so numbers stay numbers (the PDF
// prints 基準値（時点） in one cell); sheet 2 the summary per strategy and measure; sheet 3 the title and grade legend.
import { roundHalfUp } from "../../../common/vision/grading";
import { writeXlsx } from "../../platform/tabular/xlsx-write";
import type { ReportModel } from "./report-model";

export const KPI_SHEET_HEADER = [
  "戦略",
  "施策",
  "事業",
  "指標番号",
  "KPI",
  "指標の種類",
  "単位",
  "基準値",
  "基準値の時点",
  "目標値",
  "目標年度",
  "按分目標",
  "実績値",
  "実績値の時点",
  "達成度（%）",
  "評価",
  "備考",
];

const LEVEL_LABEL = { strategy: "戦略", measure: "施策", total: "合計" } as const;

/** 按分目標 in the indicator's own precision, as the PDF prints it (a number, so it stays a number); the stored value has more. */
const inPrecision = (value: number | null, decimals: number) => (value === null ? null : roundHalfUp(value, decimals) + 0);

export async function renderReportXlsx(model: ReportModel): Promise<Buffer> {
  const kpiRows = model.rows.map((r) => [
    r.strategy,
    r.measure,
    r.project,
    r.code,
    r.name,
    r.kind,
    r.unit,
    r.baselineValue,
    r.baselineAsOf,
    r.targetValue,
    r.targetYear,
    inPrecision(r.proRatedTarget, r.precision),
    r.actualValue ?? r.actualStatus,
    r.actualAsOf,
    r.achievement,
    r.grade,
    r.remarks,
  ]);
  const { keys, rows } = model.summary;
  const summaryHeader = ["区分", "戦略・施策", ...keys, "計", "達成度100%以上の割合（%）", "達成度（集計・%）", "評価（集計）"];
  const summaryRows = rows.map((r) => [
    LEVEL_LABEL[r.level],
    r.label,
    ...keys.map((k) => r.counts[k]),
    r.total,
    r.achievedShare,
    r.rollupAchievement,
    r.rollupGrade,
  ]);
  const legendRows: unknown[][] = [
    ["表題", model.title],
    ...model.subtitle.map((line) => {
      const [label, ...rest] = line.split(": ");
      return [label, rest.join(": ")];
    }),
    ["評価ルール", model.legend.ruleName],
    ...model.legend.bands.map((b) => [`評価 ${b.grade}`, b.range]),
    ["達成度", model.legend.formula],
    ...model.legend.notes.map((note) => ["注", note]),
  ];
  return writeXlsx([
    { name: "KPI達成状況", header: KPI_SHEET_HEADER, rows: kpiRows, wrapText: true },
    { name: "評価の集計", header: summaryHeader, rows: summaryRows },
    { name: "評価基準", header: ["項目", "内容"], rows: legendRows, columnWidths: [16, 100], wrapText: true },
  ]);
}
