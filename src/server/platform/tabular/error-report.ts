// Import errors → a CSV the user downloads, fixes their sheet from, and uploads again (行, 列, 内容).
// UTF-8 with a BOM by default so Excel opens it correctly and no character of a message is lost.
import { type CsvOutputEncoding, writeCsv } from "./csv-write.js";
import type { ImportError } from "./import-rows.js";

export const ERROR_REPORT_HEADER = ["行", "列", "内容"] as const;

export function writeImportErrorReport(errors: readonly ImportError[], opts: { encoding?: CsvOutputEncoding } = {}): Uint8Array {
  const rows = errors.map((error) => [error.row, error.column ?? "", error.message]);
  return writeCsv([...ERROR_REPORT_HEADER], rows, { encoding: opts.encoding ?? "utf-8-bom" }).bytes;
}

/** 「課題一覧.xlsx」 → 「課題一覧_エラー.csv」 */
export function errorReportFileName(uploadedName: string): string {
  const stem = uploadedName.replace(/\.[^./\\]+$/, "") || "取込";
  return `${stem}_エラー.csv`;
}
