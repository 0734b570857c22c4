// Reads a 局区方針 (bureau policy document) from its text form into PolicyDocumentContent.
//
// The text is what staff paste or what a PDF/Word extraction gives: an overview page (概要: area columns A領域…,
// category rows 分類, numbered items "(n)title" with "- ・" bullets), the main title, "1 組織の使命", "2 課題と背景"
// and one block per challenge "課題A（1）" with sections ①–⑤. Nothing about a particular bureau (names, counts,
// areas, categories, dates, titles) is assumed; anything that does not fit is reported as a ParseIssue with a
// Japanese message and a line number instead of being guessed silently. A Word (.docx) file is first read into this
// same text (server/modules/policy/read-docx.ts), so both go through this one parser and its one issue list.
import { parseFiscalYear, parseJapaneseDate } from "../dates.js";
import type {
  ChallengeContent,
  OverviewItem,
  ParseIssue,
  ParseResult,
  PolicyArea,
  PolicyDocumentContent,
  ProgressEntryContent,
} from "./types.js";

// =================================================================================================================
// Lines

type LineKind = "text" | "blank" | "break";

interface Line {
  /** 1-based line number in the input */
  no: number;
  /** trimmed text as written */
  raw: string;
  /** raw with full-width ASCII and the ideographic space made half-width; same length as raw, so offsets agree */
  norm: string;
  /** "break": a page break (form feed or page-number line), which separates paragraphs like a blank line */
  kind: LineKind;
}

/** Full-width ASCII → half-width, U+3000 → space. One UTF-16 unit for one, so indexes into raw stay valid. */
function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) => (ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

// Page numbers that PDF extraction leaves between pages: "- 3 -", "－３－", "3 / 12".
const PAGE_NUMBER_RES = [/^[-‐―—–]\s*\d+\s*[-‐―—–]$/, /^\d+\s*\/\s*\d+$/];

function isPageNumber(norm: string): boolean {
  return PAGE_NUMBER_RES.some((re) => re.test(norm));
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .forEach((physical, i) => {
      physical.split("\f").forEach((part, j) => {
        if (j > 0) out.push({ no: i + 1, raw: "", norm: "", kind: "break" });
        const raw = part.trim();
        const norm = toHalfWidth(raw);
        const kind: LineKind = raw === "" ? "blank" : isPageNumber(norm) ? "break" : "text";
        out.push({ no: i + 1, raw, norm, kind });
      });
    });
  return out;
}

// =================================================================================================================
// Paragraphs

interface Paragraph {
  text: string;
  line: number;
}

// A paragraph that stops without one of these was cut by a page break (…開催するなど、効 / 率的・効果的な…).
const SENTENCE_END_RE = /[。．.！？!?」』）)]$/;
// …unless the next paragraph is a list item or note, which starts a new paragraph on its own.
const LIST_START_RE = /^(?:[・●○■□◆◇※＊*\-‐－]|[(（]?[0-9０-９]+[)）.．]|[\u2460-\u2473])/;

