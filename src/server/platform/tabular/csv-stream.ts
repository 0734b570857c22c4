// CSV/TSV parsed as its bytes arrive, a chunk at a time, so that a file of a million rows is never held as one string
// or one array of rows (readCsv feeds a whole file through it; the table reader feeds it a megabyte at a time from the
// thread that holds the file). Blank lines (Excel leaves them at the end, sometimes as ",,,,") are dropped; every row
// keeps the row number Excel shows, and is padded to the header's width.
import { CsvError, Parser } from "csv-parse";
import iconv from "iconv-lite";
import type { TextEncodingName } from "./decode.js";
import { TabularFormatError } from "./errors.js";
import { isBlankRow, padRow } from "./table.js";

/** How much of the file one step reads. */
export const CSV_CHUNK_BYTES = 1024 * 1024;

/** csv-parse's synchronous core, which its stream and sync entry points both drive (`Parser#api`). */
interface ParserCore {
  parse(chunk: Buffer | undefined, end: boolean, push: (record: string[]) => void, close: () => void): Error | undefined;
}

export interface CsvSlice {
  rows: string[][];
  rowNumbers: number[];
}

function malformed(error: Error): TabularFormatError {
  const line = error instanceof CsvError ? (error as CsvError & { lines?: number }).lines : undefined;
  const where = line ? `${line}行目付近で` : "";
  return new TabularFormatError("malformed_csv", `CSVを読み取れません。${where}引用符（"）の閉じ忘れなどがないか確認してください。`, {
    cause: error,
  });
}

export class CsvParser {
  /** the first non-blank row, trimmed; null until it has arrived */
  header: string[] | null = null;
  private readonly core: ParserCore;
  private readonly decoder: { write(chunk: Buffer): string; end(): string | undefined } | null;
  private bomLeft: number;
  private recordNumber = 0;

  constructor(encoding: TextEncodingName, opts: { delimiter?: "," | "\t" } = {}) {
    this.decoder = encoding === "cp932" ? iconv.getDecoder("cp932") : null;
    this.bomLeft = encoding === "utf-8-bom" ? 3 : 0;
    // Each record is one Excel row (empty ones are kept so that the count stays true; they are dropped below), and
    // Excel writes short rows when trailing cells are empty.
    const parser = new Parser({ delimiter: opts.delimiter ?? ",", skip_empty_lines: false, relax_column_count: true });
    this.core = (parser as unknown as { api: ParserCore }).api;
  }

  /** The next bytes of the file (null at its end): the data rows they complete. A CP932 character cut in two waits. */
  write(bytes: Uint8Array | null): CsvSlice {
    const slice: CsvSlice = { rows: [], rowNumbers: [] };
    const push = (record: string[]) => this.take(record, slice);
    let error: Error | undefined;
    if (bytes === null) {
      const rest = this.decoder?.end();
      if (rest) error = this.core.parse(Buffer.from(rest, "utf8"), false, push, () => {});
      error ??= this.core.parse(undefined, true, push, () => {});
    } else {
      let chunk = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      if (this.bomLeft > 0) {
        const skipped = Math.min(this.bomLeft, chunk.length);
        chunk = chunk.subarray(skipped);
        this.bomLeft -= skipped;
      }
      error = this.core.parse(this.decoder ? Buffer.from(this.decoder.write(chunk), "utf8") : chunk, false, push, () => {});
    }
    if (error) throw malformed(error);
    return slice;
  }

  private take(record: string[], slice: CsvSlice): void {
    this.recordNumber += 1;
    if (isBlankRow(record)) return;
    if (this.header === null) {
      this.header = record.map((cell) => cell.trim());
      return;
    }
    slice.rows.push(padRow(record, this.header.length));
    slice.rowNumbers.push(this.recordNumber);
  }
}

/** Feeds the whole of `bytes` through the parser a chunk at a time, handing on each chunk's rows. */
export function parseCsvBytes(parser: CsvParser, bytes: Uint8Array, onRows: (slice: CsvSlice) => void): void {
  for (let at = 0; at < bytes.length; at += CSV_CHUNK_BYTES) onRows(parser.write(bytes.subarray(at, at + CSV_CHUNK_BYTES)));
  onRows(parser.write(null));
}
