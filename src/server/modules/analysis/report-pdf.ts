// 経営分析報告書 as PDF: A4 portrait in the city's report style (numbered headings, ruled tables, figures numbered
// with their source), Noto Sans JP embedded through the platform's printer, the charts drawn from their SVG (pdfmake's
// svg node: vectors, so they print sharp), page numbers in the footer.
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import { PDF_FONT_FAMILY, renderPdf } from "../../platform/pdf/printer";
import type { ReportChart, ReportModel, ReportTable } from "./report-model";

/** A4 (595.28 pt) less the side margins. */
const TEXT_WIDTH = 495;
const CHART_WIDTH = 470;

const layout = {
  hLineWidth: () => 0.4,
  vLineWidth: () => 0.4,
  hLineColor: () => "#777777",
  vLineColor: () => "#999999",
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5,
};

const HEAD_FILL = "#e8eef7";

function heading(text: string): Content {
  return {
    stack: [
      { text, style: "h1" },
      { canvas: [{ type: "line", x1: 0, y1: 0, x2: TEXT_WIDTH, y2: 0, lineWidth: 0.8, lineColor: "#1f3864" }] },
    ],
    margin: [0, 14, 0, 6],
  };
}

const subheading = (text: string): Content => ({ text, style: "h2" });

function keyValueTable(rows: [string, string][]): Content {
  return {
    table: {
      widths: [100, "*"],
      body: rows.map(([k, v]) => [{ text: k, bold: true, fillColor: "#eef1f6" }, { text: v }]),
    },
    layout,
  };
}

function table(t: ReportTable, widths: (number | "*" | "auto")[], fontSize = 8.5): Content {
  const body: TableCell[][] = [
    t.header.map((h, i) => ({ text: h, bold: true, fillColor: HEAD_FILL, alignment: t.numeric.includes(i) ? "center" : "left" })),
    ...t.rows.map((row) => row.map((cell, i) => ({ text: cell, alignment: t.numeric.includes(i) ? "right" : "left" }) as TableCell)),
  ];
  return { table: { headerRows: 1, widths, body, dontBreakRows: true }, layout, fontSize };
}

/** A chart with its number, title and source, kept on one page. */
function chart(c: ReportChart): Content {
  return {
    unbreakable: true,
    stack: [
      {
        svg: c.svg,
        width: CHART_WIDTH,
        height: Math.round((c.height * CHART_WIDTH) / c.width),
        font: PDF_FONT_FAMILY,
        alignment: "center",
      },
      { text: `${c.number}　${c.title}`, bold: true, fontSize: 8.5, alignment: "center", margin: [0, 2, 0, 0] },
      { text: c.source, fontSize: 7.5, color: "#444444", alignment: "center", margin: [0, 0, 0, 8] },
    ],
  } as Content;
}

const paragraphs = (texts: readonly string[]): Content[] => texts.map((text) => ({ text, margin: [0, 0, 0, 4] }));