/** Consecutive lines form a paragraph (kept apart by "\n"); blank lines and page breaks separate paragraphs. */
function toParagraphs(lines: readonly Line[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | null = null;
  for (const line of lines) {
    if (line.kind !== "text") {
      current = null;
    } else if (current) {
      current.text += `\n${line.raw}`;
    } else {
      current = { text: line.raw, line: line.no };
      paragraphs.push(current);
    }
  }
  return rejoinCutParagraphs(paragraphs);
}

function rejoinCutParagraphs(paragraphs: readonly Paragraph[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const p of paragraphs) {
    const prev = out.at(-1);
    if (prev && !SENTENCE_END_RE.test(prev.text) && !LIST_START_RE.test(p.text)) prev.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

function joinParagraphs(paragraphs: readonly Paragraph[]): string {
  return paragraphs.map((p) => p.text).join("\n\n");
}

// =================================================================================================================
// Issues

class Issues {
  readonly list: ParseIssue[] = [];

  error(code: string, message: string, line?: number, challengeCode?: string): void {
    this.add("error", code, message, line, challengeCode);
  }

  warn(code: string, message: string, line?: number, challengeCode?: string): void {
    this.add("warning", code, message, line, challengeCode);
  }

  private add(severity: ParseIssue["severity"], code: string, message: string, line?: number, challengeCode?: string) {
    const issue: ParseIssue = { severity, code, message };
    if (line !== undefined) issue.line = line;
    if (challengeCode !== undefined) issue.challengeCode = challengeCode;
    this.list.push(issue);
  }

  sorted(): ParseIssue[] {
    return this.list
      .map((issue, i) => ({ issue, i }))
      .sort((a, b) => (a.issue.line ?? Number.MAX_SAFE_INTEGER) - (b.issue.line ?? Number.MAX_SAFE_INTEGER) || a.i - b.i)
      .map(({ issue }) => issue);
  }
}

// =================================================================================================================
// Line patterns (matched against Line.norm)

const CHALLENGE_RE = /^課題\s*([A-Z])\s*\(\s*(\d+)\s*\)$/;
// "1 組織の使命…" and "2 課題と背景": the digit needs a separator, so "10大学…" or "1次産業" never match.
const MISSION_RE = /^1(?:\s+|[.．、]\s*)\S/;
const CHALLENGES_HEADING_RE = /^2(?:\s+|[.．、]\s*)\S/;
const AREA_RE = /^([A-Z])\s*領域$/;
const ITEM_RE = /^\((\d+)\)\s*/;
const BULLET_RE = /^(?:[-‐]\s*・|・|[-‐]\s+)\s*/;
// A section heading starts with a circled number and is not itself a sentence ("①…を行う。" is body text).
const SECTION_RE = /^[\u2460-\u2473]/;

export function formatChallengeCode(areaCode: string, number: number): string {
  return `${areaCode}(${number})`;
}

function isSectionHeading(line: Line): boolean {
  return line.kind === "text" && SECTION_RE.test(line.norm) && !/[。.]$/.test(line.norm);
}

// =================================================================================================================
// Landmarks: where the overview, the mission and the challenges begin

interface Landmarks {
  /** index of "1 組織の使命…" or -1 */
  mission: number;
  /** index of "2 課題と背景" or -1 */
  challengesHeading: number;
  /** index of the first "課題X(n)" line or lines.length */
  firstChallenge: number;
}

function findLandmarks(lines: readonly Line[], issues: Issues): Landmarks {
  const isText = (l: Line) => l.kind === "text";
  let firstChallenge = lines.findIndex((l) => isText(l) && CHALLENGE_RE.test(l.norm));
  if (firstChallenge < 0) {
    firstChallenge = lines.length;
    issues.error("missing_challenges", "課題（例: 課題A（1））が一つも見つかりません");
  }
  const mission = lines.findIndex((l, i) => i < firstChallenge && isText(l) && MISSION_RE.test(l.norm));
  if (mission < 0) issues.error("missing_heading", "「1 組織の使命」の見出しが見つかりません");
  const challengesHeading = lines.findIndex((l, i) => i > mission && i < firstChallenge && isText(l) && CHALLENGES_HEADING_RE.test(l.norm));
  if (challengesHeading < 0) issues.error("missing_heading", "「2 課題と背景」の見出しが見つかりません");
  return { mission, challengesHeading, firstChallenge };
}

// =================================================================================================================
// Overview (概要): area headings, category rows and their items

interface OverviewEntry {
  /** "(n)" number, null for an un-numbered bullet group */
  number: number | null;
  title: string | null;
  bullets: string[];
  line: number;
}

interface OverviewRow {
  category: string;
  line: number;
  entries: OverviewEntry[];
}

interface OverviewText {
  areas: PolicyArea[];
  categories: string[];
  rows: OverviewRow[];
}

type OverviewLineKind = "area" | "item" | "bullet" | "text";

function classifyOverviewLine(norm: string): OverviewLineKind {
  if (AREA_RE.test(norm)) return "area";
  if (ITEM_RE.test(norm)) return "item";
  if (BULLET_RE.test(norm)) return "bullet";
  return "text";
}

/** The part of raw after the prefix matched by re on norm (same length, so the offset carries over). */
function afterPrefix(line: Line, re: RegExp): string {
  const m = re.exec(line.norm);
  return m ? line.raw.slice(m[0].length).trim() : line.raw;
}

/**
 * Walks the overview lines. A bullet right after an item (blank lines allowed) belongs to it; a bullet run that
 * follows another bullet run after a blank line is an un-numbered group (the matrix cell of another column);
 * a page break inside a bullet run does not split it. A line directly under an item or bullet continues it.
 */
function parseOverview(lines: readonly Line[], issues: Issues): OverviewText {
  const result: OverviewText = { areas: [], categories: [], rows: [] };
  const hasAreas = lines.some((l) => l.kind === "text" && AREA_RE.test(l.norm));
  let prev: "none" | "item" | "bullet" | "other" = "none";
  let gap: "none" | "blank" | "break" = "none";
  for (const line of lines) {
    if (line.kind !== "text") {
      // a page break anywhere in the gap wins: a bullet run cut by a page is still one run
      if (line.kind === "break") gap = "break";
      else if (gap === "none") gap = "blank";
      continue;
    }
    const kind = classifyOverviewLine(line.norm);
    const row = result.rows.at(-1);
    const entry = row?.entries.at(-1);
    if (kind === "area") {
      addArea(result, line, issues);
      prev = "other";
    } else if (kind === "item") {
      rowFor(result, line, issues).entries.push({
        number: Number(ITEM_RE.exec(line.norm)?.[1]),
        title: afterPrefix(line, ITEM_RE),
        bullets: [],
        line: line.no,
      });
      prev = "item";
    } else if (kind === "bullet") {
      const text = afterPrefix(line, BULLET_RE);
      const continues = entry && (prev === "item" || (prev === "bullet" && gap !== "blank"));
      if (continues) entry.bullets.push(text);
      else rowFor(result, line, issues).entries.push({ number: null, title: null, bullets: [text], line: line.no });
      prev = "bullet";
    } else if (gap === "none" && prev === "item" && entry) {
      entry.title = `${entry.title ?? ""}${line.raw}`;
    } else if (gap === "none" && prev === "bullet" && entry && entry.bullets.length > 0) {
      entry.bullets[entry.bullets.length - 1] += line.raw;
    } else if (hasAreas && result.areas.length === 0) {
      issues.warn("unexpected_text", `概要の領域見出しより前に読めない行があります:「${line.raw}」`, line.no);
      prev = "other";
    } else {
      result.categories.push(line.raw);
      result.rows.push({ category: line.raw, line: line.no, entries: [] });
      prev = "other";
    }
    gap = "none";
  }
  return result;
}

function addArea(result: OverviewText, line: Line, issues: Issues): void {
  const code = AREA_RE.exec(line.norm)?.[1] ?? "";
  if (result.areas.some((a) => a.code === code)) {
    issues.warn("duplicate_area", `領域「${line.raw}」が重複しています`, line.no);
    return;
  }
  if (result.rows.length > 0) issues.warn("unexpected_area", `領域見出し「${line.raw}」が分類の後にあります`, line.no);
  result.areas.push({ code, label: line.raw });
}

function rowFor(result: OverviewText, line: Line, issues: Issues): OverviewRow {
  const row = result.rows.at(-1);
  if (row) return row;
  issues.warn("missing_category", "分類の見出しがない概要項目があります", line.no);
  const orphan: OverviewRow = { category: "", line: line.no, entries: [] };
  result.rows.push(orphan);
  result.categories.push("");
  return orphan;
}

// =================================================================================================================
// Title block: overview title, main title, bureau name

interface HeadText {
  overviewTitle: string;
  title: string;
  bureauName: string;
  overview: OverviewText;
}

function firstTextIndex(lines: readonly Line[], from: number, to: number): number {
  for (let i = from; i < to; i++) if (lines[i].kind === "text") return i;
  return -1;
}

function lastTextIndex(lines: readonly Line[], from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (lines[i].kind === "text") return i;
  return -1;
}

/** The main title is the last line before "1 組織の使命"; everything before it from the first line is the overview. */
function parseHead(lines: readonly Line[], end: number, issues: Issues): HeadText {
  const empty: OverviewText = { areas: [], categories: [], rows: [] };
  const titleIdx = lastTextIndex(lines, 0, end);
  const titleLine = titleIdx >= 0 ? lines[titleIdx] : null;
  if (!titleLine || classifyOverviewLine(titleLine.norm) !== "text") {
    issues.error("missing_title", "表題（例: 局区X方針〈○○局〉）が見つかりません", titleLine?.no);
    return { overviewTitle: "", title: "", bureauName: "", overview: empty };
  }
  const firstIdx = firstTextIndex(lines, 0, titleIdx);
  if (firstIdx < 0) issues.warn("missing_overview", "概要のページがありません", titleLine.no);
  const overviewTitle = firstIdx >= 0 ? lines[firstIdx].raw : "";
  const overview = firstIdx >= 0 ? parseOverview(lines.slice(firstIdx + 1, titleIdx), issues) : empty;
  const bureauName = readBureauName(titleLine.raw, overviewTitle);
  if (!bureauName) issues.error("missing_bureau", `表題から局名が読めません:「${titleLine.raw}」`, titleLine.no);
  return { overviewTitle, title: titleLine.raw, bureauName, overview };
}

/** 局名 from the brackets of the main title (局区X方針〈政策局〉), else the first word of the overview title. */
function readBureauName(title: string, overviewTitle: string): string {
  const bracketed = /[〈《<＜]([^〉》>＞]+)[〉》>＞]/.exec(title);
  if (bracketed) return bracketed[1].trim();
  const words = overviewTitle.split(/[\s\u3000]+/);
  return words.length > 1 ? words[0] : "";
}

// =================================================================================================================
// Challenges (課題) and their sections ①–⑤

interface SectionText {
  number: number;
  heading: string;
  line: number;
  body: Line[];
}

interface ChallengeText {
  code: string;
  areaCode: string;
  number: number;
  line: number;
  sections: Map<number, SectionText>;
}

interface SectionSpec {
  label: string;
  expect: RegExp;
}

// ④ is written 課題に対する取組み / 課題に向けた取組み / 課題への対応 in practice; the heading is kept as written.
const SECTION_SPECS: Record<number, SectionSpec> = {
  1: { label: "① 課題名", expect: /課題名/ },
  2: { label: "② 課題の内容", expect: /内容/ },
  3: { label: "③ 課題の背景", expect: /背景/ },
  4: { label: "④ 課題に対する取組み", expect: /取組|対応/ },
  5: { label: "⑤ 取組みの進捗状況、取組結果", expect: /進捗|取組結果/ },
};

function splitChallenges(lines: readonly Line[], issues: Issues): ChallengeText[] {
  const out: ChallengeText[] = [];
  let current: ChallengeText | null = null;
  let section: SectionText | null = null;
  for (const line of lines) {
    const heading = line.kind === "text" ? CHALLENGE_RE.exec(line.norm) : null;
    if (heading) {
      const number = Number(heading[2]);
      current = { code: formatChallengeCode(heading[1], number), areaCode: heading[1], number, line: line.no, sections: new Map() };
      section = null;
      out.push(current);
    } else if (current && isSectionHeading(line)) {
      section = openSection(current, line, issues);
    } else if (section) {
      section.body.push(line);
    } else if (current && line.kind === "text") {
      issues.warn("unexpected_text", `課題${current.code}の①より前に読めない行があります:「${line.raw}」`, line.no, current.code);
    }
  }
  return out;
}

// Which section a heading names, most specific first (⑤'s 取組結果 also contains ④'s 取組).
const SECTION_BY_HEADING_ORDER = [5, 1, 2, 3, 4];

/**
 * The section a heading's words name, when they do not fit its number. Word numbers ①–⑤ itself, so a draft without
 * ③ shows its ④ heading as "③ 課題に対する取組み" and its ⑤ as "④ 取組みの進捗状況…": the words are trusted then.
 */
function sectionNamedBy(heading: string, number: number): number {
  return SECTION_BY_HEADING_ORDER.find((n) => SECTION_SPECS[n].expect.test(heading)) ?? number;
}

/** Starts a section; a duplicated or unknown number is reported and its text is not merged into another section. */
function openSection(challenge: ChallengeText, line: Line, issues: Issues): SectionText {
  const written = line.raw.charCodeAt(0) - 0x2460 + 1;
  const heading = line.raw.slice(1).trim();
  const where = `課題${challenge.code}`;
  const number = SECTION_SPECS[written] ? sectionNamedBy(heading, written) : written;
  if (number !== written) {
    issues.warn(
      "section_renumbered",
      `${where}の「${line.raw}」は見出しの言葉から「${SECTION_SPECS[number].label}」として読みました（番号が見出しと合いません。前の項目が抜けていませんか）`,
      line.no,
      challenge.code,
    );
  }
  const section: SectionText = { number, heading, line: line.no, body: [] };
  const spec = SECTION_SPECS[number];
  if (!spec) {
    issues.error("extra_section", `${where}に想定外の項目「${line.raw}」があります（①〜⑤のみ）`, line.no, challenge.code);
    return section;
  }
  if (challenge.sections.has(number)) {
    issues.error("duplicate_section", `${where}に「${spec.label}」が重複しています`, line.no, challenge.code);
    return section;
  }
  const later = [...challenge.sections.keys()].some((n) => n > number);
  if (later) issues.warn("section_order", `${where}の「${line.raw}」の順序が①〜⑤の順になっていません`, line.no, challenge.code);
  if (!spec.expect.test(section.heading)) {
    issues.warn("unexpected_heading", `${where}の「${line.raw}」は「${spec.label}」の見出しとして想定外です`, line.no, challenge.code);
  }
  challenge.sections.set(number, section);
  return section;
}

// A draft is often incomplete: a missing or empty section is a warning and the challenge is imported with the gap
// (an empty ②–④, no ⑤ entry, the placeholder name below); the staff fill it in on the challenge's page later.
function sectionParagraphs(challenge: ChallengeText, number: number, issues: Issues): Paragraph[] | null {
  const section = challenge.sections.get(number);
  const label = SECTION_SPECS[number].label;
  if (!section) {
    issues.warn(
      "missing_section",
      `課題${challenge.code}に「${label}」がありません（空欄のまま取り込みます）`,
      challenge.line,
      challenge.code,
    );
    return null;
  }
  const paragraphs = toParagraphs(section.body);
  if (paragraphs.length === 0 && number <= 4) {
    issues.warn("empty_section", `課題${challenge.code}の「${label}」が空です（空欄のまま取り込みます）`, section.line, challenge.code);
  }
  return paragraphs;
}

/** The name a challenge gets when its ① 課題名 is missing or empty (every challenge has a name in the database). */
export const MISSING_CHALLENGE_NAME = "（課題名未記入）";

function readName(challenge: ChallengeText, issues: Issues): string {
  const paragraphs = sectionParagraphs(challenge, 1, issues) ?? [];
  if (paragraphs.length === 0) return MISSING_CHALLENGE_NAME;
  if (paragraphs.length > 1) {
    issues.warn(
      "multiline_name",
      `課題${challenge.code}の課題名が複数段落にわたっています（連結しました）`,
      paragraphs[1].line,
      challenge.code,
    );
  }
  return paragraphs.map((p) => p.text.replace(/\n/g, "")).join("");
}

// =================================================================================================================
// ④ and its management-analysis note (※市政変革推進プランに基づき、令和N年度に経営分析を行う。)

// A "※" note naming 経営分析, up to its closing "。" (or the end of the line); may stand alone or end a paragraph.
const ANALYSIS_NOTE_RE = /[ \t\u3000]*(※[^※\n]*?経営分析[^※\n]*?(?:。|$))/m;
const FISCAL_YEAR_IN_NOTE_RE = /(?:令和|平成|昭和|[RHS])\s*(?:元|\d+|[０-９]+)\s*年度/;

interface Approach {
  approach: string;
  analysisNote: string | null;
  analysisYear: number | null;
}

function readApproach(challenge: ChallengeText, issues: Issues): Approach {
  const paragraphs = sectionParagraphs(challenge, 4, issues) ?? [];
  let note: { text: string; line: number } | null = null;
  const kept: Paragraph[] = [];
  for (const p of paragraphs) {
    const m = ANALYSIS_NOTE_RE.exec(p.text);
    if (m && note) {
      issues.warn(
        "multiple_analysis_notes",
        `課題${challenge.code}の④に経営分析の注記が複数あります（最初のものを採用）`,
        p.line,
        challenge.code,
      );
    } else if (m) {
      note = { text: m[1].trim(), line: p.line };
      p.text = (p.text.slice(0, m.index) + p.text.slice(m.index + m[0].length)).trim();
    }
    if (p.text !== "") kept.push(p);
  }
  return { approach: joinParagraphs(kept), analysisNote: note?.text ?? null, analysisYear: noteYear(note, challenge, issues) };
}

function noteYear(note: { text: string; line: number } | null, challenge: ChallengeText, issues: Issues): number | null {
  if (!note) return null;
  const token = FISCAL_YEAR_IN_NOTE_RE.exec(note.text)?.[0];
  const year = token ? parseFiscalYear(token) : null;
  if (year === null) {
    issues.warn("analysis_year_missing", `課題${challenge.code}の経営分析の注記から年度が読めません`, note.line, challenge.code);
  }
  return year;
}

// =================================================================================================================
// ⑤ and its 時点

// The 時点 is the last bracketed part of the ⑤ heading: （令和6年11月末時点）.
const AS_OF_RE = /\(([^()]*)\)\s*$/;

function readProgress(challenge: ChallengeText, issues: Issues): ProgressEntryContent[] {
  const paragraphs = sectionParagraphs(challenge, 5, issues);
  const section = challenge.sections.get(5);
  if (!paragraphs || !section) return [];
  const where = `課題${challenge.code}の「⑤」`;
  if (paragraphs.length === 0) {
    // Nothing to record (an entry without text is no progress), so its 時点 does not matter either.
    issues.warn("empty_section", `${where}の本文が空です（進捗は取り込みません）`, section.line, challenge.code);
    return [];
  }
  const normHeading = toHalfWidth(section.heading);
  const m = AS_OF_RE.exec(normHeading);
  const asOfLabel = m ? section.heading.slice(m.index + 1, m.index + 1 + m[1].length).trim() : "";
  const parsed = asOfLabel ? parseJapaneseDate(asOfLabel) : null;
  if (!m) issues.error("missing_as_of", `${where}に時点（例: 令和6年11月末時点）がありません`, section.line, challenge.code);
  else if (!parsed) issues.error("invalid_as_of", `${where}の時点「${asOfLabel}」が日付として読めません`, section.line, challenge.code);
  // The entry is kept even when its 時点 is unreadable, so that the text is never lost; the error blocks import.
  return [{ asOf: parsed?.iso ?? "", asOfLabel, text: joinParagraphs(paragraphs), status: null }];
}

function readChallenge(challenge: ChallengeText, issues: Issues): ChallengeContent {
  const name = readName(challenge, issues);
  const content = joinParagraphs(sectionParagraphs(challenge, 2, issues) ?? []);
  const background = joinParagraphs(sectionParagraphs(challenge, 3, issues) ?? []);
  const approach = readApproach(challenge, issues);
  return {
    code: challenge.code,
    areaCode: challenge.areaCode,
    number: challenge.number,
    category: null,
    name,
    content,
    background,
    approachHeading: challenge.sections.get(4)?.heading || "課題に対する取組み", // the usual heading when ④ is missing
    ...approach,
    progress: readProgress(challenge, issues),
  };
}

function reportDuplicates(challenges: readonly ChallengeText[], issues: Issues): void {
  const seen = new Set<string>();
  for (const c of challenges) {
    if (seen.has(c.code)) issues.error("duplicate_challenge", `課題${c.code}が重複しています`, c.line, c.code);
    seen.add(c.code);
  }
}

// =================================================================================================================
// Text similarity (overview titles are abbreviations of challenge names)

function bigrams(s: string): string[] {
  const t = s.normalize("NFKC").replace(/[\s\p{P}\p{S}]/gu, "");
  if (t.length < 2) return t ? [t] : [];
  const out: string[] = [];
  for (let i = 0; i < t.length - 1; i++) out.push(t.slice(i, i + 2));
  return out;
}

function sharedCount(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const g of b) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of a) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(g, n - 1);
    }
  }
  return shared;
}

