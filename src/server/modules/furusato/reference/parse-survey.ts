// 総務省「ふるさと納税に関する現況調査結果」の Excel を読む（純粋関数: bytes → figures）.
// Every year's sheet has a different layout (header rows, column order, extra questions), so nothing here knows a
// row number or a column letter: the header block is found by 「団体コード」, the first data row by the first 6-digit
// 団体コード, and each column by its heading text. The rough time series (各団体一覧, 千円) carries no 団体コード and is
// matched to codes by (都道府県, 市区町村) names taken from the detailed files.
import type ExcelJS from "exceljs";
import { parseFiscalYear } from "../../../../common/dates";
import { loadExcelJs } from "../../../platform/tabular/exceljs-loader";

export type AmountPrecision = "yen" | "thousand";

/** 募集等に伴う費用 (円): the six categories of the survey and their 合計. */
export interface CostBreakdown {
  /** 返礼品（等）の調達に係る費用 */
  procurement: number;
  /** 返礼品（等）の送付に係る費用 */
  shipping: number;
  /** 広報に係る費用 */
  publicity: number;
  /** 決済等に係る費用 */
  payment: number;
  /** 事務に係る費用 */
  administration: number;
  /** その他 */
  other: number;
  /** 合計 (as published; the sum of the six when the sheet has no 合計 column) */
  total: number;
}

export const COST_KEYS = ["procurement", "shipping", "publicity", "payment", "administration", "other", "total"] as const;
export type CostKey = (typeof COST_KEYS)[number];

/** One body's (団体) figures for one fiscal year. */
export interface ReferenceFigure {
  /** 団体コード (6 digits, with check digit), e.g. 401005 北九州市 */
  bodyCode: string;
  prefecture: string;
  /** '' for the prefecture itself */
  municipality: string;
  fiscalYear: number;
  /** 受入件数 */
  donationCount: number;
  /** 受入額 in yen (from 千円 × 1000 when amountPrecision is 'thousand') */
  donationAmount: number;
  amountPrecision: AmountPrecision;
  costs: CostBreakdown | null;
  /** file name the figure was read from */
  source: string;
}

export class SurveyFormatError extends Error {
  readonly code = "survey_format";
  constructor(message: string) {
    super(message);
    this.name = "SurveyFormatError";
  }
}

// ---------------------------------------------------------------- cells

type Cell = string | number | null;

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((run) => run.text).join("");
    if ("formula" in value || "sharedFormula" in value) return cellOf((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("hyperlink" in value) return cellOf((value as ExcelJS.CellHyperlinkValue).text);
    if ("error" in value) return null;
  }
  return null;
}

/** Heading text for matching: NFKC (full-width digits, ＜＞), no whitespace or line breaks. */
function headingText(cell: Cell): string {
  return cell === null ? "" : String(cell).normalize("NFKC").replace(/\s+/g, "");
}

/** A name for matching across files: NFKC, no spaces, ケ/ヶ variants folded. */
export function nameKey(prefecture: string, municipality: string): string {
  const fold = (s: string) =>
    s
      .normalize("NFKC")
      .replace(/\s+/g, "")
      .replace(/[ヶケヵ]/g, "ケ");
  return `${fold(prefecture)}|${fold(municipality)}`;
}

/** The 団体コード in a cell: a 6-digit string, or a number that lost its leading zero. */
function bodyCodeOf(cell: Cell): string | null {
  if (typeof cell === "number") return Number.isInteger(cell) && cell >= 10000 && cell < 1_000_000 ? String(cell).padStart(6, "0") : null;
  if (typeof cell === "string") {
    const text = cell.normalize("NFKC").trim();
    return /^\d{6}$/.test(text) ? text : null;
  }
  return null;
}

/** 都道府県の団体コード: two digits, 000, check digit (北海道 010006). */
export function isPrefectureCode(bodyCode: string): boolean {
  return /^\d{2}000\d$/.test(bodyCode);
}

