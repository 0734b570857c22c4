// Test helper: .xlsx files written by hand (the parts' XML and a minimal zip), to build workbooks that exceljs would
// take too long to write (hundreds of thousands of rows), shapes Excel writes but exceljs does not (ふりがな, prefixed
// tags, parts in any order), and hostile ones (zip bombs, central directories that lie about sizes).
import { once } from "node:events";
import { crc32, createDeflateRaw, deflateRawSync } from "node:zlib";

export interface ZipPart {
  name: string;
  data: Buffer;
  /** stored (0) or deflated (8, default) */
  method?: 0 | 8;
  /** the uncompressed size written in the headers, when it should lie */
  declaredSize?: number;
  /** already deflated: `data` is then ignored */
  deflated?: { body: Buffer; size: number; crc: number };
}

export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const method = part.deflated ? 8 : (part.method ?? 8);
    const body = part.deflated?.body ?? (method === 8 ? deflateRawSync(part.data, { level: 1 }) : part.data);
    const name = Buffer.from(part.name, "utf8");
    const size = part.declaredSize ?? part.deflated?.size ?? part.data.length;
    const crc = part.deflated?.crc ?? crc32(part.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function columnName(n: number): string {
  let name = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
}

/** A row of <c> elements: strings inline, numbers as numbers. */
export function rowXml(rowNumber: number, cells: (string | number)[]): string {
  const body = cells
    .map((cell, i) => {
      const ref = `${columnName(i + 1)}${rowNumber}`;
      return typeof cell === "number"
        ? `<c r="${ref}"><v>${cell}</v></c>`
        : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(cell)}</t></is></c>`;
    })
    .join("");
  return `<row r="${rowNumber}">${body}</row>`;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface WorkbookParts {
  /** the inside of <sheetData> (or the whole <worksheet> when `sheetIsWhole`) */
  sheetData: string | Buffer;
  sheetIsWhole?: boolean;
  sharedStrings?: string;
  styles?: string;
  workbookPr?: string;
  /** extra parts, and changes to the default ones (same name) */
  parts?: ZipPart[];
  /** the sheet's part before the workbook's (Excel writes sharedStrings after the sheets) */
  sheetFirst?: boolean;
}

export function xlsxFile(wb: WorkbookParts): Buffer {
  const rels = [`<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`];
  if (wb.sharedStrings) rels.push(`<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (wb.styles) rels.push(`<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>`);
  const sheet =
    typeof wb.sheetData !== "string"
      ? wb.sheetData
      : Buffer.from(
          wb.sheetIsWhole
            ? wb.sheetData
            : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${wb.sheetData}</sheetData></worksheet>`,
        );
  const sheetPart: ZipPart = { name: "xl/worksheets/sheet1.xml", data: sheet };
  const parts: ZipPart[] = [
    { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
    { name: "_rels/.rels", data: Buffer.from(ROOT_RELS) },
    ...(wb.sheetFirst ? [sheetPart] : []),
    {
      name: "xl/workbook.xml",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">${wb.workbookPr ?? ""}<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
      ),
    },
    ...(wb.sheetFirst ? [] : [sheetPart]),
  ];
  if (wb.sharedStrings) parts.push({ name: "xl/sharedStrings.xml", data: Buffer.from(wb.sharedStrings) });
  if (wb.styles) parts.push({ name: "xl/styles.xml", data: Buffer.from(wb.styles) });
  for (const extra of wb.parts ?? []) {
    const at = parts.findIndex((p) => p.name === extra.name);
    if (at >= 0) parts[at] = extra;
    else parts.push(extra);
  }
  return zip(parts);
}

/** A legitimate large workbook: a header and `rows` rows of donation-like data, written as fast as possible. */
export function largeWorkbook(rows: number): Buffer {
  const chunks: string[] = [rowXml(1, ["番号", "寄附者", "金額", "受付日", "返礼品", "備考"])];
  for (let r = 2; r <= rows + 1; r++)
    chunks.push(rowXml(r, [r - 1, `寄附者${r}`, 10000 + (r % 90) * 1000, "2024-04-01", `関門ふぐセット${r % 50}`, "特になし"]));
  return xlsxFile({
    sheetData: Buffer.from(
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${chunks.join("")}</sheetData></worksheet>`,
    ),
  });
}

/**
 * A zip-bomb-like workbook: a sheet whose XML is `expandedBytes` long (mostly whitespace, so it deflates about
 * 1000 to 1), deflated as a stream so the test never holds it whole. `declaredSize` makes the headers lie.
 */
export async function bombWorkbook(expandedBytes: number, declaredSize?: number): Promise<Buffer> {
  const head = Buffer.from(
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowXml(1, ["見出し"])}`,
  );
  const tail = Buffer.from("</sheetData></worksheet>");
  const filler = Buffer.alloc(1024 * 1024, 0x20);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => out.push(chunk));
  let crc = crc32(head);
  deflate.write(head);
  let written = head.length;
  while (written + tail.length < expandedBytes) {
    const piece = filler.subarray(0, Math.min(filler.length, expandedBytes - tail.length - written));
    crc = crc32(piece, crc);
    written += piece.length;
    if (!deflate.write(piece)) await once(deflate, "drain");
  }
  crc = crc32(tail, crc);
  deflate.end(tail);
  await once(deflate, "end");
  const size = written + tail.length;
  return xlsxFile({
    sheetData: "",
    parts: [{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(0), deflated: { body: Buffer.concat(out), size, crc }, declaredSize }],
  });
}