/** Sørensen–Dice coefficient over character bigrams (0…1). */
export function bigramDice(a: string, b: string): number {
  const ga = bigrams(a);
  const gb = bigrams(b);
  return ga.length + gb.length === 0 ? 0 : (2 * sharedCount(ga, gb)) / (ga.length + gb.length);
}

/** Share of a's bigrams found in b (0…1): how much of a short bullet is contained in a long text. */
function bigramContainment(a: string, b: string): number {
  const ga = bigrams(a);
  return ga.length === 0 ? 0 : sharedCount(ga, bigrams(b)) / ga.length;
}

// =================================================================================================================
// Mapping overview items to challenges
//
// Within a row the items run through the area columns left to right (A's items, then B's, …) and numbers restart
// per area, so a row is a sequence whose areas never go back and whose numbers rise inside one area. Among those
// assignments the one whose titles best match the challenge names wins (dynamic programming over the row).

const MISSING_CHALLENGE_SCORE = -10;
const ALREADY_USED_PENALTY = 2;
const NUMBER_ORDER_PENALTY = 100;
const TITLE_MISMATCH_BELOW = 0.2;

interface MappingContext {
  areaCodes: string[];
  byCode: Map<string, ChallengeContent>;
  used: Set<string>;
  issues: Issues;
}

