// CSV/TSV upload → header and rows of strings. Blank lines (Excel leaves them at the end, sometimes as ",,,,")
// are dropped, but every row keeps the row number Excel would show, for error messages.
import { CsvError, parse } from "csv-parse/sync";
import { decodeText, type TextEncodingName } from "./decode.js";
import { TabularFormatError } from "./errors.js";
import { isBlankRow, padRow, type Table } from "./table.js";

export interface CsvReadOptions {
  delimiter?: "," | "\t";
}

export interface CsvReadResult extends Table {
  rowNumbers: number[];
  encoding: TextEncodingName;
}

function parseRecords(text: string, delimiter: string): string[][] {
  try {
    return parse(text, {
      delimiter,
      // Kept so that a record's index is its Excel row number; blank records are filtered afterwards.
      skip_empty_lines: false,
      // Excel writes short rows when trailing cells are empty.
      relax_column_count: true,
    }) as string[][];
  } catch (error) {
    const line = error instanceof CsvError ? (error as CsvError & { lines?: number }).lines : undefined;
    const where = line ? `${line}行目付近で` : "";
    throw new TabularFormatError("malformed_csv", `CSVを読み取れません。${where}引用符（"）の閉じ忘れなどがないか確認してください。`, {
      cause: error,
    });
  }
}

export function readCsv(bytes: Uint8Array, opts: CsvReadOptions = {}): CsvReadResult {
  const { text, encoding } = decodeText(bytes);
  const records = parseRecords(text, opts.delimiter ?? ",");
  const headerIndex = records.findIndex((record) => !isBlankRow(record));
  if (headerIndex < 0) return { header: [], rows: [], rowNumbers: [], encoding };

  const header = records[headerIndex].map((cell) => cell.trim());
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    if (isBlankRow(records[i])) continue;
    rows.push(padRow(records[i], header.length));
    rowNumbers.push(i + 1);
  }
  return { header, rows, rowNumbers, encoding };
}
