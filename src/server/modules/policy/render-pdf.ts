// 局区方針 → PDF (A4 portrait) laid out like the bureau's own document: the overview matrix on page 1, then the
// title, 1 組織の使命, 2 課題と背景 and each challenge's ①–⑤. Noto Sans JP is embedded (pdfkit subsets it).
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import type { ChallengeContent, PolicyDocumentContent } from "../../../common/policy/types.js";
import { PDF_FONT_FAMILY, renderPdf } from "../../platform/pdf/printer";
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

function paragraphBlocks(text: string, style = "body"): Content[] {
  return paragraphs(text).map((p) => ({ text: p, style }));
}

function matrixCellContent(doc: PolicyDocumentContent, category: string, areaCode: string): TableCell {
  const lines = overviewCell(doc, category, areaCode).flatMap(overviewItemLines);
  return {
    stack: lines.map((line) => ({ text: line.text, bold: line.isTitle, margin: [0, line.isTitle ? 2 : 0, 0, 1] })),
    style: "matrixCell",
  };
}

function overviewPage(doc: PolicyDocumentContent): Content[] {
  const headerRow: TableCell[] = [{ text: "", style: "matrixHead" }, ...doc.areas.map((a) => ({ text: a.label, style: "matrixHead" }))];
  const bodyRows: TableCell[][] = matrixCategories(doc).map((category) => [
    { text: category, style: "matrixCategory" },
    ...doc.areas.map((area) => matrixCellContent(doc, category, area.code)),
  ]);
  return [
    { text: doc.overviewTitle, style: "overviewTitle" },
    {
      table: { headerRows: 1, widths: [56, ...doc.areas.map(() => "*")], body: [headerRow, ...bodyRows] },
      layout: { fillColor: (row: number) => (row === 0 ? "#e8eef7" : null) },
    },
  ];
}

function section(heading: string, body: Content[]): Content[] {
  // headlineLevel lets pageBreakBefore move a heading that would sit alone at the foot of a page.
  return [{ text: heading, style: "sectionHeading", headlineLevel: 2 }, ...body];
}

function challengeBlock(challenge: ChallengeContent, options: PolicyRenderOptions): Content[] {
  const entry = progressAsOf(challenge, options.asOf);
  const approach = paragraphBlocks(challenge.approach);
  if (challenge.analysisNote) approach.push({ text: analysisNoteText(challenge.analysisNote), style: "note" });
  const progress = entry ? paragraphBlocks(progressText(entry, options.statusLabels)) : [{ text: "（記載なし）", style: "body" }];
  return [
    { text: challengeLabel(challenge), style: "challengeHeading", headlineLevel: 1 },
    ...section(SECTION_HEADINGS.name, [{ text: challenge.name, style: "body" }]),
    ...section(SECTION_HEADINGS.content, paragraphBlocks(challenge.content)),
    ...section(SECTION_HEADINGS.background, paragraphBlocks(challenge.background)),
    ...section(approachHeadingText(challenge), approach),
    ...section(progressHeading(entry), progress),
  ];
}

function mainPart(doc: PolicyDocumentContent, options: PolicyRenderOptions): Content[] {
  return [
    { text: doc.title, style: "title", pageBreak: "before" },
    { text: doc.missionHeading, style: "partHeading", headlineLevel: 1 },
    ...paragraphBlocks(doc.mission),
    { text: doc.challengesHeading, style: "partHeading", headlineLevel: 1 },
    ...doc.challenges.flatMap((c) => challengeBlock(c, options)),
  ];
}

export function policyDocDefinition(doc: PolicyDocumentContent, options: PolicyRenderOptions = {}): TDocumentDefinitions {
  return {
    pageSize: "A4",
    pageOrientation: "portrait",
    pageMargins: [48, 48, 48, 56],
    info: { title: doc.title, subject: doc.overviewTitle, author: doc.bureauName },
    content: [...overviewPage(doc), ...mainPart(doc, options)],
    footer: (currentPage, pageCount) => ({
      text: `${currentPage} / ${pageCount}`,
      alignment: "center",
      fontSize: 9,
      margin: [0, 20, 0, 0],
    }),
    pageBreakBefore: (node, following) => node.headlineLevel !== undefined && following.length <= 1,
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: 10.5, lineHeight: 1.35 },
    styles: {
      overviewTitle: { fontSize: 16, bold: true, alignment: "center", margin: [0, 0, 0, 12] },
      matrixHead: { bold: true, alignment: "center", fontSize: 10.5 },
      matrixCategory: { bold: true, fontSize: 9.5 },
      matrixCell: { fontSize: 8.5, lineHeight: 1.25 },
      title: { fontSize: 16, bold: true, alignment: "center", margin: [0, 0, 0, 16] },
      partHeading: { fontSize: 13, bold: true, margin: [0, 12, 0, 6] },
      challengeHeading: { fontSize: 12, bold: true, margin: [0, 14, 0, 4] },
      sectionHeading: { bold: true, margin: [0, 6, 0, 2] },
      body: { margin: [12, 0, 0, 4] },
      note: { margin: [12, 2, 0, 4], fontSize: 10 },
    },
  };
}

export async function renderPolicyPdf(doc: PolicyDocumentContent, options: PolicyRenderOptions = {}): Promise<Buffer> {
  return renderPdf(policyDocDefinition(doc, options));
}
