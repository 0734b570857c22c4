// Uploads come from Excel (UTF-8 with BOM, or Shift_JIS/CP932 on older setups), kintone and portals (UTF-8).
// We detect which, and decode Shift_JIS as CP932 so NEC/IBM extensions (①, ㈱, 髙) survive.
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

export function decodeText(bytes: Uint8Array): DecodedText {
  if (hasUtf8Bom(bytes)) {
    return { text: decodeUtf8(bytes.subarray(3)), encoding: "utf-8-bom" };
  }
  if (bytes.length === 0) return { text: "", encoding: "utf-8" };
  // UTF-8 is tried first: pure ASCII is valid in both, and Japanese Shift_JIS text is almost never valid UTF-8.
  const detected = Encoding.detect(bytes, ["UTF8", "SJIS"]);
  if (detected === "UTF8") return { text: decodeUtf8(bytes), encoding: "utf-8" };
  if (detected === "SJIS") return { text: iconv.decode(Buffer.from(bytes), "cp932"), encoding: "cp932" };
  throw new TabularFormatError(
    "unknown_encoding",
    "ファイルの文字コードを判別できません。UTF-8 または Shift_JIS（CP932）で保存してください。",
  );
}