class Grid {
  constructor(
    readonly sheet: ExcelJS.Worksheet,
    readonly source: string,
  ) {}
  get rowCount(): number {
    return this.sheet.rowCount;
  }
  get columnCount(): number {
    return this.sheet.columnCount;
  }
  cell(row: number, col: number): Cell {
    return cellOf(this.sheet.getRow(row).getCell(col).value);
  }
  /** Number from a numeric cell; blank and 「-」 read as null; other text is an error unless `onText` takes it. */
  number(row: number, col: number, what: string, onText?: (text: string) => void): number | null {
    const cell = this.cell(row, col);
    if (cell === null) return null;
    if (typeof cell === "number") return cell;
    const text = cell.normalize("NFKC").replace(/[,\s円件]/g, "");
    if (text === "" || /^[-‐－―ー]$/.test(text)) return null;
    const n = Number(text);
    if (!Number.isFinite(n) && onText) {
      onText(cell);
      return null;
    }
    if (!Number.isFinite(n)) throw new SurveyFormatError(`${this.source} ${row}行目: ${what}が数値ではありません（${cell}）。`);
    return n;
  }
}

async function firstSheet(bytes: Uint8Array, source: string): Promise<Grid> {
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    // exceljs's typings predate Buffer's generic parameter; the runtime accepts any Buffer.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new SurveyFormatError(`${source}: Excelファイル（.xlsx）として読み取れません。`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SurveyFormatError(`${source}: シートがありません。`);
  return new Grid(sheet, source);
}

const ERA_YEAR_RE = /(平成|令和)(元|\d{1,2})年度/;

/** 2016 for "H28_gain.xlsx"; null when the name carries no era year. */
export function fiscalYearOfFileName(name: string): number | null {
  const match = /(?:^|[^A-Za-z])([HR])(\d{1,2})(?=[_.\-\s]|$)/i.exec(name.split(/[\\/]/).pop() ?? name);
  return match ? parseFiscalYear(`${match[1].toUpperCase()}${match[2]}`) : null;
}

/** 2020 for text containing 令和２年度 (full-width digits too). */
export function fiscalYearOfText(text: string): number | null {
  const match = ERA_YEAR_RE.exec(text.normalize("NFKC"));
  return match ? parseFiscalYear(`${match[1]}${match[2]}年度`) : null;
}

// ---------------------------------------------------------------- detailed survey (donations/*_gain.xlsx)

interface HeaderBlock {
  codeColumn: number;
  headerTop: number;
  firstDataRow: number;
  /** per column (1-based index): the distinct heading texts from top to bottom */
  paths: string[][];
}

const MAX_HEADER_SCAN_ROWS = 60;

function findHeaderBlock(grid: Grid): HeaderBlock {
  let codeColumn = 0;
  let headerTop = 0;
  for (let r = 1; r <= Math.min(grid.rowCount, MAX_HEADER_SCAN_ROWS) && !headerTop; r++) {
    for (let c = 1; c <= Math.min(grid.columnCount, 10); c++) {
      if (headingText(grid.cell(r, c)).includes("団体コード")) {
        codeColumn = c;
        headerTop = r;
        break;
      }
    }
  }
  if (!headerTop) throw new SurveyFormatError(`${grid.source}: 「団体コード」の見出しが見つかりません。`);
  let firstDataRow = 0;
  for (let r = headerTop + 1; r <= grid.rowCount; r++) {
    if (bodyCodeOf(grid.cell(r, codeColumn))) {
      firstDataRow = r;
      break;
    }
  }
  if (!firstDataRow) throw new SurveyFormatError(`${grid.source}: 6桁の団体コードで始まる行が見つかりません。`);
  const paths: string[][] = [[]];
  for (let c = 1; c <= grid.columnCount; c++) {
    const path: string[] = [];
    for (let r = headerTop; r < firstDataRow; r++) {
      const text = headingText(grid.cell(r, c));
      if (text && path.at(-1) !== text) path.push(text);
    }
    paths.push(path);
  }
  return { codeColumn, headerTop, firstDataRow, paths };
}

