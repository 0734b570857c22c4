// 局区方針 → Excel workbook for staff who sort, filter and compare: 概要 (the overview matrix), 課題一覧 (one row
// per challenge with its progress as of a date) and 進捗履歴 (every dated progress entry).
import { formatWareki } from "../../../common/dates.js";
import type { ChallengeContent, PolicyDocumentContent } from "../../../common/policy/types.js";
import { writeXlsx, type XlsxSheet } from "../../platform/tabular/xlsx-write.js";
import {
  analysisNoteText,
  asOfLabel,
  matrixCategories,
  overviewCell,
  overviewItemLines,
  type PolicyRenderOptions,
  progressAsOf,
  progressHistory,
} from "./render-model.js";

export const POLICY_SHEET_NAMES = { overview: "概要", challenges: "課題一覧", progress: "進捗履歴" } as const;

export const CHALLENGE_COLUMNS = [
  "課題番号",
  "領域",
  "分類",
  "課題名",
  "課題の内容",
  "課題の背景",
  "取組み",
  "経営分析",
  "最新時点",
  "最新の進捗",
  "状況",
] as const;

export const PROGRESS_COLUMNS = ["課題番号", "時点(ISO)", "時点(和暦)", "状況", "内容"] as const;

function overviewSheet(doc: PolicyDocumentContent): XlsxSheet {
  const cellText = (category: string, areaCode: string) =>
    overviewCell(doc, category, areaCode)
      .flatMap(overviewItemLines)
      .map((line) => line.text)
      .join("\n");
  return {
    name: POLICY_SHEET_NAMES.overview,
    header: ["分類", ...doc.areas.map((a) => a.label)],
    rows: matrixCategories(doc).map((category) => [category, ...doc.areas.map((a) => cellText(category, a.code))]),
    columnWidths: [16, ...doc.areas.map(() => 44)],
    wrapText: true,
  };
}

function areaLabel(doc: PolicyDocumentContent, challenge: ChallengeContent): string {
  return doc.areas.find((a) => a.code === challenge.areaCode)?.label ?? challenge.areaCode;
}

function challengeRow(doc: PolicyDocumentContent, challenge: ChallengeContent, asOf: string | undefined): unknown[] {
  const latest = progressAsOf(challenge, asOf);
  return [
    challenge.code,
    areaLabel(doc, challenge),
    challenge.category ?? "",
    challenge.name,
    challenge.content,
    challenge.background,
    challenge.approach,
    challenge.analysisNote ? analysisNoteText(challenge.analysisNote) : "",
    latest ? asOfLabel(latest) : "",
    latest?.text ?? "",
    latest?.status ?? "",
  ];
}

function challengesSheet(doc: PolicyDocumentContent, options: PolicyRenderOptions): XlsxSheet {
  return {
    name: POLICY_SHEET_NAMES.challenges,
    header: [...CHALLENGE_COLUMNS],
    rows: doc.challenges.map((c) => challengeRow(doc, c, options.asOf)),
    columnWidths: [10, 10, 12, 30, 50, 50, 50, 30, 18, 50, 10],
    wrapText: true,
  };
}

function progressSheet(doc: PolicyDocumentContent, options: PolicyRenderOptions): XlsxSheet {
  const rows = doc.challenges.flatMap((c) =>
    progressHistory(c, options.asOf).map((entry) => [c.code, entry.asOf, formatWareki(entry.asOf), entry.status ?? "", entry.text]),
  );
  return {
    name: POLICY_SHEET_NAMES.progress,
    header: [...PROGRESS_COLUMNS],
    rows,
    columnWidths: [10, 12, 18, 10, 80],
    wrapText: true,
  };
}

export function renderPolicyXlsx(doc: PolicyDocumentContent, options: PolicyRenderOptions = {}): Promise<Buffer> {
  return writeXlsx([overviewSheet(doc), challengesSheet(doc, options), progressSheet(doc, options)]);
}
