// 見出しファイルの判定: a portal's header (or sample) file as the portal gives it — CSV or TSV, quoted or not, UTF-8
// with or without BOM or CP932, one header row or title rows above it — read into what an export needs to write the
// same header back byte for byte. Pure (bytes in, data out); the browser, the server and the CLI use this one module.
//
// Encoding: valid UTF-8 → "utf-8" ("utf-8-bom" with a BOM); anything else → "cp932" (Shift_JIS as Windows writes it).
// Delimiter: tabs against commas outside quotes on the first rows. Header row: the first row (not a one-cell title or
// note) whose cell count is the modal count of the rows after it; with nothing after it, the row with most filled cells.

export type HeaderEncoding = "utf-8" | "utf-8-bom" | "cp932";
export type HeaderDelimiter = "," | "\t";

export interface HeaderInspection {
  encoding: HeaderEncoding;
  delimiter: HeaderDelimiter;
  lineEnding: "\r\n" | "\n";
  /** 1-based record number of the header row (as a spreadsheet numbers it) */
  headerRow: number;
  /** the records above the header row (titles, notes, blank lines), cell by cell as written */
  titleRows: string[][];
  columns: string[];
  /** every cell of the header row was in quotes ("a","b") — the export then quotes every cell too */
  quoted: boolean;
  /** records after the header row that were read (sample rows; they are not kept) */
  sampleRows: number;
}

/** A file that cannot be a header file; `message` is Japanese and says what to do. */
export class HeaderFileError extends Error {}

/** The most columns a portal template holds (portal-template.ts checks the same). */
export const MAX_HEADER_COLUMNS = 500;
/** Header rows are looked for among the first records only. */
const MAX_HEADER_SEARCH = 10;
/** Records read in all (enough sample rows to see the header's width). */
const MAX_RECORDS = 60;

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function hasPrefix(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Decodes the file: UTF-8 when it is valid UTF-8 (a cut multi-byte character at the end is allowed), else CP932. */
export function decodeHeaderBytes(bytes: Uint8Array): { text: string; encoding: HeaderEncoding } {
  if (hasPrefix(bytes, [0x50, 0x4b, 0x03, 0x04]))
    throw new HeaderFileError("Excel などのファイル（.xlsx）は読めません。表計算ソフトで CSV（カンマ区切り）か TSV で保存してください。");
  if (hasPrefix(bytes, [0xff, 0xfe]) || hasPrefix(bytes, [0xfe, 0xff]))
    throw new HeaderFileError("UTF-16 のファイルは読めません。UTF-8 か Shift_JIS（CP932）で保存し直してください。");
  if (hasPrefix(bytes, UTF8_BOM)) {
    return { text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(3), { stream: true }), encoding: "utf-8-bom" };
  }
  try {
    // stream: a file read only in part may end inside a character; that is not a reason to call it CP932.
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true }), encoding: "utf-8" };
  } catch {
    // WHATWG "shift_jis" is Windows-31J (CP932): NEC and IBM extensions included.
    return { text: new TextDecoder("shift_jis").decode(bytes), encoding: "cp932" };
  }
}

/** Counts tabs and commas outside quotes in the first records. */
function countDelimiters(text: string): { tabs: number; commas: number } {
  let tabs = 0;
  let commas = 0;
  let inQuotes = false;
  let records = 0;
  for (let i = 0; i < text.length && records < MAX_RECORDS; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (ch === "\t") tabs++;
    else if (ch === ",") commas++;
    else if (ch === "\n") records++;
  }
  return { tabs, commas };
}

interface RawRecord {
  cells: string[];
  quoted: boolean[];
}

/** RFC 4180 records with the given delimiter (quotes double inside quoted cells; CRLF, LF or CR end a record). */
function parseRecords(text: string, delimiter: HeaderDelimiter, limit: number): { records: RawRecord[]; lineEnding: "\r\n" | "\n" | null } {
  const records: RawRecord[] = [];
  let lineEnding: "\r\n" | "\n" | null = null;
  let cells: string[] = [];
  let quoted: boolean[] = [];
  let cell = "";
  let cellQuoted = false;
  let inQuotes = false;
  let i = 0;
  const endCell = () => {
    cells.push(cell);
    quoted.push(cellQuoted);
    cell = "";
    cellQuoted = false;
  };
  const endRecord = () => {
    endCell();
    records.push({ cells, quoted });
    cells = [];
    quoted = [];
  };
  while (i < text.length && records.length < limit) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
      } else cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === "" && !cellQuoted) {
      inQuotes = true;
      cellQuoted = true;
    } else if (ch === delimiter) endCell();
    else if (ch === "\r" || ch === "\n") {
      const crlf = ch === "\r" && text[i + 1] === "\n";
      lineEnding ??= crlf ? "\r\n" : "\n";
      endRecord();
      if (crlf) i++;
    } else cell += ch;
    i++;
  }
  // The last record when the text does not end with a line break (or was cut: a partial record is still a record).
  if (records.length < limit && (cell !== "" || cellQuoted || cells.length > 0)) endRecord();
  return { records, lineEnding };
}

