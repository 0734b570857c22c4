// Tabular import/export shared by every module: read CSV/TSV/.xlsx uploads, validate rows all-or-nothing,
// write CSV (UTF-8/CP932, formula-safe) and .xlsx, and turn import errors into a downloadable report.
export { type CsvReadOptions, type CsvReadResult, readCsv } from "./csv-read.js";
export { type CsvOutputEncoding, type CsvWriteOptions, type CsvWriteResult, type UnencodableChar, writeCsv } from "./csv-write.js";
export { type DecodedText, decodeText, type TextEncodingName } from "./decode.js";
export { errorReportFileName, writeImportErrorReport } from "./error-report.js";
export { TabularFormatError } from "./errors.js";
export {
  type ImportColumn,
  type ImportError,
  type ImportResult,
  type ImportSpec,
  validateRows,
  validateRowsInTurns,
} from "./import-rows.js";
export { XLSX_LIMITS, type XlsxLimits } from "./limits.js";
export { readTable, type TableFormat, type TableReadResult, tableFormat } from "./read-table.js";
export type { Table } from "./table.js";
export { readXlsx, type XlsxReadResult } from "./xlsx-read.js";
export { writeXlsx, type XlsxSheet } from "./xlsx-write.js";