const COST_PATTERNS: Record<CostKey, RegExp> = {
  procurement: /^返礼品等?の調達に係る費用$/,
  shipping: /^返礼品等?の送付に係る費用$/,
  publicity: /^広報に係る費用$/,
  payment: /^決済等に係る費用$/,
  administration: /^事務に係る費用$/,
  other: /^その他$/,
  total: /^合計$/,
};

export interface DetailedColumns {
  prefecture: number;
  municipality: number;
  donationCount: number;
  donationAmount: number;
  costs: Partial<Record<CostKey, number>>;
}

function findColumns(grid: Grid, block: HeaderBlock): DetailedColumns {
  const leaf = (c: number) => block.paths[c]?.at(-1) ?? "";
  const has = (c: number, word: string) => (block.paths[c] ?? []).some((text) => text.includes(word));
  const columns = Array.from({ length: grid.columnCount }, (_, i) => i + 1);
  const first = (test: (c: number) => boolean, what: string): number => {
    const found = columns.find(test);
    if (!found) throw new SurveyFormatError(`${grid.source}: 「${what}」の列が見つかりません。`);
    return found;
  };
  // 受入件数・受入額: the ① column pair (受け入れた寄附件数、金額), not ②–④ (①のうち…). NFKC made ① a "1".
  const isCount = (c: number) => /^(寄附|受入)件数$/.test(leaf(c));
  const isAmount = (c: number) => /^(寄附金額|寄附額|受入額|受入金額)$/.test(leaf(c));
  const inFirst = (c: number) => !has(c, "のうち");
  const donationCount = columns.find((c) => isCount(c) && inFirst(c)) ?? first(isCount, "寄附件数");
  const donationAmount = columns.find((c) => isAmount(c) && inFirst(c)) ?? first(isAmount, "寄附金額");

  // 費用: this year's 決算(見込)額, not the share of receipts (割合) nor next year's 当初予算額.
  const costs: Partial<Record<CostKey, number>> = {};
  for (const c of columns) {
    if (!has(c, "費用") || has(c, "割合") || has(c, "予算")) continue;
    for (const key of COST_KEYS) if (costs[key] === undefined && COST_PATTERNS[key].test(leaf(c))) costs[key] = c;
  }
  return {
    prefecture: first((c) => c !== block.codeColumn && leaf(c) === "都道府県", "都道府県"),
    municipality: first((c) => c !== block.codeColumn && leaf(c) === "市区町村", "市区町村"),
    donationCount,
    donationAmount,
    costs,
  };
}

export interface DetailedSurvey {
  source: string;
  fiscalYear: number;
  sheetName: string;
  firstDataRow: number;
  columns: DetailedColumns;
  figures: ReferenceFigure[];
  /** rows whose published 合計 differs from the sum of the six categories (kept as published) */
  costTotalMismatches: { bodyCode: string; total: number; sum: number }[];
  /** cost cells holding words instead of an amount (read as 0) */
  costTextCells: { bodyCode: string; category: CostKey; text: string }[];
}

