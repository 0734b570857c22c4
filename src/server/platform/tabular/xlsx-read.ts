// .xlsx upload → header and rows of strings (first sheet), the same shape readCsv gives, so every import
// accepts Excel files directly. Row numbers are the sheet's own, for error messages.
import type ExcelJS from "exceljs";
import { TabularFormatError } from "./errors.js";
import { loadExcelJs } from "./exceljs-loader.js";
import { isBlankRow, padRow, type Table } from "./table.js";

export interface XlsxReadResult extends Table {
  rowNumbers: number[];
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

// exceljs gives a date cell as a Date whose UTC fields are the wall-clock values typed in Excel.
function dateCellText(date: Date): string {
  const ymd = `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
  const hasTime = date.getUTCHours() + date.getUTCMinutes() + date.getUTCSeconds() > 0;
  return hasTime ? `${ymd} ${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())}` : ymd;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return dateCellText(value);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((run) => run.text).join("");
    if ("formula" in value || "sharedFormula" in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("hyperlink" in value) return cellText((value as ExcelJS.CellHyperlinkValue).text);
    if ("error" in value) return value.error;
    return "";
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

function rowCells(row: ExcelJS.Row, width: number): string[] {
  const cells: string[] = [];
  for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
  return cells;
}

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    // exceljs's typings predate Buffer's generic parameter; the runtime accepts any Buffer.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new TabularFormatError("malformed_xlsx", "Excelファイル（.xlsx）として読み取れません。", { cause: error });
  }
  return workbook;
}

export async function readXlsx(bytes: Uint8Array): Promise<XlsxReadResult> {
  const sheet = (await loadWorkbook(bytes)).worksheets[0];
  if (!sheet) return { header: [], rows: [], rowNumbers: [] };
  const width = sheet.columnCount;
  const nonBlank: { number: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells = rowCells(row, width);
    if (!isBlankRow(cells)) nonBlank.push({ number, cells });
  });
  const [headerRow, ...dataRows] = nonBlank;
  if (!headerRow) return { header: [], rows: [], rowNumbers: [] };

  const header = trimTrailingEmpty(headerRow.cells).map((cell) => cell.trim());
  return {
    header,
    rows: dataRows.map((r) => padRow(r.cells.slice(0, Math.max(header.length, lastFilled(r.cells))), header.length)),
    rowNumbers: dataRows.map((r) => r.number),
  };
}

function lastFilled(cells: string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i] !== "") return i + 1;
  return 0;
}

function trimTrailingEmpty(cells: string[]): string[] {
  return cells.slice(0, lastFilled(cells));
}