function titleScore(entry: OverviewEntry, areaCode: string, ctx: MappingContext): number {
  const code = formatChallengeCode(areaCode, entry.number ?? 0);
  const challenge = ctx.byCode.get(code);
  if (!challenge) return MISSING_CHALLENGE_SCORE;
  return bigramDice(entry.title ?? "", challenge.name) - (ctx.used.has(code) ? ALREADY_USED_PENALTY : 0);
}

/** Best area index for each numbered entry of a row (see the comment above). */
function assignRowAreas(entries: readonly OverviewEntry[], ctx: MappingContext): number[] {
  const nA = ctx.areaCodes.length;
  const best: number[][] = [];
  const from: number[][] = [];
  entries.forEach((entry, i) => {
    best.push([]);
    from.push([]);
    for (let a = 0; a < nA; a++) {
      const own = titleScore(entry, ctx.areaCodes[a], ctx);
      if (i === 0) {
        best[i][a] = own;
        from[i][a] = -1;
        continue;
      }
      let top = Number.NEGATIVE_INFINITY;
      let arg = 0;
      for (let b = 0; b <= a; b++) {
        const rises = b < a || (entry.number ?? 0) > (entries[i - 1].number ?? 0);
        const total = best[i - 1][b] - (rises ? 0 : NUMBER_ORDER_PENALTY);
        if (total > top) [top, arg] = [total, b];
      }
      best[i][a] = top + own;
      from[i][a] = arg;
    }
  });
  return backtrack(best, from);
}

