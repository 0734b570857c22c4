// 和暦 (Japanese era) and 年度 (fiscal year, April–March) helpers shared by the browser and the server.
// Pure string arithmetic on "YYYY-MM-DD": no Date objects (but for todayInJapan at the end, which reads the clock), so
// the result never depends on the process time zone
// (DESIGN.md: the suite runs under TZ=Asia/Tokyo and the drivers disagree about midnight).

export type DatePrecision = "day" | "month-end" | "month";

export interface ParsedDate {
  /** YYYY-MM-DD; for precision "month" the first day of the month, for "month-end" its last day */
  iso: string;
  precision: DatePrecision;
}

interface Era {
  name: string;
  /** letter used in short forms (R6.11.30) */
  letter: string;
  /** first day of the era */
  start: string;
  /** last day of the era, or null for the current one */
  end: string | null;
}

// Newest first, so the first era whose start is on or before a date is the era of that date.
// 明治 is left out: it began before Japan adopted the Gregorian calendar (明治6年), so its early dates are not ISO dates.
const ERAS: readonly Era[] = [
  { name: "令和", letter: "R", start: "2019-05-01", end: null },
  { name: "平成", letter: "H", start: "1989-01-08", end: "2019-04-30" },
  { name: "昭和", letter: "S", start: "1926-12-25", end: "1989-01-07" },
  { name: "大正", letter: "T", start: "1912-07-30", end: "1926-12-24" },
];

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

// ---------------------------------------------------------------------------------------------------------------
// Calendar arithmetic

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function toIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

function isValidYmd(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** Reads a strict ISO date (YYYY-MM-DD that exists in the calendar); throws RangeError otherwise. */
function readIso(iso: string): Ymd {
  const m = ISO_RE.exec(iso);
  if (!m) throw new RangeError(`日付の形式が正しくありません（YYYY-MM-DD）: ${iso}`);
  const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (!isValidYmd(ymd.year, ymd.month, ymd.day)) throw new RangeError(`存在しない日付です: ${iso}`);
  return ymd;
}

export function isIsoDate(value: string): boolean {
  const m = ISO_RE.exec(value);
  return m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isMonthEnd(iso: string): boolean {
  const { year, month, day } = readIso(iso);
  return day === daysInMonth(year, month);
}

// ---------------------------------------------------------------------------------------------------------------
// Era lookup

function eraOf(iso: string): Era | null {
  return ERAS.find((era) => era.start <= iso) ?? null;
}

function eraByToken(token: string): Era | null {
  const upper = token.toUpperCase();
  return ERAS.find((era) => era.name === token || era.letter === upper) ?? null;
}

function eraStartYear(era: Era): number {
  return Number(era.start.slice(0, 4));
}

function inEra(era: Era, iso: string): boolean {
  return iso >= era.start && (era.end === null || iso <= era.end);
}

function eraYearLabel(year: number): string {
  // 元年: the first year of an era is written 元, never 1, in formal documents.
  return year === 1 ? "元" : String(year);
}

// ---------------------------------------------------------------------------------------------------------------
// Normalisation

/**
 * Full-width ASCII (０-９, Ａ-Ｚ, ／, ．, －) to half-width and every kind of space removed, so that
 * 「令和６年１１月３０日」 and 「R6 . 11 . 30」 read like their plain forms. Length is not preserved.
 */
export function normalizeDateInput(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\u2010-\u2015\u2212\u30FC]/g, "-")
    .replace(/\s+/g, "");
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing

const ERA_TOKEN = "(大正|昭和|平成|令和|[TSHRtshr])";
const ERA_KANJI_RE = new RegExp(`^${ERA_TOKEN}(元|\\d{1,3})年(\\d{1,2})月(?:(\\d{1,2})日|(末))?$`);
const ERA_SHORT_RE = new RegExp(`^${ERA_TOKEN}(元|\\d{1,3})([./-])(\\d{1,2})(?:\\3(\\d{1,2}))?$`);
const WESTERN_KANJI_RE = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日|(末))?$/;
const WESTERN_SEP_RE = /^(\d{4})([./-])(\d{1,2})(?:\2(\d{1,2}))?$/;

