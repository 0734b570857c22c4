// Rows → .xlsx with a bold, frozen header and an auto filter, ready for staff to sort and filter.
// Strings are always written as plain string cells (never formulas), so "=HYPERLINK(…)" from user data is inert.
import type ExcelJS from "exceljs";
import { loadExcelJs } from "./exceljs-loader.js";

export interface XlsxSheet {
  name: string;
  header: string[];
  rows: unknown[][];
  /** in Excel's character units; computed from the content when absent */
  columnWidths?: number[];
  /** wrap long and multi-line text in data cells (aligned to the top) instead of one overflowing line */
  wrapText?: boolean;
}

// Characters XML 1.0 forbids; one of them in a cell makes Excel refuse to open the whole file.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding these control characters is the point.
const XML_ILLEGAL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/g;
const MAX_AUTO_WIDTH = 60;

type CellValue = string | number | boolean | Date | null;

/** Only plain values reach exceljs: an object such as { formula: "…" } from user data must not become a formula. */
function toPlainCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "boolean" || value instanceof Date) return value;
  return String(value).replace(XML_ILLEGAL_CHARS, "");
}

/** Excel sheet names: at most 31 characters, none of \ / ? * [ ] :, and unique (case-insensitively). */
function uniqueSheetName(name: string, taken: Set<string>): string {
  const base = name.replace(SHEET_NAME_FORBIDDEN, "_").slice(0, 31) || "Sheet";
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = `(${n})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** Display width with full-width (Japanese) characters counted as two. */
function displayWidth(text: string): number {
  const longestLine = text.split("\n").reduce((a, b) => (b.length > a.length ? b : a), "");
  let width = 0;
  for (const ch of longestLine) width += (ch.codePointAt(0) ?? 0) > 0xff ? 2 : 1;
  return width;
}

function autoColumnWidths(header: string[], rows: CellValue[][]): number[] {
  return header.map((label, c) => {
    const widest = rows.reduce((max, row) => Math.max(max, displayWidth(String(row[c] ?? ""))), displayWidth(label));
    return Math.min(Math.max(widest + 2, 8), MAX_AUTO_WIDTH);
  });
}

function addSheet(workbook: ExcelJS.Workbook, sheet: XlsxSheet, name: string): void {
  const worksheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  const rows = sheet.rows.map((row) => row.map(toPlainCellValue));
  const header = sheet.header.map((label) => String(toPlainCellValue(label) ?? ""));
  worksheet.addRow(header).font = { bold: true };
  const dataRows = worksheet.addRows(rows);
  if (sheet.wrapText) {
    for (const row of dataRows) row.alignment = { wrapText: true, vertical: "top" };
  }
  const widths = sheet.columnWidths ?? autoColumnWidths(header, rows);
  widths.forEach((width, i) => {
    worksheet.getColumn(i + 1).width = width;
  });
  if (header.length > 0) {
    worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  }
}

export async function writeXlsx(sheets: XlsxSheet[]): Promise<Buffer> {
  const workbook = new (await loadExcelJs()).Workbook();
  const taken = new Set<string>();
  for (const sheet of sheets) addSheet(workbook, sheet, uniqueSheetName(sheet.name, taken));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
