// Rows → CSV bytes for Excel users and portals: UTF-8 with BOM (Excel opens it as UTF-8), plain UTF-8, or CP932.
import { stringify } from "csv-stringify/sync";
import { encodeCp932, mapToCp932Variants, unencodableCp932Chars } from "./cp932.js";
import { cellToSafeText } from "./formula-guard.js";

export type CsvOutputEncoding = "utf-8-bom" | "utf-8" | "cp932";

export interface CsvWriteOptions {
  encoding: CsvOutputEncoding;
  delimiter?: "," | "\t";
  /** CRLF by default: Excel and most portals expect it. */
  lineEnding?: "\r\n" | "\n";
}

/** A character CP932 cannot hold: written as "?", so the caller must show it to the user. */
export interface UnencodableChar {
  /** spreadsheet row: header = 1, first data row = 2 */
  row: number;
  /** 1-based column */
  column: number;
  char: string;
}

export interface CsvWriteResult {
  bytes: Uint8Array;
  unencodable: UnencodableChar[];
}

function toCp932Table(table: string[][]): { table: string[][]; unencodable: UnencodableChar[] } {
  const unencodable: UnencodableChar[] = [];
  const mapped = table.map((cells, r) =>
    cells.map((cell, c) => {
      const text = mapToCp932Variants(cell);
      for (const char of unencodableCp932Chars(text)) unencodable.push({ row: r + 1, column: c + 1, char });
      return text;
    }),
  );
  return { table: mapped, unencodable };
}

function encodeText(text: string, encoding: CsvOutputEncoding): Uint8Array {
  if (encoding === "cp932") return new Uint8Array(encodeCp932(text));
  const utf8 = new TextEncoder().encode(text);
  if (encoding === "utf-8") return utf8;
  const withBom = new Uint8Array(utf8.length + 3);
  withBom.set([0xef, 0xbb, 0xbf]);
  withBom.set(utf8, 3);
  return withBom;
}

export function writeCsv(header: string[], rows: unknown[][], opts: CsvWriteOptions): CsvWriteResult {
  const safeTable = [header, ...rows].map((cells) => cells.map(cellToSafeText));
  const { table, unencodable } = opts.encoding === "cp932" ? toCp932Table(safeTable) : { table: safeTable, unencodable: [] };
  const text = stringify(table, {
    delimiter: opts.delimiter ?? ",",
    record_delimiter: opts.lineEnding ?? "\r\n",
  });
  return { bytes: encodeText(text, opts.encoding), unencodable };
}