/** A date read from text before its calendar checks. */
interface DateParts {
  era: Era | null;
  year: number;
  month: number;
  day: number | null;
  monthEnd: boolean;
}

function eraYear(token: string): number {
  return token === "元" ? 1 : Number(token);
}

function matchDateParts(s: string): DateParts | null {
  let m = ERA_KANJI_RE.exec(s);
  if (m) return withEra(m[1], m[2], m[3], m[4], m[5] !== undefined);
  m = ERA_SHORT_RE.exec(s);
  if (m) return withEra(m[1], m[2], m[4], m[5], false);
  m = WESTERN_KANJI_RE.exec(s);
  if (m) return western(m[1], m[2], m[3], m[4] !== undefined);
  m = WESTERN_SEP_RE.exec(s);
  if (m) return western(m[1], m[3], m[4], false);
  return null;
}

function withEra(eraToken: string, year: string, month: string, day: string | undefined, monthEnd: boolean): DateParts | null {
  const era = eraByToken(eraToken);
  if (!era) return null;
  return { era, year: eraYear(year), month: Number(month), day: day === undefined ? null : Number(day), monthEnd };
}

function western(year: string, month: string, day: string | undefined, monthEnd: boolean): DateParts {
  return { era: null, year: Number(year), month: Number(month), day: day === undefined ? null : Number(day), monthEnd };
}

function gregorianYear(parts: DateParts): number | null {
  if (!parts.era) return parts.year;
  if (parts.year < 1) return null;
  return eraStartYear(parts.era) + parts.year - 1;
}

/** Checks the calendar and the era: 2月30日 and 平成31年5月1日 (already 令和) are rejected. */
function resolveParts(parts: DateParts): ParsedDate | null {
  const year = gregorianYear(parts);
  if (year === null || parts.month < 1 || parts.month > 12) return null;
  const last = daysInMonth(year, parts.month);
  if (parts.day !== null) {
    if (parts.day < 1 || parts.day > last) return null;
    const iso = toIso(year, parts.month, parts.day);
    return parts.era && !inEra(parts.era, iso) ? null : { iso, precision: "day" };
  }
  if (parts.monthEnd) {
    const iso = toIso(year, parts.month, last);
    return parts.era && !inEra(parts.era, iso) ? null : { iso, precision: "month-end" };
  }
  // A month exists in an era when any of its days does (平成31年4月 yes, 令和元年4月 no).
  const first = toIso(year, parts.month, 1);
  const end = toIso(year, parts.month, last);
  if (parts.era && !(inEra(parts.era, first) || inEra(parts.era, end))) return null;
  return { iso: first, precision: "month" };
}

/**
 * Reads a date as people type it in this city's documents: 令和6年11月30日, 令和6年11月末(時点), 令和6年11月,
 * R6.11.30, R6/11/30, H31.4.30, 令和元年5月1日, 2024-11-30, 2024/11/30, 2024年11月30日, 2024.11.30 and
 * their full-width forms. A trailing 時点 or 現在 (as in ⑤ headings) is ignored. Returns null for anything
 * that is not a real date of the named era.
 */
