// Uploads come from Excel (UTF-8 with BOM, or Shift_JIS/CP932 on older setups), kintone and portals (UTF-8).
// We detect which, and decode Shift_JIS as CP932 so NEC/IBM extensions (①, ㈱, 髙) survive.
import { isUtf8 } from "node:buffer";
import Encoding from "encoding-japanese";
import iconv from "iconv-lite";
import { TabularFormatError } from "./errors.js";

export type TextEncodingName = "utf-8" | "utf-8-bom" | "cp932";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && UTF8_BOM.every((b, i) => bytes[i] === b);
}

function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder("utf-8").decode(bytes);
}

/** Which encoding the file is in; throws when it is neither UTF-8 nor Shift_JIS. */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  if (hasUtf8Bom(bytes)) return "utf-8-bom";
  // Valid UTF-8 (pure ASCII included) is read as UTF-8: Japanese Shift_JIS text is almost never valid UTF-8. The
  // native check takes a millisecond where the byte-by-byte guess takes a second on a large file.
  if (bytes.length === 0 || isUtf8(bytes)) return "utf-8";
  if (Encoding.detect(bytes, ["UTF8", "SJIS"]) === "SJIS") return "cp932";
  throw new TabularFormatError(
    "unknown_encoding",
    "ファイルの文字コードを判別できません。UTF-8 または Shift_JIS（CP932）で保存してください。",
  );
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const encoding = detectEncoding(bytes);
  if (encoding === "cp932") return { text: iconv.decode(Buffer.from(bytes), "cp932"), encoding };
  return { text: decodeUtf8(encoding === "utf-8-bom" ? bytes.subarray(3) : bytes), encoding };
}
