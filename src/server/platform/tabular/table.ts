// The shape every reader (CSV, Excel) hands to the import validator.
export interface Table {
  header: string[];
  /** data rows, each padded to at least the header's length */
  rows: string[][];
  /**
   * The spreadsheet row number (header = 1 in an ordinary file) of each data row, so error messages point at the
   * row the user sees in Excel even when blank rows were skipped. When absent, rows are taken as 2, 3, 4 ….
   */
  rowNumbers?: number[];
}

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === "");
}

export function padRow(cells: string[], width: number): string[] {
  return cells.length >= width ? cells : [...cells, ...Array<string>(width - cells.length).fill("")];
}
