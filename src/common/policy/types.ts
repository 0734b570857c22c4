// 局区方針 (policy document) content, as parsed from text and as rendered back to text/PDF/Word/Excel.
// The same shape travels from the parser, through the import preview, into the database and out to every renderer.

/** 領域: an area column of the overview (A領域, B領域 …). */
export interface PolicyArea {
  /** "A", "B", "C" … (the letter used in challenge codes) */
  code: string;
  /** the heading as written, e.g. "A領域" */
  label: string;
}

/** 概要 cell: one numbered item (or an un-numbered bullet group) of the overview matrix. */
export interface OverviewItem {
  /** 分類 row heading, e.g. "成長戦略" */
  category: string;
  /** area code, e.g. "A" */
  areaCode: string;
  /** the challenge this item summarises ("A(1)"), or null for a bullet group without a numbered item */
  challengeCode: string | null;
  /** the item's short title as written in the overview, without its "(1)" prefix; null for a bullet group */
  title: string | null;
  /** "・…" lines, without the leading "- ・" */
  bullets: string[];
  /** true when the area could not be read from the text and was inferred (reported as a warning) */
  areaInferred: boolean;
}

/** ⑤ 取組みの進捗状況: one dated progress entry. */
export interface ProgressEntryContent {
  /** 時点 as ISO date (令和6年11月末時点 → "2024-11-30") */
  asOf: string;
  /** 時点 as written in the document, e.g. "令和6年11月末時点" */
  asOfLabel: string;
  text: string;
  /** 進捗ステータス label (未着手/順調/…); null when the document does not state one */
  status: string | null;
}

/** 課題: one challenge with its five parts. */
export interface ChallengeContent {
  /** normalised code, e.g. "A(1)" */
  code: string;
  areaCode: string;
  number: number;
  /** 分類 (category row of the overview) this challenge belongs to, when the overview names it */
  category: string | null;
  /** ① 課題名 */
  name: string;
  /** ② 課題の内容 */
  content: string;
  /** ③ 課題の背景 */
  background: string;
  /** ④ heading as written: 課題に対する取組み / 課題に向けた取組み / 課題への対応 */
  approachHeading: string;
  /** ④ 課題に対する取組み */
  approach: string;
  /** ※…令和N年度に経営分析を行う。 (management-analysis note) or null */
  analysisNote: string | null;
  /** fiscal year named in the analysis note (令和6年度 → 2024) or null */
  analysisYear: number | null;
  /** ⑤ progress entries, oldest first (a parsed document has exactly one) */
  progress: ProgressEntryContent[];
}

/** A whole 局区方針 document. */
export interface PolicyDocumentContent {
  /** 局 name, e.g. "政策局" */
  bureauName: string;
  /** overview page title, e.g. "政策局 X方針の概要" */
  overviewTitle: string;
  /** main title, e.g. "局区X方針〈政策局〉" */
  title: string;
  /** "1 組織の使命（どのような役割を担うのか）" heading as written */
  missionHeading: string;
  /** 組織の使命: paragraphs separated by blank lines ("\n\n") */
  mission: string;
  /** "2 課題と背景" heading as written */
  challengesHeading: string;
  areas: PolicyArea[];
  /** 分類 row headings in order */
  categories: string[];
  overview: OverviewItem[];
  challenges: ChallengeContent[];
}

export type ParseSeverity = "error" | "warning";

/** Something the parser could not read as expected; reported, never guessed silently. */
export interface ParseIssue {
  severity: ParseSeverity;
  /** stable code, e.g. "missing_section", "extra_section", "duplicate_challenge" */
  code: string;
  /** Japanese message for the user */
  message: string;
  /** 1-based line number in the input, when known */
  line?: number;
  challengeCode?: string;
}

export interface ParseResult {
  document: PolicyDocumentContent;
  issues: ParseIssue[];
}
