// The open-data CSV writer: cells exactly as the 正式版 expects them (the values a machine reader — another portal, our
// own import pipeline — reads back unchanged), CRLF line ends, UTF-8 with BOM or CP932, and safe to open in a
// spreadsheet.
//
// Why not the platform's writeCsv: it prefixes ' to every text cell that starts with = + - @, which is right for staff
// lists but corrupts open data — a 連絡先電話番号 of "-" (none), an 標高 of "-1.5" or a phone "+81 93 …" would reach every
// harvester as "'-", "'-1.5", "'+81 93 …". Here a cell that starts with + or - and otherwise holds only digits, spaces
// and . , ( ) + - is written as is: a spreadsheet shows it as a number or text, or at worst does sign arithmetic on it,
// but it cannot call a function, refer to a cell or start another program (that needs letters, |, ! or quotes). Every
// other cell that a spreadsheet would run as a formula (=…, @…, +/- followed by anything else, a leading tab or CR)
// gets the platform's leading ' and is reported, so staff see which values were changed and why.
//
// CP932: the Unicode variants portals expect are mapped first (〜→～, −→－ …, platform/tabular/cp932.ts); a character
// CP932 still cannot hold (𠮷, ㋿ …) is written as 〓 — never "?" — and reported with its row and column.
import { CP932_SUBSTITUTE, type OpenDataFileEncoding } from "../../../common/api/region-export";
import { encodeCp932, mapToCp932Variants, unencodableCp932Chars } from "../../platform/tabular/cp932";
import { neutraliseFormula } from "../../platform/tabular/formula-guard";

export interface CellPosition {
  /** the row as a spreadsheet numbers it: the header is 1, the first data row 2 */
  row: number;
  /** 0-based column index */
  column: number;
}

export interface OpenDataCsv {
  bytes: Uint8Array;
  /** characters CP932 cannot hold, written as 〓 */
  unencodable: (CellPosition & { char: string })[];
  /** cells written with a leading ' because a spreadsheet would run them as a formula (the value as it was) */
  guarded: (CellPosition & { value: string })[];
}

const FORMULA_START = /^[=+\-@\t\r]/;
/** a number, a phone number or a lone dash: a sign, then only digits, spaces and . , ( ) + - */
const INERT_SIGNED = /^[+-][0-9 .,()+-]*$/;

/** The cell as written and whether it had to be guarded. */
export function guardOpenDataCell(text: string): { text: string; guarded: boolean } {
  if (!FORMULA_START.test(text) || INERT_SIGNED.test(text)) return { text, guarded: false };
  return { text: neutraliseFormula(text), guarded: true };
}

const NEEDS_QUOTES = /[",\r\n]/;

function quote(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function toCp932Cell(cell: string, position: CellPosition, unencodable: OpenDataCsv["unencodable"]): string {
  const mapped = mapToCp932Variants(cell);
  const bad = unencodableCp932Chars(mapped);
  if (bad.length === 0) return mapped;
  for (const char of bad) unencodable.push({ ...position, char });
  const badSet = new Set(bad);
  return Array.from(mapped, (char) => (badSet.has(char) ? CP932_SUBSTITUTE : char)).join("");
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function writeOpenDataCsv(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  encoding: OpenDataFileEncoding,
): OpenDataCsv {
  const unencodable: OpenDataCsv["unencodable"] = [];
  const guarded: OpenDataCsv["guarded"] = [];
  const lines: string[] = [];
  [header, ...rows].forEach((cells, r) => {
    const out = cells.map((value, column) => {
      const position = { row: r + 1, column };
      const safe = guardOpenDataCell(value);
      if (safe.guarded) guarded.push({ ...position, value });
      return quote(encoding === "cp932" ? toCp932Cell(safe.text, position, unencodable) : safe.text);
    });
    lines.push(`${out.join(",")}\r\n`);
  });
  const text = lines.join("");
  if (encoding === "cp932") return { bytes: new Uint8Array(encodeCp932(text)), unencodable, guarded };
  const utf8 = new TextEncoder().encode(text);
  const bytes = new Uint8Array(utf8.length + UTF8_BOM.length);
  bytes.set(UTF8_BOM);
  bytes.set(utf8, UTF8_BOM.length);
  return { bytes, unencodable, guarded };
}
