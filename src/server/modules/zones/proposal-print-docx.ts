// The 規制改革提案 print as Word (.docx): a two-column table of the form's items, then これまでの経過 as a table. Built
// on Word's own Title and Heading styles; loaded on the first print only (docx is a large library).
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
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
import type { ProposalPrint } from "./proposal-print";

const MINCHO = "游明朝";
const GOTHIC = "游ゴシック";
const A4_TWIPS = { width: 11906, height: 16838 };
const MARGIN_TWIPS = 1134;
const TEXT_WIDTH_TWIPS = A4_TWIPS.width - 2 * MARGIN_TWIPS;
const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

function textParagraphs(lines: readonly string[], options: { bold?: boolean } = {}): Paragraph[] {
  const list = lines.length ? lines : [""];
  return list.map(
    (line) =>
      new Paragraph({
        children: line.split("\n").map((part, i) => new TextRun({ text: part, break: i > 0 ? 1 : undefined, bold: options.bold })),
      }),
  );
}

function labelCell(text: string, widthTwips: number): TableCell {
  return new TableCell({
    width: { size: widthTwips, type: WidthType.DXA },
    children: textParagraphs([text], { bold: true }),
    shading: { type: ShadingType.CLEAR, fill: "EEF1F6", color: "auto" },
  });
}

function valueCell(lines: readonly string[], widthTwips: number): TableCell {
  return new TableCell({ width: { size: widthTwips, type: WidthType.DXA }, children: textParagraphs(lines) });
}

export function renderDocx(model: ProposalPrint): Promise<Buffer> {
  const labelWidth = Math.round(TEXT_WIDTH_TWIPS * 0.25);
  const valueWidth = TEXT_WIDTH_TWIPS - labelWidth;
  const items = new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: [labelWidth, valueWidth],
    rows: model.items.map(
      (item) => new TableRow({ cantSplit: false, children: [labelCell(item.label, labelWidth), valueCell(item.lines, valueWidth)] }),
    ),
  });
  const historyWidths = [0.18, 0.25, 0.12, 0.45].map((f) => Math.round(TEXT_WIDTH_TWIPS * f));
  const history = model.history.length
    ? new Table({
        width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
        columnWidths: historyWidths,
        rows: [
          new TableRow({
            tableHeader: true,
            children: ["年月日", "段階", "回答", "備考"].map((h, i) => labelCell(h, historyWidths[i] ?? 0)),
          }),
          ...model.history.map(
            (h) =>
              new TableRow({
                cantSplit: true,
                children: [h.date, h.step, h.answer, h.note].map((text, i) => valueCell([text], historyWidths[i] ?? 0)),
              }),
          ),
        ],
      })
    : new Paragraph("経過の記録はありません。");

  const headingRun = (size: number) => ({ run: { font: font(GOTHIC), bold: true, size, color: "000000" } });
  const document = new Document({
    title: `${model.heading} ${model.title}`,
    creator: "Yokogushi",
    styles: {
      default: {
        document: { run: { font: font(MINCHO), size: 21, language: { value: "ja-JP", eastAsia: "ja-JP" } } },
        title: { ...headingRun(30), paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 120 } } },
        heading1: { ...headingRun(24), paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
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
                children: [new TextRun({ children: [PageNumber.CURRENT, " / ", PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ text: model.heading, heading: HeadingLevel.TITLE }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: model.meta, size: 18 })] }),
          items,
          new Paragraph({ text: "これまでの経過", heading: HeadingLevel.HEADING_1 }),
          history,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
