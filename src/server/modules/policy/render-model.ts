// What the PDF, Word and Excel renderers of a 局区方針 share: which progress entry to show for a date, the
// overview matrix cells, and the headings as the document writes them. Pure functions on PolicyDocumentContent.
import { isIsoDate } from "../../../common/dates.js";
import { asOfLabelOf } from "../../../common/policy/render-text.js";
import type { ChallengeContent, OverviewItem, PolicyDocumentContent, ProgressEntryContent } from "../../../common/policy/types.js";

export interface PolicyRenderOptions {
  /** ISO date: show the latest progress entry on or before it (default: the latest entry) */
  asOf?: string;
  /** show each progress entry's 進捗ステータス (【順調】 …) beside its text */
  statusLabels?: boolean;
}

export const SECTION_HEADINGS = {
  name: "① 課題名",
  content: "② 課題の内容",
  background: "③ 課題の背景",
  approachNumber: "④",
  progress: "⑤ 取組みの進捗状況、取組結果",
} as const;

/** Entries on or before asOf (all when asOf is absent), oldest first. */
export function progressHistory(challenge: ChallengeContent, asOf?: string): ProgressEntryContent[] {
  if (asOf !== undefined && !isIsoDate(asOf)) throw new RangeError(`asOf は YYYY-MM-DD で指定してください: ${asOf}`);
  const entries = asOf === undefined ? challenge.progress : challenge.progress.filter((p) => p.asOf <= asOf);
  return [...entries].sort((a, b) => a.asOf.localeCompare(b.asOf));
}

export function progressAsOf(challenge: ChallengeContent, asOf?: string): ProgressEntryContent | null {
  return progressHistory(challenge, asOf).at(-1) ?? null;
}

/** 課題A（1）: the document writes the number in full-width brackets. */
export function challengeLabel(challenge: ChallengeContent): string {
  return `課題${challenge.areaCode}（${challenge.number}）`;
}

/** 令和6年11月末時点 — the label as written, or one made from the date for entries entered in the system. */
export const asOfLabel = asOfLabelOf;

export function progressHeading(entry: ProgressEntryContent | null): string {
  return entry ? `${SECTION_HEADINGS.progress}（${asOfLabel(entry)}）` : SECTION_HEADINGS.progress;
}

export function approachHeadingText(challenge: ChallengeContent): string {
  return `${SECTION_HEADINGS.approachNumber} ${challenge.approachHeading || "課題に対する取組み"}`;
}

/** Paragraphs separated by blank lines; single newlines inside a paragraph are kept as line breaks. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

export function analysisNoteText(note: string): string {
  return /^[※＊*]/.test(note) ? note : `※${note}`;
}

export function progressText(entry: ProgressEntryContent, statusLabels: boolean | undefined): string {
  return statusLabels && entry.status ? `【${entry.status}】${entry.text}` : entry.text;
}

/** The overview items of one matrix cell (分類 row × 領域 column), in document order. */
export function overviewCell(doc: PolicyDocumentContent, category: string, areaCode: string): OverviewItem[] {
  return doc.overview.filter((item) => item.category === category && item.areaCode === areaCode);
}

/** "(1)title" then "・bullet" lines, as the overview page prints an item. */
export function overviewItemLines(item: OverviewItem): { text: string; isTitle: boolean }[] {
  const number = item.challengeCode ? /\((\d+)\)/.exec(item.challengeCode)?.[1] : undefined;
  const lines: { text: string; isTitle: boolean }[] = [];
  if (item.title !== null) lines.push({ text: number ? `(${number})${item.title}` : item.title, isTitle: true });
  for (const bullet of item.bullets) lines.push({ text: `・${bullet}`, isTitle: false });
  return lines;
}

/** All categories of the matrix: those declared, then any only the overview items name. */
export function matrixCategories(doc: PolicyDocumentContent): string[] {
  const extra = doc.overview.map((item) => item.category).filter((c) => !doc.categories.includes(c));
  return [...doc.categories, ...new Set(extra)];
}
