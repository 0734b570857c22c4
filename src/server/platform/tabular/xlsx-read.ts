// .xlsx upload → header and rows of strings (first sheet), the same shape readCsv gives, so every import
// accepts Excel files directly. Row numbers are the sheet's own, for error messages.
//
// The workbook is read as a stream, not loaded whole (exceljs's load took 3.9 GB for 211 MB of XML): the zip's
// central directory is checked against XLSX_LIMITS before anything is inflated, each part is inflated and parsed
// chunk by chunk, and the cells kept are counted against the cell limit as they are read. Cell values are turned
// into text the way the previous exceljs-based reader did (shared strings without ふりがな, formula results, dates
// from date-formatted numbers, merged cells repeating their first cell's value).
import { TabularFormatError } from "./errors.js";
import { XLSX_LIMITS, type XlsxLimits } from "./limits.js";
import { isBlankRow, padRow, type Table } from "./table.js";
import { parseXmlEntry } from "./xml-stream.js";
import { declaredTotal, EntryTooLarge, notXlsx, readZipEntries, type ZipEntry } from "./zip-entries.js";

export interface XlsxReadResult extends Table {
  rowNumbers: number[];
}

const MB = 1024 * 1024;

function tooLarge(limits: XlsxLimits): TabularFormatError {
  return new TabularFormatError(
    "xlsx_too_large",
    `Excel ファイルの展開後の大きさが上限（${Math.round(limits.maxExpandedBytes / MB)}MB）を超えています。CSV で保存して取り込んでください。`,
  );
}

function tooManyCells(limits: XlsxLimits): TabularFormatError {
  const cells = limits.maxCells >= 10_000 ? `${limits.maxCells / 10_000}万` : String(limits.maxCells);
  return new TabularFormatError(
    "xlsx_too_many_cells",
    `Excel ファイルのセルの数が上限（${cells}セル）を超えています。ファイルを分けるか、CSV で保存して取り込んでください。`,
  );
}

