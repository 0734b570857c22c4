// Opening a .docx without trusting it: its size limits, the errors it can give, the zip's parts and their
// relationships. The zip is read with the xlsx reader's guards (platform/tabular/zip-entries.ts: declared sizes
// checked before inflating, and enforced while inflating) and each XML part with saxes (no DTD entities, so no
// billion laughs and no external entities).
import { AppError } from "../../platform/errors";
import { TabularFormatError } from "../../platform/tabular/errors";
import { parseXmlEntry, type XmlHandlers } from "../../platform/tabular/xml-stream";
import { EntryTooLarge, readZipEntries, type ZipEntry } from "../../platform/tabular/zip-entries";

const MB = 1024 * 1024;

export interface DocxLimits {
  /** entries in the zip (a Word file has a few dozen; a forged one may list millions) */
  maxEntries: number;
  /** sum of the uncompressed sizes of the parts read (document, numbering, styles, relationships) */
  maxExpandedBytes: number;
  /** characters of text read out; the same cap as the text import (common/api/policy.ts) */
  maxTextChars: number;
}

export const DOCX_LIMITS: DocxLimits = { maxEntries: 5000, maxExpandedBytes: 40 * MB, maxTextChars: 500_000 };

// ------------------------------------------------------------------------------------------------ errors

export function unreadableDocx(cause?: unknown): AppError {
  const error = new AppError(
    400,
    "unreadable_docx",
    "Word 文書（.docx）として読み取れません。ファイルが壊れていないか、Word で開けるかを確認してください。",
  );
  if (cause !== undefined) (error as Error & { cause?: unknown }).cause = cause;
  return error;
}

function oldWordFormat(): AppError {
  return new AppError(
    400,
    "unsupported_word_format",
    "古い形式の Word 文書（.doc）やパスワード付きの文書は読み取れません。Word で「.docx」形式（パスワードなし）で保存し直してください。",
  );
}

function tooLarge(limits: DocxLimits): AppError {
  return new AppError(
    413,
    "docx_too_large",
    `Word 文書の展開後の大きさが上限（${Math.round(limits.maxExpandedBytes / MB)}MB）を超えています。テキストで保存して取り込んでください。`,
  );
}

export function tooMuchText(limits: DocxLimits): AppError {
  const chars = limits.maxTextChars >= 10_000 ? `${limits.maxTextChars / 10_000}万` : String(limits.maxTextChars);
  return new AppError(400, "docx_too_long", `Word 文書の文字数が上限（${chars}文字）を超えています。`);
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// OLE2 compound file: Word 97–2003 (.doc), and also any password-protected .docx
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((byte, i) => bytes[i] === byte);

/** A zip (PK\x03\x04): what a .docx is. Used to tell a Word file from text by content, not by its name. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_MAGIC);
}

/** A Word 97–2003 file or an encrypted Office file. */
export function looksLikeOldWord(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE_MAGIC);
}

// ------------------------------------------------------------------------------------------------ package parts

type Parts = Map<string, ZipEntry>;

/** The attribute's value whatever its namespace prefix (w:val, or val in a document written without prefixes). */
export function attr(attributes: Record<string, string>, name: string): string | undefined {
  if (attributes[`w:${name}`] !== undefined) return attributes[`w:${name}`];
  if (attributes[name] !== undefined) return attributes[name];
  const key = Object.keys(attributes).find((k) => k.endsWith(`:${name}`));
  return key === undefined ? undefined : attributes[key];
}

/** On/off properties: <w:vanish/> is on, <w:vanish w:val="false"/> (or 0/off) is off. */
export function isOn(attributes: Record<string, string>): boolean {
  const value = attr(attributes, "val");
  return value === undefined || !["false", "0", "off"].includes(value);
}

function folderOf(partName: string): string {
  return partName.slice(0, partName.lastIndexOf("/") + 1);
}

function joinPath(base: string, target: string): string {
  const segments = (target.startsWith("/") ? target.slice(1) : `${base}${target}`).split("/");
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === "..") out.pop();
    else if (segment !== "." && segment !== "") out.push(segment);
  }
  return out.join("/");
}

interface Relationship {
  type: string;
  target: string;
}

export class DocxPackage {
  private expanded = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly parts: Parts,
    private readonly limits: DocxLimits,
  ) {}

  has(name: string): boolean {
    return this.parts.has(name);
  }

  /** Parses a part; its declared size counts against the expanded-size cap before anything is inflated. */
  async parse(name: string, handlers: XmlHandlers): Promise<boolean> {
    const entry = this.parts.get(name);
    if (!entry) return false;
    this.expanded += entry.uncompressedSize;
    if (this.expanded > this.limits.maxExpandedBytes) throw tooLarge(this.limits);
    try {
      await parseXmlEntry(this.bytes, entry, handlers);
    } catch (error) {
      // A handler's own refusal (too much text, not a Word document) comes back wrapped as the xlsx reader's error.
      const cause = error instanceof TabularFormatError ? error.cause : error;
      if (cause instanceof AppError) throw cause;
      if (cause instanceof EntryTooLarge) throw tooLarge(this.limits); // the directory lied about the size
      throw unreadableDocx(error);
    }
    return true;
  }

  async relationships(partName: string): Promise<Relationship[]> {
    const relsName = `${folderOf(partName)}_rels/${partName.slice(partName.lastIndexOf("/") + 1)}.rels`;
    const found: Relationship[] = [];
    await this.parse(relsName, {
      open(name, a) {
        if (name === "Relationship" && a.Target && a.TargetMode !== "External")
          found.push({ type: a.Type ?? "", target: joinPath(folderOf(partName), a.Target) });
      },
    });
    return found;
  }
}

export function openPackage(bytes: Uint8Array, limits: DocxLimits): DocxPackage {
  if (looksLikeOldWord(bytes)) throw oldWordFormat();
  if (!looksLikeZip(bytes)) throw unreadableDocx();
  let entries: ZipEntry[];
  try {
    entries = readZipEntries(bytes);
  } catch (error) {
    if (error instanceof TabularFormatError) throw unreadableDocx(error);
    throw error;
  }
  if (entries.length > limits.maxEntries) throw tooLarge(limits);
  return new DocxPackage(bytes, new Map(entries.map((e) => [e.name, e])), limits);
}