/** Reads one donations/*_gain.xlsx (受入額・費用 for one fiscal year). */
export async function parseDetailedSurvey(bytes: Uint8Array, source: string): Promise<DetailedSurvey> {
  const grid = await firstSheet(bytes, source);
  const block = findHeaderBlock(grid);
  const columns = findColumns(grid, block);
  const fromName = fiscalYearOfFileName(source);
  const fromHeading = fiscalYearOfText((block.paths[columns.donationAmount] ?? []).join(" "));
  if (fromName !== null && fromHeading !== null && fromName !== fromHeading)
    throw new SurveyFormatError(`${source}: ファイル名の年度（${fromName}）と見出しの年度（${fromHeading}）が一致しません。`);
  const fiscalYear = fromName ?? fromHeading;
  if (fiscalYear === null) throw new SurveyFormatError(`${source}: 年度が読み取れません（ファイル名 H28_… / 見出し 平成28年度…）。`);

  const costColumns = COST_KEYS.filter((key) => key !== "total").map((key) => columns.costs[key]);
  const hasCosts = costColumns.every((c) => c !== undefined);
  const figures: ReferenceFigure[] = [];
  const costTotalMismatches: DetailedSurvey["costTotalMismatches"] = [];
  const textCells: DetailedSurvey["costTextCells"] = [];
  const seen = new Set<string>();
  for (let r = block.firstDataRow; r <= grid.rowCount; r++) {
    const bodyCode = bodyCodeOf(grid.cell(r, block.codeColumn));
    if (!bodyCode) continue; // blank rows and notes below the table
    if (seen.has(bodyCode)) throw new SurveyFormatError(`${source} ${r}行目: 団体コード ${bodyCode} が重複しています。`);
    seen.add(bodyCode);
    const municipalityCell = grid.cell(r, columns.municipality);
    // The prefecture's own row (団体コード XX000C) has a blank 市区町村 (H28–H30), 0 (R1–) or 「-」 (大分県 R2).
    const municipalityText = municipalityCell === null ? "" : String(municipalityCell).normalize("NFKC").trim();
    const municipality = isPrefectureCode(bodyCode) || /^(0|[-‐－―ー])?$/.test(municipalityText) ? "" : String(municipalityCell).trim();
    let costs: CostBreakdown | null = null;
    if (hasCosts) {
      const read = (key: CostKey) => {
        const c = columns.costs[key];
        // A few bodies wrote words in a cost cell (「上記に含む」: counted in another category): read as 0.
        return c === undefined ? null : grid.number(r, c, key, (text) => textCells.push({ bodyCode, category: key, text }));
      };
      const [procurement, shipping, publicity, payment, administration, other] = COST_KEYS.slice(0, 6).map((key) =>
        Math.round(read(key) ?? 0),
      );
      const sum = procurement + shipping + publicity + payment + administration + other;
      const published = read("total");
      const total = published === null ? sum : Math.round(published);
      if (total !== sum) costTotalMismatches.push({ bodyCode, total, sum });
      costs = { procurement, shipping, publicity, payment, administration, other, total };
    }
    figures.push({
      bodyCode,
      prefecture: String(grid.cell(r, columns.prefecture) ?? "").trim(),
      municipality,
      fiscalYear,
      donationCount: Math.round(grid.number(r, columns.donationCount, "寄附件数") ?? 0),
      donationAmount: Math.round(grid.number(r, columns.donationAmount, "寄附金額") ?? 0),
      amountPrecision: "yen",
      costs,
      source,
    });
  }
  return {
    source,
    fiscalYear,
    sheetName: grid.sheet.name,
    firstDataRow: block.firstDataRow,
    columns,
    figures,
    costTotalMismatches,
    costTextCells: textCells,
  };
}

// ---------------------------------------------------------------- rough time series (donations-rough/total_gain.xlsx)

export interface BodyName {
  bodyCode: string;
  prefecture: string;
  municipality: string;
}

export interface RoughSurvey {
  source: string;
  years: number[];
  /** multiplier from the sheet's unit to yen (1000 for 千円) */
  unit: number;
  figures: ReferenceFigure[];
  /** subtotal rows skipped (市町村合計, 合計, 全国合計) */
  subtotalRows: number;
  /** body rows whose names match no 団体コード of the detailed files */
  unmatched: { row: number; prefecture: string; municipality: string }[];
}

const PREFECTURE_RE = /^(北海道|東京都|京都府|大阪府|.{2,3}県)$/;

/**
 * Reads the rough 各団体一覧 (受入額・件数 per year, FY2008–). Bodies are matched to codes through `bodies`
 * (the detailed files' names); a row with a blank 市区町村 is the prefecture itself unless it is a subtotal.
 */
