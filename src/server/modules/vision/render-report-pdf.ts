// KPI達成状況 → PDF (A4 landscape) in the usual 総合戦略 layout: title and grade legend, then one table of every
// KPI (戦略・施策・事業・KPI・単位・基準値・目標値・按分目標・実績値・達成度・評価・備考) whose header row repeats on every
// page, then a summary page of grade counts and roll-ups per strategy and measure. Noto Sans JP is embedded.
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import { formatAchievement, formatIndicatorValue } from "../../../common/vision/format";
import { PDF_FONT_FAMILY, renderPdf } from "../../platform/pdf/printer";
import { formatReportNumber, type ReportModel, type ReportRow, type SummaryRow } from "./report-model";

const HEAD_FILL = "#e8eef7";
const STRATEGY_FILL = "#f3f5f9";
// one light fill per band, highest first (A, B, C, D); further bands share the last
const BAND_FILLS = ["#d7f0df", "#e3f0fa", "#fff2cc", "#fde0de"];

const KPI_COLUMNS = [
  "戦略",
  "施策",
  "事業",
  "KPI",
  "単位",
  "基準値\n（時点）",
  "目標値\n（年度）",
  "按分目標",
  "実績値\n（時点）",
  "達成度",
  "評価",
  "備考",
];
// A4 landscape less margins is ~786 pt; the KPI name takes what the fixed columns leave.
const KPI_WIDTHS: (number | string)[] = [50, 66, 66, "*", 26, 54, 50, 44, 58, 34, 32, 74];

function gradeFill(model: ReportModel, grade: string | null): string | undefined {
  if (grade === null) return undefined;
  const band = model.bandGrades.indexOf(grade);
  return band < 0 ? undefined : BAND_FILLS[Math.min(band, BAND_FILLS.length - 1)];
}

const valueWithWhen = (value: string, when: string): TableCell =>
  value || when
    ? { stack: [{ text: value, alignment: "right" }, ...(when ? [{ text: `（${when}）`, style: "when" }] : [])] }
    : { text: "" };

function kpiRow(model: ReportModel, row: ReportRow): TableCell[] {
  const n = (v: number | null, digits?: number) => (v === null ? "" : formatReportNumber(v, digits));
  const actual = row.actualValue !== null ? n(row.actualValue) : (row.actualStatus ?? "");
  const achievement = formatAchievement(row.achievement, model.achievementDecimals, "");
  return [
    // a group's label is printed dark where it starts and faint on the rows that continue it, so that a page
    // starting in the middle of a group still says which strategy it is in (merged cells cannot span pages)
    { text: row.strategy, style: row.startsStrategy ? "group" : "groupContinued" },
    { text: row.measure, style: row.startsMeasure ? "group" : "groupContinued" },
    { text: row.project, style: row.startsProject ? "group" : "groupContinued" },
    { text: [{ text: `${row.code} `, style: "code" }, row.name] },
    { text: row.unit, alignment: "center" },
    valueWithWhen(n(row.baselineValue), row.baselineAsOf),
    valueWithWhen(n(row.targetValue), row.targetYear),
    // 按分目標 in the indicator's own precision (as its 基準値・目標値 are written), not the pro-rating's float digits
    { text: row.proRatedTarget === null ? "" : formatIndicatorValue(row.proRatedTarget, "", row.precision), alignment: "right" },
    valueWithWhen(actual, row.actualAsOf),
    { text: achievement, alignment: "right" },
    { text: row.grade, style: model.bandGrades.includes(row.grade) ? "grade" : "gradeWord", fillColor: gradeFill(model, row.grade) },
    { text: row.remarks, style: "remarks" },
  ];
}

function legendBlock(model: ReportModel, full: boolean): Content[] {
  const { legend } = model;
  const bands = legend.bands.map((b) => `${b.grade}：${b.range}`).join("　");
  return [
    { text: `評価基準（${legend.ruleName}）　${bands}`, style: "legend" },
    { text: legend.formula, style: "legendNote" },
    ...(full ? legend.notes.map((note) => ({ text: `・${note}`, style: "legendNote" })) : []),
  ];
}

