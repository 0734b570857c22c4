// CSV/TSV upload → header and rows of strings, the whole table at once (through the same chunked parser the table
// reader uses for large files). Blank lines are dropped, but every row keeps the row number Excel would show.
import { CsvParser, parseCsvBytes } from "./csv-stream.js";
import { detectEncoding, type TextEncodingName } from "./decode.js";
import type { Table } from "./table.js";

export interface CsvReadOptions {
  delimiter?: "," | "\t";
}

export interface CsvReadResult extends Table {
  rowNumbers: number[];
  encoding: TextEncodingName;
}

export function readCsv(bytes: Uint8Array, opts: CsvReadOptions = {}): CsvReadResult {
  const encoding = detectEncoding(bytes);
  const parser = new CsvParser(encoding, opts);
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  parseCsvBytes(parser, bytes, (slice) => {
    for (const row of slice.rows) rows.push(row);
    for (const n of slice.rowNumbers) rowNumbers.push(n);
  });
  return { header: parser.header ?? [], rows, rowNumbers, encoding };
}
