// Writes a portal file's records in its format (delimiter, quoting, line ending) and encoding; a character the encoding
// cannot hold is written as 〓 and reported with its row, column and gift.
import { encodeCp932, mapToCp932Variants, unencodableCp932Chars } from "../../platform/tabular/cp932";
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
// that splits on CR then breaks the row), and this loop is about 4× faster on a 10,000-row portal file.
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

// Per BMP code unit: 0 = not checked yet, 1 = CP932 holds it, 2 = it does not. Filled lazily by a one-character round
// trip (the same test as platform/tabular/cp932.ts), so each distinct character is checked once per process.
const cp932Table = new Uint8Array(0x10000);

/**
 * True when CP932 holds every character of already-mapped text. A scan with the table above rather than a round trip
 * of the whole text: on a 10,000-row file this is a few ms, and a round trip would also need a second encode to
 * substitute the bad characters. CP932 is stateless, so text round-trips exactly when each of its characters does.
 */
function cp932Clean(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code >= 0xd800 && code <= 0xdfff) return false; // astral (𠮷) or a lone surrogate: never in CP932
    let known = cp932Table[code];
    if (known === 0) {
      known = unencodableCp932Chars(String.fromCharCode(code)).length === 0 ? 1 : 2;
      cp932Table[code] = known;
    }
    if (known === 2) return false;
  }
  return true;
}

/**
 * Writes records (header lines first, then data rows whose cells are already safe text) in the file's encoding.
 * For CP932 the Unicode variants are mapped first (〜→～, −→－ …, see platform/tabular/cp932.ts); every character
 * that still cannot be encoded is written as 〓 and reported with its row, column and gift.
 */
export function writePortalRecords(
  file: PortalFileFormat,
  headers: readonly string[],
  records: readonly (readonly string[])[],
  giftCodes: readonly (string | null)[],
): RenderedPortalFile {
  const eol = file.lineEnding;
  if (file.encoding === "cp932") {
    const unencodable: UnencodableCell[] = [];
    const lines = records.map((cells, r) => {
      const line = mapToCp932Variants(joinRecord(cells, file));
      if (cp932Clean(line)) return line;
      const safeCells = cells.map((cell, c) => {
        const mapped = mapToCp932Variants(cell);
        const chars = unencodableCp932Chars(mapped);
        if (chars.length === 0) return mapped;
        for (const char of chars)
          unencodable.push({ row: r + 1, column: c + 1, char, header: headers[c] ?? "", giftCode: giftCodes[r] ?? null });
        const bad = new Set(chars);
        return Array.from(mapped, (ch) => (bad.has(ch) ? UNENCODABLE_SUBSTITUTE : ch)).join("");
      });
      return joinRecord(safeCells, file);
    });
    const bytes = encodeCp932(lines.length ? lines.join(eol) + eol : "");
    return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), unencodable };
  }

  // UTF-8 holds every character except a lone surrogate (broken text pasted from elsewhere), which would become U+FFFD.
  const unencodable: UnencodableCell[] = [];
  const lines = records.map((cells, r) => {
    const line = joinRecord(cells, file);
    if (!LONE_SURROGATE.test(line)) return line;
    const safeCells = cells.map((cell, c) => {
      if (!LONE_SURROGATE.test(cell)) return cell;
      return Array.from(cell, (ch) => {
        if (!LONE_SURROGATE.test(ch)) return ch;
        unencodable.push({ row: r + 1, column: c + 1, char: ch, header: headers[c] ?? "", giftCode: giftCodes[r] ?? null });
        return UNENCODABLE_SUBSTITUTE;
      }).join("");
    });
    return joinRecord(safeCells, file);
  });
  const text = lines.length ? lines.join(eol) + eol : "";
  const body = new TextEncoder().encode(text);
  if (file.encoding === "utf-8") return { bytes: body, unencodable };
  const withBom = new Uint8Array(body.length + 3);
  withBom.set([0xef, 0xbb, 0xbf]);
  withBom.set(body, 3);
  return { bytes: withBom, unencodable };
}
