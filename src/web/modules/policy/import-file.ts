// Reading a chosen file on /policy/import: a Word file goes to the server as it is; a text file is decoded here.
import { WORD_TYPES } from "../../../common/upload-limits";

/** the largest text file read in the browser */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** A Word file by its name or its first bytes (a .docx is a zip; an old .doc an OLE file, which the server explains). */
export async function isWordFile(file: File): Promise<boolean> {
  if (WORD_TYPES.extensions.some((ext) => file.name.toLowerCase().endsWith(ext))) return true;
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  const starts = (...bytes: number[]) => bytes.every((byte, i) => head[i] === byte);
  return starts(0x50, 0x4b, 0x03, 0x04) || starts(0xd0, 0xcf, 0x11, 0xe0);
}

/** UTF-8 first; when that yields U+FFFD the file is read again as Shift_JIS (Excel / older Windows tools). */
export function decodeText(buffer: ArrayBuffer): { text: string; encoding: "utf-8" | "shift_jis" } {
  const utf8 = new TextDecoder("utf-8").decode(buffer);
  if (!utf8.includes("\uFFFD")) return { text: utf8, encoding: "utf-8" };
  return { text: new TextDecoder("shift_jis").decode(buffer), encoding: "shift_jis" };
}