function backtrack(best: number[][], from: number[][]): number[] {
  const last = best.length - 1;
  if (last < 0) return [];
  let a = best[last].reduce((arg, v, i, row) => (v > row[arg] ? i : arg), 0);
  const out: number[] = [];
  for (let i = last; i >= 0; i--) {
    out[i] = a;
    a = from[i][a];
  }
  return out;
}

function challengeFullText(c: ChallengeContent): string {
  return [c.name, c.content, c.background, c.approach].join("\n");
}

/**
 * An un-numbered bullet group has no area of its own: it lies between its neighbours' columns, and within that
 * range the area whose challenges contain its words best is taken. Always reported, since it is a guess.
 */
function inferGroupArea(
  entry: OverviewEntry,
  lo: number,
  hi: number,
  ctx: MappingContext,
  challenges: readonly ChallengeContent[],
): number {
  const text = entry.bullets.join("");
  let bestArea = lo;
  let bestScore = -1;
  for (let a = lo; a <= hi; a++) {
    for (const c of challenges) {
      if (c.areaCode !== ctx.areaCodes[a]) continue;
      const score = bigramContainment(text, challengeFullText(c));
      if (score > bestScore) [bestArea, bestScore] = [a, score];
    }
  }
  return bestArea;
}

function mapRow(row: OverviewRow, ctx: MappingContext, challenges: readonly ChallengeContent[]): OverviewItem[] {
  const numbered = row.entries.filter((e) => e.number !== null);
  const areas = assignRowAreas(numbered, ctx);
  const areaOf = new Map(numbered.map((e, i) => [e, areas[i]]));
  const items: OverviewItem[] = [];
  row.entries.forEach((entry, i) => {
    const assigned = areaOf.get(entry);
    if (assigned !== undefined) {
      items.push(mapNumbered(entry, row.category, ctx.areaCodes[assigned], ctx));
      return;
    }
    const before = row.entries
      .slice(0, i)
      .reverse()
      .find((e) => areaOf.has(e));
    const after = row.entries.slice(i + 1).find((e) => areaOf.has(e));
    const lo = before ? (areaOf.get(before) ?? 0) : 0;
    const hi = after ? (areaOf.get(after) ?? ctx.areaCodes.length - 1) : ctx.areaCodes.length - 1;
    const area = ctx.areaCodes[inferGroupArea(entry, lo, hi, ctx, challenges)];
    ctx.issues.warn(
      "inferred_area",
      `概要「${row.category}」の番号のない項目（・${entry.bullets[0] ?? ""}）は領域が書かれていないため、内容から${area}領域と推定しました`,
      entry.line,
    );
    items.push({ category: row.category, areaCode: area, challengeCode: null, title: null, bullets: entry.bullets, areaInferred: true });
  });
  return items;
}

