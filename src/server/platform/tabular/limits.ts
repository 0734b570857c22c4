// How much an uploaded table may hold once opened. The upload itself is capped at 20 MB (common/upload-limits.ts),
// but an .xlsx is a zip: 20 MB can hold gigabytes of XML. These caps bound the memory and time one import may take.
export interface XlsxLimits {
  /** sum of the zip entries' uncompressed sizes (declared, and enforced while inflating) */
  maxExpandedBytes: number;
  /** cells the first sheet may fill, counted row by row up to each row's last filled column */
  maxCells: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  maxExpandedBytes: 160 * 1024 * 1024,
  maxCells: 3_000_000,
};