const filled = (r: RawRecord) => r.cells.filter((c) => c.trim() !== "").length;

function modalCount(records: readonly RawRecord[]): number | null {
  const counts = new Map<number, number>();
  for (const r of records) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
  let best: number | null = null;
  let bestSeen = 0;
  for (const [count, seen] of counts) {
    if (seen > bestSeen || (seen === bestSeen && best !== null && count > best)) [best, bestSeen] = [count, seen];
  }
  return best;
}

function findHeaderRow(records: readonly RawRecord[]): number {
  const search = Math.min(records.length, MAX_HEADER_SEARCH);
  const widest = Math.max(...records.slice(0, search).map(filled));
  for (let i = 0; i < search; i++) {
    // A title or a note above the header ("返礼品登録シート", "※は必須") fills one cell at most.
    if (widest > 1 && filled(records[i]) <= 1) continue;
    const following = records.slice(i + 1).filter((r) => filled(r) > 0);
    if (following.length === 0) break;
    if (records[i].cells.length === modalCount(following)) return i;
  }
  let best = 0;
  for (let i = 1; i < search; i++) if (filled(records[i]) > filled(records[best])) best = i;
  return best;
}

/**
 * Reads a portal's header or sample file. `headerRow` (1-based) overrides the detected header row, for the clerk
 * who sees that the detection chose wrongly (two header rows, say). Throws HeaderFileError with a Japanese message.
 */
export function inspectHeaderFile(bytes: Uint8Array, options: { headerRow?: number } = {}): HeaderInspection {
  const { text, encoding } = decodeHeaderBytes(bytes);
  if (text.includes("\u0000"))
    throw new HeaderFileError("文字のファイルではありません。サイトが配布する CSV か TSV のファイルを選んでください。");
  const { tabs, commas } = countDelimiters(text);
  const delimiter: HeaderDelimiter = tabs > commas ? "\t" : ",";
  const { records, lineEnding } = parseRecords(text, delimiter, MAX_RECORDS);
  // Trailing blank records (an empty last line) are not rows of the sheet.
  while (records.length > 0 && filled(records[records.length - 1]) === 0 && records[records.length - 1].cells.length === 1) records.pop();
  if (records.length === 0 || records.every((r) => filled(r) === 0))
    throw new HeaderFileError("ファイルに見出しがありません（空のファイルです）。");

  let index: number;
  if (options.headerRow !== undefined) {
    if (!Number.isInteger(options.headerRow) || options.headerRow < 1 || options.headerRow > Math.min(records.length, MAX_HEADER_SEARCH))
      throw new HeaderFileError(`見出し行は1〜${Math.min(records.length, MAX_HEADER_SEARCH)}行目から選んでください。`);
    index = options.headerRow - 1;
  } else index = findHeaderRow(records);

  const header = records[index];
  if (filled(header) === 0) throw new HeaderFileError(`${index + 1}行目は空の行です。見出しの行を選んでください。`);
  if (header.cells.length > MAX_HEADER_COLUMNS)
    throw new HeaderFileError(`列が多すぎます（${header.cells.length}列。${MAX_HEADER_COLUMNS}列まで読み込めます）。`);
  return {
    encoding,
    delimiter,
    lineEnding: lineEnding ?? "\r\n",
    headerRow: index + 1,
    titleRows: records.slice(0, index).map((r) => r.cells),
    columns: header.cells,
    quoted: header.quoted.every(Boolean),
    sampleRows: records.length - index - 1,
  };
}

/** Japanese names of the detected format, for the screen and the CLI. */
export const ENCODING_LABELS: Readonly<Record<HeaderEncoding, string>> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8（BOM付き）",
  cp932: "Shift_JIS（CP932）",
};
export const DELIMITER_LABELS: Readonly<Record<HeaderDelimiter, string>> = { ",": "カンマ（,）", "\t": "タブ" };