function mapNumbered(entry: OverviewEntry, category: string, areaCode: string, ctx: MappingContext): OverviewItem {
  const code = formatChallengeCode(areaCode, entry.number ?? 0);
  const challenge = ctx.byCode.get(code);
  const label = `概要「${category}」の項目(${entry.number})${entry.title ?? ""}`;
  let inferred = false;
  if (!challenge) {
    ctx.issues.error("unmatched_overview_item", `${label}に対応する課題がありません（${code}と推定）`, entry.line, code);
    inferred = true;
  } else if (bigramDice(entry.title ?? "", challenge.name) < TITLE_MISMATCH_BELOW) {
    ctx.issues.warn(
      "overview_title_mismatch",
      `${label}を課題${code}「${challenge.name}」に対応付けましたが、表題が大きく異なります`,
      entry.line,
      code,
    );
    inferred = true;
  }
  if (ctx.used.has(code)) ctx.issues.warn("duplicate_overview_item", `課題${code}が概要に複数回現れます`, entry.line, code);
  ctx.used.add(code);
  return { category, areaCode, challengeCode: code, title: entry.title, bullets: entry.bullets, areaInferred: inferred };
}

/** Area order for the mapping: the overview's columns, then any area only the challenges name. */
function areaOrder(areas: readonly PolicyArea[], challenges: readonly ChallengeContent[]): string[] {
  const codes = areas.map((a) => a.code);
  for (const c of challenges) if (!codes.includes(c.areaCode)) codes.push(c.areaCode);
  return codes;
}

