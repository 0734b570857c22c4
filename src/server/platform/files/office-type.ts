// Which Office Open XML file (.docx, .xlsx, .pptx) a zip is, read from the names in its central directory: the
// type comes from what the file holds (word/document.xml, xl/workbook.xml, ppt/presentation.xml), not from the name
// the browser sends. Nothing is decompressed, so a zip bomb costs nothing here; a zip that cannot be read as one
// (damaged, ZIP64, not a zip at all) is no Office file.

export const OFFICE_TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
} as const;

const MAIN_PARTS: readonly [string, string][] = [
  ["word/document.xml", OFFICE_TYPES.docx],
  ["xl/workbook.xml", OFFICE_TYPES.xlsx],
  ["ppt/presentation.xml", OFFICE_TYPES.pptx],
];

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** the end record (22 bytes) plus the longest comment a zip may carry */
const END_SEARCH = 22 + 0xffff;
/** more names than any Office file has: a directory claiming more is not read further */
const MAX_ENTRIES = 10_000;

/** The names of the zip's entries, or null when its central directory cannot be read. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - END_SEARCH); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count > MAX_ENTRIES) return null;
  const decoder = new TextDecoder();
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== DIRECTORY_ENTRY) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > end) return null;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** The Office MIME type of a zip, or null when it is not a Word, Excel or PowerPoint file. */
export function officeTypeOf(bytes: Uint8Array): string | null {
  const names = zipEntryNames(bytes);
  if (!names?.includes("[Content_Types].xml")) return null;
  return MAIN_PARTS.find(([part]) => names.includes(part))?.[1] ?? null;
}
