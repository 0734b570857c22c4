// 局区方針 → Word (.docx) for staff to edit further: the same structure as the PDF, built on Word's own Title and
// Heading 1–3 styles (so the navigation pane and outline work) and a real table for the overview matrix.
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
import type { ChallengeContent, PolicyDocumentContent } from "../../../common/policy/types.js";
import {
  analysisNoteText,
  approachHeadingText,
  challengeLabel,
  matrixCategories,
  overviewCell,
  overviewItemLines,
  type PolicyRenderOptions,
  paragraphs,
  progressAsOf,
  progressHeading,
  progressText,
  SECTION_HEADINGS,
} from "./render-model.js";

// 游明朝 ships with Windows and Office for Mac, which is what the bureau's staff edit on.
const MINCHO = "游明朝";
const GOTHIC = "游ゴシック";
const A4_TWIPS = { width: 11906, height: 16838 };
const MARGIN_TWIPS = 1134; // 2 cm
const TEXT_WIDTH_TWIPS = A4_TWIPS.width - 2 * MARGIN_TWIPS;
const BODY_INDENT_TWIPS = 240;

const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

/** Text whose single newlines stay line breaks inside one Word paragraph. */
function runsWithBreaks(text: string, options: { bold?: boolean; size?: number } = {}): TextRun[] {
  return text.split("\n").map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...options }));
}

function bodyParagraphs(text: string): Paragraph[] {
  return paragraphs(text).map((p) => new Paragraph({ children: runsWithBreaks(p), indent: { left: BODY_INDENT_TWIPS } }));
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel], pageBreakBefore = false): Paragraph {
  return new Paragraph({ text, heading: level, pageBreakBefore });
}

function matrixCell(doc: PolicyDocumentContent, category: string, areaCode: string): TableCell {
  const lines = overviewCell(doc, category, areaCode).flatMap(overviewItemLines);
  const children = lines.map((line) => new Paragraph({ children: runsWithBreaks(line.text, { bold: line.isTitle, size: 18 }) }));
  return new TableCell({ children: children.length > 0 ? children : [new Paragraph("")] });
}

function headCell(text: string): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold: true })], alignment: AlignmentType.CENTER })],
    shading: { type: ShadingType.CLEAR, fill: "E8EEF7", color: "auto" },
  });
}

function overviewMatrix(doc: PolicyDocumentContent): Table {
  const header = new TableRow({ tableHeader: true, children: [headCell(""), ...doc.areas.map((a) => headCell(a.label))] });
  const rows = matrixCategories(doc).map(
    (category) =>
      new TableRow({
        cantSplit: true,
        children: [headCell(category), ...doc.areas.map((area) => matrixCell(doc, category, area.code))],
      }),
  );
  const categoryWidth = 12;
  const areaWidth = (100 - categoryWidth) / Math.max(doc.areas.length, 1);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [categoryWidth, ...doc.areas.map(() => areaWidth)].map((pct) => Math.round((pct / 100) * TEXT_WIDTH_TWIPS)),
    rows: [header, ...rows],
  });
}

function challengeSection(challenge: ChallengeContent, options: PolicyRenderOptions): Paragraph[] {
  const entry = progressAsOf(challenge, options.asOf);
  const note = challenge.analysisNote
    ? [new Paragraph({ text: analysisNoteText(challenge.analysisNote), indent: { left: BODY_INDENT_TWIPS } })]
    : [];
  const progress = entry ? bodyParagraphs(progressText(entry, options.statusLabels)) : bodyParagraphs("（記載なし）");
  return [
    heading(challengeLabel(challenge), HeadingLevel.HEADING_2),
    heading(SECTION_HEADINGS.name, HeadingLevel.HEADING_3),
    ...bodyParagraphs(challenge.name),
    heading(SECTION_HEADINGS.content, HeadingLevel.HEADING_3),
    ...bodyParagraphs(challenge.content),
    heading(SECTION_HEADINGS.background, HeadingLevel.HEADING_3),
    ...bodyParagraphs(challenge.background),
    heading(approachHeadingText(challenge), HeadingLevel.HEADING_3),
    ...bodyParagraphs(challenge.approach),
    ...note,
    heading(progressHeading(entry), HeadingLevel.HEADING_3),
    ...progress,
  ];
}

function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT, " / ", PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}

const headingRun = (size: number) => ({ run: { font: font(GOTHIC), bold: true, size, color: "000000" } });

function buildDocument(doc: PolicyDocumentContent, options: PolicyRenderOptions): Document {
  return new Document({
    title: doc.title,
    creator: doc.bureauName,
    styles: {
      default: {
        document: { run: { font: font(MINCHO), size: 21, language: { value: "ja-JP", eastAsia: "ja-JP" } } },
        title: { ...headingRun(32), paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } } },
        heading1: { ...headingRun(26), paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        heading2: { ...headingRun(24), paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } },
        heading3: { ...headingRun(21), paragraph: { spacing: { before: 120, after: 40 }, keepNext: true } },
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
        footers: { default: pageNumberFooter() },
        children: [
          heading(doc.overviewTitle, HeadingLevel.TITLE),
          overviewMatrix(doc),
          heading(doc.title, HeadingLevel.TITLE, true),
          heading(doc.missionHeading, HeadingLevel.HEADING_1),
          ...bodyParagraphs(doc.mission),
          heading(doc.challengesHeading, HeadingLevel.HEADING_1),
          ...doc.challenges.flatMap((c) => challengeSection(c, options)),
        ],
      },
    ],
  });
}

/** Loaded on the first Word export only (render-docx.ts): `docx` is a large library that start-up need not read. */
export function buildPolicyDocx(doc: PolicyDocumentContent, options: PolicyRenderOptions): Promise<Buffer> {
  return Packer.toBuffer(buildDocument(doc, options));
}