function mapOverview(overview: OverviewText, challenges: readonly ChallengeContent[], issues: Issues): OverviewItem[] {
  const ctx: MappingContext = {
    areaCodes: areaOrder(overview.areas, challenges),
    byCode: new Map(challenges.map((c) => [c.code, c] as const).reverse()),
    used: new Set(),
    issues,
  };
  if (ctx.areaCodes.length === 0) return [];
  return overview.rows.flatMap((row) => mapRow(row, ctx, challenges));
}

// =================================================================================================================
// Checks across parts

function assignCategories(
  challenges: ChallengeContent[],
  overview: readonly OverviewItem[],
  hasOverview: boolean,
  issues: Issues,
  lines: Map<string, number>,
): void {
  for (const c of challenges) {
    const item = overview.find((o) => o.challengeCode === c.code);
    c.category = item ? item.category : null;
    if (!item && hasOverview) issues.warn("not_in_overview", `課題${c.code}が概要にありません`, lines.get(c.code), c.code);
  }
}

function checkAreas(areas: readonly PolicyArea[], challenges: readonly ChallengeText[], issues: Issues): void {
  if (areas.length === 0) return;
  for (const c of challenges) {
    if (!areas.some((a) => a.code === c.areaCode)) {
      issues.warn("unknown_area", `課題${c.code}の領域${c.areaCode}が概要の領域見出しにありません`, c.line, c.code);
    }
  }
}