function kpiTable(model: ReportModel): Content {
  const header: TableCell[] = KPI_COLUMNS.map((label) => ({ text: label, style: "head" }));
  const body = model.rows.map((row) => kpiRow(model, row));
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: KPI_WIDTHS,
      body: [
        header,
        ...(body.length ? body : [[{ text: "指標がありません", colSpan: KPI_COLUMNS.length }, ...KPI_COLUMNS.slice(1).map(() => "")]]),
      ],
    },
    layout: {
      fillColor: (i: number) => (i === 0 ? HEAD_FILL : null),
      // a heavier line where a new strategy starts, so groups stay visible without merged cells across pages
      hLineWidth: (i: number) => (i <= 1 || model.rows[i - 1]?.startsStrategy || i === model.rows.length + 1 ? 0.9 : 0.3),
      vLineWidth: () => 0.3,
      hLineColor: () => "#777777",
      vLineColor: () => "#999999",
      paddingLeft: () => 3,
      paddingRight: () => 3,
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
  };
}

function summaryTable(model: ReportModel): Content {
  const { keys, rows } = model.summary;
  const header: TableCell[] = ["戦略・施策", ...keys, "計", "達成度100%\n以上の割合", "達成度\n（集計）", "評価\n（集計）"].map(
    (label) => ({ text: label, style: "head" }),
  );
  const line = (row: SummaryRow): TableCell[] => {
    const fill = row.level === "measure" ? undefined : STRATEGY_FILL;
    const bold = row.level !== "measure";
    const cell = (text: string, extra: Record<string, unknown> = {}): TableCell => ({
      text,
      alignment: "right",
      bold,
      fillColor: fill,
      ...extra,
    });
    return [
      { text: row.label, bold, fillColor: fill, margin: [row.level === "measure" ? 10 : 0, 0, 0, 0] },
      ...keys.map((k) => cell(String(row.counts[k]))),
      cell(String(row.total)),
      cell(row.achievedShare === null ? "－" : `${row.achievedShare.toFixed(1)}%`),
      cell(formatAchievement(row.rollupAchievement, model.achievementDecimals, "－")),
      cell(row.rollupGrade ?? "－", { alignment: "center", fillColor: gradeFill(model, row.rollupGrade) ?? fill }),
    ];
  };
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: ["*", ...keys.map(() => 30), 30, 52, 48, 36],
      body: [header, ...rows.map(line)],
    },
    layout: {
      fillColor: (i: number) => (i === 0 ? HEAD_FILL : null),
      hLineWidth: () => 0.4,
      vLineWidth: () => 0.4,
      hLineColor: () => "#777777",
      vLineColor: () => "#999999",
    },
    style: "summary",
  };
}

export function reportDocDefinition(model: ReportModel): TDocumentDefinitions {
  return {
    pageSize: "A4",
    pageOrientation: "landscape",
    pageMargins: [28, 32, 28, 32],
    info: { title: model.title, subject: model.roundName, author: model.planName },
    header: (currentPage) =>
      currentPage > 1 ? { text: model.title, style: "running", margin: [28, 14, 28, 0], alignment: "right" } : null,
    footer: (currentPage, pageCount) => ({
      text: `${currentPage} / ${pageCount}`,
      alignment: "center",
      fontSize: 8,
      margin: [0, 10, 0, 0],
    }),
    content: [
      { text: model.title, style: "title" },
      ...model.subtitle.map((line) => ({ text: line, style: "subtitle" })),
      ...legendBlock(model, false),
      { text: "", margin: [0, 0, 0, 6] },
      kpiTable(model),
      { text: `${model.title}　評価の集計（戦略・施策別）`, style: "heading", pageBreak: "before" },
      summaryTable(model),
      { text: "", margin: [0, 0, 0, 8] },
      ...legendBlock(model, true),
    ],
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: 7, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 15, bold: true, alignment: "center", margin: [0, 0, 0, 6] },
      subtitle: { fontSize: 8.5, alignment: "right" },
      heading: { fontSize: 12, bold: true, margin: [0, 0, 0, 8] },
      running: { fontSize: 7.5, color: "#555555" },
      legend: { fontSize: 8, bold: true, margin: [0, 6, 0, 1] },
      legendNote: { fontSize: 7.5 },
      head: { bold: true, alignment: "center", fontSize: 7 },
      group: { fontSize: 6.8 },
      groupContinued: { fontSize: 6.3, color: "#a0a0a0" },
      code: { fontSize: 6, color: "#555555" },
      when: { fontSize: 5.8, color: "#444444", alignment: "right" },
      grade: { bold: true, alignment: "center", fontSize: 8 },
      gradeWord: { bold: true, alignment: "center", fontSize: 6.5 },
      remarks: { fontSize: 6.3 },
      summary: { fontSize: 8 },
    },
  };
}

export async function renderReportPdf(model: ReportModel): Promise<Buffer> {
  return renderPdf(reportDocDefinition(model));
}
