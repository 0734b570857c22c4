// Which encoding a 市町's file is in, and its text. UTF-8 (with or without BOM) and Shift_JIS/CP932 are the platform's
// (platform/tabular/decode.ts: detectEncoding, CP932 through iconv so NEC/IBM extensions survive); around it this adds
// UTF-16 (Excel's 「Unicode テキスト」, tab-separated) by its BOM or, without one, by its NUL-byte pattern, and refuses
// files that are not text at all (.xlsx, .xls, PDF) with a message that says what to do. Pure.
import { decodeText } from "../../../platform/tabular/decode";
import { TabularFormatError } from "../../../platform/tabular/errors";
import type { OpenDataEncoding } from "./types";

export interface DecodedOpenData {
  text: string;
  encoding: OpenDataEncoding;
}

/** Japanese names of the encodings, for the CLI and the import screen. */
export const ENCODING_LABELS: Readonly<Record<OpenDataEncoding, string>> = {
  "utf-8": "UTF-8（BOMなし）",
  "utf-8-bom": "UTF-8（BOM付き）",
  cp932: "Shift_JIS（CP932）",
  "utf-16le": "UTF-16（リトルエンディアン）",
  "utf-16be": "UTF-16（ビッグエンディアン）",
};

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

const NOT_CSV: readonly { magic: readonly number[]; what: string }[] = [
  { magic: [0x50, 0x4b, 0x03, 0x04], what: "Excel などのファイル（.xlsx）" },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], what: "古い Excel のファイル（.xls）" },
  { magic: [0x25, 0x50, 0x44, 0x46], what: "PDF" },
];

/** UTF-16 without a BOM: ASCII characters (digits, commas, tabs, line ends) leave a NUL in every other byte. */
function utf16ByNulPattern(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const pairs = Math.min(bytes.length, 4096) >> 1;
  if (pairs < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenNul++;
    if (bytes[2 * i + 1] === 0) oddNul++;
  }
  if (oddNul >= pairs * 0.2 && evenNul <= pairs * 0.02) return "utf-16le";
  if (evenNul >= pairs * 0.2 && oddNul <= pairs * 0.02) return "utf-16be";
  return null;
}

export function decodeOpenData(bytes: Uint8Array): DecodedOpenData {
  for (const { magic, what } of NOT_CSV)
    if (startsWith(bytes, magic))
      throw new TabularFormatError(
        "not_csv",
        `${what}は読み込めません。表計算ソフトで「CSV UTF-8（コンマ区切り）」か「CSV（コンマ区切り）」の形式で保存してから読み込んでください。`,
      );
  let encoding: "utf-16le" | "utf-16be" | null = null;
  if (startsWith(bytes, [0xff, 0xfe])) encoding = "utf-16le";
  else if (startsWith(bytes, [0xfe, 0xff])) encoding = "utf-16be";
  else encoding = utf16ByNulPattern(bytes);
  if (encoding) return { text: new TextDecoder(encoding).decode(bytes), encoding };
  if (bytes.includes(0))
    throw new TabularFormatError("not_csv", "文字のファイル（CSV）ではありません。市町が公開している CSV ファイルを選んでください。");
  try {
    return decodeText(bytes);
  } catch (error) {
    // the platform names the encodings it reads; the hub reads UTF-16 too
    if (error instanceof TabularFormatError && error.code === "unknown_encoding")
      throw new TabularFormatError(
        "unknown_encoding",
        "ファイルの文字コードを判別できません。UTF-8、Shift_JIS（CP932）、UTF-16 のいずれかで保存してください。",
        { cause: error },
      );
    throw error;
  }
}