export function parseJapaneseDate(input: string): ParsedDate | null {
  const s = normalizeDateInput(input)
    .replace(/^[(（]|[)）]$/g, "")
    .replace(/(時点|現在)$/, "");
  const parts = matchDateParts(s);
  return parts ? resolveParts(parts) : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Formatting

export interface FormatWarekiOptions {
  /** "month-end" → 令和6年11月末 (the date must be the last day of its month), "month" → 令和6年11月 */
  precision?: DatePrecision;
}

function requireEra(iso: string): Era {
  const era = eraOf(iso);
  if (!era) throw new RangeError(`和暦で表せない日付です（大正より前）: ${iso}`);
  return era;
}

/** 令和6年11月30日 (令和元年 for year 1); with precision "month-end" 令和6年11月末. */
export function formatWareki(iso: string, opts: FormatWarekiOptions = {}): string {
  const { year, month, day } = readIso(iso);
  const era = requireEra(iso);
  const head = `${era.name}${eraYearLabel(year - eraStartYear(era) + 1)}年${month}月`;
  switch (opts.precision ?? "day") {
    case "month":
      return head;
    case "month-end":
      if (day !== daysInMonth(year, month)) throw new RangeError(`月末ではない日付です: ${iso}`);
      return `${head}末`;
    default:
      return `${head}${day}日`;
  }
}

/** R6.11.30 (short forms write the first year as 1: R1.5.1). */
export function formatWarekiShort(iso: string): string {
  const { year, month, day } = readIso(iso);
  const era = requireEra(iso);
  return `${era.letter}${year - eraStartYear(era) + 1}.${month}.${day}`;
}

/** 令和6年11月30日（2024-11-30）: the UI shows 和暦 with 西暦 beside it (CONVENTIONS.md, Web). */
export function formatDateBoth(iso: string, opts: FormatWarekiOptions = {}): string {
  return `${formatWareki(iso, opts)}（${iso}）`;
}

// ---------------------------------------------------------------------------------------------------------------
// 年度 (fiscal year: April 1 to March 31, named by the calendar year it starts in; 2024 = 令和6年度)

export function fiscalYearOf(iso: string): number {
  const { year, month } = readIso(iso);
  return month >= 4 ? year : year - 1;
}

export function fiscalYearRange(fy: number): { start: string; end: string } {
  return { start: toIso(fy, 4, 1), end: toIso(fy + 1, 3, 31) };
}

/**
 * The era that names a fiscal year: the newest era that began in or before the calendar year the fiscal year
 * starts in. City convention: FY2019 began on 2019-04-01 under 平成31年 but is called 令和元年度 (the era began
 * within it); FY1988 stays 昭和63年度 because 平成 only began in calendar 1989.
 */
function fiscalEra(fy: number): Era {
  const era = ERAS.find((e) => eraStartYear(e) <= fy);
  if (!era) throw new RangeError(`和暦で表せない年度です: ${fy}`);
  return era;
}

/** 令和6年度 for 2024; 令和元年度 for 2019 (see fiscalEra). */
export function formatFiscalYear(fy: number): string {
  if (!Number.isInteger(fy)) throw new RangeError(`年度は整数です: ${fy}`);
  const era = fiscalEra(fy);
  return `${era.name}${eraYearLabel(fy - eraStartYear(era) + 1)}年度`;
}

const FY_ERA_RE = new RegExp(`^${ERA_TOKEN}(元|\\d{1,3})(年度)?$`);
const FY_WESTERN_RE = /^(\d{4})(年度)?$/;

/** The last calendar year an era was in force (open-ended for the current era). */
function eraLastYear(era: Era): number {
  return era.end === null ? Number.POSITIVE_INFINITY : Number(era.end.slice(0, 4));
}

/**
 * Reads 令和6年度, R6年度, R6, 2024年度, 2024, 平成30年度 (full-width too) as the fiscal year number.
 * A kanji era needs 年度 (令和6年 alone is a calendar year). Era years past the era's last calendar year
 * (平成32年度) are rejected.
 */
export function parseFiscalYear(input: string): number | null {
  const s = normalizeDateInput(input);
  const western = FY_WESTERN_RE.exec(s);
  if (western) return Number(western[1]);
  const m = FY_ERA_RE.exec(s);
  if (!m) return null;
  const era = eraByToken(m[1]);
  if (!era) return null;
  if (era.name === m[1] && m[3] === undefined) return null;
  const n = eraYear(m[2]);
  const fy = eraStartYear(era) + n - 1;
  return n >= 1 && fy <= eraLastYear(era) ? fy : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Today in Japan: the one place that reads the clock for a calendar date. Japan has no daylight saving time, so
// JST is UTC+9 all year; adding nine hours and reading the UTC date gives the date in Japan whatever the process
// time zone is (a server may run under UTC).

const JST_OFFSET_MS = 9 * 3600_000;

/** The calendar date in Japan (YYYY-MM-DD) at an instant. */
export function isoDateInJapan(at: Date): string {
  return new Date(at.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's date in Japan (YYYY-MM-DD). */
export function todayInJapan(): string {
  return isoDateInJapan(new Date());
}