function content(model: ReportModel): Content[] {
  const out: Content[] = [
    { text: model.heading, style: "title" },
    { text: model.subjectName, style: "subtitle" },
    { text: model.fiscalYearLabel, alignment: "center", fontSize: 12, margin: [0, 0, 0, 6] },
    { text: model.meta, alignment: "right", fontSize: 8.5, margin: [0, 0, 0, 4] },

    heading("1　対象の概要"),
    keyValueTable(model.outline),
  ];
  if (model.summary.length) out.push(subheading("分析の概要"), ...paragraphs(model.summary));

  out.push(heading("2　年度別の数値"));
  if (model.figures.table) {
    const years = model.figures.table.header.length - 1;
    out.push(
      { text: model.figures.unitNote, fontSize: 8, margin: [0, 0, 0, 3] },
      table(model.figures.table, [TEXT_WIDTH - 56 * years - 10 * (years + 1), ...Array<number>(years).fill(56)]),
      { text: model.figures.source, fontSize: 7.5, color: "#444444", margin: [0, 2, 0, 0] },
    );
  } else out.push({ text: "数値が入力されていません。" });

  out.push(heading("3　指標の推移と比較団体との比較"));
  if (model.peers) out.push({ text: model.peers, margin: [0, 0, 0, 4] });
  if (model.indicatorTable) {
    const years = model.indicatorTable.header.length - 1;
    out.push(table(model.indicatorTable, [TEXT_WIDTH - 62 * years - 10 * (years + 1), ...Array<number>(years).fill(62)]), {
      text: model.indicatorNote,
      fontSize: 7.5,
      color: "#444444",
      margin: [0, 2, 0, 0],
    });
  }
  for (const indicator of model.indicators) {
    const [first, ...rest] = indicator.charts;
    // the indicator's heading and text stay on the page of its first chart
    out.push({
      unbreakable: true,
      stack: [
        subheading(indicator.label),
        { text: `算式：${indicator.formula}`, fontSize: 8 },
        { text: `推移：${indicator.trend}`, fontSize: 8.5 },
        ...(indicator.standing ? [{ text: `比較団体の中での位置：${indicator.standing}`, fontSize: 8.5 } as Content] : []),
        { text: "", margin: [0, 0, 0, 4] },
        ...(first ? [chart(first)] : []),
      ],
    } as Content);
    out.push(...rest.map(chart));
  }

  out.push(heading("4　視点ごとの分析"));
  if (model.viewpoints.length === 0) out.push({ text: "所見はまだ記録されていません。" });
  for (const viewpoint of model.viewpoints) {
    out.push(subheading(viewpoint.label));
    for (const f of viewpoint.findings) {
      out.push({ text: [{ text: "評価：", bold: true }, f.assessment], margin: [0, 0, 0, 2] }, ...paragraphs(f.body.split(/\n{2,}/)));
      const [first, ...rest] = f.charts;
      if (f.basis.length) {
        // the basis line stays on the page of its first chart
        out.push({
          unbreakable: true,
          stack: [{ text: `根拠とした指標：${f.basis.join("、")}`, fontSize: 8.5, margin: [0, 0, 0, 4] }, ...(first ? [chart(first)] : [])],
        } as Content);
      }
      out.push(...rest.map(chart));
    }
  }

  out.push(heading("5　方向性の検討と決定"), table(model.options, [70, "*", 50], 9));
  out.push(subheading("決定"));
  out.push(model.decision ? keyValueTable(model.decision) : { text: "まだ決定していません（分析中）。" });

  out.push(heading("6　今後の取組"));
  out.push(model.actions ? table(model.actions, ["*", 80, 72, 100, 90], 8.5) : { text: "今後の取組は記録されていません。" });
  return out;
}

export function renderReportPdf(model: ReportModel): Promise<Buffer> {
  const definition: TDocumentDefinitions = {
    pageSize: "A4",
    pageOrientation: "portrait",
    pageMargins: [50, 50, 50, 50],
    info: { title: `${model.heading} ${model.subjectName} ${model.fiscalYearLabel}`, creator: "Yokogushi" },
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: 9.5, lineHeight: 1.3 },
    styles: {
      title: { fontSize: 20, bold: true, alignment: "center", margin: [0, 40, 0, 10] },
      subtitle: { fontSize: 15, bold: true, alignment: "center", margin: [0, 0, 0, 4] },
      h1: { fontSize: 12.5, bold: true, color: "#1f3864", margin: [0, 0, 0, 2] },
      h2: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 3] },
    },
    footer: (page: number, pages: number) => ({
      columns: [
        { text: `${model.heading}　${model.subjectName}（${model.fiscalYearLabel}）`, fontSize: 7.5, color: "#555555" },
        { text: `${page} / ${pages}`, alignment: "right", fontSize: 8 },
      ],
      margin: [50, 18, 50, 0],
    }),
    content: content(model),
  };
  return renderPdf(definition);
}