// =================================================================================================================
// Entry point

function textBetween(lines: readonly Line[], from: number, to: number): Line[] {
  return lines.slice(Math.max(from, 0), Math.max(to, 0));
}

function reportStrayText(lines: readonly Line[], what: string, issues: Issues): void {
  for (const line of lines) {
    if (line.kind === "text") issues.warn("unexpected_text", `${what}読めない行があります:「${line.raw}」`, line.no);
  }
}

export function parsePolicyText(text: string): ParseResult {
  const issues = new Issues();
  const lines = splitLines(text);
  const marks = findLandmarks(lines, issues);
  const headEnd = [marks.mission, marks.challengesHeading, marks.firstChallenge].find((i) => i >= 0) ?? lines.length;
  const head = parseHead(lines, headEnd, issues);

  const missionEnd = marks.challengesHeading >= 0 ? marks.challengesHeading : marks.firstChallenge;
  const mission = marks.mission >= 0 ? joinParagraphs(toParagraphs(textBetween(lines, marks.mission + 1, missionEnd))) : "";
  if (marks.mission >= 0 && mission === "") issues.error("empty_section", "組織の使命が空です", lines[marks.mission].no);
  if (marks.challengesHeading >= 0) {
    reportStrayText(textBetween(lines, marks.challengesHeading + 1, marks.firstChallenge), "「2 課題と背景」と最初の課題の間に", issues);
  }

  const challengeTexts = splitChallenges(lines.slice(marks.firstChallenge), issues);
  reportDuplicates(challengeTexts, issues);
  checkAreas(head.overview.areas, challengeTexts, issues);
  const challenges = challengeTexts.map((c) => readChallenge(c, issues));
  const overview = mapOverview(head.overview, challenges, issues);
  const hasOverview = head.overview.rows.length > 0;
  assignCategories(challenges, overview, hasOverview, issues, new Map(challengeTexts.map((c) => [c.code, c.line])));

  const document: PolicyDocumentContent = {
    bureauName: head.bureauName,
    overviewTitle: head.overviewTitle,
    title: head.title,
    missionHeading: marks.mission >= 0 ? lines[marks.mission].raw : "",
    mission,
    challengesHeading: marks.challengesHeading >= 0 ? lines[marks.challengesHeading].raw : "",
    areas: head.overview.areas,
    categories: head.overview.categories,
    overview,
    challenges,
  };
  return { document, issues: issues.sorted() };
}
