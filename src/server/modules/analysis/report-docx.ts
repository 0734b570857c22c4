// 経営分析報告書 as Word (.docx), for staff to finish and circulate: the same model as the PDF, on Word's own Title and
// Heading styles (游明朝 for the text, 游ゴシック for headings, as the system's other Word documents), A4 portrait,
// page numbers in the footer, each chart a PNG drawn from its SVG (report-charts.ts) with its number and source.
// Loaded on the first Word report only (docx is a large library).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { svgToPng } from "./report-charts";
import type { ReportChart, ReportModel, ReportTable } from "./report-model";

const MINCHO = "游明朝";
const GOTHIC = "游ゴシック";
const A4_TWIPS = { width: 11906, height: 16838 };
const MARGIN_TWIPS = 1134;
const TEXT_WIDTH_TWIPS = A4_TWIPS.width - 2 * MARGIN_TWIPS;
/** A chart's width on the page, in pixels at 96 dpi (the text width is about 642 px). */
const CHART_WIDTH_PX = 600;
const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

function textParagraphs(
  text: string,
  options: { bold?: boolean; alignment?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {},
): Paragraph[] {
  const blocks = text.split(/\n{2,}/);
  return blocks.map(
    (block) =>
      new Paragraph({
        alignment: options.alignment,
        children: block.split("\n").map((part, i) => new TextRun({ text: part, break: i > 0 ? 1 : undefined, bold: options.bold })),
      }),
  );
}

function cell(text: string, widthTwips: number, options: { head?: boolean; right?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: widthTwips, type: WidthType.DXA },
    children: textParagraphs(text, { bold: options.head, alignment: options.right ? AlignmentType.RIGHT : undefined }),
    ...(options.head ? { shading: { type: ShadingType.CLEAR, fill: "E8EEF7", color: "auto" } } : {}),
  });
}

function keyValueTable(rows: [string, string][]): Table {
  const widths = [Math.round(TEXT_WIDTH_TWIPS * 0.22), TEXT_WIDTH_TWIPS - Math.round(TEXT_WIDTH_TWIPS * 0.22)];
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    rows: rows.map(
      ([k, v]) => new TableRow({ cantSplit: true, children: [cell(k, widths[0] ?? 0, { head: true }), cell(v, widths[1] ?? 0)] }),
    ),
  });
}

/** A table with its heading row repeated on every page; `fractions` share the text width. */
function table(t: ReportTable, fractions: number[]): Table {
  const total = fractions.reduce((s, f) => s + f, 0);
  const widths = fractions.map((f) => Math.round((TEXT_WIDTH_TWIPS * f) / total));
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: t.header.map((h, i) => cell(h, widths[i] ?? 0, { head: true })) }),
      ...t.rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.map((text, i) => cell(text, widths[i] ?? 0, { right: t.numeric.includes(i) })),
          }),
      ),
    ],
  });
}

const yearsTable = (t: ReportTable, labelShare: number) => table(t, [labelShare, ...t.header.slice(1).map(() => 1)]);

const small = (text: string, options: { alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number } = {}) =>
  new Paragraph({
    alignment: options.alignment,
    spacing: { after: options.after ?? 60 },
    children: [new TextRun({ text, size: 17, color: "444444" })],
  });

async function chart(c: ReportChart): Promise<Paragraph[]> {
  const png = await svgToPng(c.svg);
  const height = Math.round((c.height * CHART_WIDTH_PX) / c.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120 },
      children: [
        new ImageRun({
          type: "png",
          data: png,
          transformation: { width: CHART_WIDTH_PX, height },
          altText: { name: c.number, title: c.title, description: `${c.title}（${c.source}）` },
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [new TextRun({ text: `${c.number}　${c.title}`, bold: true, size: 18 })],
    }),
    small(c.source, { alignment: AlignmentType.CENTER, after: 200 }),
  ];
}

type Block = Paragraph | Table;

