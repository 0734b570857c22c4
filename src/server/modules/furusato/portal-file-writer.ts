// Writes a portal file's records in its format (delimiter, quoting, line ending) and encoding; a character the encoding
// cannot hold is written as 〓 and reported with its row, column and gift.
import { mapToCp932Variants, unencodableCp932Chars } from "../../platform/tabular/cp932";
import { Cp932Writer } from "./portal-cp932";
import type { PortalFileFormat } from "./portal-template-types";

/** A character the file's encoding cannot hold. It is written as 〓 (never "?") and reported here. */
export interface UnencodableCell {
  /** record number in the file, as a spreadsheet shows it: the first header line is 1 */
  row: number;
  /** 1-based column */
  column: number;
  char: string;
  /** the column's header */
  header: string;
  /** the gift of that row; null inside header lines */
  giftCode: string | null;
}

export interface RenderedPortalFile {
  bytes: Uint8Array;
  unencodable: UnencodableCell[];
}

/** 〓 (ゲタ記号, CP932 0x81AC): the customary Japanese placeholder for a character that cannot be printed. */
export const UNENCODABLE_SUBSTITUTE = "〓";

const NEEDS_QUOTE: Readonly<Record<"," | "\t", RegExp>> = { ",": /[",\r\n]/, "\t": /["\t\r\n]/ };

// Our own quoting rather than csv-stringify: it leaves a bare CR unquoted when the record delimiter is LF (a reader
// that splits on CR then breaks the row), and this loop is about 4× faster on a 10,000-row portal file. CP932 records
// are quoted the same way while they are encoded (portal-cp932.ts); this is for UTF-8 and for repaired CP932 lines.
function joinRecord(cells: readonly string[], file: PortalFileFormat): string {
  const needsQuote = NEEDS_QUOTE[file.delimiter];
  let line = "";
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (i > 0) line += file.delimiter;
    line += file.quote === "all" || needsQuote.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  }
  return line;
}

const LONE_SURROGATE = /\p{Cs}/u;

const UTF8_BOM = [0xef, 0xbb, 0xbf];

// String.prototype.isWellFormed (Node 20; the ES2023 lib the project compiles against does not declare it yet).
const isWellFormed = (text: string): boolean => (text as string & { isWellFormed(): boolean }).isWellFormed();

/**
 * A portal file written record by record (header lines first, then data rows whose cells are already safe text), so
 * that a 10,000-row file never holds its rows or whole text at once: each record goes to bytes when added.
 * For CP932 the Unicode variants are mapped first (〜→～, −→－ …, see platform/tabular/cp932.ts); every character
 * that still cannot be encoded is written as 〓 and reported with its row, column and gift. UTF-8 holds every
 * character except a lone surrogate (broken text pasted from elsewhere), which would otherwise become U+FFFD.
 */
export class PortalFileBuilder {
  private readonly unencodable: UnencodableCell[] = [];
  private readonly cp932: Cp932Writer | null;
  private readonly encoder = new TextEncoder();
  private utf8 = new Uint8Array(0);
  private n = 0;
  private records = 0;

  constructor(
    private readonly file: PortalFileFormat,
    private readonly headers: readonly string[],
  ) {
    this.cp932 = file.encoding === "cp932" ? new Cp932Writer() : null;
    if (file.encoding === "utf-8-bom") {
      this.reserve(UTF8_BOM.length);
      this.utf8.set(UTF8_BOM);
      this.n = UTF8_BOM.length;
    }
  }

  /** Adds one record; `giftCode` names the gift of a data row in the report of unencodable characters (null: header). */
  add(cells: readonly string[], giftCode: string | null): void {
    const row = ++this.records;
    const { file } = this;
    const eol = file.lineEnding;
    if (this.cp932) {
      if (this.cp932.appendRecord(cells, file.delimiter, file.quote === "all", eol)) return;
      // Rare: repair the record cell by cell, reporting each character, and write the repaired line.
      const safeCells = cells.map((cell, c) => {
        const mapped = mapToCp932Variants(cell);
        const chars = unencodableCp932Chars(mapped);
        if (chars.length === 0) return mapped;
        for (const char of chars) this.report(row, c, char, giftCode);
        const bad = new Set(chars);
        return Array.from(mapped, (ch) => (bad.has(ch) ? UNENCODABLE_SUBSTITUTE : ch)).join("");
      });
      this.cp932.appendText(joinRecord(safeCells, file) + eol);
      return;
    }

    let line = joinRecord(cells, file);
    if (!isWellFormed(line)) {
      const safeCells = cells.map((cell, c) => {
        if (!LONE_SURROGATE.test(cell)) return cell;
        return Array.from(cell, (ch) => {
          if (!LONE_SURROGATE.test(ch)) return ch;
          this.report(row, c, ch, giftCode);
          return UNENCODABLE_SUBSTITUTE;
        }).join("");
      });
      line = joinRecord(safeCells, file);
    }
    // Well-formed now, so encoding line by line gives the bytes of encoding the whole text at once.
    line += eol;
    this.reserve(line.length * 3);
    this.n += this.encoder.encodeInto(line, this.utf8.subarray(this.n)).written;
  }

  finish(): RenderedPortalFile {
    const bytes = this.cp932 ? this.cp932.bytes() : this.utf8.subarray(0, this.n);
    return { bytes, unencodable: this.unencodable };
  }

  private report(row: number, column: number, char: string, giftCode: string | null): void {
    this.unencodable.push({ row, column: column + 1, char, header: this.headers[column] ?? "", giftCode });
  }

  private reserve(more: number): void {
    if (this.n + more <= this.utf8.length) return;
    const grown = new Uint8Array(Math.max(64 * 1024, this.utf8.length * 2, this.n + more));
    grown.set(this.utf8.subarray(0, this.n));
    this.utf8 = grown;
  }
}