export async function parseRoughSurvey(bytes: Uint8Array, source: string, bodies: readonly BodyName[]): Promise<RoughSurvey> {
  const grid = await firstSheet(bytes, source);
  const scanRows = Math.min(grid.rowCount, MAX_HEADER_SCAN_ROWS);
  // unit: （単位：千円、件）
  let unit = 1;
  for (let r = 1; r <= scanRows; r++)
    for (let c = 1; c <= grid.columnCount; c++) if (headingText(grid.cell(r, c)).includes("千円")) unit = 1000;

  // the row of year headings (平成20年度 …) and, below it, the row of 金額 / 件数
  let yearRow = 0;
  for (let r = 1; r <= scanRows && !yearRow; r++)
    for (let c = 1; c <= grid.columnCount; c++) if (fiscalYearOfText(headingText(grid.cell(r, c))) !== null) yearRow = r;
  if (!yearRow) throw new SurveyFormatError(`${source}: 年度（平成20年度 …）の見出し行が見つかりません。`);
  let unitRow = 0;
  for (let r = yearRow; r <= scanRows && !unitRow; r++)
    for (let c = 1; c <= grid.columnCount; c++) if (headingText(grid.cell(r, c)) === "金額") unitRow = r;
  if (!unitRow) throw new SurveyFormatError(`${source}: 「金額」「件数」の見出し行が見つかりません。`);

  let nameColumn = 0;
  for (let r = 1; r <= unitRow && !nameColumn; r++)
    for (let c = 1; c <= grid.columnCount; c++) if (/団体名|都道府県/.test(headingText(grid.cell(r, c)))) nameColumn = c;
  if (!nameColumn) throw new SurveyFormatError(`${source}: 「団体名」の見出しが見つかりません。`);

  const yearColumns = new Map<number, { amount?: number; count?: number }>();
  let currentYear: number | null = null;
  for (let c = nameColumn + 1; c <= grid.columnCount; c++) {
    const fy = fiscalYearOfText(headingText(grid.cell(yearRow, c)));
    if (fy !== null) currentYear = fy;
    if (currentYear === null) continue;
    const label = headingText(grid.cell(unitRow, c));
    const entry = yearColumns.get(currentYear) ?? {};
    if (label === "金額" && entry.amount === undefined) entry.amount = c;
    if (label === "件数" && entry.count === undefined) entry.count = c;
    yearColumns.set(currentYear, entry);
  }

  const codeByName = new Map<string, string>();
  const prefectures = new Set<string>();
  for (const body of bodies) {
    codeByName.set(nameKey(body.prefecture, body.municipality), body.bodyCode);
    prefectures.add(body.prefecture.normalize("NFKC").trim());
  }

  const figures: ReferenceFigure[] = [];
  const unmatched: RoughSurvey["unmatched"] = [];
  let subtotalRows = 0;
  for (let r = unitRow + 1; r <= grid.rowCount; r++) {
    const prefecture = String(grid.cell(r, nameColumn) ?? "").trim();
    const municipality = String(grid.cell(r, nameColumn + 1) ?? "").trim();
    if (!prefecture) continue;
    if (!municipality) {
      const normalized = prefecture.normalize("NFKC");
      const isPrefecture = prefectures.size ? prefectures.has(normalized) : PREFECTURE_RE.test(normalized);
      if (!isPrefecture) {
        subtotalRows++; // 市町村合計 / 合計 / 全国合計
        continue;
      }
    }
    const bodyCode = codeByName.get(nameKey(prefecture, municipality));
    if (!bodyCode) {
      unmatched.push({ row: r, prefecture, municipality });
      continue;
    }
    for (const [fiscalYear, { amount, count }] of yearColumns) {
      const value = amount === undefined ? null : grid.number(r, amount, "金額");
      const n = count === undefined ? null : grid.number(r, count, "件数");
      if (value === null && n === null) continue;
      figures.push({
        bodyCode,
        prefecture,
        municipality,
        fiscalYear,
        donationCount: Math.round(n ?? 0),
        donationAmount: Math.round((value ?? 0) * unit),
        amountPrecision: unit === 1 ? "yen" : "thousand",
        costs: null,
        source,
      });
    }
  }
  return { source, years: [...yearColumns.keys()].sort((a, b) => a - b), unit, figures, subtotalRows, unmatched };
}