async function body(model: ReportModel): Promise<Block[]> {
  const out: Block[] = [
    new Paragraph({ text: model.heading, heading: HeadingLevel.TITLE }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: model.subjectName, bold: true, size: 30 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: model.fiscalYearLabel, size: 24 })] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: model.meta, size: 18 })] }),
    new Paragraph({ text: "1　対象の概要", heading: HeadingLevel.HEADING_1 }),
    keyValueTable(model.outline),
  ];
  if (model.summary.length) {
    out.push(new Paragraph({ text: "分析の概要", heading: HeadingLevel.HEADING_2 }), ...model.summary.flatMap((s) => textParagraphs(s)));
  }

  out.push(new Paragraph({ text: "2　年度別の数値", heading: HeadingLevel.HEADING_1 }));
  if (model.figures.table) {
    out.push(small(model.figures.unitNote), yearsTable(model.figures.table, 3), small(model.figures.source));
  } else out.push(new Paragraph("数値が入力されていません。"));

  out.push(new Paragraph({ text: "3　指標の推移と比較団体との比較", heading: HeadingLevel.HEADING_1 }));
  if (model.peers) out.push(new Paragraph(model.peers));
  if (model.indicatorTable) out.push(yearsTable(model.indicatorTable, 2.4), small(model.indicatorNote));
  for (const indicator of model.indicators) {
    out.push(
      new Paragraph({ text: indicator.label, heading: HeadingLevel.HEADING_2 }),
      small(`算式：${indicator.formula}`),
      new Paragraph(`推移：${indicator.trend}`),
      ...(indicator.standing ? [new Paragraph(`比較団体の中での位置：${indicator.standing}`)] : []),
    );
    for (const c of indicator.charts) out.push(...(await chart(c)));
  }

  out.push(new Paragraph({ text: "4　視点ごとの分析", heading: HeadingLevel.HEADING_1 }));
  if (model.viewpoints.length === 0) out.push(new Paragraph("所見はまだ記録されていません。"));
  for (const viewpoint of model.viewpoints) {
    out.push(new Paragraph({ text: viewpoint.label, heading: HeadingLevel.HEADING_2 }));
    for (const f of viewpoint.findings) {
      out.push(
        new Paragraph({ children: [new TextRun({ text: "評価：", bold: true }), new TextRun(f.assessment)] }),
        ...textParagraphs(f.body),
      );
      if (f.basis.length) out.push(small(`根拠とした指標：${f.basis.join("、")}`));
      for (const c of f.charts) out.push(...(await chart(c)));
    }
  }

  out.push(new Paragraph({ text: "5　方向性の検討と決定", heading: HeadingLevel.HEADING_1 }), table(model.options, [1.2, 5, 1]));
  out.push(new Paragraph({ text: "決定", heading: HeadingLevel.HEADING_2 }));
  out.push(model.decision ? keyValueTable(model.decision) : new Paragraph("まだ決定していません（分析中）。"));

  out.push(new Paragraph({ text: "6　今後の取組", heading: HeadingLevel.HEADING_1 }));
  out.push(model.actions ? table(model.actions, [3, 1.8, 1.6, 1.4, 2]) : new Paragraph("今後の取組は記録されていません。"));
  return out;
}

export async function renderReportDocx(model: ReportModel): Promise<Buffer> {
  const headingRun = (size: number, color = "1F3864") => ({ run: { font: font(GOTHIC), bold: true, size, color } });
  const document = new Document({
    title: `${model.heading} ${model.subjectName} ${model.fiscalYearLabel}`,
    creator: "Yokogushi",
    styles: {
      default: {
        document: { run: { font: font(MINCHO), size: 20, language: { value: "ja-JP", eastAsia: "ja-JP" } } },
        title: { ...headingRun(36, "000000"), paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 480, after: 160 } } },
        heading1: {
          ...headingRun(25),
          paragraph: {
            spacing: { before: 320, after: 120 },
            keepNext: true,
            border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: "1F3864", space: 2 } },
          },
        },
        heading2: { ...headingRun(21, "000000"), paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { ...A4_TWIPS, orientation: PageOrientation.PORTRAIT },
            margin: { top: MARGIN_TWIPS, bottom: MARGIN_TWIPS, left: MARGIN_TWIPS, right: MARGIN_TWIPS },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT, " / ", PageNumber.TOTAL_PAGES], size: 18 })],
              }),
            ],
          }),
        },
        children: await body(model),
      },
    ],
  });
  return Packer.toBuffer(document);
}