// ------------------------------------------------------------------------------------------------ cell values

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** A date cell as its wall-clock value typed in Excel (the serial number counts days in no time zone). */
function dateCellText(date: Date): string {
  const ymd = `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
  const hasTime = date.getUTCHours() + date.getUTCMinutes() + date.getUTCSeconds() > 0;
  return hasTime ? `${ymd} ${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())}` : ymd;
}

function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

// Built-in number formats that show dates or times: 14–22 and 45–47 everywhere, 27–36 and 50–58 in Japanese
// Excel (和暦 ggge"年"m"月"d"日" among them).
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47]);
for (let id = 50; id <= 58; id++) BUILTIN_DATE_FORMATS.add(id);

/** A custom format shows a date when it has date or time letters outside quotes and [brackets] (as exceljs decides). */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** ST_Xstring escapes characters XML cannot hold as _xHHHH_. */
function unescapeXstring(text: string): string {
  return text.includes("_x")
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    : text;
}

function isoDateText(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2}))?/.exec(value);
  if (!match) return value;
  return match[2] && match[2] !== "00:00:00" ? `${match[1]} ${match[2]}` : match[1];
}

interface WorkbookContext {
  sharedStrings: string[];
  /** per cell style (the `s` attribute): whether numbers in it are dates */
  dateStyles: boolean[];
  date1904: boolean;
}

function cellText(
  type: string | undefined,
  value: string | undefined,
  inline: string | undefined,
  style: number,
  wb: WorkbookContext,
): string {
  switch (type) {
    case "s":
      return value === undefined ? "" : (wb.sharedStrings[Number.parseInt(value, 10)] ?? "");
    case "inlineStr":
      return inline ?? value ?? "";
    case "str":
    case "e":
      return value ?? "";
    case "b":
      return value === undefined ? "" : Number.parseInt(value, 10) !== 0 ? "TRUE" : "FALSE";
    case "d":
      return value === undefined ? "" : isoDateText(value);
    default: {
      if (value === undefined || value === "") return "";
      const number = Number.parseFloat(value);
      if (Number.isNaN(number)) return value;
      return wb.dateStyles[style] ? dateCellText(serialToDate(number, wb.date1904)) : String(number);
    }
  }
}

// ------------------------------------------------------------------------------------------------ addresses

const MAX_COLUMN = 16384; // XFD
const MAX_ROW = 1048576;

/** "BC12" → { column: 55, row: 12 }; the row part may be absent (in a column-only reference). */
function parseAddress(reference: string): { column: number; row: number } {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d*)$/.exec(reference);
  if (!match) throw notXlsx();
  let column = 0;
  for (const letter of match[1].toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  const row = match[2] ? Number.parseInt(match[2], 10) : 0;
  if (column > MAX_COLUMN || row > MAX_ROW) throw notXlsx();
  return { column, row };
}

// ------------------------------------------------------------------------------------------------ package parts

type Parts = Map<string, ZipEntry>;

function joinPath(base: string, target: string): string {
  const segments = (target.startsWith("/") ? target.slice(1) : `${base}${target}`).split("/");
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === "..") out.pop();
    else if (segment !== "." && segment !== "") out.push(segment);
  }
  return out.join("/");
}

function folderOf(partName: string): string {
  return partName.slice(0, partName.lastIndexOf("/") + 1);
}

function relsOf(partName: string): string {
  return `${folderOf(partName)}_rels/${partName.slice(partName.lastIndexOf("/") + 1)}.rels`;
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

async function readRelationships(bytes: Uint8Array, parts: Parts, partName: string): Promise<Relationship[]> {
  const entry = parts.get(relsOf(partName));
  if (!entry) return [];
  const base = folderOf(partName);
  const found: Relationship[] = [];
  await parseXmlEntry(bytes, entry, {
    open(name, a) {
      if (name === "Relationship" && a.Target && a.TargetMode !== "External")
        found.push({ id: a.Id ?? "", type: a.Type ?? "", target: joinPath(base, a.Target) });
    },
  });
  return found;
}

const ofType = (relationships: Relationship[], suffix: string) => relationships.find((r) => r.type.endsWith(suffix));

interface WorkbookPart {
  firstSheet: string | null;
  date1904: boolean;
  sharedStrings: string | null;
  styles: string | null;
}

async function readWorkbookPart(bytes: Uint8Array, parts: Parts): Promise<WorkbookPart> {
  const root = await readRelationships(bytes, parts, "");
  const workbookName = ofType(root, "/officeDocument")?.target ?? "xl/workbook.xml";
  const workbook = parts.get(workbookName);
  if (!workbook) throw notXlsx();
  const relationships = await readRelationships(bytes, parts, workbookName);
  const sheetIds: string[] = [];
  let date1904 = false;
  await parseXmlEntry(bytes, workbook, {
    open(name, a) {
      if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
      if (name === "sheet") {
        // r:id, whatever prefix the writer gave the relationships namespace
        const key = Object.keys(a).find((k) => k.endsWith(":id"));
        if (key) sheetIds.push(a[key]);
      }
    },
  });
  // The first worksheet in the workbook's order (a chart sheet is not a table).
  const worksheets = new Map(relationships.filter((r) => r.type.endsWith("/worksheet")).map((r) => [r.id, r.target]));
  const firstSheet = sheetIds.map((id) => worksheets.get(id)).find((target) => target !== undefined) ?? null;
  return {
    firstSheet,
    date1904,
    sharedStrings: ofType(relationships, "/sharedStrings")?.target ?? null,
    styles: ofType(relationships, "/styles")?.target ?? null,
  };
}

/** Shared strings: each <si>'s text runs, leaving out ふりがな (<rPh>) that Japanese Excel stores beside them. */
async function readSharedStrings(bytes: Uint8Array, entry: ZipEntry | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  let current: string[] | null = null;
  let phonetic = 0;
  let inText = false;
  await parseXmlEntry(bytes, entry, {
    open(name) {
      if (name === "si") current = [];
      else if (name === "rPh") phonetic++;
      else if (name === "t" && phonetic === 0) inText = true;
    },
    text(text) {
      if (inText && current) current.push(text);
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si" && current) {
        strings.push(unescapeXstring(current.join("")));
        current = null;
      }
    },
  });
  return strings;
}

async function readDateStyles(bytes: Uint8Array, entry: ZipEntry | undefined): Promise<boolean[]> {
  if (!entry) return [];
  const customFormats = new Map<number, string>();
  const styleFormats: number[] = [];
  let inCellXfs = false;
  await parseXmlEntry(bytes, entry, {
    open(name, a) {
      if (name === "numFmt") customFormats.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) styleFormats.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return styleFormats.map((id) => {
    const custom = customFormats.get(id);
    return custom !== undefined ? isDateFormat(custom) : BUILTIN_DATE_FORMATS.has(id);
  });
}

// ------------------------------------------------------------------------------------------------ the sheet

interface SheetRows {
  /** sheet row number → cell texts, up to the row's last filled column */
  rows: Map<number, string[]>;
  merges: string[];
}

async function readSheet(bytes: Uint8Array, entry: ZipEntry, wb: WorkbookContext, limits: XlsxLimits): Promise<SheetRows> {
  const rows = new Map<number, string[]>();
  const merges: string[] = [];
  let cellsKept = 0;

  let rowNumber = 0;
  let rowCells: string[] = [];
  let column = 0;
  // the cell being read
  let type: string | undefined;
  let style = 0;
  let value: string[] | null = null;
  let inline: string[] | null = null;
  let reading: "v" | "t" | null = null;
  let phonetic = 0;

  await parseXmlEntry(bytes, entry, {
    open(name, a) {
      switch (name) {
        case "row":
          rowNumber = a.r ? Number.parseInt(a.r, 10) : rowNumber + 1;
          if (!(rowNumber >= 1 && rowNumber <= MAX_ROW)) throw notXlsx();
          rowCells = [];
          column = 0;
          break;
        case "c":
          column = a.r ? parseAddress(a.r).column : column + 1;
          if (column < 1 || column > MAX_COLUMN) throw notXlsx();
          type = a.t;
          style = a.s ? Number.parseInt(a.s, 10) : 0;
          value = null;
          inline = null;
          break;
        case "v":
          reading = "v";
          value = [];
          break;
        case "is":
          inline = [];
          break;
        case "rPh":
          phonetic++;
          break;
        case "t":
          if (inline && phonetic === 0) reading = "t";
          break;
        case "mergeCell":
          if (a.ref) merges.push(a.ref);
          break;
      }
    },
    text(text) {
      if (reading === "v") value?.push(text);
      else if (reading === "t") inline?.push(text);
    },
    close(name) {
      switch (name) {
        case "v":
        case "t":
          reading = null;
          break;
        case "rPh":
          phonetic--;
          break;
        case "c": {
          const inlineText = inline ? unescapeXstring(inline.join("")) : undefined;
          const text = cellText(type, value?.join(""), inlineText, style, wb);
          if (text !== "") {
            // A later cell may fill the gap; empty strings stand in until then.
            while (rowCells.length < column - 1) rowCells.push("");
            rowCells[column - 1] = text;
          }
          break;
        }
        case "row":
          // Blank rows are kept until merges are applied (a merge may fill the rest of one), then dropped.
          if (rowCells.length > 0) {
            cellsKept += rowCells.length - (rows.get(rowNumber)?.length ?? 0);
            if (cellsKept > limits.maxCells) throw tooManyCells(limits);
            rows.set(rowNumber, rowCells);
          }
          break;
      }
    },
  });
  return { rows, merges };
}

/**
 * Every cell of a merged range shows its first cell's value (as exceljs, and Excel's own copy, do). The merged
 * areas, and the cells rows are widened by, count against the cell limit, so that no list of merges can make this
 * loop run longer than the limit allows.
 */
function applyMerges(sheet: SheetRows, limits: XlsxLimits): void {
  let budget = limits.maxCells;
  for (const row of sheet.rows.values()) budget -= row.length;
  for (const ref of sheet.merges) {
    const [from, to] = ref.split(":");
    if (!from || !to) continue;
    const start = parseAddress(from);
    const end = parseAddress(to);
    const area = (end.row - start.row + 1) * (end.column - start.column + 1);
    if (area <= 1) continue;
    budget -= area;
    if (budget < 0) throw tooManyCells(limits);
    const master = sheet.rows.get(start.row)?.[start.column - 1] ?? "";
    for (let r = start.row; r <= end.row; r++) {
      let row = sheet.rows.get(r);
      if (!row) {
        if (master === "") continue; // nothing to show in a row that does not exist
        row = [];
        sheet.rows.set(r, row);
      }
      if (row.length < end.column) {
        // a row widened to reach the range holds those cells too
        budget -= end.column - row.length;
        if (budget < 0) throw tooManyCells(limits);
        while (row.length < end.column) row.push("");
      }
      for (let c = start.column; c <= end.column; c++) row[c - 1] = master;
    }
  }
}

function lastFilled(cells: string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i] !== "") return i + 1;
  return 0;
}

function trimTrailingEmpty(cells: string[]): string[] {
  return cells.slice(0, lastFilled(cells));
}

function toTable(sheet: SheetRows, limits: XlsxLimits): XlsxReadResult {
  const numbers = [...sheet.rows.keys()].filter((n) => !isBlankRow(sheet.rows.get(n) ?? [])).sort((a, b) => a - b);
  const [headerNumber, ...dataNumbers] = numbers;
  if (headerNumber === undefined) return { header: [], rows: [], rowNumbers: [] };
  const header = trimTrailingEmpty(sheet.rows.get(headerNumber) ?? []).map((cell) => cell.trim());
  // Padding every row to the header's width must stay inside the cell limit too (a header reaching column XFD).
  let cells = header.length;
  const rows = dataNumbers.map((n) => {
    const filled = sheet.rows.get(n) ?? [];
    const row = padRow(filled.slice(0, Math.max(header.length, lastFilled(filled))), header.length);
    cells += row.length;
    if (cells > limits.maxCells) throw tooManyCells(limits);
    return row;
  });
  return { header, rows, rowNumbers: dataNumbers };
}

// ------------------------------------------------------------------------------------------------ entry point

export async function readXlsx(bytes: Uint8Array, limits: XlsxLimits = XLSX_LIMITS): Promise<XlsxReadResult> {
  const entries = readZipEntries(bytes);
  if (declaredTotal(entries) > limits.maxExpandedBytes) throw tooLarge(limits);
  const parts: Parts = new Map(entries.map((entry) => [entry.name.replace(/\\/g, "/").replace(/^\//, ""), entry]));
  try {
    const workbook = await readWorkbookPart(bytes, parts);
    const sheetEntry = workbook.firstSheet ? parts.get(workbook.firstSheet) : undefined;
    if (!sheetEntry) return { header: [], rows: [], rowNumbers: [] };
    const context: WorkbookContext = {
      sharedStrings: await readSharedStrings(bytes, workbook.sharedStrings ? parts.get(workbook.sharedStrings) : undefined),
      dateStyles: await readDateStyles(bytes, workbook.styles ? parts.get(workbook.styles) : undefined),
      date1904: workbook.date1904,
    };
    const sheet = await readSheet(bytes, sheetEntry, context, limits);
    applyMerges(sheet, limits);
    return toTable(sheet, limits);
  } catch (error) {
    // An entry that inflates past its declared size: the directory lied, and the real total may be anything.
    if (error instanceof EntryTooLarge) throw tooLarge(limits);
    throw error;
  }
}