// ---------------------------------------------------------------- both together

export interface SurveyFile {
  /** path relative to the data directory, e.g. "donations/R2_gain.xlsx" */
  name: string;
  bytes: Uint8Array;
}

export interface YearCrossCheck {
  fiscalYear: number;
  /** sum of the detailed file's 受入額 (yen) over the bodies the rough file also lists */
  detailedAmount: number;
  /** sum of the rough file's 受入額 (yen, from 千円) over the same bodies */
  roughAmount: number;
  bodies: number;
}

export interface ParsedSurveys {
  figures: ReferenceFigure[];
  detailed: DetailedSurvey[];
  rough: RoughSurvey | null;
  /** per detailed year, the rough file's figures for the same bodies (rough 千円 ≈ detailed 円 / 1000) */
  crossChecks: YearCrossCheck[];
}

/** The rough time series (donations-rough/total_gain.xlsx) rather than one year's detailed file. */
export const isRough = (name: string) => /total_gain|rough/i.test(name);

/**
 * Parses every survey file: detailed files (one fiscal year each, in yen) win; the rough file fills the years no
 * detailed file covers (FY2008–FY2015, precision 'thousand').
 */
export async function parseSurveys(files: readonly SurveyFile[]): Promise<ParsedSurveys> {
  const detailed: DetailedSurvey[] = [];
  for (const file of files.filter((f) => !isRough(f.name))) detailed.push(await parseDetailedSurvey(file.bytes, file.name));
  detailed.sort((a, b) => a.fiscalYear - b.fiscalYear);
  const years = new Set<number>();
  for (const survey of detailed) {
    if (years.has(survey.fiscalYear)) throw new SurveyFormatError(`${survey.source}: ${survey.fiscalYear}年度のファイルが複数あります。`);
    years.add(survey.fiscalYear);
  }
  // Names: newer files win (a 町 that became a 市 keeps its code and takes its new name).
  const names = new Map<string, BodyName>();
  for (const survey of detailed)
    for (const f of survey.figures)
      names.set(nameKey(f.prefecture, f.municipality), { bodyCode: f.bodyCode, prefecture: f.prefecture, municipality: f.municipality });

  const roughFile = files.find((f) => isRough(f.name));
  const rough = roughFile ? await parseRoughSurvey(roughFile.bytes, roughFile.name, [...names.values()]) : null;

  const figures = detailed.flatMap((survey) => survey.figures);
  const crossChecks: YearCrossCheck[] = [];
  if (rough) {
    const detailedBy = new Map(figures.map((f) => [`${f.bodyCode}|${f.fiscalYear}`, f]));
    const checks = new Map<number, YearCrossCheck>();
    for (const f of rough.figures) {
      if (!years.has(f.fiscalYear)) {
        figures.push(f);
        continue;
      }
      const exact = detailedBy.get(`${f.bodyCode}|${f.fiscalYear}`);
      if (!exact) continue;
      const check = checks.get(f.fiscalYear) ?? { fiscalYear: f.fiscalYear, detailedAmount: 0, roughAmount: 0, bodies: 0 };
      check.detailedAmount += exact.donationAmount;
      check.roughAmount += f.donationAmount;
      check.bodies++;
      checks.set(f.fiscalYear, check);
    }
    crossChecks.push(...[...checks.values()].sort((a, b) => a.fiscalYear - b.fiscalYear));
  }
  return { figures, detailed, rough, crossChecks };
}
