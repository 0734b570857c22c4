// Writes a 局区方針 back into its text form (the layout parsePolicyText reads), e.g. for a text download or as the
// source of the PDF/Word renderers. Parsing the output gives the same document back, with these limits of the
// format itself: ⑤ shows one progress entry (the latest on or before opts.asOf) and no status; bureauName is
// not written on its own (it is read back from the title's 〈…〉); a paragraph that does not end a sentence
// (。 etc.) is read back as cut by a page break and joined to the next one; a numbered overview item without
// bullets directly followed by an un-numbered bullet group reads back as one item.
import { formatWareki, isMonthEnd } from "../dates.js";
import type { ChallengeContent, OverviewItem, PolicyDocumentContent, ProgressEntryContent } from "./types.js";

export interface RenderTextOptions {
  /** 時点 (YYYY-MM-DD): ⑤ shows the latest progress entry on or before it; without it, the latest entry */
  asOf?: string;
}

const SECTION_HEADINGS = {
  name: "① 課題名",
  content: "② 課題の内容",
  background: "③ 課題の背景",
  progress: "⑤ 取組みの進捗状況、取組結果",
} as const;

// Blocks are separated by one blank line, as in the documents the city publishes.
const BLOCK_SEPARATOR = "\n\n";

function overviewItemBlock(item: OverviewItem): string {
  const bullets = item.bullets.map((b) => `- ・${b}`).join("\n");
  if (item.title === null) return bullets;
  const number = item.challengeCode ? /\((\d+)\)$/.exec(item.challengeCode)?.[1] : undefined;
  const head = `(${number ?? ""})${item.title}`;
  return bullets ? `${head}${BLOCK_SEPARATOR}${bullets}` : head;
}

/** Categories in the document's order, then any that only an item names, so that no item is dropped. */
function overviewRows(doc: PolicyDocumentContent): string[] {
  const categories = [...doc.categories];
  for (const item of doc.overview) if (!categories.includes(item.category)) categories.push(item.category);
  return categories;
}

function overviewBlocks(doc: PolicyDocumentContent): string[] {
  const blocks = [doc.overviewTitle, ...doc.areas.map((a) => a.label)];
  for (const category of overviewRows(doc)) {
    blocks.push(category);
    for (const item of doc.overview) if (item.category === category) blocks.push(overviewItemBlock(item));
  }
  return blocks;
}

/** The progress entry shown for a 時点: the latest one dated on or before it (ISO strings compare as dates). */
export function progressAsOf(progress: readonly ProgressEntryContent[], asOf?: string): ProgressEntryContent | null {
  let chosen: ProgressEntryContent | null = null;
  for (const entry of progress) {
    if (asOf !== undefined && entry.asOf > asOf) continue;
    if (!chosen || entry.asOf >= chosen.asOf) chosen = entry;
  }
  return chosen;
}

/** 令和6年11月末時点 for a month end, 令和7年2月15日時点 otherwise. */
export function asOfLabelFor(iso: string): string {
  const precision = isMonthEnd(iso) ? "month-end" : "day";
  return `${formatWareki(iso, { precision })}時点`;
}

/** The label as written when there is one, else the one made from the date. */
export function asOfLabelOf(entry: ProgressEntryContent): string {
  return entry.asOfLabel.trim() !== "" ? entry.asOfLabel : asOfLabelFor(entry.asOf);
}

function progressBlocks(challenge: ChallengeContent, asOf?: string): string[] {
  const entry = progressAsOf(challenge.progress, asOf);
  if (!entry) return [SECTION_HEADINGS.progress];
  return [`${SECTION_HEADINGS.progress}（${asOfLabelOf(entry)}）`, entry.text];
}

function challengeBlocks(c: ChallengeContent, asOf?: string): string[] {
  return [
    `課題${c.areaCode}（${c.number}）`,
    SECTION_HEADINGS.name,
    c.name,
    SECTION_HEADINGS.content,
    c.content,
    SECTION_HEADINGS.background,
    c.background,
    `④ ${c.approachHeading || "課題に対する取組み"}`,
    c.approach,
    // The 経営分析 note is printed as its own paragraph at the end of ④, where the city's template puts it.
    c.analysisNote ?? "",
    ...progressBlocks(c, asOf),
  ];
}

export function renderPolicyText(doc: PolicyDocumentContent, opts: RenderTextOptions = {}): string {
  const blocks = [
    ...(doc.overviewTitle ? overviewBlocks(doc) : []),
    doc.title,
    doc.missionHeading,
    doc.mission,
    doc.challengesHeading,
    ...doc.challenges.flatMap((c) => challengeBlocks(c, opts.asOf)),
  ];
  return `${blocks.filter((b) => b !== "").join(BLOCK_SEPARATOR)}\n`;
}
