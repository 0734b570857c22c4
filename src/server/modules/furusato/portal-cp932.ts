// CP932 records written straight to bytes, one character at a time from a table. Each distinct character is asked of
// platform/tabular/cp932.ts (variant mapping, encodability, bytes) once per process; afterwards a 10,000-row file is
// written without building its lines or its whole text, a regular expression per line or iconv-lite's encoder over
// the whole text, which took most of a 楽天 file's time. CP932 is stateless and the variant mapping goes character by
// character, so the bytes of a record are the bytes of its characters in order: byte-identical to
// encodeCp932(mapToCp932Variants(line)) of the same record (portal-cp932.test.ts checks every BMP character).
import { encodeCp932, mapToCp932Variants, unencodableCp932Chars } from "../../platform/tabular/cp932";

// Per BMP code unit its CP932 bytes after the variant mapping (〜→～ …): one byte (< 0x100) or lead << 8 | trail
// (lead ≥ 0x81). UNKNOWN = not looked up yet; UNENCODABLE = CP932 cannot hold it (nor its mapped form).
const UNKNOWN = 0xffff;
const UNENCODABLE = 0xfffe;
const table = new Uint16Array(0x10000).fill(UNKNOWN);

function lookUp(code: number): number {
  let value = UNENCODABLE;
  // Surrogates (𠮷 and other astral characters, or a lone one) are never in CP932.
  if (code < 0xd800 || code > 0xdfff) {
    const mapped = mapToCp932Variants(String.fromCharCode(code));
    if (unencodableCp932Chars(mapped).length === 0) {
      const bytes = encodeCp932(mapped);
      if (bytes.length === 1) value = bytes[0];
      else if (bytes.length === 2) value = (bytes[0] << 8) | bytes[1];
    }
  }
  table[code] = value;
  return value;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** A growing CP932 byte buffer that records (cells, or already repaired text) are appended to. */
export class Cp932Writer {
  private buf = new Uint8Array(64 * 1024);
  private n = 0;

  private ensure(more: number): void {
    if (this.n + more <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.n + more));
    grown.set(this.buf.subarray(0, this.n));
    this.buf = grown;
  }

  /**
   * Appends one record: cells joined by the delimiter, quoted when `quoteAll` or when a cell holds the delimiter, a
   * quote, CR or LF (quotes doubled; the same quoting as portal-file-writer.ts's joinRecord), then the line ending.
   * Returns false, having appended nothing, when a character cannot be encoded even after the variant mapping: the
   * caller then reports it and appends a repaired line with appendText.
   */
  appendRecord(cells: readonly string[], delimiter: "," | "\t", quoteAll: boolean, lineEnding: string): boolean {
    const start = this.n;
    const delimiterCode = delimiter.charCodeAt(0);
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      // At most 2 bytes per character, twice that for doubled quotes, plus the delimiter and the two quotes.
      this.ensure(cell.length * 4 + 3);
      if (c > 0) this.buf[this.n++] = delimiterCode;
      const cellStart = this.n;
      let quoted = quoteAll;
      if (quoted) this.buf[this.n++] = QUOTE;
      for (let i = 0; i < cell.length; i++) {
        const code = cell.charCodeAt(i);
        if (code === QUOTE || code === delimiterCode || code === CR || code === LF) {
          if (!quoted) {
            // Minimal quoting: the cell needs quotes after all; write it again from its start.
            quoted = true;
            this.n = cellStart;
            this.buf[this.n++] = QUOTE;
            i = -1;
            continue;
          }
          if (code === QUOTE) this.buf[this.n++] = QUOTE;
        }
        let value = table[code];
        if (value === UNKNOWN) value = lookUp(code);
        if (value === UNENCODABLE) {
          this.n = start;
          return false;
        }
        if (value > 0xff) {
          this.buf[this.n++] = value >>> 8;
          this.buf[this.n++] = value & 0xff;
        } else {
          this.buf[this.n++] = value;
        }
      }
      if (quoted) this.buf[this.n++] = QUOTE;
    }
    // The line ending is ASCII, which CP932 writes as is.
    this.ensure(lineEnding.length);
    for (let i = 0; i < lineEnding.length; i++) this.buf[this.n++] = lineEnding.charCodeAt(i);
    return true;
  }

  /** Appends text as encodeCp932 writes it (no variant mapping: the text is already repaired). */
  appendText(text: string): void {
    const bytes = encodeCp932(text);
    this.ensure(bytes.length);
    this.buf.set(bytes, this.n);
    this.n += bytes.length;
  }

  bytes(): Uint8Array {
    return this.buf.subarray(0, this.n);
  }
}
